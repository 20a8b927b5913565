/* random and rand: glibc's default generator, so that a program prints the same numbers here
 * as on Linux. It is an additive feedback generator over 31 words: each new word is the sum of
 * the words 31 and 3 places back (mod 2^32), and each number is a new word without its lowest
 * bit, which alone would only repeat a short pattern. srandom fills the 31 words from the seed
 * with the Park-Miller generator, x = 16807 x mod (2^31 - 1), then throws away the first 310
 * numbers, whose words still show the seed. As in glibc, rand is random and srand is srandom:
 * the two share one sequence. */
#include <stdint.h>
#include <stdlib.h>

#define DEGREE 31 /* the words of state */
#define LAG 3     /* the nearer of the two words each new word is summed from */
#define DISCARD (10 * DEGREE)

static uint32_t word[DEGREE];
static unsigned next;  /* the index mod DEGREE of the word random makes next */
static int seeded = 0; /* a program that never seeds runs as after srandom(1) */

void srandom(unsigned seed)
{
	int64_t x = (int32_t)(seed == 0 ? 1 : seed); /* glibc takes the seed as a signed word */
	word[0] = (uint32_t)x;
	for (int i = 1; i < DEGREE; i++) {
		x = 16807 * x % 2147483647;
		if (x < 0)
			x += 2147483647;
		word[i] = (uint32_t)x;
	}
	/* Words 31 to 33 copy words 0 to 2, which the ring already holds in their places. */
	next = 34 % DEGREE;
	seeded = 1;
	for (int i = 0; i < DISCARD; i++)
		random();
}

/* The next number of the sequence, from 0 to RAND_MAX. */
long random(void)
{
	if (!seeded)
		srandom(1);
	/* The word 31 places back sits where the new one goes. */
	word[next] += word[(next + DEGREE - LAG) % DEGREE];
	long r = (long)(word[next] >> 1);
	next = (next + 1) % DEGREE;
	return r;
}

void srand(unsigned seed)
{
	srandom(seed);
}

int rand(void)
{
	return (int)random();
}

/* rand_r's step: the linear congruential generator of the C standard's example rand. */
static unsigned lcg(unsigned *x)
{
	*x = *x * 1103515245u + 12345u;
	return *x >> 16;
}

/* A number from 0 to RAND_MAX from the state *seed alone, as glibc's rand_r: three steps of
 * the generator give 11, 10 and 10 bits of their upper halves, whose low bits are the
 * generator's poorest. */
int rand_r(unsigned *seed)
{
	unsigned r = lcg(seed) % 2048;
	r = (r << 10) ^ (lcg(seed) % 1024);
	r = (r << 10) ^ (lcg(seed) % 1024);
	return (int)r;
}
