/* Refused forks and killed children leave attach counts exact (alone in its suite). */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define K(n) ((key_t)(0xc000 + (n)))

TEST(a_fork_refused_for_a_full_process_table_changes_no_attach_count)
{
	int id = EXPECT_OK(shmget(K(1), PG, IPC_CREAT | 0600));
	void *a = shmat(id, NULL, 0), *b = shmat(id, NULL, SHM_RDONLY);
	EXPECT(a != FAILED && b != FAILED);
	pid_t kids[32];
	int err;
	int n = fork_sleepers(kids, 32, &err);
	EXPECT_EQ(err, EAGAIN);
	EXPECT_EQ(stat_of(id).shm_nattch, 2 * (1 + n));
	EXPECT_ERRNO(fork(), EAGAIN); /* again: still nothing leaks */
	EXPECT_EQ(stat_of(id).shm_nattch, 2 * (1 + n));
	kill_all(kids, n);
	EXPECT_EQ(stat_of(id).shm_nattch, 2);
	shmdt(a), shmdt(b);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

TEST(a_removed_segment_is_destroyed_when_its_sleeping_attacher_is_killed)
{
	int id = EXPECT_OK(shmget(K(2), 3 * PG, IPC_CREAT | 0600));
	pid_t pid = fork();
	if (pid == 0) {
		shmat(id, NULL, 0);
		shmat(id, NULL, SHM_RDONLY);
		sleep(100);
		_exit(0);
	}
	unsigned long t0 = now();
	do
		sched_yield();
	while (stat_of(id).shm_nattch < 2 && now() - t0 < DEADLINE);
	EXPECT_EQ(stat_of(id).shm_nattch, 2);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_OK(kill(pid, SIGKILL));
	EXPECT(killed_by(reap(pid), SIGKILL));
	EXPECT_ERRNO(shmctl(id, IPC_STAT, &(struct shmid_ds){ 0 }), EINVAL);
}

TEST(sixty_four_inherited_attachments_leave_the_child_no_room_for_more)
{
	int id = EXPECT_OK(shmget(K(3), PG, IPC_CREAT | 0600));
	void *at[64];
	int n = 0;
	while (n < 64 && (at[n] = shmat(id, NULL, 0)) != FAILED)
		n++;
	EXPECT_EQ(n, 64);
	pid_t pid = fork();
	if (pid == 0) {
		int emfile = shmat(id, NULL, 0) == FAILED && errno == EMFILE;
		int ok = emfile && shmdt(at[0]) == 0 && shmat(id, NULL, 0) == at[0];
		_exit(ok ? 0 : 1);
	}
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(stat_of(id).shm_nattch, 64);
	while (n > 0)
		shmdt(at[--n]);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}
