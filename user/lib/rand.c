/* random and rand: one linear congruential generator, x = x * 6364136223846793005 +
 * 1442695040888963407 (mod 2^64), Knuth's MMIX constants. The low bits of such a generator
 * repeat quickly, so each number is the top 31. As in glibc, rand is random and srand is
 * srandom: the two share one sequence. The same seed gives the same sequence, but not glibc's. */
#include <stdint.h>
#include <stdlib.h>

static uint64_t state = 1; /* a program that never seeds runs as after srandom(1) */

void srandom(unsigned seed)
{
	state = seed;
}

/* The next number of the sequence, from 0 to RAND_MAX. */
long random(void)
{
	state = state * 6364136223846793005u + 1442695040888963407u;
	return (long)(state >> 33);
}

void srand(unsigned seed)
{
	srandom(seed);
}

int rand(void)
{
	return (int)random();
}
