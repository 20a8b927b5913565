/* The 48-bit generators of POSIX: x = a x + c (mod 2^48). drand48, lrand48 and mrand48 step a
 * state of their own; erand48, nrand48 and jrand48 step the caller's. All of them use the one
 * a and c, which lcong48 sets and srand48 and seed48 set back to POSIX's. A program that never
 * seeds starts from x = 0, as with glibc. */
#include <stdint.h>
#include <stdlib.h>

#define MASK48 ((UINT64_C(1) << 48) - 1)
#define A_DEFAULT UINT64_C(0x5DEECE66D)
#define C_DEFAULT 0xB

static unsigned short state[3];
static uint64_t a = A_DEFAULT;
static unsigned c = C_DEFAULT;

/* The 48-bit number held in three 16-bit words, least significant first. */
static uint64_t get48(const unsigned short w[3])
{
	return (uint64_t)w[0] | (uint64_t)w[1] << 16 | (uint64_t)w[2] << 32;
}

static void put48(unsigned short w[3], uint64_t x)
{
	w[0] = (unsigned short)x;
	w[1] = (unsigned short)(x >> 16);
	w[2] = (unsigned short)(x >> 32);
}

/* Step the generator held in xsubi, and return its new 48 bits. */
static uint64_t step(unsigned short xsubi[3])
{
	uint64_t x = (a * get48(xsubi) + c) & MASK48;
	put48(xsubi, x);
	return x;
}

double erand48(unsigned short xsubi[3])
{
	/* Exact: 48 bits fit in a double's 53. */
	return (double)step(xsubi) / (double)(UINT64_C(1) << 48);
}

double drand48(void)
{
	return erand48(state);
}

long nrand48(unsigned short xsubi[3])
{
	return (long)(step(xsubi) >> 17);
}

long lrand48(void)
{
	return nrand48(state);
}

long jrand48(unsigned short xsubi[3])
{
	return (long)(int32_t)(uint32_t)(step(xsubi) >> 16);
}

long mrand48(void)
{
	return jrand48(state);
}

void srand48(long seedval)
{
	put48(state, (uint64_t)(uint32_t)seedval << 16 | 0x330E);
	a = A_DEFAULT;
	c = C_DEFAULT;
}

unsigned short *seed48(unsigned short seed16v[3])
{
	static unsigned short old[3];
	put48(old, get48(state));
	put48(state, get48(seed16v));
	a = A_DEFAULT;
	c = C_DEFAULT;
	return old;
}

void lcong48(unsigned short param[7])
{
	put48(state, get48(param));
	a = get48(param + 3);
	c = param[6];
}
