/* SHM_HUGETLB: segments made of 2 MiB huge pages, each mapped by one Sv39 leaf at level 1. */
#define _GNU_SOURCE /* for IPC_INFO */
#include <rvshm.h>
#include <signal.h>
#include <stdint.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#ifndef RVSHM_LAZY
#define RVSHM_LAZY 0
#endif

#define K(n) ((key_t)(0x4800 + (n)))
#define HPG (2UL << 20)    /* a huge page */
#define HPAGES (HPG / PG)  /* the pages in one: 512 */
#define VBASE 0x40000000UL /* the window, on a 2 MiB boundary */
#define MAXSEG (1024 * PG) /* the largest segment, by default */
#define AT(a) ((void *)(uintptr_t)(a))
#define HUGE (IPC_CREAT | SHM_HUGETLB | 0600)

/* A huge segment of size bytes, expected to be made: its id, or -1. */
static int huge_seg(key_t key, size_t size)
{
	return (int)EXPECT_OK(shmget(key, size, HUGE));
}

/* Make the window's allocator and page tables that outlive a detach, so that a later free-page
 * count sees only what the test itself takes. */
static void warm_up(void)
{
	int id = shmget(IPC_PRIVATE, PG, 0600);
	dt(shmat(id, NULL, 0)), rm(id);
}

/* The pages a huge segment of n huge pages holds at once: its page list, and its frames
 * unless backing is lazy. */
static unsigned long held_by(unsigned long n)
{
	return 1 + (RVSHM_LAZY ? 0 : n * HPAGES);
}

TEST(shmget_hugetlb_rounds_up_to_2mib_pages_and_ipc_stat_reports_the_size_asked)
{
	warm_up();
	unsigned long before = free_pages();
	int id = huge_seg(K(1), HPG + 1);
	EXPECT_EQ(before - free_pages(), held_by(2));
	EXPECT_EQ(stat_of(id).shm_segsz, HPG + 1);
	volatile char *p = shmat(id, NULL, 0);
	EXPECT(p != FAILED);
	if (p != FAILED) {
		p[2 * HPG - 1] = 7; /* the last byte of the second huge page is ours too */
		EXPECT_EQ(p[2 * HPG - 1], 7);
	}
	dt((void *)p), rm(id);
	EXPECT_EQ(free_pages(), before);
}

TEST(shm_huge_2mb_asks_for_the_default_size)
{
	int id = (int)EXPECT_OK(shmget(IPC_PRIVATE, HPG, HUGE | SHM_HUGE_2MB));
	char *p = shmat(id, NULL, 0);
	EXPECT_EQ((uintptr_t)p % HPG, 0);
	dt(p), rm(id);
}

TEST(shmget_of_a_huge_page_size_rvshm_lacks_is_einval_and_takes_nothing)
{
	unsigned long before = free_pages();
	EXPECT_ERRNO(shmget(IPC_PRIVATE, HPG, HUGE | SHM_HUGE_1GB), EINVAL);
	EXPECT_ERRNO(shmget(K(2), HPG, HUGE | (16 << SHM_HUGE_SHIFT)), EINVAL); /* 64 KiB */
	EXPECT_ERRNO(shmget(K(2), HPG, HUGE | (63 << SHM_HUGE_SHIFT)), EINVAL);
	EXPECT_ERRNO(shmget(K(2), 0, 0600), ENOENT); /* nothing was made */
	EXPECT_EQ(free_pages(), before);
}

TEST(size_bits_without_shm_hugetlb_mean_nothing)
{
	int id = (int)EXPECT_OK(shmget(IPC_PRIVATE, PG, IPC_CREAT | SHM_HUGE_1GB | 0600));
	char *p = shmat(id, AT(VBASE + PG), 0); /* 4 KiB pages: no 2 MiB boundary needed */
	EXPECT_EQ(p, VBASE + PG);
	dt(p), rm(id);
}

