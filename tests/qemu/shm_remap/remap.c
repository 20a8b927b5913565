/* SHM_REMAP: shmat at a fixed address replaces the attachments that lie wholly inside the new
 * range, each detached as by shmdt; a partial overlap is EINVAL (Linux would replace that too). */
#include <stdint.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#ifndef RVSHM_LAZY
#define RVSHM_LAZY 0
#endif

#define VBASE 0x40000000UL
#define VEND 0x50000000UL
#define HPG (2UL << 20)
#define AT(a) ((void *)(uintptr_t)(a))
#define A (VBASE + 16 * PG) /* where the tests replace things */

/* Make the window's allocator and its level-1 table, which outlive every detach, so that a
 * free-page count sees only what a test takes. Returns the keeper's attachment. */
static volatile char *keep_window(int *id)
{
	*id = seg(IPC_PRIVATE, PG);
	volatile char *k = shmat(*id, AT(VEND - PG), 0);
	if (k != FAILED)
		k[0] = 1;
	return k;
}

TEST(shm_remap_replaces_the_attachments_wholly_inside_the_range)
{
	int one = seg(IPC_PRIVATE, PG), four = seg(IPC_PRIVATE, 4 * PG);
	volatile char *a = shmat(one, AT(A), 0), *b = shmat(one, AT(A + 3 * PG), 0);
	if (a == FAILED || b == FAILED)
		return EXPECT(0);
	a[0] = 'o';
	volatile char *p = shmat(four, AT(A), SHM_REMAP);
	EXPECT_EQ(p, A);
	EXPECT_EQ(stat_of(one).shm_nattch, 0); /* both were detached */
	EXPECT_EQ(stat_of(four).shm_nattch, 1);
	EXPECT_EQ(stat_of(one).shm_lpid, getpid());
	EXPECT_EQ(p[0], 0); /* the new segment's page, not the old one's */
	p[3 * PG] = 'n';
	EXPECT_ERRNO(shmdt(AT(A + 3 * PG)), EINVAL); /* b is gone: only p starts here */
	EXPECT_OK(shmdt((void *)p));
	volatile char *again = shmat(one, NULL, 0);
	EXPECT_EQ(again[0], 'o'); /* the replaced segment kept its contents */
	dt((void *)again), rm(one), rm(four);
}

TEST(shm_remap_over_a_partial_overlap_is_einval_and_changes_nothing)
{
	int two = seg(IPC_PRIVATE, 2 * PG), four = seg(IPC_PRIVATE, 4 * PG);
	volatile char *a = shmat(two, AT(A + 3 * PG), 0); /* its second page lies past A + 4 */
	if (a == FAILED)
		return EXPECT(0);
	a[PG] = 'k';
	EXPECT_ERRNO(shmat(four, AT(A), SHM_REMAP), EINVAL);
	EXPECT_ERRNO(shmat(four, AT(A + 4 * PG), SHM_REMAP), EINVAL); /* overlaps its start */
	EXPECT_EQ(stat_of(two).shm_nattch, 1);
	EXPECT_EQ(stat_of(four).shm_nattch, 0);
	EXPECT_EQ(a[PG], 'k');
	dt((void *)a), rm(two), rm(four);
}

TEST(shm_remap_over_free_space_is_a_plain_fixed_attach)
{
	int id = seg(IPC_PRIVATE, 3 * PG);
	void *p = shmat(id, AT(A), SHM_REMAP);
	EXPECT_EQ(p, A);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	dt(p), rm(id);
}

TEST(shm_remap_without_it_an_overlap_is_einval)
{
	int one = seg(IPC_PRIVATE, PG), four = seg(IPC_PRIVATE, 4 * PG);
	void *a = shmat(one, AT(A + PG), 0);
	EXPECT_ERRNO(shmat(four, AT(A), 0), EINVAL);
	EXPECT_EQ(stat_of(one).shm_nattch, 1);
	dt(a), rm(one), rm(four);
}

TEST(shm_remap_may_replace_an_attachment_of_the_same_segment)
{
	int id = seg(IPC_PRIVATE, 2 * PG);
	volatile char *a = shmat(id, AT(A), 0);
	if (a == FAILED)
		return EXPECT(0);
	a[PG] = 's';
	volatile char *b = shmat(id, AT(A), SHM_REMAP | SHM_RDONLY);
	EXPECT_EQ(b, A);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	EXPECT_EQ(b[PG], 's');
	dt((void *)b), rm(id);
}

TEST(shm_remap_over_the_last_attachment_of_its_own_removed_segment_keeps_it)
{
	/* As on Linux: the new attachment counts before the old one is detached. */
	int id = seg(IPC_PRIVATE, PG);
	volatile char *a = shmat(id, AT(A), 0);
	if (a == FAILED)
		return EXPECT(0);
	a[0] = 42;
	rm(id);
	volatile char *b = shmat(id, AT(A), SHM_REMAP);
	EXPECT_EQ(b, A);
	EXPECT_EQ(b == FAILED ? -1 : b[0], 42);
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_nattch, 1);
	EXPECT(ds.shm_perm.mode & SHM_DEST);
	EXPECT_OK(shmdt((void *)b));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &ds), EINVAL); /* gone with its last detach */
}

