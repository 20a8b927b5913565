/* sscanf: reading values out of a string. Knows %d %i %u %x %X %o %s %c %n %%, a maximum field
 * width, * (match but don't assign) and the length modifiers hh h l ll z t j. White space in
 * the format matches any run of white space, other characters match themselves. Floating point
 * (%f) and scan sets (%[) are not supported: such a conversion ends the scan. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/vformat.h"

/* %c: exactly n characters into dst (not terminated; dst NULL: skip them). Returns 0, or -1
 * when the string ends first. */
static int scan_chars(const char **s, int n, char *dst)
{
	for (int i = 0; i < n; i++) {
		if (!(*s)[i])
			return -1;
		if (dst)
			dst[i] = (*s)[i];
	}
	*s += n;
	return 0;
}

/* %s: characters up to white space, at most width of them (0: any number), NUL-terminated. */
static int scan_word(const char **s, int width, char *dst)
{
	for (int n = 0; **s && !isspace((unsigned char)**s) && (!width || n < width); n++, (*s)++)
		if (dst)
			*dst++ = **s;
	if (dst)
		*dst = '\0';
	return 0;
}

/* An integer of at most width characters (0: any number) in base (0: by its prefix), as strtoll
 * or strtoull read it. Returns 0, or -1 when there are no digits. */
static int scan_int(const char **s, int width, int base, int is_signed, long long *v)
{
	char field[64], *end;
	const char *from = *s;
	if (width > 0) {
		int n = 0;
		for (; n < width && n < (int)sizeof(field) - 1 && (*s)[n]; n++)
			field[n] = (*s)[n];
		field[n] = '\0';
		from = field;
	}
	*v = is_signed ? strtoll(from, &end, base) : (long long)strtoull(from, &end, base);
	if (end == from)
		return -1;
	*s += end - from;
	return 0;
}

/* One conversion other than %n at *s, assigning through ap unless suppress. Returns 0, or -1 on
 * a matching failure or a conversion this sscanf does not know. */
static int convert(const char **s, int conv, int width, int suppress, enum format_length len,
		   va_list *ap)
{
	long long v;
	switch (conv) {
	case 'c':
		return scan_chars(s, width ? width : 1, suppress ? NULL : va_arg(*ap, char *));
	case 's':
		return scan_word(s, width, suppress ? NULL : va_arg(*ap, char *));
	case 'd':
	case 'i':
	case 'u':
	case 'x':
	case 'X':
	case 'o': {
		int base = conv == 'i' ? 0 : conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
		if (scan_int(s, width, base, conv == 'd' || conv == 'i', &v) != 0)
			return -1;
		if (!suppress)
			format_store_int(ap, len, v);
		return 0;
	}
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
			f += *f == '%';
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
		if (*f != 'c')
			while (isspace((unsigned char)*s))
				s++;
		if (convert(&s, *f, width, suppress, len, &ap) != 0)
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
