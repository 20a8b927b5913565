/* Threads: creating, joining and ending them. Each runs on a stack the kernel gives it (with
 * a guard gap below), with tp pointing at its struct pthread. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "thread.h"

long __thread_create(void (*entry)(struct pthread *), struct pthread *arg, struct pthread *tls,
		     int *ctid);
long set_tid_address(int *word);
__attribute__((noreturn)) void __exit_thread(int code);

static struct pthread first; /* the thread main runs in */
static int running = 1;      /* threads not yet ended; the last one ends the process */

void __pthread_init(void)
{
	first.tid = (int)set_tid_address(&first.tid);
	__asm__ volatile("mv tp, %0" ::"r"(&first));
}

void __pthread_forked(void)
{
	running = 1; /* the child has the calling thread only */
	struct pthread *self = __pthread_self();
	self->tid = (int)set_tid_address(&self->tid);
}

/* Wait until the kernel has reaped t, storing 0 in t->tid (set_tid_address): only then is
 * all of t given back, and its record free to reuse. */
static void wait_reaped(struct pthread *t)
{
	int tid;
	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE)) != 0)
		__futex_wait(&t->tid, tid);
}

/* Where a new thread starts (thread_create's entry): run its function, then end with what
 * it returns. */
static void start(struct pthread *self)
{
	pthread_exit(self->fn(self->arg));
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
{
	if (attr)
		return EINVAL;
	struct pthread *t = calloc(1, sizeof(*t));
	if (!t)
		return EAGAIN;
	t->fn = fn;
	t->arg = arg;
	__atomic_fetch_add(&running, 1, __ATOMIC_RELAXED);
	if (__thread_create(start, t, t, &t->tid) < 0) { /* the kernel stores t->tid */
		int err = errno;
		__atomic_fetch_sub(&running, 1, __ATOMIC_RELAXED);
		free(t);
		return err;
	}
	*thread = t;
	return 0;
}

/* Move t out of THREAD_RUNS to to; returns 1, or 0 with nothing changed if it had left. */
static int leave_runs(struct pthread *t, int to)
{
	int runs = THREAD_RUNS;
	return __atomic_compare_exchange_n(&t->state, &runs, to, 0, __ATOMIC_ACQ_REL,
					   __ATOMIC_ACQUIRE);
}

void pthread_exit(void *result)
{
	struct pthread *self = __pthread_self();
	/* POSIX: the last thread to end ends the process, as exit(0) would: atexit handlers,
	 * stdio's held output. */
	if (__atomic_sub_fetch(&running, 1, __ATOMIC_ACQ_REL) == 0)
		exit(0);
	self->result = result;
	if (leave_runs(self, THREAD_ENDED))
		__futex_wake(&self->state, INT_MAX);
	else if (self != &first) {
		set_tid_address(NULL); /* detached: nobody will look at it, so nothing to clear */
		free(self);            /* and errno is not used from here on */
	}
	__exit_thread(0);
}

int pthread_join(pthread_t t, void **result)
{
	if (t == __pthread_self())
		return EDEADLK;
	int state;
	while ((state = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE)) == THREAD_RUNS)
		__futex_wait(&t->state, THREAD_RUNS);
	if (state == THREAD_DETACHED)
		return EINVAL;
	wait_reaped(t);
	if (result)
		*result = t->result;
	if (t != &first)
		free(t);
	return 0;
}

int pthread_detach(pthread_t t)
{
	if (leave_runs(t, THREAD_DETACHED))
		return 0;
	if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == THREAD_DETACHED)
		return EINVAL;
	wait_reaped(t);
	if (t != &first)
		free(t); /* it has ended, and nobody will join it now */
	return 0;
}

pthread_t pthread_self(void)
{
	return __pthread_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}
