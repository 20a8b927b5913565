/* The limits: 64 segments (ENOSPC), 64 attachments (EMFILE), the window (ENOMEM). */
#include <errno.h>
#include <stdint.h>
#include <sys/shm.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0x4000 + (n)))
#define NPAGES 1024UL
#define MAXSEG (NPAGES * PG)
#define SLOTS 64
#define MAXATT 64
#define VBASE 0x40000000UL
#define WINDOW_PAGES (64 * NPAGES)
#define AT(a) ((void *)(uintptr_t)(a))

TEST(shmget_with_every_slot_in_use_is_enospc)
{
	int ids[SLOTS + 1];
	int n = 0;
	while (n < SLOTS + 1 && (ids[n] = shmget(IPC_PRIVATE, PG, 0600)) >= 0)
		n++;
	EXPECT_EQ(n, SLOTS);
	EXPECT_EQ(errno, ENOSPC);
	EXPECT_ERRNO(shmget(K(1), PG, IPC_CREAT | 0600), ENOSPC);
	EXPECT_ERRNO(shmget(IPC_PRIVATE, PG, 0600), ENOSPC);
	EXPECT_EQ(shmget(K(1), 0, 0), -1); /* the failures made nothing */
	/* Finding an existing key needs no slot. */
	int keyed = n > 0 ? ids[n - 1] : -1;
	if (n > 0) {
		EXPECT_OK(shmctl(keyed, IPC_RMID, NULL));
		ids[n - 1] = keyed = EXPECT_OK(shmget(K(6), PG, IPC_CREAT | 0600));
		EXPECT_EQ(shmget(K(6), PG, IPC_CREAT | 0600), keyed);
		EXPECT_EQ(shmget(K(6), 0, 0), keyed);
		EXPECT_ERRNO(shmget(K(6), PG, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	}
	/* Freeing one slot lets one more in. */
	if (n > 0) {
		rm(ids[--n]);
		ids[n] = EXPECT_OK(shmget(K(1), PG, IPC_CREAT | 0600));
		if (ids[n] >= 0)
			n++;
		EXPECT_ERRNO(shmget(IPC_PRIVATE, PG, 0600), ENOSPC);
	}
	while (n > 0)
		rm(ids[--n]);
}

TEST(a_removed_but_attached_segment_keeps_its_slot_until_destroyed)
{
	int ids[SLOTS];
	int n = 0;
	while (n < SLOTS && (ids[n] = shmget(IPC_PRIVATE, PG, 0600)) >= 0)
		n++;
	EXPECT_EQ(n, SLOTS);
	void *p = n > 0 ? shmat(ids[0], NULL, 0) : FAILED;
	EXPECT(p != FAILED);
	if (n > 0)
		rm(ids[0]); /* marked, still attached: still holds its slot */
	EXPECT_ERRNO(shmget(IPC_PRIVATE, PG, 0600), ENOSPC);
	dt(p); /* destroyed now */
	int again = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	rm(again);
	while (n > 1)
		rm(ids[--n]);
}

TEST(shmat_beyond_the_per_process_attachment_limit_is_emfile)
{
	int id = EXPECT_OK(shmget(K(2), PG, IPC_CREAT | 0600));
	void *at[MAXATT + 1];
	int n = 0;
	while (n < MAXATT + 1 && (at[n] = shmat(id, NULL, 0)) != FAILED)
		n++;
	EXPECT_EQ(n, MAXATT);
	EXPECT_EQ(errno, EMFILE);
	EXPECT_ERRNO(shmat(id, AT(0x42000000), 0), EMFILE); /* a free address does not help */
	EXPECT_ERRNO(shmat(id, NULL, SHM_RDONLY), EMFILE);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, MAXATT);
	/* Detaching one makes room for one. */
	if (n > 0) {
		dt(at[--n]);
		at[n] = shmat(id, NULL, 0);
		EXPECT(at[n] != FAILED);
		if (at[n] != FAILED)
			n++;
	}
	while (n > 0)
		dt(at[--n]);
	rm(id);
}

TEST(shmat_with_no_hole_big_enough_in_the_window_is_enomem)
{
	/* Full-size attachments 2 * NPAGES - 1 pages apart leave holes of NPAGES - 1 pages: 32 of
	 * them, then one more at the very end, so 33 attachments and about 124 MiB free, but no
	 * hole of NPAGES pages. */
	int big = EXPECT_OK(shmget(K(3), MAXSEG, IPC_CREAT | 0600));
	int small = EXPECT_OK(shmget(K(4), PG, IPC_CREAT | 0600));
	void *at[40];
	int n = 0;
	for (unsigned long pg = 0; pg + NPAGES <= WINDOW_PAGES && n < 32; pg += 2 * NPAGES - 1) {
		at[n] = shmat(big, AT(VBASE + pg * PG), 0);
		EXPECT_EQ(at[n], VBASE + pg * PG);
		if (at[n] != FAILED)
			n++;
	}
	at[n] = shmat(big, AT(VBASE + (WINDOW_PAGES - NPAGES) * PG), 0);
	EXPECT_EQ(at[n], VBASE + (WINDOW_PAGES - NPAGES) * PG);
	if (at[n] != FAILED)
		n++;
	EXPECT_EQ(n, 33);
	EXPECT_ERRNO(shmat(big, NULL, 0), ENOMEM);
	EXPECT_ERRNO(shmat(big, NULL, SHM_RDONLY), ENOMEM);
	/* A one-page segment still fits, in the lowest hole. */
	void *s = shmat(small, NULL, 0);
	EXPECT_EQ(s, VBASE + NPAGES * PG);
	dt(s);
	while (n > 0)
		dt(at[--n]);
	/* Emptied: the big one fits again, at the start. */
	void *p = shmat(big, NULL, 0);
	EXPECT_EQ(p, VBASE);
	dt(p), rm(big), rm(small);
}

TEST(a_full_window_of_full_size_attachments_is_usable_end_to_end)
{
	int id = EXPECT_OK(shmget(K(5), MAXSEG, IPC_CREAT | 0600));
	volatile unsigned char *at[64];
	int n = 0;
	while (n < 64 && (at[n] = shmat(id, NULL, 0)) != FAILED)
		n++;
	EXPECT_EQ(n, 64);
	if (n == 64) {
		EXPECT_EQ(at[63], VBASE + 63 * MAXSEG);
		at[0][0] = 1;
		at[63][MAXSEG - 1] = 2; /* the last byte of the window */
		EXPECT_EQ(at[63][0], 1);
		EXPECT_EQ(at[0][MAXSEG - 1], 2);
	}
	while (n > 0)
		dt((void *)at[--n]);
	rm(id);
}

TEST(shmat_null_searches_past_small_holes_to_one_near_the_window_end)
{
	/* Full-size attachments 2 * NPAGES - 1 pages apart: 32 of them, with holes of
	 * NPAGES - 1 pages, and a last hole of NPAGES + 31 pages at the end. */
	int big = EXPECT_OK(shmget(K(7), MAXSEG, IPC_CREAT | 0600));
	int fit = EXPECT_OK(shmget(K(8), (NPAGES - 1) * PG, IPC_CREAT | 0600));
	void *at[40];
	int n = 0;
	for (unsigned long pg = 0; n < 32; pg += 2 * NPAGES - 1) {
		at[n] = shmat(big, AT(VBASE + pg * PG), 0);
		if (at[n] != FAILED)
			n++;
		else
			break;
	}
	EXPECT_EQ(n, 32);
	void *last = shmat(big, NULL, 0);
	EXPECT_EQ(last, VBASE + (31 * (2 * NPAGES - 1) + NPAGES) * PG);
	void *exact = shmat(fit, NULL, 0); /* exactly fills the first hole */
	EXPECT_EQ(exact, VBASE + NPAGES * PG);
	EXPECT_ERRNO(shmat(big, NULL, 0), ENOMEM); /* 31 pages at the end are not enough */
	dt(exact), dt(last);
	while (n > 0)
		dt(at[--n]);
	rm(big), rm(fit);
}
