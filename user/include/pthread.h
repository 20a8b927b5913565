/* POSIX threads: several threads in one process, sharing its memory (and its attachments),
 * each with its own registers and stack. Mutexes and condition variables wait in the kernel
 * (futex) rather than spin. A mutex or condition variable in a shared-memory segment works
 * between processes too: the kernel names a futex by its physical address. */
#pragma once

#include <sched.h>
#include <sys/types.h>

typedef struct pthread *pthread_t;

/* Thread attributes are not supported: pthread_create takes NULL only (else EINVAL). */
typedef struct {
	int unused;
} pthread_attr_t;

typedef struct {
	int state; /* 0 free, 1 locked, 2 locked with waiters (a futex word) */
} pthread_mutex_t;

typedef struct {
	int pshared;
} pthread_mutexattr_t;

typedef struct {
	unsigned seq; /* bumped by every signal and broadcast (a futex word) */
} pthread_cond_t;

typedef struct {
	int pshared;
} pthread_condattr_t;

#define PTHREAD_MUTEX_INITIALIZER                                                                  \
	{                                                                                          \
		0                                                                                  \
	}
#define PTHREAD_COND_INITIALIZER                                                                   \
	{                                                                                          \
		0                                                                                  \
	}
#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1

/* Start a thread running fn(arg); its id goes to *thread. Returns 0, or EINVAL (attr is not
 * NULL), or EAGAIN (too many threads: CONFIG_THREADS_PER_PROCESS, CONFIG_NTHREADS, or memory). */
int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*fn)(void *), void *arg);

/* Wait for thread to end, and store what it returned (or gave pthread_exit) in *result unless
 * result is NULL. Returns 0, EDEADLK (thread is the caller), or EINVAL (detached). */
int pthread_join(pthread_t thread, void **result);

/* End the calling thread with result. The last thread to end ends the process, as exit(0). */
__attribute__((noreturn)) void pthread_exit(void *result);

/* Let thread's resources go when it ends: nobody will join it. Returns 0 or EINVAL. */
int pthread_detach(pthread_t thread);

pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);

/* Mutexes: lock waits, trylock does not (EBUSY). attr may be NULL; a mutex works between
 * processes whatever its pshared says. Each returns 0 or an error number. */
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared);

/* Condition variables: wait unlocks m while it sleeps and locks it again before it returns;
 * it may return without a signal (a spurious wakeup), as POSIX allows, so wait in a loop. */
int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared);
