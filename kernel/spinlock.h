/*
 * Spinlocks. rvshm runs on one hart today, but every piece of shared kernel state is already
 * guarded as if it ran on several. Holding a lock also keeps interrupts off on this hart, so a
 * timer interrupt can never try to take a lock its own hart holds.
 */
#pragma once

#include <stdint.h>

#include "cpu.h"
#include "riscv.h"

struct spinlock {
	volatile uint32_t locked;
	const char *name; /* for panic messages */
	int hart;         /* holder's hart, or -1 */
};

#define SPINLOCK_INIT(n)                                                                           \
	{                                                                                          \
		.locked = 0, .name = (n), .hart = -1                                               \
	}

/* Take the lock, spinning until it is free. Interrupts stay off until the matching release. */
void spin_lock(struct spinlock *lk);

/* Release a lock this hart holds. */
void spin_unlock(struct spinlock *lk);

/* Does this hart hold lk? For assertions. */
static inline int spin_holding(const struct spinlock *lk)
{
	return lk->locked && lk->hart == (int)cpu_index();
}

/* Report misuse of intr_pop, and panic. */
__attribute__((noreturn, noinline, cold)) void intr_trouble(const char *what);

/* Interrupts off, counting nested calls; intr_pop restores the state of the outermost push.
 * Inline: every lock pays for them. */
static inline void intr_push(void)
{
	int was_on = (csr_read_clear(sstatus, SSTATUS_SIE) & SSTATUS_SIE) != 0;
	struct cpu *c = this_cpu();
	if (c->intr_depth++ == 0)
		c->intr_was_on = was_on;
}

static inline void intr_pop(void)
{
	struct cpu *c = this_cpu();
	if (csr_read(sstatus) & SSTATUS_SIE)
		intr_trouble("interrupts are on");
	if (c->intr_depth < 1)
		intr_trouble("unbalanced");
	if (--c->intr_depth == 0 && c->intr_was_on)
		csr_set(sstatus, SSTATUS_SIE);
}
