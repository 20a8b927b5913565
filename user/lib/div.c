/* Quotient and remainder in one call. The quotient is truncated toward zero, as C's / is, and
 * quot * denom + rem == numer. */
#include <stdlib.h>

div_t div(int numer, int denom)
{
	return (div_t){ numer / denom, numer % denom };
}

ldiv_t ldiv(long numer, long denom)
{
	return (ldiv_t){ numer / denom, numer % denom };
}

lldiv_t lldiv(long long numer, long long denom)
{
	return (lldiv_t){ numer / denom, numer % denom };
}
