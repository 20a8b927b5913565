/* The one printf engine, shared by the kernel's kprintf and the user library's printf.
 * The kernel has no floating point (it links without libgcc's soft-float routines): in its
 * build %f %e %g %a only consume their argument; the user library formats them with fformat
 * (user/lib/fformat.c). It has no errno either: %m is the user library's (format_errno_text).
 * This file includes nothing but its own header and the compiler's, so that neither side
 * builds the other's code into it. */
#include "vformat.h"

#include <stdint.h>

struct spec {
	int left, zero, plus, space, alt;
	int width, precision; /* precision < 0: none given */
};

struct out {
	format_sink *sink;
	void *arg;
	int count;
};

static void put(struct out *o, int c)
{
	o->sink(c, o->arg);
	o->count++;
}

static void pad(struct out *o, int c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Emit the len characters of s. */
static void put_str(struct out *o, const char *s, int len)
{
	for (int i = 0; i < len; i++)
		put(o, s[i]);
}

/* strlen, kept here so that the engine needs nothing from either C library. */
static int str_len(const char *s)
{
	int n = 0;
	while (s[n])
		n++;
	return n;
}

/* Start a field of len characters that begins with prefix (a sign or 0x): pad it to the width
 * with spaces before the prefix, or with zeros after it when zero_fill. */
static void field_open(struct out *o, const struct spec *sp, const char *prefix, int len,
		       int zero_fill)
{
	int fill = sp->left ? 0 : sp->width - len;
	if (!zero_fill)
		pad(o, ' ', fill);
	put_str(o, prefix, str_len(prefix));
	if (zero_fill)
		pad(o, '0', fill);
}

/* End a field of len characters: pad it to the width on the right when left-justified. */
static void field_close(struct out *o, const struct spec *sp, int len)
{
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

/* Emit a string s of length len inside the field width. */
static void emit_str(struct out *o, const struct spec *sp, const char *s, int len)
{
	field_open(o, sp, "", len, 0);
	put_str(o, s, len);
	field_close(o, sp, len);
}

/* Emit C string s ("(null)" for NULL), no more of it than the precision allows. */
static void emit_cstr(struct out *o, const struct spec *sp, const char *s)
{
	if (!s)
		s = "(null)";
	int n = 0;
	while (s[n] && (sp->precision < 0 || n < sp->precision))
		n++;
	emit_str(o, sp, s, n);
}

/* Emit an unsigned magnitude v in base with an optional sign or prefix character(s). In octal,
 * the # flag makes the first digit a 0, widening the precision only as far as that takes. */
static void emit_num(struct out *o, const struct spec *sp, uint64_t v, unsigned base, int upper,
		     const char *prefix)
{
	char digits[24];
	int n = 0;
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	do {
		digits[n++] = set[v % base];
		v /= base;
	} while (v);
	if (sp->precision == 0 && n == 1 && digits[0] == '0')
		n = 0;
	int zeros = sp->precision > n ? sp->precision - n : 0;
	if (sp->alt && base == 8 && zeros == 0 && (n == 0 || digits[n - 1] != '0'))
		zeros = 1;
	int len = str_len(prefix) + zeros + n;
	field_open(o, sp, prefix, len, sp->zero && sp->precision < 0);
	pad(o, '0', zeros);
	while (n)
		put(o, digits[--n]);
	field_close(o, sp, len);
}

#ifdef __KERNEL__
/* Show the conversion as written, consuming its argument so later ones stay in step. */
static void emit_double(struct out *o, const struct spec *sp, va_list *ap, enum format_length len,
			int conv)
{
	(void)sp;
	if (len == LEN_LONG_DOUBLE)
		(void)va_arg(*ap, long double);
	else
		(void)va_arg(*ap, double);
	put(o, '%');
	put(o, conv);
}
#else
/* A sink that only counts: fformat runs twice, to measure the field and then to fill it. */
static void count_sink(int c, void *arg)
{
	(void)c;
	++*(int *)arg;
}

/* A sink that passes characters on to the output o = arg. */
static void out_sink(int c, void *arg)
{
	put(arg, c);
}

/* Emit a double argument as %f %e %g %a (or upper case) ask: the sign, %a's 0x and the padding
 * here, the rest from fformat. inf and nan are padded with spaces even under the 0 flag. */
static void emit_double(struct out *o, const struct spec *sp, va_list *ap, enum format_length len,
			int conv)
{
	double v = len == LEN_LONG_DOUBLE ? (double)va_arg(*ap, long double) : va_arg(*ap, double);
	union {
		double d;
		uint64_t bits;
	} u = { v };
	int finite = (u.bits >> 52 & 0x7ff) != 0x7ff;
	char prefix[4], *p = prefix;
	if (u.bits >> 63 || sp->plus || sp->space)
		*p++ = u.bits >> 63 ? '-' : sp->plus ? '+' : ' ';
	if (finite && (conv == 'a' || conv == 'A'))
		*p++ = '0', *p++ = conv == 'a' ? 'x' : 'X';
	*p = '\0';
	int body = 0;
	fformat(count_sink, &body, v, conv, sp->precision, sp->alt);
	int field = str_len(prefix) + body;
	field_open(o, sp, prefix, field, sp->zero && finite);
	fformat(out_sink, o, v, conv, sp->precision, sp->alt);
	field_close(o, sp, field);
}
#endif

/* The widest width or precision: beyond it they stop growing, so the arithmetic on them can
 * never overflow, whatever a format or an argument asks. */
#define FIELD_MAX 0x7ffffff

/* n with decimal digit c appended, or FIELD_MAX when that would pass it. */
static int add_digit(int n, char c)
{
	return n > (FIELD_MAX - 9) / 10 ? FIELD_MAX : n * 10 + (c - '0');
}

/* A width or precision from an int argument, made no bigger than FIELD_MAX. */
static int field_arg(va_list *ap)
{
	int n = va_arg(*ap, int);
	return n > FIELD_MAX ? FIELD_MAX : n < -FIELD_MAX ? -FIELD_MAX : n;
}

/* Read the flags, width and precision after '%'. Returns the updated format pointer. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = 1;
		else if (*f == '0')
			sp->zero = 1;
		else if (*f == '+')
			sp->plus = 1;
		else if (*f == ' ')
			sp->space = 1;
		else if (*f == '#')
			sp->alt = 1;
		else if (*f != '\'') /* grouping: nothing to group in the "C" locale */
			break;
	}
	if (*f == '*') {
		sp->width = field_arg(ap);
		if (sp->width < 0)
			sp->left = 1, sp->width = -sp->width;
		f++;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		sp->width = add_digit(sp->width, *f);
	if (*f == '.') {
		f++;
		sp->precision = 0;
		if (*f == '*') {
			sp->precision = field_arg(ap);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			sp->precision = add_digit(sp->precision, *f);
	}
	return f;
}

const char *format_parse_length(const char *f, enum format_length *len)
{
	*len = LEN_INT;
	if (f[0] == 'h' && f[1] == 'h')
		*len = LEN_HH, f += 2;
	else if (f[0] == 'h')
		*len = LEN_H, f++;
	else if (f[0] == 'l' && f[1] == 'l')
		*len = LEN_LONG, f += 2;
	else if (f[0] == 'l' || f[0] == 'z' || f[0] == 't' || f[0] == 'j')
		*len = LEN_LONG, f++;
	else if (f[0] == 'L')
		*len = LEN_LONG_DOUBLE, f++;
	return f;
}

/* Fetch a signed integer argument of size len, narrowed as %hd and %hhd ask. */
static int64_t signed_arg(va_list *ap, enum format_length len)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_INT:
		return va_arg(*ap, int);
	default:
		return va_arg(*ap, long);
	}
}

