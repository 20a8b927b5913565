/* TLB shootdown: a thread on hart 1 keeps reading a shared page while the main thread, on
 * hart 0, detaches it. Hart 1's TLB still holds the page's translation; only the remote fence
 * that shmdt sends before it returns takes it away, so the reader's next load faults and the
 * process dies of SIGSEGV. It runs in a child, so that this program can say what happened.
 * Run it on two harts with the kernel's narration, to see whom shmdt fences:
 *
 *   make run PROG=user/examples/shootdown.c CPUS=2 V=1
 */
#define _GNU_SOURCE /* sched_setaffinity */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int *page;
static atomic_long reads;
static atomic_int detached;

static void pin(int hart)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(hart, &set);
	if (sched_setaffinity(0, sizeof(set), &set) != 0) {
		perror("sched_setaffinity (run with CPUS=2)");
		_exit(2);
	}
}

static void *reader(void *unused)
{
	(void)unused;
	pin(1);
	printf("reader: on hart %d, reading the page\n", sched_getcpu());
	while (!atomic_load(&detached)) {
		(void)*page;
		atomic_fetch_add(&reads, 1);
	}
	(void)*page; /* shmdt has returned: this load must fault */
	printf("reader: read the page after shmdt returned: the fence is missing!\n");
	_exit(3);
}

static void race(void)
{
	pin(0);
	int shmid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	page = shmat(shmid, NULL, 0);
	shmctl(shmid, IPC_RMID, NULL); /* goes at the last detach, with its frame */
	*page = 42;
	pthread_t t;
	pthread_create(&t, NULL, reader, NULL);
	while (atomic_load(&reads) < 1000)
		; /* hart 1 has the translation in its TLB now */
	printf("main:   on hart %d, shmdt while the reader reads (%ld reads so far)\n",
	       sched_getcpu(), atomic_load(&reads));
	fflush(stdout);
	shmdt((void *)page);
	atomic_store(&detached, 1);
	pthread_join(t, NULL);
}

int main(void)
{
	pid_t pid = fork();
	if (pid == 0)
		race();
	int status;
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV) {
		printf("the reader's next load faulted: killed by SIGSEGV, as it must be\n");
		return 0;
	}
	printf("the process ended otherwise (status 0x%x)\n", status);
	return 1;
}
