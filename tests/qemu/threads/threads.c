/* Threads: several in one process, sharing its memory, each with its own stack, registers,
 * errno and id; what ends one, and what ends them all. */
#define _GNU_SOURCE /* gettid, RUSAGE_THREAD */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shmtest.h"
#include "utest.h"

/* The most threads a process may have (CONFIG_THREADS_PER_PROCESS's default). */
#define THREADS_PER_PROCESS 16

static void *add_100(void *arg)
{
	return (void *)((intptr_t)arg + 100);
}

TEST(a_thread_runs_and_join_gives_what_it_returned)
{
	pthread_t t;
	void *r;
	EXPECT_EQ(pthread_create(&t, NULL, add_100, (void *)7), 0);
	EXPECT_EQ(pthread_join(t, &r), 0);
	EXPECT_EQ((intptr_t)r, 107);
}

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long count;

static void *count_to_10000(void *unused)
{
	(void)unused;
	for (int i = 0; i < 10000; i++) {
		pthread_mutex_lock(&count_lock);
		count++;
		pthread_mutex_unlock(&count_lock);
	}
	return NULL;
}

TEST(threads_share_memory_and_a_mutex_keeps_their_updates_whole)
{
	pthread_t t[4];
	count = 0;
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, count_to_10000, NULL), 0);
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(count, 40000);
}

TEST(trylock_of_a_held_mutex_is_ebusy)
{
	pthread_mutex_t m;
	EXPECT_EQ(pthread_mutex_init(&m, NULL), 0);
	EXPECT_EQ(pthread_mutex_trylock(&m), 0);
	EXPECT_EQ(pthread_mutex_trylock(&m), EBUSY);
	EXPECT_EQ(pthread_mutex_destroy(&m), EBUSY);
	EXPECT_EQ(pthread_mutex_unlock(&m), 0);
	EXPECT_EQ(pthread_mutex_destroy(&m), 0);
}

static void *tid_of(void *unused)
{
	(void)unused;
	return (void *)(intptr_t)gettid();
}

TEST(each_thread_has_its_own_tid_and_the_first_ones_is_the_pid)
{
	pthread_t t;
	void *tid;
	EXPECT_EQ(gettid(), getpid());
	EXPECT_EQ(pthread_create(&t, NULL, tid_of, NULL), 0);
	EXPECT_EQ(pthread_join(t, &tid), 0);
	EXPECT((intptr_t)tid != getpid() && (intptr_t)tid > 0);
	EXPECT(pthread_equal(pthread_self(), pthread_self()));
	EXPECT(!pthread_equal(pthread_self(), t));
}

static void *errno_of_its_own(void *unused)
{
	(void)unused;
	errno = 0;
	shmdt((void *)1); /* EINVAL, in this thread's errno */
	return (void *)(intptr_t)errno;
}

TEST(each_thread_has_its_own_errno)
{
	pthread_t t;
	void *theirs;
	errno = ENOENT;
	EXPECT_EQ(pthread_create(&t, NULL, errno_of_its_own, NULL), 0);
	EXPECT_EQ(pthread_join(t, &theirs), 0);
	EXPECT_EQ((intptr_t)theirs, EINVAL);
	EXPECT_EQ(errno, ENOENT);
}

/* Where each thread's stack is: the address of one of its locals. */
static volatile uintptr_t stack_of[2];

static void *note_stack(void *arg)
{
	volatile int local = 1;
	stack_of[(intptr_t)arg] = (uintptr_t)&local;
	return NULL;
}

TEST(each_thread_runs_on_a_stack_of_its_own)
{
	pthread_t t[2];
	volatile int mine = 0;
	for (intptr_t i = 0; i < 2; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, note_stack, (void *)i), 0);
	for (int i = 0; i < 2; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	for (int i = 0; i < 2; i++) /* the thread-stack area, above the main stack */
		EXPECT(stack_of[i] >= 0x20000000UL && stack_of[i] < 0x40000000UL);
	EXPECT((uintptr_t)&mine < 0x20000000UL);
}

/* Recurse far past the 1 MiB a thread's stack may hold: into its guard gap. */
static int deep(int n)
{
	volatile char frame[1024];
	frame[0] = (char)n;
	return n > 0 ? deep(n - 1) + frame[0] : 0;
}

