/*
 * Spinlocks. rvshm runs on one hart today, but every piece of shared kernel state is already
 * guarded as if it ran on several. Holding a lock also keeps interrupts off on this hart, so a
 * timer interrupt can never try to take a lock its own hart holds.
 */
#pragma once

#include <stdint.h>

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
int spin_holding(const struct spinlock *lk);

/* Interrupts off, counting nested calls; intr_pop restores the state of the outermost push. */
void intr_push(void);
void intr_pop(void);
