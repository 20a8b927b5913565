/* Hart affinity: sched_setaffinity and sched_getaffinity with glibc's cpu_set_t, sched_getcpu,
 * and the number of harts sysconf reports. Runs on 1, 2 and 4 harts. */
#define _GNU_SOURCE /* cpu_set_t, sched_getcpu */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

#define SYS_getcpu 168 /* Linux's number: getcpu(&cpu, &node, NULL) */

/* The harts that run, as sysconf counts them. */
static int harts(void)
{
	return (int)sysconf(_SC_NPROCESSORS_ONLN);
}

/* Pin the calling thread to hart h; 0 or -1 as sched_setaffinity. */
static int pin(int h)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(h, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

/* Let the calling thread run on every hart again. */
static void unpin(void)
{
	cpu_set_t all;
	CPU_ZERO(&all);
	for (int h = 0; h < harts(); h++)
		CPU_SET(h, &all);
	EXPECT_OK(sched_setaffinity(0, sizeof(all), &all));
}

TEST(a_thread_may_run_on_every_hart_at_first_and_sysconf_counts_them)
{
	cpu_set_t set;
	EXPECT_OK(sched_getaffinity(0, sizeof(set), &set));
	EXPECT(harts() >= 1);
	EXPECT_EQ(CPU_COUNT(&set), harts());
	for (int h = 0; h < harts(); h++)
		EXPECT(CPU_ISSET(h, &set));
	EXPECT_EQ(sysconf(_SC_NPROCESSORS_CONF), harts());
}

TEST(a_pinned_thread_runs_only_on_its_hart)
{
	for (int h = 0; h < harts(); h++) {
		EXPECT_OK(pin(h));
		for (int i = 0; i < 50; i++) {
			EXPECT_EQ(sched_getcpu(), h); /* the set call moved it there at once */
			sched_yield();
		}
		cpu_set_t set;
		EXPECT_OK(sched_getaffinity(0, sizeof(set), &set));
		EXPECT_EQ(CPU_COUNT(&set), 1);
		EXPECT(CPU_ISSET(h, &set));
	}
	unpin();
}

TEST(a_set_with_no_running_hart_is_einval_and_changes_nothing)
{
	cpu_set_t none, before, after;
	CPU_ZERO(&none);
	EXPECT_OK(sched_getaffinity(0, sizeof(before), &before));
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(none), &none), EINVAL);
	CPU_SET(harts(), &none); /* a hart that does not run: ignored, which leaves none */
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(none), &none), EINVAL);
	EXPECT_OK(sched_getaffinity(0, sizeof(after), &after));
	EXPECT(CPU_EQUAL(&before, &after));
}

TEST(the_affinity_calls_refuse_bad_sizes_addresses_and_threads)
{
	cpu_set_t set;
	EXPECT_OK(sched_getaffinity(0, sizeof(set), &set));
	EXPECT_ERRNO(sched_setaffinity(0, 4, &set), EINVAL); /* not whole longs */
	EXPECT_ERRNO(sched_getaffinity(0, 12, &set), EINVAL);
	EXPECT_ERRNO(sched_setaffinity(0, sizeof(set), (cpu_set_t *)8), EFAULT);
	EXPECT_ERRNO(sched_getaffinity(0, sizeof(set), (cpu_set_t *)8), EFAULT);
	EXPECT_ERRNO(sched_setaffinity(99999, sizeof(set), &set), ESRCH);
	EXPECT_ERRNO(sched_getaffinity(99999, sizeof(set), &set), ESRCH);
	EXPECT_ERRNO(sched_setaffinity(1, sizeof(set), &set), EPERM); /* init: the kernel */
	cpu_set_t init;
	EXPECT_OK(sched_getaffinity(1, sizeof(init), &init));
	EXPECT_EQ(CPU_COUNT(&init), harts());
	unsigned cpu = 99, node = 99;
	EXPECT_OK(syscall(SYS_getcpu, &cpu, &node, NULL));
	EXPECT(cpu < (unsigned)harts());
	EXPECT_EQ(node, 0);
	EXPECT_OK(syscall(SYS_getcpu, NULL, NULL, NULL));
	EXPECT_ERRNO(syscall(SYS_getcpu, (void *)8, NULL, NULL), EFAULT);
	EXPECT_ERRNO(syscall(SYS_getcpu, &cpu, (void *)8, NULL), EFAULT);
}

static void *where_it_runs(void *unused)
{
	(void)unused;
	return (void *)(intptr_t)sched_getcpu();
}

TEST(a_new_thread_inherits_its_creators_harts)
{
	int h = harts() - 1;
	EXPECT_OK(pin(h));
	pthread_t t;
	void *ran_on;
	EXPECT_EQ(pthread_create(&t, NULL, where_it_runs, NULL), 0);
	EXPECT_EQ(pthread_join(t, &ran_on), 0);
	EXPECT_EQ((intptr_t)ran_on, h);
	unpin();
}

/* A child that reports, in shared memory, the hart it runs on, for ever. */
static void report_hart(volatile int *where)
{
	for (;;) {
		*where = sched_getcpu();
		sched_yield();
	}
}

