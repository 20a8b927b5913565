/* What the C library keeps for each thread, and its private helpers for threads. */
#pragma once

#include <pthread.h>

/* A thread, as pthread_t points at it. The tp register of a thread points at its own: the
 * psABI's thread pointer. */
struct pthread {
	int err;             /* errno */
	int tid;             /* the kernel's id for it; 0 once the kernel has reaped it */
	void *(*fn)(void *); /* what it runs */
	void *arg;           /* and with what */
	void *result;        /* what fn returned, or what it gave pthread_exit */
	int state;           /* THREAD_*: a futex word, which join waits on */
};

/* A thread's state: it runs; it has ended and waits to be joined; or it was detached, and
 * frees its own record when it ends. It leaves THREAD_RUNS once, by compare-and-swap, so that
 * an end and a detach at the same moment agree on who frees the record. */
enum { THREAD_RUNS, THREAD_ENDED, THREAD_DETACHED };

/* The calling thread's record. */
static inline struct pthread *__pthread_self(void)
{
	struct pthread *self;
	__asm__("mv %0, tp" : "=r"(self));
	return self;
}

/* Sleep while *word == val (the kernel checks it first, so no wakeup is lost). Returns 0
 * when woken, or an errno value (EAGAIN: *word had changed already). */
int __futex_wait(int *word, int val);

/* Wake up to n threads sleeping on word. */
void __futex_wake(int *word, int n);

/* Take mutex m, marking it contended (2) so that its unlock wakes a waiter: for a thread
 * that found it taken, or that may not be the only one wanting it (a woken pthread_cond_wait). */
void __mutex_lock_contended(pthread_mutex_t *m);

/* The C library's own locks, taken and given around fork so that the child starts with none
 * held (another thread may hold one at the moment of fork, and that thread is not copied). */
void __malloc_lock(void);
void __malloc_unlock(void);
void __stdio_lock_all(void);
void __stdio_unlock_all(void);

/* Make the calling (first) thread's record, and point tp at it. start.c calls this first. */
void __pthread_init(void);

/* In a child of fork: the calling thread is now its process's only one, with a new tid. */
void __pthread_forked(void);