/* Fetch an unsigned integer argument of size len, narrowed as %hu and %hhu ask. */
static uint64_t unsigned_arg(va_list *ap, enum format_length len)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned);
	case LEN_INT:
		return va_arg(*ap, unsigned);
	default:
		return va_arg(*ap, unsigned long);
	}
}

void format_store_int(va_list *ap, enum format_length len, long long v)
{
	switch (len) {
	case LEN_HH:
		*va_arg(*ap, signed char *) = (signed char)v;
		break;
	case LEN_H:
		*va_arg(*ap, short *) = (short)v;
		break;
	case LEN_INT:
		*va_arg(*ap, int *) = (int)v;
		break;
	default:
		*va_arg(*ap, long *) = (long)v;
	}
}

int vformat(format_sink *sink, void *arg, const char *fmt, va_list ap_in)
{
	struct out o = { sink, arg, 0 };
	struct spec sp;
	enum format_length len;
	va_list ap;
	va_copy(ap, ap_in);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			put(&o, *f);
			continue;
		}
		f = format_parse_length(parse_spec(f + 1, &sp, &ap), &len);
		switch (*f) {
		case 'd':
		case 'i': {
			int64_t v = signed_arg(&ap, len);
			const char *sign = v < 0 ? "-" : sp.plus ? "+" : sp.space ? " " : "";
			emit_num(&o, &sp, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, 0, sign);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			uint64_t v = unsigned_arg(&ap, len);
			unsigned base = *f == 'u' ? 10 : *f == 'o' ? 8 : 16;
			const char *prefix = "";
			if (sp.alt && v != 0)
				prefix = *f == 'x' ? "0x" : *f == 'X' ? "0X" : "";
			emit_num(&o, &sp, v, base, *f == 'X', prefix);
			break;
		}
		case 'p': { /* NULL as glibc shows it */
			uintptr_t v = (uintptr_t)va_arg(ap, void *);
			if (v)
				emit_num(&o, &sp, v, 16, 0, "0x");
			else
				emit_str(&o, &sp, "(nil)", 5);
			break;
		}
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			emit_double(&o, &sp, &ap, len, *f);
			break;
		case 's':
			emit_cstr(&o, &sp, va_arg(ap, const char *));
			break;
#ifndef __KERNEL__
		case 'm': /* glibc's: the message for errno, taking no argument */
			emit_cstr(&o, &sp, format_errno_text());
			break;
#endif
		case 'c': {
			char c = (char)va_arg(ap, int);
			emit_str(&o, &sp, &c, 1);
			break;
		}
		case 'n': /* store the count of characters written so far */
			format_store_int(&ap, len, o.count);
			break;
		case '%':
			put(&o, '%');
			break;
		default: /* unknown: show it as written; its argument, if any, can't be known */
			put(&o, '%');
			if (*f)
				put(&o, *f);
			else
				f--;
		}
	}
	va_end(ap);
	return o.count;
}

struct buf {
	char *p;
	size_t left;
};

static void buf_sink(int c, void *arg)
{
	struct buf *b = arg;
	if (b->left > 1) {
		*b->p++ = (char)c;
		b->left--;
	}
}

int vformat_buf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf b = { buf, size };
	int n = vformat(buf_sink, &b, fmt, ap);
	if (size)
		*b.p = '\0';
	return n;
}
