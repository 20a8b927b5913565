/* The floating-point conversions of the user library's printf: %f %e %g %a and their upper-case
 * forms (vformat adds the sign and the padding). The kernel has no floating point, so this
 * file is built into the user library only, and it needs no floating-point arithmetic itself:
 * it reads the double's bits.
 *
 * A finite double is m * 2^e with integers m and e, so its decimal expansion is finite: at most
 * 767 significant digits. decimal_expand() computes every one of them with a small bignum, and
 * rounding then works on the exact digits, ties to even (the default rounding mode). So the
 * digits shown are those glibc shows, at any precision. The limits: a long double (%Lf) is
 * first rounded to double, so its digits beyond a double's 17 may differ from glibc's; and
 * where glibc 2.36 drops the zeros of a %#g whose rounding carries into a new digit (999999.5
 * as 1.e+06), this prints 1.00000e+06, as the C standard asks. */
#include <stdint.h>

#include "lib/vformat.h"

/* log10(2^53 * 5^1074): the digits of the longest expansion, that of 2^-1074 * (2^53 - 1). */
#define MAX_DIGITS 767
#define LIMB_BASE 1000000000u /* each limb holds nine decimal digits */
#define NLIMBS ((MAX_DIGITS + 8) / 9)

struct sink {
	format_sink *fn;
	void *arg;
};

/* Pass one character to the sink. */
static void emit(const struct sink *s, int c)
{
	s->fn(c, s->arg);
}

/* Pass every character of str to the sink. */
static void emit_str(const struct sink *s, const char *str)
{
	while (*str)
		emit(s, *str++);
}

/* Write v in decimal, with at least min_digits digits. */
static void emit_uint(const struct sink *s, unsigned v, int min_digits)
{
	char digits[10];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || n < min_digits);
	while (n)
		emit(s, digits[--n]);
}

/* A non-negative value as decimal digits: 0.d[0]d[1]...d[ndigits-1] * 10^point. There are no
 * trailing zero digits, so zero is ndigits == 0. */
struct decimal {
	int ndigits;
	int point;
	unsigned char digit[MAX_DIGITS];
};

/* A natural number in base LIMB_BASE, least significant limb first. */
struct bignum {
	int n;
	uint32_t limb[NLIMBS];
};

/* b *= f. */
static void big_mul(struct bignum *b, uint32_t f)
{
	uint64_t carry = 0;
	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->limb[i] * f + carry;
		b->limb[i] = (uint32_t)(t % LIMB_BASE);
		carry = t / LIMB_BASE;
	}
	for (; carry; carry /= LIMB_BASE)
		b->limb[b->n++] = (uint32_t)(carry % LIMB_BASE);
}

/* b *= base^k, with base^chunk < 2^32 taken a chunk at a time. */
static void big_mul_pow(struct bignum *b, uint32_t base, int k, int chunk)
{
	uint32_t f = 1;
	for (int i = 0; i < chunk; i++)
		f *= base;
	for (; k >= chunk; k -= chunk)
		big_mul(b, f);
	for (; k > 0; k--)
		big_mul(b, base);
}

/* d = m * 2^e exactly. For e < 0 that is m * 5^-e / 10^-e: the digits of m * 5^-e with the
 * point moved -e places left. */
static void decimal_expand(struct decimal *d, uint64_t m, int e)
{
	struct bignum b = { 0 };
	for (; m; m /= LIMB_BASE)
		b.limb[b.n++] = (uint32_t)(m % LIMB_BASE);
	if (e >= 0)
		big_mul_pow(&b, 2, e, 31);
	else
		big_mul_pow(&b, 5, -e, 13);
	d->ndigits = 0;
	for (int i = b.n - 1; i >= 0; i--) {
		for (uint32_t p = LIMB_BASE / 10; p; p /= 10) {
			int digit = (int)(b.limb[i] / p % 10);
			if (d->ndigits || digit)
				d->digit[d->ndigits++] = (unsigned char)digit;
		}
	}
	d->point = d->ndigits + (e < 0 ? e : 0);
	while (d->ndigits && d->digit[d->ndigits - 1] == 0)
		d->ndigits--;
	if (d->ndigits == 0)
		d->point = 1; /* zero: %e shows it as 0e+00 */
}

/* The digit at position i (0: the first significant one); zero beyond the expansion. */
static int digit_at(const struct decimal *d, int i)
{
	return i >= 0 && i < d->ndigits ? d->digit[i] : 0;
}

/* Keep the first n digits of d (none when n <= 0), rounding to nearest, ties to even. */
static void decimal_round(struct decimal *d, int n)
{
	if (n >= d->ndigits)
		return;
	if (n < 0) { /* the first digit dropped is a 0 before digit[0]: round down to zero */
		d->ndigits = 0;
		return;
	}
	/* With no trailing zeros, digit[n] == 5 is a tie exactly when it is the last digit. */
	int next = d->digit[n];
	int up = next > 5 || (next == 5 && (n + 1 < d->ndigits || digit_at(d, n - 1) % 2));
	d->ndigits = n;
	if (up) {
		while (d->ndigits && d->digit[d->ndigits - 1] == 9)
			d->ndigits--;
		if (d->ndigits == 0) { /* 9.99 became 10.0: one digit more before the point */
			d->digit[d->ndigits++] = 0;
			d->point++;
		}
		d->digit[d->ndigits - 1]++;
	}
	while (d->ndigits && d->digit[d->ndigits - 1] == 0)
		d->ndigits--;
}

