/* Random shmat/shmdt and shmget/IPC_RMID sequences checked step by step against a model. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/shm.h>

#include "shmtest.h"
#include "utest.h"

#define VBASE 0x40000000UL
#define WPAGES (64 * 1024)
#define NSEG 8
#define MAXATT 64

static unsigned long rng = 12345;
static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

static unsigned char used[WPAGES]; /* the model's window, a byte per page */

static long first_fit(unsigned pages)
{
	for (unsigned start = 0, run = 0; start + run < WPAGES;) {
		if (used[start + run]) {
			start += run + 1;
			run = 0;
		} else if (++run == pages) {
			return start;
		}
	}
	return -1;
}

static int range_free(unsigned start, unsigned pages)
{
	if (start + pages > WPAGES)
		return 0;
	for (unsigned i = 0; i < pages; i++)
		if (used[start + i])
			return 0;
	return 1;
}

TEST(shmat_and_shmdt_follow_a_first_fit_model_over_random_operations)
{
	static const unsigned pages[NSEG] = { 1, 64, 512, 800, 1020, 1024, 1024, 1024 };
	int ids[NSEG];
	for (int s = 0; s < NSEG; s++) {
		ids[s] = EXPECT_OK(shmget(IPC_PRIVATE, pages[s] * PG - (s % 3) * 100, 0600));
		int *p = shmat(ids[s], NULL, 0);
		if (p != FAILED) {
			*p = 1000 + s; /* each segment's tag */
			shmdt(p);
		}
	}
	struct {
		int seg;
		unsigned start;
	} att[MAXATT];
	int natt = 0, mismatches = 0;
	unsigned seen[4] = { 0 }; /* successes, EINVAL, ENOMEM, EMFILE: each must happen */
	memset(used, 0, sizeof(used));
	for (int step = 0; step < 3000 && mismatches < 5; step++) {
		if (natt > 0 && rnd(100) < 30) { /* detach a random attachment */
			int i = rnd(natt);
			int r = shmdt((void *)(VBASE + att[i].start * PG));
			if (r != 0) {
				printf("  step %d: shmdt(%#lx) failed, errno %d\n", step,
				       VBASE + att[i].start * PG, errno);
				mismatches++;
			}
			memset(used + att[i].start, 0, pages[att[i].seg]);
			att[i] = att[--natt];
			continue;
		}
		int explicit = rnd(100) < 50;
		/* In turns of 250 steps: random sizes; the biggest, to fill the window; the
		 * smallest, to reach the attachment limit. */
		int turn = step / 250 % 3;
		int s = explicit || turn == 0 ? (int)rnd(NSEG) : turn == 1 ? NSEG - 1 : 0;
		long want;
		int want_err = 0;
		unsigned start = 0;
		if (explicit) {
			/* On a 1200-page grid, to fragment the window, or anywhere. */
			start = rnd(2) ? rnd(WPAGES / 1200) * 1200 : rnd(WPAGES);
			want = range_free(start, pages[s]) ? (long)start : -1;
			want_err = EINVAL;
		} else {
			want = first_fit(pages[s]);
			want_err = ENOMEM;
		}
		if (natt == MAXATT)
			want = -1, want_err = EMFILE;
		errno = 0;
		int *p = shmat(ids[s], explicit ? (void *)(VBASE + start * PG) : NULL,
			       rnd(2) ? SHM_RDONLY : 0);
		long got = p == FAILED ? -1 : (long)(((uintptr_t)p - VBASE) / PG);
		if (got != want || (want < 0 && errno != want_err) ||
		    (p != FAILED && *p != 1000 + s)) {
			printf(
			    "  step %d: shmat(seg of %u pages, %s page %u): got page %ld errno %d, "
			    "want page %ld errno %d\n",
			    step, pages[s], explicit ? "at" : "NULL", start, got, errno, want,
			    want < 0 ? want_err : 0);
			mismatches++;
		}
		seen[p != FAILED ? 0 : errno == EINVAL ? 1 : errno == ENOMEM ? 2 : 3]++;
		if (p != FAILED) {
			att[natt].seg = s;
			att[natt++].start = (unsigned)got;
			memset(used + got, 1, pages[s]);
		}
	}
	EXPECT_EQ(mismatches, 0);
	EXPECT(seen[0] > 0 && seen[1] > 0 && seen[2] > 0 && seen[3] > 0);
	printf("  window model: %u attached, %u EINVAL, %u ENOMEM, %u EMFILE\n", seen[0], seen[1],
	       seen[2], seen[3]);
	while (natt > 0)
		shmdt((void *)(VBASE + att[--natt].start * PG));
	for (int s = 0; s < NSEG; s++) {
		struct shmid_ds ds;
		EXPECT_OK(shmctl(ids[s], IPC_STAT, &ds));
		EXPECT_EQ(ds.shm_nattch, 0);
		EXPECT_OK(shmctl(ids[s], IPC_RMID, NULL));
	}
}

TEST(shmget_and_ipc_rmid_follow_the_region_table_model_over_random_operations)
{
	enum { SLOTS = 64, KEYS = 80, STALE = 512 };
	int live[KEYS]; /* the id of each key's live segment, or -1 */
	int stale[STALE], nstale = 0, nlive = 0, mismatches = 0, full = 0;
	for (int k = 0; k < KEYS; k++)
		live[k] = -1;
	for (int step = 0; step < 3000 && mismatches < 5; step++) {
		int k = rnd(KEYS);
		key_t key = (key_t)(0xa000 + k);
		if (live[k] >= 0 && rnd(2)) { /* remove it */
			if (shmctl(live[k], IPC_RMID, NULL) != 0)
				mismatches++, printf("  step %d: IPC_RMID failed\n", step);
			if (nstale < STALE)
				stale[nstale++] = live[k];
			live[k] = -1;
			nlive--;
		} else if (live[k] >= 0) { /* find it */
			int id = shmget(key, 0, 0);
			if (id != live[k])
				mismatches++, printf("  step %d: key %#x gave %d, want %d\n", step,
						     key, id, live[k]);
		} else { /* create it */
			errno = 0;
			int id = shmget(key, PG, IPC_CREAT | IPC_EXCL | 0600);
			int want_full = nlive == SLOTS;
			full += want_full;
			if (want_full ? id != -1 || errno != ENOSPC : id < 0) {
				mismatches++;
				printf("  step %d: create with %d live gave %d errno %d\n", step,
				       nlive, id, errno);
			}
			for (int j = 0; id >= 0 && j < KEYS; j++)
				if (live[j] == id)
					mismatches++,
					    printf("  step %d: id %d given twice\n", step, id);
			for (int j = 0; id >= 0 && j < nstale; j++)
				if (stale[j] == id)
					mismatches++,
					    printf("  step %d: stale id %d reused\n", step, id);
			if (id >= 0)
				live[k] = id, nlive++;
		}
	}
	EXPECT_EQ(mismatches, 0);
	EXPECT(full > 0 && nstale > 0);
	struct shmid_ds ds;
	unsigned stale_ok = 0;
	for (int j = 0; j < nstale; j++)
		stale_ok += shmctl(stale[j], IPC_STAT, &ds) == -1 && errno == EINVAL;
	EXPECT_EQ(stale_ok, nstale);
	for (int k = 0; k < KEYS; k++)
		if (live[k] >= 0)
			EXPECT_OK(shmctl(live[k], IPC_RMID, NULL));
}
