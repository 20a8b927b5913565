/* Spinlocks and the interrupt-off nesting that goes with them. */
#include "spinlock.h"

#include "cpu.h"
#include "kernel.h"
#include "riscv.h"

void intr_push(void)
{
	int was_on = (csr_read(sstatus) & SSTATUS_SIE) != 0;
	csr_clear(sstatus, SSTATUS_SIE);
	struct cpu *c = this_cpu();
	if (c->intr_depth++ == 0)
		c->intr_was_on = was_on;
}

void intr_pop(void)
{
	struct cpu *c = this_cpu();
	if (csr_read(sstatus) & SSTATUS_SIE)
		panic("intr_pop: interrupts are on");
	if (c->intr_depth < 1)
		panic("intr_pop: unbalanced");
	if (--c->intr_depth == 0 && c->intr_was_on)
		csr_set(sstatus, SSTATUS_SIE);
}

int spin_holding(const struct spinlock *lk)
{
	return lk->locked && lk->hart == (int)(this_cpu() - cpus);
}

void spin_lock(struct spinlock *lk)
{
	intr_push();
	if (spin_holding(lk))
		panic("spin_lock: %s already held by this hart", lk->name);
	while (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE))
		;
	lk->hart = (int)(this_cpu() - cpus);
}

void spin_unlock(struct spinlock *lk)
{
	if (!spin_holding(lk))
		panic("spin_unlock: %s not held", lk->name);
	lk->hart = -1;
	__atomic_store_n(&lk->locked, 0, __ATOMIC_RELEASE);
	intr_pop();
}