TEST(shmget_hugetlb_over_the_largest_segment_is_einval)
{
	EXPECT_ERRNO(shmget(IPC_PRIVATE, MAXSEG + 1, HUGE), EINVAL);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, 0, HUGE), EINVAL);
}

TEST(shmget_of_an_existing_key_works_with_or_without_shm_hugetlb)
{
	int small = seg(K(3), PG), huge = huge_seg(K(4), HPG);
	EXPECT_EQ(shmget(K(3), PG, SHM_HUGETLB | 0600), small);
	EXPECT_EQ(shmget(K(4), PG, 0600), huge);
	EXPECT_EQ(shmget(K(4), HPG, SHM_HUGETLB | SHM_HUGE_1GB | 0600), huge);
	EXPECT_ERRNO(shmget(K(4), HPG + 1, SHM_HUGETLB | 0600), EINVAL); /* larger than asked */
	rm(small), rm(huge);
}

TEST(a_2mib_and_a_4mib_huge_segment_are_attached_at_once_with_the_defaults)
{
	int two = huge_seg(IPC_PRIVATE, HPG), four = huge_seg(IPC_PRIVATE, 2 * HPG);
	volatile char *a = shmat(two, NULL, 0), *b = shmat(four, NULL, 0);
	EXPECT(a != FAILED && b != FAILED);
	if (a != FAILED && b != FAILED) {
		a[HPG - 1] = 1;
		b[2 * HPG - 1] = 2;
		EXPECT_EQ(a[HPG - 1] + b[2 * HPG - 1], 3);
	}
	dt((void *)a), dt((void *)b), rm(two), rm(four);
}

TEST(shmat_null_places_a_huge_segment_on_a_2mib_boundary)
{
	int small = seg(IPC_PRIVATE, PG), huge = huge_seg(IPC_PRIVATE, HPG);
	void *s = shmat(small, NULL, 0);
	void *h = shmat(huge, NULL, 0);
	EXPECT_EQ(s, VBASE);
	EXPECT_EQ(h, VBASE + HPG); /* the hole after the small one is large, but not aligned */
	void *s2 = shmat(small, NULL, 0);
	EXPECT_EQ(s2, VBASE + PG); /* 4 KiB pages still take the lowest hole */
	dt(s), dt(h), dt(s2), rm(small), rm(huge);
}

TEST(shmat_at_a_fixed_2mib_boundary_returns_exactly_it)
{
	int id = huge_seg(IPC_PRIVATE, HPG);
	void *p = shmat(id, AT(VBASE + 5 * HPG), 0);
	EXPECT_EQ(p, VBASE + 5 * HPG);
	dt(p), rm(id);
}

TEST(shmat_at_a_fixed_address_off_a_2mib_boundary_is_einval_even_with_shm_rnd)
{
	int id = huge_seg(IPC_PRIVATE, HPG);
	EXPECT_ERRNO(shmat(id, AT(VBASE + PG), 0), EINVAL);
	EXPECT_ERRNO(shmat(id, AT(VBASE + HPG / 2), SHM_RDONLY), EINVAL);
	EXPECT_ERRNO(shmat(id, AT(VBASE + PG + 1), SHM_RND), EINVAL); /* rounds to SHMLBA only */
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	void *p = shmat(id, AT(VBASE + HPG + 1), SHM_RND); /* rounds down onto a boundary */
	EXPECT_EQ(p, VBASE + HPG);
	dt(p), rm(id);
}

TEST(shmat_of_a_huge_segment_over_another_attachment_is_einval)
{
	int small = seg(IPC_PRIVATE, PG), huge = huge_seg(IPC_PRIVATE, HPG);
	void *s = shmat(small, AT(VBASE + HPG + 7 * PG), 0);
	EXPECT_ERRNO(shmat(huge, AT(VBASE + HPG), 0), EINVAL);
	EXPECT_EQ(stat_of(huge).shm_nattch, 0);
	dt(s), rm(small), rm(huge);
}