static void *overflow(void *unused)
{
	(void)unused;
	deep(4000);
	return NULL;
}

static void overflow_in_a_thread(void)
{
	pthread_t t;
	pthread_create(&t, NULL, overflow, NULL);
	pthread_join(t, NULL);
}

TEST(a_threads_stack_overflow_faults_in_its_guard_gap_and_kills_the_process)
{
	EXPECT_EQ(signal_of(in_child(overflow_in_a_thread)), SIGSEGV);
}

static volatile int forever;

static void *store_to_null(void *unused)
{
	(void)unused;
	*(volatile int *)0 = 1;
	return NULL;
}

static void fault_in_a_thread_while_main_waits(void)
{
	pthread_t t;
	pthread_create(&t, NULL, store_to_null, NULL);
	while (!forever) /* never ends, unless the fault ends the whole process */
		sched_yield();
}

TEST(a_fault_in_any_thread_kills_the_whole_process_with_its_signal)
{
	EXPECT_EQ(signal_of(in_child(fault_in_a_thread_while_main_waits)), SIGSEGV);
}

static void *exit_5(void *unused)
{
	(void)unused;
	exit(5);
}

static void exit_in_a_thread_while_main_waits(void)
{
	pthread_t t;
	pthread_create(&t, NULL, exit_5, NULL);
	while (!forever)
		sched_yield();
}

TEST(exit_in_any_thread_ends_them_all_and_wait_sees_its_status)
{
	EXPECT(exited_with(in_child(exit_in_a_thread_while_main_waits), 5));
}

static void *print_late(void *unused)
{
	(void)unused;
	for (int i = 0; i < 10; i++)
		sched_yield();
	printf("the last thread ends the process, stdout flushed\n");
	return NULL;
}

static void main_ends_first(void)
{
	pthread_t t;
	pthread_create(&t, NULL, print_late, NULL);
	pthread_exit(NULL); /* the process lives on in the other thread */
}

TEST(pthread_exit_in_main_leaves_the_others_running_and_the_last_ends_with_0)
{
	EXPECT(exited_with(in_child(main_ends_first), 0));
}

static void *spin(void *unused)
{
	(void)unused;
	while (!forever)
		;
	return NULL;
}

static void spinning_threads(void)
{
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, spin, NULL);
	while (!forever)
		;
}

TEST(kill_ends_every_thread_of_a_process_and_gives_back_every_page)
{
	unsigned long before = free_pages();
	pid_t pid = fork();
	if (pid == 0)
		spinning_threads();
	for (int i = 0; i < 20; i++)
		sched_yield(); /* let it start its threads; killed at any point it must die whole */
	EXPECT_OK(kill(pid, SIGKILL));
	EXPECT(killed_by(reap(pid), SIGKILL));
	EXPECT_EQ(free_pages(), before);
}

static void *block(void *arg)
{
	pthread_mutex_t *gate = arg;
	pthread_mutex_lock(gate);
	pthread_mutex_unlock(gate);
	return NULL;
}

