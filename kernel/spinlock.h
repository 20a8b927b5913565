/*
 * Spinlocks: every piece of shared kernel state sits behind one, and is safe with NCPU harts.
 * Holding a lock also keeps interrupts off on this hart, so an interrupt can never try to take
 * a lock its own hart holds.
 *
 * The order of locks. A hart that holds several took them in this order, so no two harts can
 * each hold what the other waits for:
 *
 *   task_lock        threads, processes, the run queue, sleep and wakeup (kernel/task.h)
 *   g_shminfo.lock   segments, attachments, and every window's page-table entries
 *   a group's vm_lock its page table outside the window, brk, its thread-stack slots
 *   pool_lock        the physical page allocator (kernel/mm/pgalloc.c)
 *   shutdown_lock, console_lock, audit_lock   taken last, holding nothing they wait on
 *
 * (task_lock comes first because wait4 and futex read and write user memory while holding
 * it, and that may fault a lazy page in under the shm lock or a vm_lock.) No lock is held
 * across a wait for another hart, except task_lock across swtch, which the scheduler on this
 * hart releases.
 *
 * In test and debug builds a hart that waits longer than a second for a lock panics, naming
 * where it waits and where the holder took the lock: a deadlock, or a lock held far too long,
 * is a bug. Taking a lock twice on one hart panics too, naming both places.
 */
#pragma once

#include <stdint.h>

#include "cpu.h"
#include "riscv.h"

struct spinlock {
	volatile uint32_t locked;
	const char *name; /* for panic messages */
	int hart;         /* holder's hart, or -1 */
	uintptr_t where;  /* where the holder took it: the caller of spin_lock */
};

#define SPINLOCK_INIT(n)                                                                           \
	{                                                                                          \
		.locked = 0, .name = (n), .hart = -1, .where = 0                                   \
	}

/* Take the lock, spinning until it is free. Interrupts stay off until the matching release. */
void spin_lock(struct spinlock *lk);

/* Take the lock if it is free, as spin_lock does, and return 1; else return 0 at once, with
 * nothing changed. */
int spin_trylock(struct spinlock *lk);

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
