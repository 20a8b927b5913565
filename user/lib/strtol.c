/* Integers from text: the strto* family and atoi, atol, atoll. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

_Static_assert(LONG_MAX == LLONG_MAX && LONG_MAX == INTMAX_MAX, "LP64: long is long long");

/* The value of c as a digit in bases up to 36; 36 for anything that is not a digit. */
static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 36;
}

/* Read the integer at s as strtoull does: spaces, a sign, then digits in base (0: 0x means 16,
 * 0 means 8, else 10). Sets *neg, and *mag to the magnitude, or to ULLONG_MAX when it doesn't
 * fit (*overflow then says so). Sets *end past the digits, or to s when there are none.
 * Returns 0, or -1 with errno EINVAL for a base that is not 0 or 2..36. */
static int parse(const char *s, char **end, int base, int *neg, unsigned long long *mag,
		 int *overflow)
{
	*neg = *overflow = 0;
	*mag = 0;
	if (end)
		*end = (char *)s;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return -1;
	}
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	*neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	const char *digits = p;
	for (int d; (d = digit_value((unsigned char)*p)) < base; p++) {
		if (*mag > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
			*overflow = 1;
		*mag = *overflow ? ULLONG_MAX : *mag * (unsigned)base + (unsigned)d;
	}
	if (end && p != digits)
		*end = (char *)p;
	return 0;
}

/* Out of range: ERANGE and ULLONG_MAX. A minus sign negates the value, as C asks ("-1" is
 * ULLONG_MAX). */
unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long mag;
	if (parse(s, end, base, &neg, &mag, &overflow) != 0)
		return 0;
	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -mag : mag;
}

/* Out of range: ERANGE and LLONG_MAX, or LLONG_MIN for a negative value. */
long long strtoll(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long mag;
	if (parse(s, end, base, &neg, &mag, &overflow) != 0)
		return 0;
	if (overflow || mag > (neg ? -(unsigned long long)LLONG_MIN : LLONG_MAX)) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? -(long long)(mag - 1) - 1 : (long long)mag;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

long strtol(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

intmax_t strtoimax(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

/* The ato* functions are strtol in base 10, without error reporting. */
int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