TEST(a_process_has_at_most_its_limit_of_threads_and_gets_every_page_back)
{
	pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
	pthread_t t[THREADS_PER_PROCESS];
	unsigned long before = free_pages();
	pthread_mutex_lock(&gate); /* they all wait at the gate, so all exist at once */
	int made = 0;
	while (made < THREADS_PER_PROCESS && pthread_create(&t[made], NULL, block, &gate) == 0)
		made++;
	EXPECT_EQ(made, THREADS_PER_PROCESS - 1); /* and this one makes the limit */
	pthread_t extra;
	EXPECT_EQ(pthread_create(&extra, NULL, block, &gate), EAGAIN);
	pthread_mutex_unlock(&gate);
	for (int i = 0; i < made; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(free_pages(), before);
}

TEST(pthread_create_with_attributes_is_einval)
{
	pthread_attr_t attr = { 0 };
	pthread_t t;
	EXPECT_EQ(pthread_create(&t, &attr, add_100, NULL), EINVAL);
}

static _Atomic int detached_tid, may_end;

static void *note_tid(void *unused)
{
	(void)unused;
	atomic_store(&detached_tid, gettid());
	while (!atomic_load(&may_end)) /* its record must outlive the join below */
		sched_yield();
	return NULL;
}

TEST(joining_oneself_is_edeadlk_and_a_detached_thread_einval)
{
	pthread_t t;
	EXPECT_EQ(pthread_join(pthread_self(), NULL), EDEADLK);
	atomic_store(&detached_tid, 0);
	atomic_store(&may_end, 0);
	EXPECT_EQ(pthread_create(&t, NULL, note_tid, NULL), 0);
	EXPECT_EQ(pthread_detach(t), 0);
	EXPECT_EQ(pthread_join(t, NULL), EINVAL);
	atomic_store(&may_end, 1);
	/* Leave no thread behind for the next test: wait until its tid names nothing. */
	while (atomic_load(&detached_tid) == 0 || kill(atomic_load(&detached_tid), 0) == 0)
		sched_yield();
}

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_cond = PTHREAD_COND_INITIALIZER;
static int queued, taken;

static void *take_two(void *unused)
{
	(void)unused;
	for (int i = 0; i < 2; i++) {
		pthread_mutex_lock(&queue_lock);
		while (queued == 0)
			pthread_cond_wait(&queue_cond, &queue_lock);
		queued--;
		taken++;
		pthread_mutex_unlock(&queue_lock);
	}
	return NULL;
}

TEST(a_condition_variable_wakes_the_waiters_it_is_signalled_for)
{
	pthread_t t[3];
	queued = taken = 0;
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, take_two, NULL), 0);
	for (int i = 0; i < 6; i++) {
		pthread_mutex_lock(&queue_lock);
		queued++;
		if (i % 2)
			pthread_cond_signal(&queue_cond);
		else
			pthread_cond_broadcast(&queue_cond);
		pthread_mutex_unlock(&queue_lock);
	}
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(taken, 6);
	EXPECT_EQ(queued, 0);
}

static _Atomic unsigned char a_byte;
static _Atomic unsigned short a_half;
static unsigned char plain_byte;

static void *bump_small_atomics(void *unused)
{
	(void)unused;
	for (int i = 0; i < 5000; i++) {
		atomic_fetch_add(&a_byte, 1);
		atomic_fetch_add(&a_half, 3);
		unsigned char seen = atomic_load(&a_byte);
		while (!atomic_compare_exchange_weak(&a_byte, &seen, (unsigned char)(seen + 1)))
			;
		__sync_fetch_and_add(&plain_byte, 1);
	}
	return NULL;
}

/* GCC compiles atomics on bytes and halfwords into calls to the C library, which works on the
 * aligned word around them: no update may be lost, and the neighbours stay as they were. */
TEST(atomics_on_bytes_and_halfwords_lose_no_update)
{
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, bump_small_atomics, NULL), 0);
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	EXPECT_EQ(a_byte, (unsigned char)(4 * 5000 * 2));
	EXPECT_EQ(a_half, (unsigned short)(4 * 5000 * 3));
	EXPECT_EQ(plain_byte, (unsigned char)(4 * 5000));
}

struct shared_counter {
	pthread_mutex_t lock;
	long n;
};

static void add_10000(struct shared_counter *c)
{
	for (int i = 0; i < 10000; i++) {
		pthread_mutex_lock(&c->lock);
		c->n++;
		pthread_mutex_unlock(&c->lock);
	}
}

/* A futex is named by its physical address, so a mutex in a segment works between
 * processes, attached at different addresses or not. */
TEST(a_mutex_in_shared_memory_works_between_processes)
{
	int id = seg(IPC_PRIVATE, PG);
	struct shared_counter *c = shmat(id, NULL, 0);
	pthread_mutexattr_t attr;
	EXPECT_EQ(pthread_mutexattr_init(&attr), 0);
	EXPECT_EQ(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), 0);
	EXPECT_EQ(pthread_mutex_init(&c->lock, &attr), 0);
	c->n = 0;
	pid_t pid = fork();
	if (pid == 0) {
		struct shared_counter *mine = shmat(id, NULL, 0); /* a second address for it */
		add_10000(mine);
		_exit(0);
	}
	add_10000(c);
	EXPECT(exited_with(reap(pid), 0));
	EXPECT_EQ(c->n, 20000);
	dt(c), rm(id);
}

static void *fork_from_a_thread(void *unused)
{
	(void)unused;
	pid_t pid = fork();
	if (pid == 0)
		_exit(9); /* the child has this one thread only */
	return (void *)(intptr_t)reap(pid);
}

