/*
 * Condition variables on a futex word that counts signals. A waiter notes the count, unlocks
 * the mutex, and sleeps only while the count is still what it noted: a signal between the
 * unlock and the sleep changes the count, so the kernel will not let it sleep through it.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>

#include "thread.h"

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	(void)attr;
	c->seq = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	unsigned seq = __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
	pthread_mutex_unlock(m);
	__futex_wait((int *)&c->seq, (int)seq);
	__mutex_lock_contended(m); /* others woken with this one may wait for the mutex too */
	return 0;
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	__futex_wake((int *)&c->seq, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_RELEASE);
	__futex_wake((int *)&c->seq, INT_MAX);
	return 0;
}

int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{
	if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED)
		return EINVAL;
	attr->pshared = pshared;
	return 0;
}