TEST(shmdt_inside_a_huge_attachment_is_einval)
{
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	char *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	EXPECT_ERRNO(shmdt(p + PG), EINVAL);
	EXPECT_ERRNO(shmdt(p + HPG), EINVAL);
	EXPECT_ERRNO(shmdt(p + 1), EINVAL);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	EXPECT_OK(shmdt(p));
	rm(id);
}

/* The first offset in [0, n) whose word is not v, or n. */
static size_t first_word_not(const volatile uint64_t *p, size_t n, uint64_t v)
{
	for (size_t i = 0; i < n / sizeof(*p); i += PG / sizeof(*p) / 4)
		if (p[i] != v)
			return i * sizeof(*p);
	return n;
}

TEST(a_new_huge_segment_reads_as_zero_and_both_attachments_see_every_store)
{
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	volatile uint64_t *a = shmat(id, NULL, 0), *b = shmat(id, NULL, 0);
	if (a == FAILED || b == FAILED)
		return EXPECT(0);
	EXPECT_EQ(first_word_not(a, 2 * HPG, 0), 2 * HPG);
	for (size_t i = 0; i < 2 * HPG / 8; i += PG / 8)
		a[i] = i + 1; /* a word in every 4 KiB page, through one attachment */
	size_t wrong = 0;
	for (size_t i = 0; i < 2 * HPG / 8; i += PG / 8)
		wrong += b[i] != i + 1; /* seen through the other */
	EXPECT_EQ(wrong, 0);
	b[HPG / 8 + 3] = 0x5a5a;
	EXPECT_EQ(a[HPG / 8 + 3], 0x5a5a);
	dt((void *)a), dt((void *)b), rm(id);
}

TEST(a_huge_page_takes_no_leaf_table_and_shmat_takes_no_page)
{
	int keeper = seg(IPC_PRIVATE, PG), huge = huge_seg(IPC_PRIVATE, 2 * HPG);
	volatile char *k = shmat(keeper, AT(VBASE), 0);
	if (k != FAILED)
		k[0] = 1; /* mapped, even if lazy: the window's level-1 table exists now */
	unsigned long before = free_pages();
	volatile char *p = shmat(huge, AT(VBASE + 4 * HPG), 0);
	EXPECT_EQ(free_pages(), before); /* eager: two level-1 leaves; lazy: nothing yet */
	if (p != FAILED) {
		p[0] = 1, p[HPG] = 2;
		EXPECT_EQ(before - free_pages(), RVSHM_LAZY ? 2 * HPAGES : 0); /* still no table */
	}
	dt((void *)p);
	/* A 4 KiB page there needs a leaf table (mapped now if eager; the huge pages the lazy
	 * touches took stay the segment's). */
	void *s = shmat(keeper, AT(VBASE + 4 * HPG), 0);
	EXPECT_EQ(before - free_pages(), RVSHM_LAZY ? 2 * HPAGES : 1);
	dt(s), dt((void *)k), rm(keeper), rm(huge);
}

TEST(lazy_backing_takes_a_whole_huge_page_at_the_first_touch)
{
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	volatile char *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	p[0] = 1; /* the first huge page, and the window's level-1 table */
	unsigned long before = free_pages();
	p[HPG + 5 * PG] = 1; /* the second huge page, not at its start */
	EXPECT_EQ(before - free_pages(), RVSHM_LAZY ? HPAGES : 0);
	p[HPG + 100 * PG] = 2; /* the same huge page: nothing more */
	p[HPG] = 3;
	EXPECT_EQ(before - free_pages(), RVSHM_LAZY ? HPAGES : 0);
	EXPECT_EQ(p[HPG + 5 * PG] + p[HPG + 100 * PG] + p[HPG] + p[0], 7);
	dt((void *)p), rm(id);
}

static volatile char *probe; /* what the child below stores to */

