/* Absolute values. Of the most negative value there is none: it comes back unchanged, as on
 * two's complement machines with glibc. */
#include <inttypes.h>
#include <stdlib.h>

int abs(int n)
{
	return n < 0 ? (int)-(unsigned)n : n;
}

long labs(long n)
{
	return n < 0 ? (long)-(unsigned long)n : n;
}

long long llabs(long long n)
{
	return n < 0 ? (long long)-(unsigned long long)n : n;
}

intmax_t imaxabs(intmax_t n)
{
	return llabs(n);
}
