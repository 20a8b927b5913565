/*
 * Mutexes on a futex word: 0 free, 1 locked, 2 locked and someone may be waiting. Taking a
 * free mutex is one compare-and-swap, and so is releasing one nobody waits for: the kernel is
 * called only when threads meet. A waiter marks the word 2 before it sleeps, so the holder
 * knows to wake one at unlock. (The algorithm is Drepper's, from "Futexes Are Tricky".)
 */
#include <errno.h>
#include <pthread.h>

#include "thread.h"

enum { FREE, LOCKED, CONTENDED };

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	(void)attr; /* private or shared, every mutex works between processes too */
	m->state = FREE;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return __atomic_load_n(&m->state, __ATOMIC_RELAXED) == FREE ? 0 : EBUSY;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	int free = FREE;
	return __atomic_compare_exchange_n(&m->state, &free, LOCKED, 0, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED)
		   ? 0
		   : EBUSY;
}

void __mutex_lock_contended(pthread_mutex_t *m)
{
	while (__atomic_exchange_n(&m->state, CONTENDED, __ATOMIC_ACQUIRE) != FREE)
		__futex_wait(&m->state, CONTENDED);
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	if (pthread_mutex_trylock(m) != 0)
		__mutex_lock_contended(m);
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (__atomic_exchange_n(&m->state, FREE, __ATOMIC_RELEASE) == CONTENDED)
		__futex_wake(&m->state, 1);
	return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	attr->pshared = pshared;
	return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{
	*pshared = attr->pshared;
	return 0;
}
