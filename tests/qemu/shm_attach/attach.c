/* shmat and shmdt: where attachments go, which addresses and ids fail, what shmid_ds records. */
#include <errno.h>
#include <stdint.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x2000 + (n)))
#define VBASE 0x40000000UL
#define VEND 0x50000000UL
#define AT(a) ((void *)(uintptr_t)(a))

TEST(shmat_null_takes_the_window_start_when_nothing_is_attached)
{
	int id = seg(K(1), PG);
	void *p = shmat(id, NULL, 0);
	EXPECT_EQ(p, VBASE);
	dt(p), rm(id);
}

TEST(shmat_null_takes_the_lowest_free_range_that_fits)
{
	int one = seg(K(2), PG), two = seg(K(3), 2 * PG);
	void *a = shmat(one, AT(VBASE), 0);
	void *b = shmat(one, NULL, 0);
	EXPECT_EQ(a, VBASE);
	EXPECT_EQ(b, VBASE + PG);
	dt(a); /* hole of one page at VBASE */
	void *c = shmat(two, NULL, 0);
	EXPECT_EQ(c, VBASE + 2 * PG); /* the one-page hole is too small */
	void *d = shmat(one, NULL, 0);
	EXPECT_EQ(d, VBASE); /* but a one-page segment fits it */
	dt(b), dt(c), dt(d), rm(one), rm(two);
}

TEST(shmat_null_skips_a_hole_only_partly_free)
{
	int one = seg(K(4), PG), three = seg(K(5), 3 * PG);
	void *a = shmat(one, AT(VBASE + 2 * PG), 0);
	EXPECT_EQ(a, VBASE + 2 * PG);
	void *b = shmat(three, NULL, 0); /* [VBASE, +3 pages) overlaps a */
	EXPECT_EQ(b, VBASE + 3 * PG);
	dt(a), dt(b), rm(one), rm(three);
}

TEST(shmat_at_an_aligned_address_in_the_window_returns_exactly_it)
{
	int id = seg(K(6), 2 * PG);
	void *p = shmat(id, AT(0x41234000), 0);
	EXPECT_EQ(p, 0x41234000);
	void *q = shmat(id, AT(VBASE), 0);
	EXPECT_EQ(q, VBASE);
	dt(p), dt(q), rm(id);
}

TEST(shmat_ending_exactly_at_the_window_end_succeeds)
{
	int id = seg(K(7), 2 * PG);
	void *p = shmat(id, AT(VEND - 2 * PG), 0);
	EXPECT_EQ(p, VEND - 2 * PG);
	dt(p), rm(id);
}

TEST(shmat_unaligned_address_without_shm_rnd_is_einval)
{
	int id = seg(K(8), PG);
	EXPECT_ERRNO(shmat(id, AT(VBASE + 1), 0), EINVAL);
	EXPECT_ERRNO(shmat(id, AT(VBASE + 0x5123), 0), EINVAL);
	EXPECT_ERRNO(shmat(id, AT(VBASE + PG - 8), SHM_RDONLY), EINVAL);
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	rm(id);
}

TEST(shmat_unaligned_address_with_shm_rnd_rounds_down_to_shmlba)
{
	int id = seg(K(9), PG);
	void *p = shmat(id, AT(VBASE + 0x5123), SHM_RND);
	EXPECT_EQ(p, VBASE + 0x5000);
	void *q = shmat(id, AT(VBASE + 0x7fff), SHM_RND | SHM_RDONLY);
	EXPECT_EQ(q, VBASE + 0x7000);
	void *r = shmat(id, AT(VBASE + 0x9000), SHM_RND); /* aligned: unchanged */
	EXPECT_EQ(r, VBASE + 0x9000);
	dt(p), dt(q), dt(r), rm(id);
}

