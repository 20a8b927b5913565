/* rand: a linear congruential generator, x = x * 6364136223846793005 + 1442695040888963407
 * (mod 2^64), Knuth's MMIX constants. The low bits of such a generator repeat quickly, so rand
 * returns the top 31. The same seed gives the same sequence, but not glibc's sequence. */
#include <stdint.h>
#include <stdlib.h>

static uint64_t state = 1; /* a program that never calls srand runs as after srand(1) */

void srand(unsigned seed)
{
	state = seed;
}

/* The next number of the sequence, from 0 to RAND_MAX. */
int rand(void)
{
	state = state * 6364136223846793005u + 1442695040888963407u;
	return (int)(state >> 33);
}
