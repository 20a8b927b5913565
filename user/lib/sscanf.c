/* sscanf: reading values out of a string. Knows %d %i %u %x %X %o, %f %e %g %a (and upper
 * case), %s %c, scan sets %[...] and %[^...], %n %%, a maximum field width, * (match but don't
 * assign) and the length modifiers hh h l ll z t j L. White space in the format matches any run
 * of white space, other characters match themselves. %Lf stores a long double that holds a
 * double's value: the number is read as strtod reads it. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/vformat.h"

/* %c: n characters into dst (not terminated; dst NULL: skip them), or as many as are left when
 * the string ends first, as glibc takes them. Returns 0, or -1 when none is left. */
static int scan_chars(const char **s, int n, char *dst)
{
	int i = 0;
	for (; i < n && (*s)[i]; i++)
		if (dst)
			dst[i] = (*s)[i];
	*s += i;
	return i ? 0 : -1;
}

/* Read the scan set of the format at f (just past its '[') into in[]: in[c] says whether byte
 * c belongs. A ']' first is one of the characters, and so is a '-' first or last; a-z is a
 * range. Returns the set's closing ']', or NULL when it has none. */
static const char *parse_set(const char *f, unsigned char in[256])
{
	int negate = *f == '^';
	f += negate;
	memset(in, negate, 256);
	for (const char *first = f; *f && (*f != ']' || f == first); f++) {
		unsigned char lo = (unsigned char)f[0];
		/* f[2] is only read once f[1] is known to be no NUL: a set may end the format */
		if (f[1] == '-' && f[2] && f[2] != ']' && lo <= (unsigned char)f[2]) {
			memset(in + lo, !negate, (size_t)((unsigned char)f[2] - lo + 1));
			f += 2;
		} else {
			in[lo] = !negate;
		}
	}
	return *f ? f : NULL;
}

/* %s and %[: one or more characters of the set in[], at most width of them (0: any number),
 * NUL-terminated into dst (NULL: skip them). Returns 0, or -1 when none matches. */
static int scan_set(const char **s, int width, const unsigned char in[256], char *dst)
{
	int n = 0;
	for (; (*s)[n] && in[(unsigned char)(*s)[n]] && (!width || n < width); n++)
		if (dst)
			dst[n] = (*s)[n];
	if (n == 0)
		return -1;
	if (dst)
		dst[n] = '\0';
	*s += n;
	return 0;
}

/* A NUL-terminated copy of the n characters at s, for strtoll or strtod, which would read on
 * past a field that a width cut short: in small[size] when it fits, else from malloc (the
 * caller frees it if it is not small). NULL when memory runs out. */
static char *copy_field(const char *s, size_t n, char *small, size_t size)
{
	char *field = n < size ? small : malloc(n + 1);
	if (field) {
		memcpy(field, s, n);
		field[n] = '\0';
	}
	return field;
}

/* An integer of at most width characters (0: any number) in base (0: by its prefix), as strtoll
 * or strtoull read it. Returns 0, or -1 when there are no digits. */
static int scan_int(const char **s, int width, int base, int is_signed, long long *v)
{
	char small[64], *end;
	char *from = width > 0 ? copy_field(*s, strnlen(*s, (size_t)width), small, sizeof(small))
			       : (char *)*s;
	if (!from)
		return -1;
	*v = is_signed ? strtoll(from, &end, base) : (long long)strtoull(from, &end, base);
	size_t used = (size_t)(end - from);
	if (from != *s && from != small)
		free(from);
	if (used == 0)
		return -1;
	*s += used;
	return 0;
}

/* The character i of s, or NUL past the first limit characters. */
static char at(const char *s, size_t limit, size_t i)
{
	return i < limit ? s[i] : '\0';
}

/* The length of the floating-point field at s, at most width characters (0: any number), as
 * glibc's scanf takes it: a sign, then nan, inf or infinity, or digits with a point (after 0x,
 * hexadecimal ones), then an e (p after 0x) and its sign even if no digit follows, since
 * scanf cannot give back more than one character. 0 when the field is no number. */
