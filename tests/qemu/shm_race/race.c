/* Processes racing on one key or one segment: exactly one creator, exact attach counts. */
#include <errno.h>
#include <sched.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0xb000 + (n)))
#define BIGSEG (256 * PG) /* 1 MiB: a quarter of the largest segment */
#define NCHILD 6

struct board {
	volatile int go;
	volatile int ready;
	volatile int winners;
	volatile int losers_eexist;
	volatile int ids[NCHILD];
	volatile int attached;
	volatile int release;
};

/* A board in a private segment that forked children inherit. */
static struct board *board(int *id)
{
	*id = EXPECT_OK(shmget(IPC_PRIVATE, PG, 0600));
	struct board *b = shmat(*id, NULL, 0);
	EXPECT(b != FAILED);
	return b;
}

static int reap_all(pid_t *pids, int n)
{
	int clean = 0;
	for (int i = 0; i < n; i++) {
		int status = -1;
		if (pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i] &&
		    exited_with(status, 0))
			clean++;
	}
	return clean;
}

TEST(racing_exclusive_creates_of_one_key_have_exactly_one_winner)
{
	int bid;
	struct board *b = board(&bid);
	if (b == FAILED)
		return;
	for (int round = 0; round < 4; round++) {
		b->go = b->ready = b->winners = b->losers_eexist = 0;
		pid_t pids[NCHILD];
		for (int c = 0; c < NCHILD; c++) {
			pids[c] = fork();
			if (pids[c] == 0) {
				__sync_fetch_and_add(&b->ready, 1);
				wait_for(&b->go, 1);
				int id = shmget(K(round), BIGSEG, IPC_CREAT | IPC_EXCL | 0600);
				if (id >= 0)
					__sync_fetch_and_add(&b->winners, 1);
				else if (errno == EEXIST)
					__sync_fetch_and_add(&b->losers_eexist, 1);
				b->ids[c] = shmget(K(round), 0, 0);
				_exit(0);
			}
		}
		wait_for(&b->ready, NCHILD);
		b->go = 1;
		EXPECT_EQ(reap_all(pids, NCHILD), NCHILD);
		EXPECT_EQ(b->winners, 1);
		EXPECT_EQ(b->losers_eexist, NCHILD - 1);
		int id = shmget(K(round), 0, 0);
		EXPECT(id >= 0);
		for (int c = 0; c < NCHILD; c++)
			EXPECT_EQ(b->ids[c], id);
		if (id >= 0)
			EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	}
	shmdt(b);
	shmctl(bid, IPC_RMID, NULL);
}

TEST(racing_plain_creates_of_one_key_all_get_the_same_segment)
{
	int bid;
	struct board *b = board(&bid);
	if (b == FAILED)
		return;
	b->go = b->ready = 0;
	pid_t pids[NCHILD];
	for (int c = 0; c < NCHILD; c++) {
		pids[c] = fork();
		if (pids[c] == 0) {
			__sync_fetch_and_add(&b->ready, 1);
			wait_for(&b->go, 1);
			b->ids[c] = shmget(K(10), BIGSEG, IPC_CREAT | 0600);
			_exit(0);
		}
	}
	wait_for(&b->ready, NCHILD);
	b->go = 1;
	EXPECT_EQ(reap_all(pids, NCHILD), NCHILD);
	int id = shmget(K(10), 0, 0);
	EXPECT(id >= 0);
	for (int c = 0; c < NCHILD; c++)
		EXPECT_EQ(b->ids[c], id);
	if (id >= 0)
		EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	shmdt(b);
	shmctl(bid, IPC_RMID, NULL);
}

TEST(attach_counts_from_several_processes_add_up_exactly)
{
	int bid;
	struct board *b = board(&bid);
	int id = EXPECT_OK(shmget(K(11), PG, IPC_CREAT | 0600));
	if (b == FAILED || id < 0)
		return;
	b->go = b->ready = b->attached = b->release = 0;
	pid_t pids[NCHILD];
	for (int c = 0; c < NCHILD; c++) {
		pids[c] = fork();
		if (pids[c] == 0) {
			__sync_fetch_and_add(&b->ready, 1);
			wait_for(&b->go, 1);
			void *at[8];
			int n = 0;
			for (int i = 0; i < c + 1; i++) /* child c attaches c + 1 times */
				if ((at[n] = shmat(id, NULL, i % 2 ? SHM_RDONLY : 0)) != FAILED)
					n++;
			__sync_fetch_and_add(&b->attached, n);
			wait_for(&b->release, 1);
			for (int i = 0; i < n; i += 2) /* detach half, leave the rest to exit */
				shmdt(at[i]);
			_exit(n == c + 1 ? 0 : 1);
		}
	}
	wait_for(&b->ready, NCHILD);
	b->go = 1;
	int total = NCHILD * (NCHILD + 1) / 2;
	wait_for(&b->attached, total);
	struct shmid_ds ds;
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, total);
	b->release = 1;
	EXPECT_EQ(reap_all(pids, NCHILD), NCHILD);
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	shmdt(b);
	shmctl(bid, IPC_RMID, NULL);
}

TEST(removing_a_segment_while_others_attach_and_detach_loses_nothing)
{
	int bid;
	struct board *b = board(&bid);
	int id = EXPECT_OK(shmget(K(12), 4 * PG, IPC_CREAT | 0600));
	if (b == FAILED || id < 0)
		return;
	b->go = b->ready = 0;
	pid_t pids[NCHILD];
	for (int c = 0; c < NCHILD; c++) {
		pids[c] = fork();
		if (pids[c] == 0) {
			__sync_fetch_and_add(&b->ready, 1);
			wait_for(&b->go, 1);
			int bad = 0;
			for (int i = 0; i < 50; i++) {
				volatile int *p = shmat(id, NULL, 0);
				if (p == FAILED) {
					bad += errno != EINVAL; /* after the removal: gone */
					break;
				}
				p[c] = i;
				bad += p[c] != i;
				bad += shmdt((void *)p) != 0;
				sched_yield();
			}
			_exit(bad ? 1 : 0);
		}
	}
	wait_for(&b->ready, NCHILD);
	b->go = 1;
	sched_yield();
	sched_yield();
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_EQ(reap_all(pids, NCHILD), NCHILD);
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
	shmdt(b);
	shmctl(bid, IPC_RMID, NULL);
}