TEST(fork_in_a_thread_makes_a_child_with_that_thread_alone)
{
	pthread_t t;
	void *status;
	EXPECT_EQ(pthread_create(&t, NULL, fork_from_a_thread, NULL), 0);
	EXPECT_EQ(pthread_join(t, &status), 0);
	EXPECT(exited_with((int)(intptr_t)status, 9));
}

static void *burn(void *unused)
{
	(void)unused;
	for (volatile long i = 0; i < 200000; i++)
		;
	return NULL;
}

TEST(a_processes_cpu_time_counts_its_threads_and_a_threads_only_its_own)
{
	struct timespec thread0, process0, thread1, process1;
	pthread_t t;
	/* The process's span holds the thread's: the host may stop QEMU between any two calls,
	 * and the stop counts as time on the hart, but then for both clocks alike. */
	EXPECT_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &process0));
	EXPECT_OK(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thread0));
	EXPECT_EQ(pthread_create(&t, NULL, burn, NULL), 0);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	EXPECT_OK(clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thread1));
	EXPECT_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &process1));
	long own =
	    (thread1.tv_sec - thread0.tv_sec) * 1000000000L + thread1.tv_nsec - thread0.tv_nsec;
	long all =
	    (process1.tv_sec - process0.tv_sec) * 1000000000L + process1.tv_nsec - process0.tv_nsec;
	EXPECT(all > own); /* the other thread's burning counts for the process alone */
	struct rusage self, mine;
	EXPECT_OK(getrusage(RUSAGE_THREAD, &mine)); /* first: the thread's time only grows */
	EXPECT_OK(getrusage(RUSAGE_SELF, &self));
	EXPECT(self.ru_utime.tv_sec * 1000000L + self.ru_utime.tv_usec >=
	       mine.ru_utime.tv_sec * 1000000L + mine.ru_utime.tv_usec);
}

TEST(futex_refuses_what_it_cannot_do)
{
	int word = 5;
	struct timespec short_wait = { 0, 1000000 }, bad = { 0, -1 };
	EXPECT_ERRNO(syscall(98, (char *)&word + 1, 0, 5, 0), EINVAL);  /* unaligned */
	EXPECT_ERRNO(syscall(98, &word, 9, 5, 0), ENOSYS);              /* no such operation */
	EXPECT_ERRNO(syscall(98, (void *)8, 0, 5, 0), EFAULT);          /* not readable */
	EXPECT_ERRNO(syscall(98, &word, 0, 4, 0), EAGAIN);              /* not the value seen */
	EXPECT_ERRNO(syscall(98, &word, 0, 5, &short_wait), ETIMEDOUT); /* nobody woke it */
	EXPECT_ERRNO(syscall(98, &word, 0, 5, &bad), EINVAL);
	EXPECT_EQ(syscall(98, &word, 1, 10, 0), 0); /* a wake with nobody waiting wakes none */
}

static void *idle_thread(void *unused)
{
	(void)unused;
	return NULL;
}

TEST(the_kernel_stores_a_threads_tid_at_start_and_0_once_it_is_reaped)
{
	int word = -1;
	EXPECT_EQ(syscall(96, &word), gettid()); /* set_tid_address gives the caller's tid */
	EXPECT_EQ(word, -1);                     /* and stores nothing until the thread is reaped */
	EXPECT_EQ(syscall(96, NULL), gettid());  /* and NULL takes it back */
	/* thread_create stores the new tid at ctid before the thread can run, or refuses. */
	EXPECT_ERRNO(syscall(1081, idle_thread, 0, 0, (void *)8), EFAULT);
	pthread_t t;
	EXPECT_EQ(pthread_create(&t, NULL, idle_thread, NULL), 0);
	EXPECT_EQ(pthread_join(t, NULL),
		  0); /* the heap and the stack area's tables are there now */
	unsigned long free_before = free_pages();
	EXPECT_EQ(pthread_create(&t, NULL, idle_thread, NULL), 0);
	EXPECT_EQ(pthread_join(t, NULL), 0);  /* returns once the kernel has stored the 0 */
	EXPECT_EQ(free_pages(), free_before); /* and so every page of the thread is back */
}