static size_t float_field(const char *s, int width)
{
	size_t limit = width > 0 ? (size_t)width : (size_t)-1;
	size_t i = at(s, limit, 0) == '+' || at(s, limit, 0) == '-';
	int c = tolower((unsigned char)at(s, limit, i));
	if (c == 'n' || c == 'i') {
		const char *word = c == 'n' ? "nan" : "infinity";
		size_t n = 0;
		while (word[n] && tolower((unsigned char)at(s, limit, i + n)) == word[n])
			n++;
		return n == 3 || n == 8 ? i + n : 0; /* "infin" is no number */
	}
	int hex = c == '0' && tolower((unsigned char)at(s, limit, i + 1)) == 'x';
	if (hex) {
		i += 2;
		if (i == limit) /* the width ends after the x: the field is the 0 */
			return i - 1;
		if (!isxdigit((unsigned char)at(s, limit, i)) && at(s, limit, i) != '.')
			return 0;
	}
	int digits = hex, point = 0;
	for (;; i++) {
		c = (unsigned char)at(s, limit, i);
		if (c == '.' && !point)
			point = 1;
		else if (hex ? isxdigit(c) : isdigit(c))
			digits++;
		else
			break;
	}
	if (!digits)
		return 0;
	if (tolower((unsigned char)at(s, limit, i)) == (hex ? 'p' : 'e')) {
		i++;
		i += at(s, limit, i) == '+' || at(s, limit, i) == '-';
		while (isdigit((unsigned char)at(s, limit, i)))
			i++;
	}
	return i;
}

/* %f and its kin: a number of at most width characters (float_field), stored unless suppress
 * as a float, a double (l) or a long double (L). Returns 0, or -1 when there is none. */
static int scan_float(const char **s, int width, int suppress, enum format_length len, va_list *ap)
{
	size_t n = float_field(*s, width);
	if (n == 0)
		return -1;
	char small[128], *field = copy_field(*s, n, small, sizeof(small));
	if (!field)
		return -1;
	*s += n;
	if (!suppress && len == LEN_LONG)
		*va_arg(*ap, double *) = strtod(field, NULL);
	else if (!suppress && len == LEN_LONG_DOUBLE)
		*va_arg(*ap, long double *) = strtod(field, NULL);
	else if (!suppress)
		*va_arg(*ap, float *) = strtof(field, NULL);
	if (field != small)
		free(field);
	return 0;
}

/* One conversion other than %n at *s, for the format at *f (its conversion character; *f is
 * left at the conversion's last character), assigning through ap unless suppress. Returns 0, or
 * -1 on a matching failure or a conversion this sscanf does not know. */
static int convert(const char **s, const char **f, int width, int suppress, enum format_length len,
		   va_list *ap)
{
	unsigned char in[256];
	long long v;
	switch (**f) {
	case 'c':
		return scan_chars(s, width ? width : 1, suppress ? NULL : va_arg(*ap, char *));
	case 's':
		for (int c = 0; c < 256; c++)
			in[c] = !isspace(c);
		return scan_set(s, width, in, suppress ? NULL : va_arg(*ap, char *));
	case '[':
		if (!(*f = parse_set(*f + 1, in)))
			return -1;
		return scan_set(s, width, in, suppress ? NULL : va_arg(*ap, char *));
	case 'd':
	case 'i':
	case 'u':
	case 'x':
	case 'X':
	case 'o': {
		int base = **f == 'i' ? 0 : **f == 'o' ? 8 : **f == 'x' || **f == 'X' ? 16 : 10;
		if (scan_int(s, width, base, **f == 'd' || **f == 'i', &v) != 0)
			return -1;
		if (!suppress)
			format_store_int(ap, len, v);
		return 0;
	}
	case 'f':
	case 'F':
	case 'e':
	case 'E':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		return scan_float(s, width, suppress, len, ap);
	default:
		return -1;
	}
}

/* Returns the number of values assigned, or EOF when the string ends before the first
 * conversion is done. */
int vsscanf(const char *str, const char *fmt, va_list ap_in)
{
	const char *s = str;
	int assigned = 0, converted = 0;
	va_list ap;
	va_copy(ap, ap_in);
	for (const char *f = fmt; *f; f++) {
		if (isspace((unsigned char)*f)) {
			while (isspace((unsigned char)*s))
				s++;
			continue;
		}
		if (*f != '%' || f[1] == '%') {
			if (*f == '%') { /* %% is a conversion: it skips white space first */
				f++;
				while (isspace((unsigned char)*s))
					s++;
			}
			if (*s != *f)
				goto failed;
			s++;
			continue;
		}
		int suppress = *++f == '*', width = 0;
		f += suppress;
		for (; isdigit((unsigned char)*f); f++)
			width = width * 10 + (*f - '0');
		enum format_length len;
		f = format_parse_length(f, &len);
		if (*f == 'n') {
			if (!suppress)
				format_store_int(&ap, len, s - str);
			continue;
		}
		if (*f != 'c' && *f != '[')
			while (isspace((unsigned char)*s))
				s++;
		if (convert(&s, &f, width, suppress, len, &ap) != 0)
			goto failed;
		converted++;
		assigned += !suppress;
	}
	va_end(ap);
	return assigned;
failed:
	va_end(ap);
	return *s == '\0' && converted == 0 ? EOF : assigned;
}

int sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsscanf(s, fmt, ap);
	va_end(ap);
	return n;
}