static void store_to_probe(void)
{
	*probe = 1;
}

TEST(a_store_through_a_read_only_huge_attachment_is_sigsegv)
{
	int id = huge_seg(IPC_PRIVATE, HPG);
	volatile char *rw = shmat(id, NULL, 0);
	const volatile char *ro = shmat(id, NULL, SHM_RDONLY);
	if (rw == FAILED || ro == FAILED)
		return EXPECT(0);
	rw[HPG - 1] = 9;
	EXPECT_EQ(ro[HPG - 1], 9);
	probe = (volatile char *)ro + HPG / 2;
	EXPECT(killed_by(in_child(store_to_probe), SIGSEGV));
	EXPECT_EQ(ro[HPG / 2], 0);
	dt((void *)rw), dt((const void *)ro), rm(id);
}

TEST(shmdt_of_a_huge_attachment_unmaps_all_of_it)
{
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	char *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	p[0] = p[2 * HPG - 1] = 1;
	dt(p);
	const uintptr_t offsets[] = { 0, HPG - 1, HPG + 3 * PG, 2 * HPG - 1 };
	for (size_t i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		probe = p + offsets[i];
		EXPECT(killed_by(in_child(store_to_probe), SIGSEGV));
	}
	rm(id);
}

TEST(a_child_inherits_a_huge_attachment_at_the_same_address_sharing_its_frames)
{
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	volatile char *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	p[3] = 30;
	pid_t pid = fork();
	if (pid == 0) {
		int ok = p[3] == 30 && stat_of(id).shm_nattch == 2;
		p[HPG + 3] = 31;
		_exit(ok ? 0 : 1);
	}
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(p[HPG + 3], 31);
	EXPECT_EQ(stat_of(id).shm_nattch, 1); /* the child's exit detached its copy */
	dt((void *)p), rm(id);
}

static int inherited_id, fresh_id; /* for the child below */
static volatile char *inherited;

/* Attach fresh_id anywhere: it must not land on the inherited attachment. */
static void attach_beside_what_was_inherited(void)
{
	volatile char *p = shmat(fresh_id, NULL, 0);
	if (p == FAILED || (p < inherited + 2 * HPG && inherited < p + HPG))
		_exit(1);
	p[0] = 5;
	_exit(inherited[0] == 4 ? 0 : 2);
}

TEST(a_child_attaching_anywhere_keeps_clear_of_what_it_inherited)
{
	inherited_id = huge_seg(IPC_PRIVATE, 2 * HPG), fresh_id = huge_seg(IPC_PRIVATE, HPG);
	inherited = shmat(inherited_id, NULL, 0);
	if (inherited == FAILED)
		return EXPECT(0);
	inherited[0] = 4;
	EXPECT(exited_with(in_child(attach_beside_what_was_inherited), 0));
	dt((void *)inherited), rm(inherited_id), rm(fresh_id);
}

TEST(a_huge_segment_removed_while_attached_lives_until_its_last_detach)
{
	warm_up();
	unsigned long before = free_pages();
	int id = huge_seg(IPC_PRIVATE, HPG);
	volatile char *p = shmat(id, NULL, 0);
	pid_t pid = fork();
	if (pid == 0) {
		_exit(wait_removed(id) && p[0] == 0 ? (p[1] = 2, 0) : 1);
	}
	rm(id);
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(p[1], 2);
	EXPECT(stat_of(id).shm_perm.mode & SHM_DEST);
	dt((void *)p);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
	EXPECT_EQ(free_pages(), before);
}

static int exiting_id; /* the segment the child below attaches and leaves attached */

static void attach_touch_and_exit(void)
{
	volatile char *p = shmat(exiting_id, NULL, 0);
	if (p != FAILED)
		p[HPG + 1] = 1;
}