TEST(shmat_outside_the_window_is_einval)
{
	int id = seg(K(10), 2 * PG);
	EXPECT_ERRNO(shmat(id, AT(0x30000000), 0), EINVAL);
	EXPECT_ERRNO(shmat(id, AT(VBASE - PG), 0), EINVAL);         /* straddles the start */
	EXPECT_ERRNO(shmat(id, AT(VEND - PG), 0), EINVAL);          /* runs past the end */
	EXPECT_ERRNO(shmat(id, AT(VEND), 0), EINVAL);               /* just past it */
	EXPECT_ERRNO(shmat(id, AT(0x10000), 0), EINVAL);            /* over user text */
	EXPECT_ERRNO(shmat(id, AT(0x1fff0000), 0), EINVAL);         /* over the stack */
	EXPECT_ERRNO(shmat(id, AT(0x80200000), 0), EINVAL);         /* kernel */
	EXPECT_ERRNO(shmat(id, AT(0xfffffffffffff000), 0), EINVAL); /* would wrap */
	EXPECT_ERRNO(shmat(id, AT(VEND - PG + 5), SHM_RND), EINVAL);
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	rm(id);
}

TEST(shmat_overlapping_an_existing_attachment_is_einval)
{
	int two = seg(K(11), 2 * PG), one = seg(K(12), PG);
	void *a = shmat(two, AT(VBASE + 4 * PG), 0);
	EXPECT_EQ(a, VBASE + 4 * PG);
	EXPECT_ERRNO(shmat(two, AT(VBASE + 4 * PG), 0), EINVAL);          /* same start */
	EXPECT_ERRNO(shmat(one, AT(VBASE + 5 * PG), 0), EINVAL);          /* inside */
	EXPECT_ERRNO(shmat(two, AT(VBASE + 3 * PG), 0), EINVAL);          /* tail over its head */
	EXPECT_ERRNO(shmat(two, AT(VBASE + 5 * PG), SHM_RDONLY), EINVAL); /* head over its tail */
	void *b = shmat(two, AT(VBASE + 2 * PG), 0);                      /* just below: fine */
	EXPECT_EQ(b, VBASE + 2 * PG);
	void *c = shmat(one, AT(VBASE + 6 * PG), 0); /* just above: fine */
	EXPECT_EQ(c, VBASE + 6 * PG);
	EXPECT_EQ(stat_of(two).shm_nattch, 2);
	dt(a), dt(b), dt(c), rm(two), rm(one);
}

/* SHM_REMAP asks to replace what lies at an address: without one it means nothing, and
 * Linux refuses it. */
TEST(shmat_with_shm_remap_and_no_address_is_einval)
{
	int id = seg(K(30), PG);
	EXPECT_ERRNO(shmat(id, NULL, SHM_REMAP), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, SHM_REMAP | SHM_RDONLY), EINVAL);
	EXPECT_ERRNO(shmat(id, AT(PG - 1), SHM_REMAP | SHM_RND), EINVAL); /* rounds down to 0 */
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	rm(id);
}

TEST(shmat_a_bad_id_is_einval)
{
	EXPECT_ERRNO(shmat(-1, NULL, 0), EINVAL);
	EXPECT_ERRNO(shmat(-12345, NULL, 0), EINVAL);
	EXPECT_ERRNO(shmat(0x7fffffff, NULL, 0), EINVAL);
	EXPECT_ERRNO(shmat(0x7fffffff, NULL, SHM_RDONLY), EINVAL);
}

TEST(shmat_a_removed_id_is_einval)
{
	int id = seg(K(13), PG);
	rm(id);
	EXPECT_ERRNO(shmat(id, NULL, 0), EINVAL);
	EXPECT_ERRNO(shmat(id, NULL, SHM_RDONLY), EINVAL);
}

TEST(shmat_counts_each_attachment_in_nattch)
{
	int id = seg(K(14), PG);
	void *a = shmat(id, NULL, 0);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	void *b = shmat(id, NULL, SHM_RDONLY);
	EXPECT(a != b);
	EXPECT_EQ(stat_of(id).shm_nattch, 2);
	dt(a);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	dt(b);
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	rm(id);
}

TEST(shmat_sets_atime_and_lpid_and_shmdt_sets_dtime)
{
	int id = seg(K(15), PG);
	struct shmid_ds ds0 = stat_of(id);
	void *p = shmat(id, NULL, 0);
	struct shmid_ds ds1 = stat_of(id);
	EXPECT(ds1.shm_atime >= ds0.shm_ctime);
	EXPECT(ds1.shm_atime < 4102444800L);
	EXPECT_EQ(ds1.shm_dtime, 0);
	EXPECT_EQ(ds1.shm_lpid, getpid());
	EXPECT_EQ(ds1.shm_ctime, ds0.shm_ctime); /* attaching is not a change of the segment */
	dt(p);
	struct shmid_ds ds2 = stat_of(id);
	EXPECT(ds2.shm_dtime >= ds1.shm_atime);
	EXPECT(ds2.shm_dtime < 4102444800L);
	EXPECT_EQ(ds2.shm_atime, ds1.shm_atime);
	EXPECT_EQ(ds2.shm_lpid, getpid());
	rm(id);
}