TEST(shm_remap_over_the_last_attachment_of_another_removed_segment_destroys_it)
{
	int keeper;
	volatile char *k = keep_window(&keeper);
	unsigned long before = free_pages();
	int old = seg(IPC_PRIVATE, 8 * PG), next = seg(IPC_PRIVATE, 8 * PG);
	volatile char *a = shmat(old, AT(A), 0);
	if (a != FAILED)
		a[7 * PG] = 1;
	rm(old);
	volatile char *b = shmat(next, AT(A), SHM_REMAP);
	EXPECT_EQ(b, A);
	EXPECT_ERRNO(shmctl(old, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
	if (b != FAILED)
		b[7 * PG] = 2;
	dt((void *)b), rm(next);
	EXPECT_EQ(free_pages(), before);
	dt((void *)k), rm(keeper);
}

TEST(shm_remap_with_shm_rnd_rounds_down_then_replaces)
{
	int one = seg(IPC_PRIVATE, PG), two = seg(IPC_PRIVATE, 2 * PG);
	void *a = shmat(one, AT(A + PG), 0);
	void *b = shmat(two, AT(A + 123), SHM_REMAP | SHM_RND);
	EXPECT_EQ(b, A);
	EXPECT_EQ(stat_of(one).shm_nattch, 0);
	EXPECT_ERRNO(shmdt(a), EINVAL);
	dt(b), rm(one), rm(two);
}

TEST(shm_remap_checks_in_linux_order)
{
	int one = seg(IPC_PRIVATE, PG), two = seg(IPC_PRIVATE, 2 * PG);
	void *a = shmat(one, AT(A + PG), 0);
	EXPECT_ERRNO(shmat(two, NULL, SHM_REMAP), EINVAL);           /* no address to replace at */
	EXPECT_ERRNO(shmat(two, AT(A + 1), SHM_REMAP), EINVAL);      /* not on SHMLBA */
	EXPECT_ERRNO(shmat(-1, AT(A), SHM_REMAP), EINVAL);           /* no segment */
	EXPECT_ERRNO(shmat(two, AT(VEND - PG), SHM_REMAP), EINVAL);  /* runs past the window */
	EXPECT_ERRNO(shmat(two, AT(0x10000000), SHM_REMAP), EINVAL); /* outside it */
	EXPECT_EQ(stat_of(one).shm_nattch, 1);                       /* none of them replaced a */
	dt(a), rm(one), rm(two);
}

TEST(shm_remap_of_a_huge_segment_replaces_small_attachments_in_its_2mib)
{
	int keeper;
	volatile char *k = keep_window(&keeper);
	unsigned long before = free_pages();
	int one = seg(IPC_PRIVATE, PG);
	int huge = (int)EXPECT_OK(shmget(IPC_PRIVATE, HPG, IPC_CREAT | SHM_HUGETLB | 0600));
	volatile char *a = shmat(one, AT(VBASE + HPG), 0),
		      *b = shmat(one, AT(VBASE + 2 * HPG - PG), 0);
	if (a != FAILED && b != FAILED)
		a[0] = b[0] = 1; /* leaf tables, and lazily the frame */
	volatile char *h = shmat(huge, AT(VBASE + HPG), SHM_REMAP);
	EXPECT_EQ(h, VBASE + HPG);
	EXPECT_EQ(stat_of(one).shm_nattch, 0);
	if (h != FAILED)
		EXPECT_EQ(h[0] + h[HPG - PG], 0);
	dt((void *)h), rm(one), rm(huge);
	EXPECT_EQ(free_pages(), before); /* every leaf table and frame is back */
	dt((void *)k), rm(keeper);
}

TEST(a_failed_or_successful_shm_remap_gives_back_every_page)
{
	int keeper;
	volatile char *k = keep_window(&keeper);
	unsigned long before = free_pages();
	int one = seg(IPC_PRIVATE, PG), two = seg(IPC_PRIVATE, 2 * PG);
	int big = seg(IPC_PRIVATE, 600 * PG);
	volatile char *a = shmat(one, AT(A), 0), *b = shmat(two, AT(A + 599 * PG), 0);
	if (a != FAILED && b != FAILED)
		a[0] = b[PG] = 1; /* b's second page lies past big's end, in another leaf table */
	EXPECT_ERRNO(shmat(big, AT(A), SHM_REMAP), EINVAL);
	dt((void *)b);
	volatile char *p = shmat(big, AT(A), SHM_REMAP);
	EXPECT_EQ(p, A);
	if (p != FAILED)
		p[0] = p[599 * PG] = 2;
	dt((void *)p), rm(one), rm(two), rm(big);
	EXPECT_EQ(free_pages(), before);
	dt((void *)k), rm(keeper);
}