/* %f: all digits before the point, then prec after it (the point also when alt). */
static void emit_fixed(const struct sink *s, struct decimal *d, int prec, int alt)
{
	decimal_round(d, d->point + prec);
	if (d->point <= 0)
		emit(s, '0');
	for (int i = 0; i < d->point; i++)
		emit(s, '0' + digit_at(d, i));
	if (prec > 0 || alt)
		emit(s, '.');
	for (int i = 0; i < prec; i++)
		emit(s, '0' + digit_at(d, d->point + i));
}

/* %e: one digit, the point, prec digits, then the exponent with a sign and two digits or more. */
static void emit_exponent(const struct sink *s, struct decimal *d, int prec, int alt, int e_char)
{
	decimal_round(d, prec + 1);
	int exp = d->ndigits ? d->point - 1 : 0;
	emit(s, '0' + digit_at(d, 0));
	if (prec > 0 || alt)
		emit(s, '.');
	for (int i = 1; i <= prec; i++)
		emit(s, '0' + digit_at(d, i));
	emit(s, e_char);
	emit(s, exp < 0 ? '-' : '+');
	emit_uint(s, (unsigned)(exp < 0 ? -exp : exp), 2);
}

/* %g: prec significant digits, as %e when the exponent x is below -4 or at least prec, else as
 * %f; without alt, trailing zeros after the point (and a bare point) are dropped. */
static void emit_general(const struct sink *s, struct decimal *d, int prec, int alt, int upper)
{
	if (prec == 0)
		prec = 1;
	decimal_round(d, prec);
	int x = d->ndigits ? d->point - 1 : 0;
	if (x < -4 || x >= prec) {
		int p = prec - 1;
		if (!alt && p > d->ndigits - 1)
			p = d->ndigits > 1 ? d->ndigits - 1 : 0;
		emit_exponent(s, d, p, alt, upper ? 'E' : 'e');
	} else {
		int p = prec - 1 - x;
		if (!alt && p > d->ndigits - d->point)
			p = d->ndigits > d->point ? d->ndigits - d->point : 0;
		emit_fixed(s, d, p, alt);
	}
}

/* %a: m * 2^e in hexadecimal as 1.hhhp+d (0.hhhp-1022 when subnormal; vformat writes the 0x
 * before it), with prec hex digits after the point, rounded to nearest, ties to even; prec < 0:
 * as many as it takes. */
static void emit_hex(const struct sink *s, uint64_t m, int e, int prec, int alt, int upper)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	uint64_t lead = m >> 52, frac = m & ((1ull << 52) - 1); /* frac: 13 hex digits */
	int exp = m ? e + 52 : 0;
	if (prec < 0)
		for (prec = 13; prec > 0 && (frac >> 4 * (13 - prec) & 0xf) == 0; prec--)
			;
	if (prec < 13) {
		int drop = 4 * (13 - prec);
		uint64_t rest = frac & ((1ull << drop) - 1), half = 1ull << (drop - 1);
		uint64_t kept = lead << 4 * prec | frac >> drop;
		if (rest > half || (rest == half && (kept & 1)))
			kept++; /* may carry into the leading digit: 1.f rounds to 2p+0 */
		lead = kept >> 4 * prec;
		frac = (kept & ((1ull << 4 * prec) - 1)) << drop;
	}
	emit(s, hex[lead]);
	if (prec > 0 || alt)
		emit(s, '.');
	for (int i = 0; i < prec; i++)
		emit(s, i < 13 ? hex[frac >> (48 - 4 * i) & 0xf] : '0');
	emit(s, upper ? 'P' : 'p');
	emit(s, exp < 0 ? '-' : '+');
	emit_uint(s, (unsigned)(exp < 0 ? -exp : exp), 1);
}

void fformat(format_sink *sink, void *arg, double v, int conv, int precision, int alt)
{
	const struct sink s = { sink, arg };
	union {
		double d;
		uint64_t bits;
	} u = { v };
	int biased = (int)(u.bits >> 52 & 0x7ff), upper = conv >= 'A' && conv <= 'Z';
	uint64_t frac = u.bits & ((1ull << 52) - 1);
	if (biased == 0x7ff) {
		emit_str(&s, frac ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
		return;
	}
	/* Subnormals have no implicit leading 1 and the exponent of the smallest normal. */
	uint64_t m = biased ? frac | 1ull << 52 : frac;
	int e = (biased ? biased : 1) - 1075;
	if (conv == 'a' || conv == 'A') {
		emit_hex(&s, m, e, precision, alt, upper);
		return;
	}
	struct decimal d;
	decimal_expand(&d, m, e);
	if (precision < 0)
		precision = 6;
	if (conv == 'f' || conv == 'F')
		emit_fixed(&s, &d, precision, alt);
	else if (conv == 'e' || conv == 'E')
		emit_exponent(&s, &d, precision, alt, upper ? 'E' : 'e');
	else
		emit_general(&s, &d, precision, alt, upper);
}
