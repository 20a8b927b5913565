/*
 * Atomic operations on bytes and halfwords. RISC-V's atomic instructions (AMOs, LR/SC) work on
 * whole 32- and 64-bit words only, so GCC 12 compiles a C11 atomic on a char or a short into a
 * call to one of these, as to libatomic. Each works on the aligned 32-bit word that holds the
 * object: read the word, make the new word with the object's bits changed, and store it with
 * compare-and-swap (an LR/SC loop) if the word is still what was read; else try again. The
 * other bytes of the word are never changed, only rewritten with what they hold. Every one is
 * sequentially consistent, the strongest order C11 asks for, whatever order the caller gave.
 */
#include <stdbool.h>
#include <stdint.h>

/* Store new at w if w still holds old; whether it did. lr.w and sc.w with aq and rl order it
 * both ways. The loop is the ISA's constrained LR/SC loop: it always succeeds eventually. */
static bool cas32(volatile uint32_t *w, uint32_t old, uint32_t new)
{
	uint32_t seen, failed;
	__asm__ volatile("1: lr.w.aqrl %0, (%2)\n"
			 "   bne %0, %3, 2f\n"
			 "   sc.w.aqrl %1, %4, (%2)\n"
			 "   bnez %1, 1b\n"
			 "2:"
			 : "=&r"(seen), "=&r"(failed)
			 : "r"(w), "r"(old), "r"(new)
			 : "memory");
	return seen == old;
}

/* The aligned word holding the size-byte object at p, and the shift and mask of the object's
 * bits in it (RISC-V is little-endian). */
struct place {
	volatile uint32_t *word;
	unsigned shift;
	uint32_t mask;
};

static struct place place_of(volatile void *p, unsigned size)
{
	uintptr_t a = (uintptr_t)p;
	unsigned shift = (unsigned)(a & 3) * 8;
	return (struct place){ (volatile uint32_t *)(a & ~(uintptr_t)3), shift,
			       (size == 1 ? 0xffU : 0xffffU) << shift };
}

enum op { OP_XCHG, OP_ADD, OP_SUB, OP_AND, OP_OR, OP_XOR, OP_NAND };

static uint32_t apply(enum op op, uint32_t old, uint32_t v)
{
	switch (op) {
	case OP_XCHG:
		return v;
	case OP_ADD:
		return old + v;
	case OP_SUB:
		return old - v;
	case OP_AND:
		return old & v;
	case OP_OR:
		return old | v;
	case OP_XOR:
		return old ^ v;
	default: /* OP_NAND */
		return ~(old & v);
	}
}

/* Apply op with v to the size-byte object at p, atomically. Returns its value before. */
static uint32_t rmw(volatile void *p, unsigned size, enum op op, uint32_t v)
{
	struct place pl = place_of(p, size);
	uint32_t word, obj;
	do {
		word = *pl.word;
		obj = (word & pl.mask) >> pl.shift;
	} while (
	    !cas32(pl.word, word, (word & ~pl.mask) | ((apply(op, obj, v) << pl.shift) & pl.mask)));
	return obj;
}

/* Store desired at p if it holds *expected; else put what it holds in *expected. Whether it
 * stored. */
static bool cmpxchg(volatile void *p, unsigned size, void *expected, uint32_t desired)
{
	struct place pl = place_of(p, size);
	uint32_t want = size == 1 ? *(uint8_t *)expected : *(uint16_t *)expected;
	for (;;) {
		uint32_t word = *pl.word, obj = (word & pl.mask) >> pl.shift;
		if (obj != want) {
			if (size == 1)
				*(uint8_t *)expected = (uint8_t)obj;
			else
				*(uint16_t *)expected = (uint16_t)obj;
			return false;
		}
		if (cas32(pl.word, word, (word & ~pl.mask) | (desired << pl.shift)))
			return true;
	}
}

/* The __atomic_ (C11) and __sync_ (older GCC) entry points, for bytes (_1) and halfwords (_2):
 * fetch_OP returns the value before, OP_fetch the value after. */
#define RMW(T, N, NAME, OP)                                                                        \
	T __atomic_fetch_##NAME##_##N(volatile void *p, T v, int order)                            \
	{                                                                                          \
		(void)order;                                                                       \
		return (T)rmw(p, N, OP, v);                                                        \
	}                                                                                          \
	T __atomic_##NAME##_fetch_##N(volatile void *p, T v, int order)                            \
	{                                                                                          \
		(void)order;                                                                       \
		return (T)apply(OP, rmw(p, N, OP, v), v);                                          \
	}                                                                                          \
	T __sync_fetch_and_##NAME##_##N(volatile void *p, T v)                                     \
	{                                                                                          \
		return (T)rmw(p, N, OP, v);                                                        \
	}                                                                                          \
	T __sync_##NAME##_and_fetch_##N(volatile void *p, T v)                                     \
	{                                                                                          \
		return (T)apply(OP, rmw(p, N, OP, v), v);                                          \
	}

#define SIZE(T, N)                                                                                 \
	RMW(T, N, add, OP_ADD)                                                                     \
	RMW(T, N, sub, OP_SUB)                                                                     \
	RMW(T, N, and, OP_AND)                                                                     \
	RMW(T, N, or, OP_OR)                                                                       \
	RMW(T, N, xor, OP_XOR)                                                                     \
	RMW(T, N, nand, OP_NAND)                                                                   \
	T __atomic_exchange_##N(volatile void *p, T v, int order)                                  \
	{                                                                                          \
		(void)order;                                                                       \
		return (T)rmw(p, N, OP_XCHG, v);                                                   \
	}                                                                                          \
	T __sync_lock_test_and_set_##N(volatile void *p, T v)                                      \
	{                                                                                          \
		return (T)rmw(p, N, OP_XCHG, v);                                                   \
	}                                                                                          \
	bool __atomic_compare_exchange_##N(volatile void *p, void *expected, T desired, bool weak, \
					   int success, int failure)                               \
	{                                                                                          \
		(void)weak, (void)success, (void)failure;                                          \
		return cmpxchg(p, N, expected, desired);                                           \
	}                                                                                          \
	bool __sync_bool_compare_and_swap_##N(volatile void *p, T old, T new)                      \
	{                                                                                          \
		return cmpxchg(p, N, &old, new);                                                   \
	}                                                                                          \
	T __sync_val_compare_and_swap_##N(volatile void *p, T old, T new)                          \
	{                                                                                          \
		T seen = old;                                                                      \
		cmpxchg(p, N, &seen, new);                                                         \
		return seen;                                                                       \
	}

SIZE(uint8_t, 1)
SIZE(uint16_t, 2)
