/* Floating-point numbers from text: strtod, strtof and atof, for decimal and hexadecimal
 * numbers, inf, infinity and nan. The result is correctly rounded (to nearest, ties to even),
 * as glibc's is, and it is computed without floating-point arithmetic: the text's exact value
 * is worked out in integers, and the bits of the result are put together by hand.
 *
 * A decimal number is D * 10^k for an integer D. Its binary value takes big integers:
 * k >= 0: D * 5^k * 2^k, an integer whose top 64 bits are what rounding needs;
 * k < 0:  D / 5^-k * 2^k, a quotient of which 64 bits are computed by long division.
 * Either way there are then 64 bits, a flag for any non-zero bits below them, and a binary
 * exponent, and rounding those to the 53 bits of a double (24 of a float) is exact. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

/* Significant digits kept of a decimal number. Past them only whether a digit is non-zero
 * matters: a value halfway between two doubles has at most 767 significant digits, so the
 * dropped digits can never decide between two neighbours. */
#define MAX_DIGITS 800
/* Beyond these decimal exponents (the number is below 10^MAX_POW10), a number rounds to
 * infinity or to zero in either format. */
#define MAX_POW10 310
#define MIN_POW10 (-324)
#define EXP_CLAMP 100000 /* an exponent in the text past this acts as this */
#define LIMBS 100        /* 3200 bits: D * 2^s, with D < 10^800 and 5^1124 below 2^2611 */

/* A binary floating-point format: bits of the fraction (after the implicit 1) and of the
 * exponent. The sign bit is above both. */
struct fp_format {
	int frac_bits, exp_bits;
};

static const struct fp_format double_format = { 52, 11 };
static const struct fp_format float_format = { 23, 8 };

/* A natural number, 32 bits a limb, the least significant first; n limbs in use. */
struct big {
	int n;
	uint32_t limb[LIMBS];
};

/* b = b * mul + add. */
static void big_mul_add(struct big *b, uint32_t mul, uint32_t add)
{
	uint64_t carry = add;
	for (int i = 0; i < b->n; i++) {
		carry += (uint64_t)b->limb[i] * mul;
		b->limb[i] = (uint32_t)carry;
		carry >>= 32;
	}
	if (carry)
		b->limb[b->n++] = (uint32_t)carry;
}

/* b *= 5^k, thirteen factors at a time (5^13 < 2^32). */
static void big_mul_pow5(struct big *b, int k)
{
	for (; k >= 13; k -= 13)
		big_mul_add(b, 1220703125u, 0);
	uint32_t f = 1;
	for (; k > 0; k--)
		f *= 5;
	big_mul_add(b, f, 0);
}

/* b <<= s. */
static void big_shl(struct big *b, int s)
{
	int words = s / 32, bits = s % 32;
	if (b->n == 0)
		return;
	b->limb[b->n] = 0;
	for (int i = b->n; i >= 0; i--) {
		uint32_t low = i > 0 && bits ? b->limb[i - 1] >> (32 - bits) : 0;
		b->limb[i + words] = (b->limb[i] << bits) | low;
	}
	for (int i = 0; i < words; i++)
		b->limb[i] = 0;
	b->n += words + 1;
	while (b->n && b->limb[b->n - 1] == 0)
		b->n--;
}

/* b >>= 1. */
static void big_shr1(struct big *b)
{
	for (int i = 0; i < b->n; i++)
		b->limb[i] = (b->limb[i] >> 1) | (i + 1 < b->n ? b->limb[i + 1] << 31 : 0);
	if (b->n && b->limb[b->n - 1] == 0)
		b->n--;
}

/* The number of bits of b, without leading zeros. */
static int big_bits(const struct big *b)
{
	return b->n ? 32 * b->n - __builtin_clz(b->limb[b->n - 1]) : 0;
}

/* -1, 0 or 1 as a < b, a == b or a > b. */
static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->limb[i] != b->limb[i])
			return a->limb[i] < b->limb[i] ? -1 : 1;
	return 0;
}

/* a -= b, for a >= b. */
static void big_sub(struct big *a, const struct big *b)
{
	int64_t borrow = 0;
	for (int i = 0; i < a->n; i++) {
		int64_t d = (int64_t)a->limb[i] - (i < b->n ? b->limb[i] : 0) - borrow;
		borrow = d < 0;
		a->limb[i] = (uint32_t)(d + (borrow << 32));
	}
	while (a->n && a->limb[a->n - 1] == 0)
		a->n--;
}

/* The bit of b at position i. */
static uint64_t big_bit(const struct big *b, int i)
{
	return i / 32 < b->n ? b->limb[i / 32] >> (i % 32) & 1 : 0;
}

/* The top 64 bits of b (all of it, when shorter). Sets *low to the number of bits below them,
 * and *sticky when any of those is 1. */
