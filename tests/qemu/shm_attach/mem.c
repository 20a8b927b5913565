/* Shared memory contents: zero when new, one set of frames behind every attachment. */
#include <stdint.h>
#include <string.h>
#include <sys/shm.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x2800 + (n)))
#define MAXSEG (1024 * PG)

/* The first offset in [0, n) whose byte is not v, or n. */
static size_t first_not(const volatile unsigned char *p, size_t n, unsigned char v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return i;
	return n;
}

TEST(new_segment_reads_as_zero_in_every_page)
{
	int id = seg(K(1), MAXSEG);
	const unsigned char *p = shmat(id, NULL, SHM_RDONLY);
	EXPECT(p != FAILED);
	if (p != FAILED)
		EXPECT_EQ(first_not(p, MAXSEG, 0), MAXSEG);
	dt(p), rm(id);
}

TEST(a_partial_last_page_is_mapped_whole_and_zero)
{
	int id = seg(K(2), 5000);
	volatile unsigned char *p = shmat(id, NULL, 0);
	EXPECT(p != FAILED);
	if (p != FAILED) {
		EXPECT_EQ(first_not(p, 2 * PG, 0), 2 * PG);
		p[2 * PG - 1] = 0x5a; /* past shm_segsz, inside the page: ours to use */
		EXPECT_EQ(p[2 * PG - 1], 0x5a);
	}
	dt((void *)p), rm(id);
}

TEST(writes_through_one_attachment_show_through_another_at_a_different_address)
{
	int id = seg(K(3), 3 * PG);
	volatile unsigned char *a = shmat(id, NULL, 0);
	volatile unsigned char *b = shmat(id, NULL, 0);
	EXPECT(a != FAILED && b != FAILED && a != b);
	if (a != FAILED && b != FAILED) {
		for (size_t pg = 0; pg < 3; pg++)
			a[pg * PG + 17] = (unsigned char)(0xa0 + pg);
		for (size_t pg = 0; pg < 3; pg++)
			EXPECT_EQ(b[pg * PG + 17], 0xa0 + pg);
		b[2 * PG + 100] = 0x3c;
		EXPECT_EQ(a[2 * PG + 100], 0x3c);
	}
	dt((void *)a), dt((void *)b), rm(id);
}

TEST(a_read_only_attachment_sees_what_a_writable_one_wrote)
{
	int id = seg(K(4), 2 * PG);
	volatile unsigned char *rw = shmat(id, NULL, 0);
	const volatile unsigned char *ro = shmat(id, NULL, SHM_RDONLY);
	EXPECT(rw != FAILED && ro != FAILED);
	if (rw != FAILED && ro != FAILED) {
		rw[0] = 1;
		rw[PG + 5] = 2;
		EXPECT_EQ(ro[0], 1);
		EXPECT_EQ(ro[PG + 5], 2);
	}
	dt((void *)rw), dt((const void *)ro), rm(id);
}

TEST(contents_survive_detaching_every_attachment_until_removal)
{
	int id = seg(K(5), PG);
	volatile int *p = shmat(id, NULL, 0);
	if (p != FAILED)
		p[10] = 0x12345678;
	dt((void *)p);
	volatile int *q = shmat(id, (void *)0x40400000, 0);
	EXPECT_EQ(q, 0x40400000);
	if (q != FAILED)
		EXPECT_EQ(q[10], 0x12345678);
	dt((void *)q), rm(id);
}

TEST(pages_of_a_removed_segment_read_as_zero_when_recycled)
{
	for (int round = 0; round < 2; round++) {
		int id = seg(K(6), MAXSEG);
		unsigned char *p = shmat(id, NULL, 0);
		EXPECT(p != FAILED);
		if (p == FAILED)
			return;
		EXPECT_EQ(first_not(p, MAXSEG, 0), MAXSEG);
		memset(p, 0xff, MAXSEG);
		dt(p), rm(id);
	}
	/* A different size and a private key: still no old bytes. */
	int id = EXPECT_OK(shmget(IPC_PRIVATE, MAXSEG / 2 + 100, 0600));
	unsigned char *p = shmat(id, NULL, 0);
	if (p != FAILED)
		EXPECT_EQ(first_not(p, MAXSEG / 2 + PG, 0), MAXSEG / 2 + PG);
	dt(p), rm(id);
}

