/* Spinlocks and the interrupt-off nesting that goes with them. */
#include "spinlock.h"

#include "cpu.h"
#include "kernel.h"
#include "riscv.h"

void intr_trouble(const char *what)
{
	panic("intr_pop: %s", what);
}

void spin_lock(struct spinlock *lk)
{
	intr_push();
	if (spin_holding(lk))
		panic("spin_lock: %s already held by this hart", lk->name);
	while (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE))
		;
	lk->hart = (int)cpu_index();
}

void spin_unlock(struct spinlock *lk)
{
	if (!spin_holding(lk))
		panic("spin_unlock: %s not held", lk->name);
	lk->hart = -1;
	__atomic_store_n(&lk->locked, 0, __ATOMIC_RELEASE);
	intr_pop();
}
