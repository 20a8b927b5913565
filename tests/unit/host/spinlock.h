/* Host stand-in for kernel/spinlock.h: unit tests run on one thread, with nothing to lock. */
#pragma once

struct spinlock {
	int unused;
};

#define SPINLOCK_INIT(n)                                                                           \
	{                                                                                          \
		0                                                                                  \
	}

static inline void spin_lock(struct spinlock *lk)
{
	(void)lk;
}

static inline void spin_unlock(struct spinlock *lk)
{
	(void)lk;
}

static inline int spin_holding(const struct spinlock *lk)
{
	(void)lk;
	return 1;
}