TEST(exit_detaches_a_huge_attachment_and_gives_back_its_page_tables)
{
	warm_up();
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	unsigned long before = free_pages();
	exiting_id = id;
	EXPECT(exited_with(in_child(attach_touch_and_exit), 0));
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	EXPECT_EQ(before - free_pages(), RVSHM_LAZY ? HPAGES : 0); /* the touched huge page */
	rm(id);
}

TEST(shm_info_counts_the_size_asked_for_and_the_pages_backed_in_4kib_pages)
{
	struct shm_info si0, si1;
	EXPECT_OK(shmctl(0, SHM_INFO, (struct shmid_ds *)&si0));
	int id = huge_seg(IPC_PRIVATE, HPG + 1);
	EXPECT_OK(shmctl(0, SHM_INFO, (struct shmid_ds *)&si1));
	EXPECT_EQ(si1.shm_tot - si0.shm_tot, HPAGES + 1); /* as Linux counts shm_tot */
	EXPECT_EQ(si1.shm_rss - si0.shm_rss, RVSHM_LAZY ? 0 : 2 * HPAGES);
	EXPECT_EQ(si1.used_ids, si0.used_ids + 1);
	volatile char *p = shmat(id, NULL, 0);
	if (p != FAILED)
		p[0] = 1;
	EXPECT_OK(shmctl(0, SHM_INFO, (struct shmid_ds *)&si1));
	EXPECT_EQ(si1.shm_rss - si0.shm_rss, RVSHM_LAZY ? HPAGES : 2 * HPAGES);
	dt((void *)p), rm(id);
}

TEST(ipc_stat_copies_out_into_a_huge_page_across_4kib_and_2mib_boundaries)
{
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	char *p = shmat(id, NULL, 0);
	if (p == FAILED)
		return EXPECT(0);
	struct shmid_ds *mid = (struct shmid_ds *)(p + 5 * PG - 40); /* straddles 4 KiB */
	struct shmid_ds *across = (struct shmid_ds *)(p + HPG - 24); /* straddles 2 MiB */
	EXPECT_OK(shmctl(id, IPC_STAT, mid));
	EXPECT_OK(shmctl(id, IPC_STAT, across));
	EXPECT_EQ(mid->shm_segsz, 2 * HPG);
	EXPECT_EQ(across->shm_segsz, 2 * HPG);
	EXPECT_EQ(across->shm_nattch, 1);
	across->shm_perm.mode = 0640; /* and copies in, for IPC_SET */
	EXPECT_OK(shmctl(id, IPC_SET, across));
	EXPECT_EQ(stat_of(id).shm_perm.mode & 0777, 0640);
	dt(p), rm(id);
}

static int denied_id; /* root's 0600 segment, for the child below */

static void try_as_another_user(void)
{
	if (setuid(1000) != 0)
		_exit(2);
	/* Linux's order: an address off SHMLBA first, then permission, then the 2 MiB boundary. */
	EXPECT_ERRNO(shmat(denied_id, AT(VBASE + 1), 0), EINVAL);
	EXPECT_ERRNO(shmat(denied_id, AT(VBASE + PG), 0), EACCES);
	EXPECT_ERRNO(shmat(denied_id, NULL, SHM_RDONLY), EACCES);
	_exit(utest_failed());
}

TEST(permissions_hold_for_huge_segments_before_their_alignment_is_checked)
{
	denied_id = huge_seg(IPC_PRIVATE, HPG);
	EXPECT(exited_with(in_child(try_as_another_user), 0));
	rm(denied_id);
}

TEST(vmprint_shows_huge_pages_as_such)
{
	int id = huge_seg(IPC_PRIVATE, 2 * HPG);
	volatile char *p = shmat(id, AT(VBASE + 8 * HPG), SHM_RDONLY);
	if (p == FAILED)
		return EXPECT(0);
	(void)p[0], (void)p[HPG]; /* lazy kernels map each at its first touch */
	EXPECT_EQ(vmprint(), 0);
	dt((void *)p), rm(id);
}
