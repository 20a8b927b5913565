/*
 * Shared memory churned on every hart at once: a process pinned to each hart creates,
 * attaches, touches, detaches and removes segments, some private and some under keys the
 * others use too, so that they meet inside the same calls. Afterwards no segment is left and
 * every page is back: nothing was lost or given back twice on the way.
 */
#define _GNU_SOURCE /* cpu_set_t */
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <sys/shm.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define ROUNDS 400
#define SHARED_KEYS 3
#define KEY_BASE 0x5c00

/* Pin the calling thread to hart h. */
static void pin(int h)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(h, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/* One round on segment id of npages pages: attach, write a mark on each page and read it
 * back (in a shared segment another may have written its own mark since: any but 0), detach,
 * remove. Returns 0, or 1 if something answered what it may not. */
static int use(int id, size_t npages, uint8_t mark, int shared)
{
	uint8_t *p = shmat(id, NULL, 0);
	if (p == FAILED) /* another process removed it between our get and attach */
		return errno != EIDRM && errno != EINVAL;
	int bad = 0;
	for (size_t i = 0; i < npages; i++)
		p[i * PG + mark % 64] = mark;
	for (size_t i = 0; i < npages; i++) {
		uint8_t v = p[i * PG + mark % 64];
		bad |= shared ? v == 0 : v != mark;
	}
	bad |= shmdt(p) != 0;
	if (shmctl(id, IPC_RMID, NULL) != 0 && errno != EIDRM && errno != EINVAL)
		bad = 1;
	return bad;
}

/* A child's work, on hart h: private segments it alone sees, and shared ones it meets others
 * in. Exits with how many calls answered wrongly. */
static void churn(int h)
{
	pin(h);
	int wrong = 0;
	for (int r = 0; r < ROUNDS; r++) {
		size_t npages = 1 + (size_t)(r + h) % 8;
		uint8_t mark = (uint8_t)(1 + (r * 7 + h) % 250);
		int id = r % 2 ? shmget(IPC_PRIVATE, npages * PG, IPC_CREAT | 0600)
			       : shmget(KEY_BASE + r % SHARED_KEYS, 8 * PG, IPC_CREAT | 0600);
		if (id < 0) {
			wrong += errno != ENOSPC && errno != ENOMEM;
			continue;
		}
		wrong += r % 2 ? use(id, npages, mark, 0) : use(id, 8, mark, 1);
	}
	_exit(wrong > 255 ? 255 : wrong);
}

TEST(every_hart_churns_segments_at_once_and_every_page_comes_back)
{
	int harts = (int)sysconf(_SC_NPROCESSORS_ONLN);
	int n = harts < 2 ? 2 : harts; /* on one hart the processes take turns */
	unsigned long before = free_pages();
	pid_t pid[8];
	for (int h = 0; h < n; h++) {
		pid[h] = fork();
		if (pid[h] == 0)
			churn(h % harts);
	}
	for (int h = 0; h < n; h++)
		EXPECT(exited_with(reap(pid[h]), 0));
	struct shm_info info;
	EXPECT_OK(shmctl(0, SHM_INFO, (struct shmid_ds *)&info));
	EXPECT_EQ(info.used_ids, 0);
	EXPECT_EQ(free_pages(), before);
}
