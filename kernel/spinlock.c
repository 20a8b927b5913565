/* Spinlocks and the interrupt-off nesting that goes with them. */
#include "spinlock.h"

#include "audit.h"
#include "cpu.h"
#include "kernel.h"
#include "riscv.h"
#include "timer.h"

void intr_trouble(const char *what)
{
	panic("intr_pop: %s", what);
}

/* lk is busy: spin until it is free. In test and debug builds, give up after a second and
 * say who waits where for whom; with PACE=1 after ten, since each narrated step then stops the
 * machine for 1.5 s, a lock held. Out of line: the common, uncontended lock never comes here. */
__attribute__((noinline)) static void spin_wait(struct spinlock *lk, uintptr_t from)
{
	uint64_t start = timer_now(), limit = timer_hz() * (kernel_pace ? 10 : 1);
	unsigned spins = 0;
	while (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE)) {
		if (kernel_audit && ++spins % 1024 == 0 && timer_now() - start > limit)
			panic("spin_lock: hart %lu waited over %lu s at %p for %s, which hart %d "
			      "took "
			      "at %p",
			      cpu_index(), limit / timer_hz(), (void *)from, lk->name, lk->hart,
			      (void *)lk->where);
	}
}

void spin_lock(struct spinlock *lk)
{
	uintptr_t from = (uintptr_t)__builtin_return_address(0);
	intr_push();
	if (spin_holding(lk))
		panic("spin_lock: %s taken again by hart %lu at %p; it took it at %p", lk->name,
		      cpu_index(), (void *)from, (void *)lk->where);
	if (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE))
		spin_wait(lk, from);
	lk->hart = (int)cpu_index();
	lk->where = from;
}

int spin_trylock(struct spinlock *lk)
{
	intr_push();
	if (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE)) {
		intr_pop();
		return 0;
	}
	lk->hart = (int)cpu_index();
	lk->where = (uintptr_t)__builtin_return_address(0);
	return 1;
}

void spin_unlock(struct spinlock *lk)
{
	if (!spin_holding(lk))
		panic("spin_unlock: %s not held", lk->name);
	lk->hart = -1;
	__atomic_store_n(&lk->locked, 0, __ATOMIC_RELEASE);
	intr_pop();
}
