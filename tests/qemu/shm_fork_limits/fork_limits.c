/* Refused forks and killed children leave attach counts exact (alone in its suite). */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "utest.h"

#define K(n) ((key_t)(0xc000 + (n)))
#define PG 4096UL
#define FAILED ((void *)-1)

static unsigned long nattch(int id)
{
	struct shmid_ds ds = { 0 };
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	return ds.shm_nattch;
}

TEST(a_fork_refused_for_a_full_process_table_changes_no_attach_count)
{
	int id = EXPECT_OK(shmget(K(1), PG, IPC_CREAT | 0600));
	void *a = shmat(id, NULL, 0), *b = shmat(id, NULL, SHM_RDONLY);
	EXPECT(a != FAILED && b != FAILED);
	pid_t kids[32];
	int n = 0, err = 0;
	for (; n < 32; n++) {
		kids[n] = fork();
		if (kids[n] == 0) {
			sleep(100);
			_exit(0);
		}
		if (kids[n] < 0) {
			err = errno;
			break;
		}
	}
	EXPECT_EQ(err, EAGAIN);
	EXPECT_EQ(nattch(id), 2 * (1 + n));
	EXPECT_ERRNO(fork(), EAGAIN); /* again: still nothing leaks */
	EXPECT_EQ(nattch(id), 2 * (1 + n));
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		EXPECT_EQ(waitpid(kids[i], NULL, 0), kids[i]);
	EXPECT_EQ(nattch(id), 2);
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
	unsigned long t0, t;
	__asm__ volatile("rdtime %0" : "=r"(t0));
	do {
		sched_yield();
		__asm__ volatile("rdtime %0" : "=r"(t));
	} while (nattch(id) < 2 && t - t0 < 100000000UL);
	EXPECT_EQ(nattch(id), 2);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
	EXPECT_OK(kill(pid, SIGKILL));
	int status = 0;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
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
	int status = -1;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT_EQ(nattch(id), 64);
	while (n > 0)
		shmdt(at[--n]);
	EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}