TEST(shmat_failure_changes_neither_atime_nor_lpid_nor_nattch)
{
	int id = seg(K(16), PG);
	EXPECT_ERRNO(shmat(id, AT(VBASE + 3), 0), EINVAL);
	struct shmid_ds ds = stat_of(id);
	EXPECT_EQ(ds.shm_atime, 0);
	EXPECT_EQ(ds.shm_lpid, 0);
	EXPECT_EQ(ds.shm_nattch, 0);
	rm(id);
}

TEST(shmdt_only_accepts_the_exact_start_of_an_attachment)
{
	int id = seg(K(17), 2 * PG);
	char *p = shmat(id, NULL, 0);
	EXPECT_ERRNO(shmdt(p + PG), EINVAL);
	EXPECT_ERRNO(shmdt(p + 1), EINVAL);
	EXPECT_ERRNO(shmdt(p + 2 * PG), EINVAL);
	EXPECT_ERRNO(shmdt(p - PG), EINVAL);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	dt(p), rm(id);
}

TEST(shmdt_of_an_address_never_attached_is_einval)
{
	EXPECT_ERRNO(shmdt(NULL), EINVAL);
	EXPECT_ERRNO(shmdt(AT(VBASE)), EINVAL);
	EXPECT_ERRNO(shmdt(AT(0x30000000)), EINVAL);
	EXPECT_ERRNO(shmdt(AT(0x10000)), EINVAL); /* mapped, but not shared memory */
	EXPECT_ERRNO(shmdt(AT(0x80200000)), EINVAL);
	EXPECT_ERRNO(shmdt(AT(-1L)), EINVAL);
}

TEST(shmdt_twice_is_einval_the_second_time)
{
	int id = seg(K(18), PG);
	void *p = shmat(id, NULL, 0);
	EXPECT_OK(shmdt(p));
	EXPECT_ERRNO(shmdt(p), EINVAL);
	EXPECT_EQ(stat_of(id).shm_nattch, 0);
	rm(id);
}

TEST(shmdt_frees_the_range_for_a_new_attachment_at_the_same_address)
{
	int id = seg(K(19), 2 * PG), other = seg(K(20), PG);
	void *p = shmat(id, AT(VBASE + 8 * PG), 0);
	EXPECT_EQ(p, VBASE + 8 * PG);
	dt(p);
	void *q = shmat(id, AT(VBASE + 8 * PG), 0);
	EXPECT_EQ(q, VBASE + 8 * PG);
	dt(q);
	void *r = shmat(other, AT(VBASE + 9 * PG), 0); /* the freed tail page too */
	EXPECT_EQ(r, VBASE + 9 * PG);
	dt(r), rm(id), rm(other);
}

TEST(shmdt_leaves_other_attachments_of_the_segment_in_place)
{
	int id = seg(K(21), PG);
	volatile int *a = shmat(id, NULL, 0);
	volatile int *b = shmat(id, NULL, 0);
	dt((void *)a);
	b[0] = 42; /* still mapped */
	EXPECT_EQ(b[0], 42);
	EXPECT_EQ(stat_of(id).shm_nattch, 1);
	dt((void *)b), rm(id);
}

TEST(shmat_of_a_segment_found_with_size_zero_maps_all_its_pages)
{
	int id = seg(K(22), 3 * PG);
	int same = EXPECT_OK(shmget(K(22), 0, 0));
	EXPECT_EQ(same, id);
	volatile char *p = shmat(same, NULL, 0);
	p[3 * PG - 1] = 7;
	EXPECT_EQ(p[3 * PG - 1], 7);
	void *next = shmat(id, NULL, 0); /* the first attachment spans three pages */
	EXPECT_EQ(next, (uintptr_t)p + 3 * PG);
	dt((void *)p), dt(next), rm(id);
}
