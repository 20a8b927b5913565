/* The one printf engine, shared by the kernel's kprintf and the user library's printf. */
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

/* Emit a string s of length len inside the field width. */
static void emit_str(struct out *o, const struct spec *sp, const char *s, int len)
{
	if (!sp->left)
		pad(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

/* Emit an unsigned magnitude v in base with an optional sign or prefix character(s). */
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
	int plen = 0;
	while (prefix[plen])
		plen++;
	int zeros = sp->precision > n ? sp->precision - n : 0;
	int body = plen + zeros + n;
	if (sp->zero && !sp->left && sp->precision < 0 && sp->width > body)
		zeros += sp->width - body, body = sp->width;
	if (!sp->left)
		pad(o, ' ', sp->width - body);
	for (int i = 0; i < plen; i++)
		put(o, prefix[i]);
	pad(o, '0', zeros);
	while (n)
		put(o, digits[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - body);
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
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0)
			sp->left = 1, sp->width = -sp->width;
		f++;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		sp->width = sp->width * 10 + (*f - '0');
	if (*f == '.') {
		f++;
		sp->precision = 0;
		if (*f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			sp->precision = sp->precision * 10 + (*f - '0');
	}
	return f;
}

/* Read a length modifier: returns the argument size class 0 (int), 1 (long), 2 (char/short). */
static const char *parse_length(const char *f, int *longness)
{
	*longness = 0;
	if (*f == 'h') {
		f += f[1] == 'h' ? 2 : 1;
		*longness = 2;
	} else if (*f == 'l') {
		f += f[1] == 'l' ? 2 : 1;
		*longness = 1;
	} else if (*f == 'z' || *f == 't' || *f == 'j') {
		f++;
		*longness = 1;
	}
	return f;
}

int vformat(format_sink *sink, void *arg, const char *fmt, va_list ap_in)
{
	struct out o = { sink, arg, 0 };
	struct spec sp;
	int longness;
	va_list ap;
	va_copy(ap, ap_in);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			put(&o, *f);
			continue;
		}
		f = parse_length(parse_spec(f + 1, &sp, &ap), &longness);
		switch (*f) {
		case 'd':
		case 'i': {
			int64_t v = longness == 1 ? va_arg(ap, long) : va_arg(ap, int);
			const char *sign = v < 0 ? "-" : sp.plus ? "+" : sp.space ? " " : "";
			emit_num(&o, &sp, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, 0, sign);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			uint64_t v =
			    longness == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			unsigned base = *f == 'u' ? 10 : *f == 'o' ? 8 : 16;
			const char *prefix = "";
			if (sp.alt && v != 0)
				prefix = *f == 'x' ? "0x" : *f == 'X' ? "0X" : *f == 'o' ? "0" : "";
			emit_num(&o, &sp, v, base, *f == 'X', prefix);
			break;
		}
		case 'p':
			emit_num(&o, &sp, (uintptr_t)va_arg(ap, void *), 16, 0, "0x");
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			int len = 0;
			while (s[len] && (sp.precision < 0 || len < sp.precision))
				len++;
			emit_str(&o, &sp, s, len);
			break;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			emit_str(&o, &sp, &c, 1);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		default: /* unknown conversion: show it as written */
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