TEST(distinct_segments_do_not_share_memory)
{
	int a = seg(K(7), PG), b = seg(K(8), PG);
	volatile int *pa = shmat(a, NULL, 0), *pb = shmat(b, NULL, 0);
	if (pa != FAILED && pb != FAILED) {
		pa[0] = 111;
		pb[0] = 222;
		EXPECT_EQ(pa[0], 111);
		EXPECT_EQ(pb[0], 222);
	}
	dt((void *)pa), dt((void *)pb), rm(a), rm(b);
}

TEST(a_removed_but_attached_segment_stays_usable)
{
	int id = seg(K(9), PG);
	volatile int *a = shmat(id, NULL, 0), *b = shmat(id, NULL, 0);
	rm(id);
	if (a != FAILED && b != FAILED) {
		a[1] = 99;
		EXPECT_EQ(b[1], 99);
	}
	dt((void *)a);
	if (b != FAILED) {
		b[2] = 7;
		EXPECT_EQ(b[2], 7);
		EXPECT_EQ(b[1], 99);
	}
	dt((void *)b);
}

TEST(a_page_read_before_anyone_wrote_it_still_shows_later_writes)
{
	int id = seg(K(10), 2 * PG);
	const volatile int *ro = shmat(id, NULL, SHM_RDONLY);
	volatile int *rw = shmat(id, NULL, 0);
	if (ro != FAILED && rw != FAILED) {
		EXPECT_EQ(ro[0], 0); /* first touch by a reader */
		EXPECT_EQ(rw[PG / sizeof(int)], 0);
		rw[0] = 41;
		rw[PG / sizeof(int)] = 42;
		EXPECT_EQ(ro[0], 41);
		EXPECT_EQ(ro[PG / sizeof(int)], 42);
	}
	dt((const void *)ro), dt((void *)rw), rm(id);
}

TEST(a_page_first_touched_in_one_attachment_is_the_same_page_in_another)
{
	int id = seg(K(11), 4 * PG);
	volatile char *a = shmat(id, NULL, 0), *b = shmat(id, NULL, 0);
	if (a != FAILED && b != FAILED) {
		for (unsigned i = 0; i < 4; i++)
			(i % 2 ? a : b)[i * PG + i] = (char)(10 + i);
		for (unsigned i = 0; i < 4; i++) {
			EXPECT_EQ(a[i * PG + i], 10 + i);
			EXPECT_EQ(b[i * PG + i], 10 + i);
		}
	}
	dt((void *)a), dt((void *)b), rm(id);
}

TEST(a_page_first_written_by_the_kernel_is_the_same_page_in_another_attachment)
{
	int id = seg(K(12), 2 * PG);
	char *a = shmat(id, NULL, 0);
	const volatile char *b = shmat(id, NULL, SHM_RDONLY);
	if (a != FAILED && b != FAILED) {
		struct shmid_ds *ds = (struct shmid_ds *)(a + PG); /* an untouched page */
		EXPECT_OK(shmctl(id, IPC_STAT, ds));
		const volatile struct shmid_ds *seen = (const volatile struct shmid_ds *)(b + PG);
		EXPECT_EQ(seen->shm_segsz, 2 * PG);
		EXPECT_EQ(seen->shm_nattch, 2);
	}
	dt(a), dt((const void *)b), rm(id);
}

TEST(a_page_first_read_by_the_kernel_through_a_read_only_attachment_reads_as_zero)
{
	int id = EXPECT_OK(shmget(K(13), PG, IPC_CREAT | 0640));
	int src = seg(K(14), PG);
	const void *ro = shmat(src, NULL, SHM_RDONLY); /* never touched by anyone */
	if (ro != FAILED)
		EXPECT_OK(shmctl(id, IPC_SET, (void *)ro)); /* uid 0, gid 0, mode 0 */
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_perm.mode, 0);
	volatile int *rw = shmat(src, NULL, 0);
	if (rw != FAILED && ro != FAILED) {
		rw[1] = 1234; /* shm_perm.uid: the reader's page is the writer's */
		EXPECT_OK(shmctl(id, IPC_SET, (void *)ro));
		EXPECT_OK(shmctl(id, IPC_STAT, &ds));
		EXPECT_EQ(ds.shm_perm.uid, 1234);
	}
	dt(ro), dt((void *)rw), rm(id), rm(src);
}
