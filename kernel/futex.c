/*
 * futex: how threads wait for one another without spinning. A thread that finds a mutex taken
 * asks the kernel to sleep until the word it watched changes (FUTEX_WAIT), but only if the
 * word still holds what it saw, checked under the same lock as the wakeup, so no wakeup is
 * lost. The thread that releases the mutex wakes sleepers on that word (FUTEX_WAKE).
 *
 * A word is named by its physical address, so the same word in shared memory, attached at
 * different addresses in different processes, is one futex: a mutex in a segment works
 * between processes too.
 */
#include "errno.h"
#include "kernel.h"
#include "mm/uaccess.h"
#include "shm/shm.h"
#include "syscall.h"
#include "task.h"
#include "timer.h"

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_PRIVATE_FLAG 128 /* a hint that only this process uses the word: all the same */

/* The physical address of the user word at uaddr, read into *val (faulting it in, as a load
 * would), or 0 if it cannot be read. Caller holds task_lock. */
static uintptr_t futex_key(uintptr_t uaddr, uint32_t *val)
{
	if (copyin(val, uaddr, sizeof(*val)) != 0)
		return 0;
	pte_t pte = vm_lookup(this_group()->addrenv.pagetable, uaddr);
	return PTE_TO_PA(pte) + uaddr % PGSIZE;
}

/* Sleep while *uaddr == val, until a FUTEX_WAKE on it, the time in utimeout (relative; 0: no
 * limit), or the process's end. Returns 0 when woken, -EAGAIN if *uaddr != val already,
 * -ETIMEDOUT, -EINTR, -EFAULT or -EINVAL. */
static long futex_wait(uintptr_t uaddr, uint32_t val, uintptr_t utimeout)
{
	struct kernel_timespec ts;
	if (utimeout && copyin(&ts, utimeout, sizeof(ts)) != 0)
		return -EFAULT;
	if (utimeout && !timespec_valid(&ts))
		return -EINVAL;
	struct tcb_s *t = this_thread();
	uint32_t now;
	spin_lock(&task_lock);
	uintptr_t key = futex_key(uaddr, &now);
	long ret = !key ? -EFAULT : now != val ? -EAGAIN : 0;
	if (ret == 0) {
		t->futex_pa = key;
		t->wake_time = utimeout ? timer_deadline(&ts) : 0;
		timed_sleepers += utimeout != 0;
		while (t->futex_pa && (!utimeout || t->wake_time) && !t->group->dying)
			sleep_on((void *)key);
		ret = !t->futex_pa ? 0 : t->group->dying ? -EINTR : -ETIMEDOUT;
		timed_sleepers -= utimeout != 0;
		t->futex_pa = t->wake_time = 0;
	}
	spin_unlock(&task_lock);
	return ret;
}

/* Wake at most n threads sleeping on the word at physical address key; returns how many.
 * Caller holds task_lock. */
static long wake_key(uintptr_t key, int n)
{
	long woken = 0;
	for (int i = 0; i < CONFIG_NTHREADS && woken < n; i++) {
		struct tcb_s *t = &threads[i];
		if (t->state == THREAD_SLEEPING && t->futex_pa == key) {
			t->futex_pa = 0; /* tells it a wake, not a time-out, ended its sleep */
			thread_make_runnable(t);
			woken++;
		}
	}
	return woken;
}

/* Wake at most n threads sleeping on the word at uaddr. Returns how many, or -EFAULT. */
static long futex_wake(uintptr_t uaddr, int n)
{
	uint32_t now;
	spin_lock(&task_lock);
	uintptr_t key = futex_key(uaddr, &now);
	long woken = key ? wake_key(key, n) : -EFAULT;
	spin_unlock(&task_lock);
	return woken;
}

void futex_clear_tid(struct task_group_s *g, uintptr_t uaddr)
{
	const pte_t need = PTE_V | PTE_U | PTE_W;
	/* Both locks: the word may be in the window or outside it, and neither page may be
	 * unmapped and freed while we store to it. */
	spin_lock(&g_shminfo.lock);
	spin_lock(&g->vm_lock);
	pte_t pte = uaddr % sizeof(uint32_t) == 0 && access_ok(uaddr, sizeof(uint32_t))
			? vm_lookup(g->addrenv.pagetable, uaddr)
			: 0;
	uintptr_t key = (pte & need) == need ? PTE_TO_PA(pte) + uaddr % PGSIZE : 0;
	if (key)
		__atomic_store_n((uint32_t *)key, 0, __ATOMIC_RELEASE);
	spin_unlock(&g->vm_lock);
	spin_unlock(&g_shminfo.lock);
	if (key)
		wake_key(key, INT32_MAX);
}

long sys_futex(uintptr_t uaddr, int op, uint32_t val, uintptr_t utimeout)
{
	if (uaddr % sizeof(uint32_t) != 0)
		return -EINVAL;
	switch (op & ~FUTEX_PRIVATE_FLAG) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, val, utimeout);
	case FUTEX_WAKE:
		return futex_wake(uaddr, (int)val);
	default:
		return -ENOSYS; /* Linux's answer for an operation it lacks */
	}
}