static uint64_t big_top64(const struct big *b, int *low, int *sticky)
{
	int n = big_bits(b);
	*low = n > 64 ? n - 64 : 0;
	uint64_t top = 0;
	for (int i = n - 1; i >= *low; i--)
		top = top << 1 | big_bit(b, i);
	for (int i = 0; i < *low && !*sticky; i++)
		*sticky = (int)big_bit(b, i);
	return top;
}

/* floor(r / v) for r < v * 2^64; r is left holding the remainder. */
static uint64_t big_div64(struct big *r, const struct big *v)
{
	struct big w = *v;
	uint64_t q = 0;
	big_shl(&w, 63);
	for (int i = 63; i >= 0; i--, big_shr1(&w)) {
		if (big_cmp(r, &w) >= 0) {
			big_sub(r, &w);
			q |= 1ull << i;
		}
	}
	return q;
}

/* m >> drop (drop >= 1), rounded to nearest, ties to even; sticky says non-zero bits below m
 * were lost before. Sets *inexact when the result is not the exact value. */
static uint64_t round_shift(uint64_t m, long drop, int sticky, int *inexact)
{
	if (drop > 64) {
		*inexact = 1; /* below half the last place kept: rounds to 0 */
		return 0;
	}
	uint64_t kept = drop == 64 ? 0 : m >> drop;
	uint64_t rest = drop == 64 ? m : m & ((1ull << drop) - 1), half = 1ull << (drop - 1);
	*inexact = rest || sticky;
	return kept + (rest > half || (rest == half && (sticky || (kept & 1))));
}

/* The bits in format fmt of the value m * 2^e2 (m != 0; sticky: plus a little more), rounded.
 * Sets errno ERANGE when that overflows to infinity, or when it is tiny (below the least normal
 * number, after rounding as if the exponent had no bound) and inexact, as glibc does. */
static uint64_t round_pack(uint64_t m, int sticky, long e2, const struct fp_format *fmt)
{
	long bias = (1l << (fmt->exp_bits - 1)) - 1, exp_max = (1l << fmt->exp_bits) - 1;
	int lz = __builtin_clzll(m), inexact, unused;
	m <<= lz;
	long biased = e2 - lz + 63 + bias; /* of the leading 1: m is 1.xxx * 2^(biased - bias) */
	if (biased >= exp_max) {
		errno = ERANGE;
		return (uint64_t)exp_max << fmt->frac_bits;
	}
	long drop = 63 - fmt->frac_bits + (biased < 1 ? 1 - biased : 0);
	uint64_t kept = round_shift(m, drop, sticky, &inexact);
	/* A normal number's implicit 1 adds one to the exponent field, and a carry out of the
	 * fraction adds another: so the field and the kept bits simply add up. */
	uint64_t bits = biased < 1 ? kept : ((uint64_t)(biased - 1) << fmt->frac_bits) + kept;
	int tiny = biased < 1 &&
		   !(biased == 0 &&
		     round_shift(m, 63 - fmt->frac_bits, sticky, &unused) >> (fmt->frac_bits + 1));
	if (bits >= (uint64_t)exp_max << fmt->frac_bits || (tiny && inexact))
		errno = ERANGE;
	return bits;
}

/* The bits of D * 10^k (D != 0 has ndigits digits; sticky: plus a little more) in fmt. */
static uint64_t decimal_bits(struct big *d, int ndigits, long k, int sticky,
			     const struct fp_format *fmt)
{
	if (ndigits + k > MAX_POW10)
		return round_pack(1, 0, EXP_CLAMP, fmt); /* overflows */
	if (ndigits + k < MIN_POW10)
		return round_pack(1, 0, -EXP_CLAMP, fmt); /* underflows to 0 */
	int low;
	if (k >= 0) {
		big_mul_pow5(d, (int)k);
		uint64_t top = big_top64(d, &low, &sticky);
		return round_pack(top, sticky, k + low, fmt);
	}
	struct big v = { 1, { 1 } };
	big_mul_pow5(&v, (int)-k);
	/* Scale so that the quotient has 63 or 64 bits: enough to round, and a sticky bit. */
	int s = 63 + big_bits(&v) - big_bits(d);
	if (s >= 0)
		big_shl(d, s);
	else
		big_shl(&v, -s);
	uint64_t q = big_div64(d, &v);
	return round_pack(q, sticky || d->n != 0, k - s, fmt);
}

/* If s starts with word (lower case) in any case, the end of it in s; else NULL. */
static const char *match_word(const char *s, const char *word)
{
	for (; *word; s++, word++)
		if (tolower((unsigned char)*s) != *word)
			return NULL;
	return s;
}

/* An exponent at p (after the e or p): a sign and digits, clamped to EXP_CLAMP. Returns
 * where it ends, or p itself (and *exp 0) when there are no digits. */