TEST(a_process_may_move_another_of_its_user_to_another_hart)
{
	int id = seg(IPC_PRIVATE, PG);
	volatile int *where = shmat(id, NULL, 0);
	int h = harts() - 1;
	*where = -1;
	pid_t pid = fork();
	if (pid == 0)
		report_hart(where);
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(h, &set);
	EXPECT_OK(sched_setaffinity(pid, sizeof(set), &set));
	cpu_set_t got;
	EXPECT_OK(sched_getaffinity(pid, sizeof(got), &got));
	EXPECT(CPU_EQUAL(&set, &got));
	/* Wait for a report made after the move: every one from then on names hart h. */
	*where = -1;
	unsigned long start = now();
	while (*where != h && now() - start < DEADLINE)
		sched_yield();
	EXPECT_EQ(*where, h);
	kill(pid, SIGKILL);
	EXPECT(killed_by(reap(pid), SIGKILL));
	dt((void *)where);
	rm(id);
}

TEST(another_users_thread_may_not_be_moved)
{
	pid_t pid = fork();
	if (pid == 0) {
		for (;;)
			sched_yield();
	}
	pid_t mover = fork();
	if (mover == 0) {
		cpu_set_t set;
		CPU_ZERO(&set);
		CPU_SET(0, &set);
		_exit(setuid(1000) == 0 && sched_setaffinity(pid, sizeof(set), &set) == -1 &&
			      errno == EPERM
			  ? 0
			  : 1);
	}
	EXPECT(exited_with(reap(mover), 0));
	kill(pid, SIGKILL);
	EXPECT(killed_by(reap(pid), SIGKILL));
}

static _Atomic int ping, pong;

/* On the last hart: answer each ping with a pong, spinning, never yielding. */
static void *ponger(void *unused)
{
	(void)unused;
	if (pin(harts() - 1) != 0)
		return (void *)1;
	for (int i = 1; i <= 1000; i++) {
		while (atomic_load(&ping) != i)
			;
		atomic_store(&pong, i);
	}
	return NULL;
}

TEST(two_threads_pinned_to_two_harts_run_at_the_same_time)
{
	if (harts() < 2)
		return; /* one hart: one thread at a time */
	atomic_store(&ping, 0);
	atomic_store(&pong, 0);
	EXPECT_OK(pin(0));
	pthread_t t;
	EXPECT_EQ(pthread_create(&t, NULL, ponger, NULL), 0);
	/* Neither thread yields: a thousand rounds finish only if both run at once. */
	for (int i = 1; i <= 1000; i++) {
		atomic_store(&ping, i);
		while (atomic_load(&pong) != i)
			;
	}
	void *result;
	EXPECT_EQ(pthread_join(t, &result), 0);
	EXPECT_EQ(result, NULL);
	unpin();
}

#define WAKE_ROUNDS 100

static volatile int go;    /* the futex both sleepers wait on: the round */
static _Atomic int asleep; /* how many times a sleeper has gone to wait */

/* May run on harts first and first + 1. Each round, wait on go, then check the hart it woke on:
 * NULL if every one was in its set. */
static void *sleep_on_two_harts(void *first_hart)
{
	int first = (int)(intptr_t)first_hart;
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(first, &set);
	CPU_SET(first + 1, &set);
	if (sched_setaffinity(0, sizeof(set), &set) != 0)
		return (void *)1;
	for (int i = 0; i < WAKE_ROUNDS; i++) {
		atomic_fetch_add(&asleep, 1);
		while (go == i)
			syscall(98, &go, 0, i, 0); /* FUTEX_WAIT while it is still i */
		int h = sched_getcpu();
		if (h != first && h != first + 1)
			return (void *)2;
	}
	return NULL;
}

/* One wake makes two threads runnable, whose sets (harts 1-2, 2-3) overlap, and each wakes a
 * hart of its set that sleeps: 1 and 2. If hart 2 looks first, it takes the thread that woke
 * hart 1, and the other, which hart 1 cannot run, needs hart 3. The scheduler must wake it
 * then, not leave the thread to wait a tick (test boots panic if it does). */
TEST(a_hart_that_takes_another_threads_place_wakes_a_hart_for_the_one_left)
{
	if (harts() < 4)
		return; /* three harts besides this one's */
	EXPECT_OK(pin(0));
	go = 0;
	atomic_store(&asleep, 0);
	pthread_t a, b;
	EXPECT_EQ(pthread_create(&a, NULL, sleep_on_two_harts, (void *)1), 0);
	EXPECT_EQ(pthread_create(&b, NULL, sleep_on_two_harts, (void *)2), 0);
	for (int i = 0; i < WAKE_ROUNDS; i++) {
		unsigned long start = now();
		while (atomic_load(&asleep) < 2 * (i + 1) && now() - start < DEADLINE)
			;
		usleep(1000); /* most rounds: both asleep, and harts 1-3 in wfi */
		go = i + 1;
		syscall(98, &go, 1, 2, 0); /* FUTEX_WAKE both at once */
	}
	void *result_a, *result_b;
	EXPECT_EQ(pthread_join(a, &result_a), 0);
	EXPECT_EQ(pthread_join(b, &result_b), 0);
	EXPECT_EQ(result_a, NULL);
	EXPECT_EQ(result_b, NULL);
	unpin();
}
