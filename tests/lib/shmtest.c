/* Helpers the in-QEMU test programs share: see shmtest.h for what each one promises. */
#include "shmtest.h"

#include <sched.h>
#include <signal.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#include "utest.h"

int seg(key_t key, size_t size)
{
	return EXPECT_OK(shmget(key, size, IPC_CREAT | 0600));
}

struct shmid_ds stat_of(int id)
{
	struct shmid_ds ds = { 0 };
	EXPECT_OK(shmctl(id, IPC_STAT, &ds));
	return ds;
}

void dt(const void *p)
{
	if (p != FAILED)
		EXPECT_OK(shmdt(p));
}

void rm(int id)
{
	if (id >= 0)
		EXPECT_OK(shmctl(id, IPC_RMID, NULL));
}

unsigned long now(void)
{
	unsigned long t;
	__asm__ volatile("rdtime %0" : "=r"(t));
	return t;
}

int wait_for(volatile int *v, int want)
{
	unsigned long t = now();
	while (*v < want && now() - t < DEADLINE)
		sched_yield();
	__sync_synchronize();
	return *v >= want;
}

int wait_removed(int id)
{
	struct shmid_ds ds = { 0 };
	unsigned long t = now();
	while (shmctl(id, IPC_STAT, &ds) == 0 && !(ds.shm_perm.mode & SHM_DEST) &&
	       now() - t < DEADLINE)
		sched_yield();
	return (ds.shm_perm.mode & SHM_DEST) != 0;
}

int reap(pid_t pid)
{
	int status = -1;
	EXPECT(pid > 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	return status;
}

int exited_with(int status, int code)
{
	return WIFEXITED(status) && WEXITSTATUS(status) == code;
}

int killed_by(int status, int sig)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

int signal_of(int status)
{
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

/* Checks waitpid alone, not pid > 0 as reap does: its callers have always checked just that. */
int in_child(void (*fn)(void))
{
	pid_t pid = fork();
	if (pid == 0) {
		fn();
		_exit(0);
	}
	int status = -1;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	return status;
}

unsigned long free_pages(void)
{
	struct sysinfo si = { 0 };
	EXPECT_OK(sysinfo(&si));
	return si.freeram;
}

int fork_sleepers(pid_t *kids, int max, int *err)
{
	int n = 0;
	*err = 0;
	for (; n < max; n++) {
		kids[n] = fork();
		if (kids[n] == 0) {
			sleep(100);
			_exit(0);
		}
		if (kids[n] < 0) {
			*err = errno;
			break;
		}
	}
	return n;
}

void kill_all(const pid_t *kids, int n)
{
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		EXPECT_EQ(waitpid(kids[i], NULL, 0), kids[i]);
}