static const char *read_exponent(const char *p, long *exp)
{
	const char *q = p + (*p == '+' || *p == '-');
	*exp = 0;
	if (!isdigit((unsigned char)*q))
		return p;
	for (; isdigit((unsigned char)*q); q++)
		if (*exp < EXP_CLAMP)
			*exp = *exp * 10 + (*q - '0');
	if (*p == '-')
		*exp = -*exp;
	return q;
}

/* The value of hexadecimal digit c, or -1. */
static int hex_value(int c)
{
	if (isdigit(c))
		return c - '0';
	return isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

/* The bits of the hexadecimal number at p (after 0x, with a digit), rounded to fmt. Sets *end
 * past it. */
static uint64_t hex_bits(const char *p, const char **end, const struct fp_format *fmt)
{
	uint64_t m = 0;
	long e2 = 0, exp;
	int sticky = 0, point = 0, kept = 0;
	for (;; p++) {
		int v = hex_value((unsigned char)*p);
		if (*p == '.' && !point) {
			point = 1;
			continue;
		}
		if (v < 0)
			break;
		if (kept < 16) {
			kept += m || v; /* leading zeros take no room */
			m = m << 4 | (uint64_t)v;
			e2 -= point ? 4 : 0;
		} else {
			sticky |= v != 0;
			e2 += point ? 0 : 4;
		}
	}
	if (*p == 'p' || *p == 'P') {
		const char *q = read_exponent(p + 1, &exp);
		if (q != p + 1) {
			e2 += exp;
			p = q;
		}
	}
	*end = p;
	return m ? round_pack(m, sticky, e2, fmt) : 0;
}

/* The bits of the decimal number at p, rounded to fmt. Sets *end past it, or to NULL when there
 * is no digit. */
static uint64_t decimal_number(const char *p, const char **end, const struct fp_format *fmt)
{
	struct big d = { 0 };
	long k = 0, exp;
	int ndigits = 0, sticky = 0, point = 0, any = 0;
	for (;; p++) {
		if (*p == '.' && !point) {
			point = 1;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			break;
		any = 1;
		if (ndigits < MAX_DIGITS) {
			if (ndigits || *p != '0') {
				big_mul_add(&d, 10, (uint32_t)(*p - '0'));
				ndigits++;
			}
			k -= point;
		} else {
			sticky |= *p != '0';
			k += !point;
		}
	}
	if (!any) {
		*end = NULL;
		return 0;
	}
	if (*p == 'e' || *p == 'E') {
		const char *q = read_exponent(p + 1, &exp);
		if (q != p + 1) {
			k += exp;
			p = q;
		}
	}
	*end = p;
	return ndigits ? decimal_bits(&d, ndigits, k, sticky, fmt) : 0;
}

/* The bits of "nan" or "inf" (or "infinity") at p in fmt; *end past the word, or NULL when
 * there is neither. A nan may go on with (letters, digits, _), which names no payload here. */
static uint64_t special_bits(const char *p, const char **end, const struct fp_format *fmt)
{
	uint64_t inf = ((1ull << fmt->exp_bits) - 1) << fmt->frac_bits;
	const char *q;
	if ((q = match_word(p, "inf"))) {
		const char *longer = match_word(q, "inity");
		*end = longer ? longer : q;
		return inf;
	}
	if ((q = match_word(p, "nan"))) {
		const char *r = q + (*q == '(');
		while (*q == '(' && (isalnum((unsigned char)*r) || *r == '_'))
			r++;
		*end = *q == '(' && *r == ')' ? r + 1 : q;
		return inf | 1ull << (fmt->frac_bits - 1); /* a quiet nan */
	}
	*end = NULL;
	return 0;
}

/* Read the number at s as strtod does, into the bits of format fmt. Sets *end (when end is
 * not NULL) past the number, or to s when there is none (and returns 0). */
static uint64_t parse_float(const char *s, char **end, const struct fp_format *fmt)
{
	const char *p = s, *after;
	while (isspace((unsigned char)*p))
		p++;
	uint64_t sign = (uint64_t)(*p == '-') << (fmt->frac_bits + fmt->exp_bits);
	if (*p == '-' || *p == '+')
		p++;
	uint64_t bits = special_bits(p, &after, fmt);
	if (!after && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    (isxdigit((unsigned char)p[2]) || (p[2] == '.' && isxdigit((unsigned char)p[3]))))
		bits = hex_bits(p + 2, &after, fmt);
	else if (!after)
		bits = decimal_number(p, &after, fmt);
	if (end)
		*end = (char *)(after ? after : s);
	return after ? sign | bits : 0;
}

/* Out of range: ERANGE, and HUGE_VAL (infinity) with the sign, or for a tiny value the nearest
 * subnormal or zero. */
double strtod(const char *s, char **end)
{
	union {
		uint64_t bits;
		double d;
	} v = { parse_float(s, end, &double_format) };
	return v.d;
}

float strtof(const char *s, char **end)
{
	union {
		uint32_t bits;
		float f;
	} v = { (uint32_t)parse_float(s, end, &float_format) };
	return v.f;
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
