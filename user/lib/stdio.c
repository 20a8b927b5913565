/* printf and friends: the kernel's vformat engine, writing whole lines to fd 1 or 2. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/vformat.h"

struct FILE {
	int fd;
};

static FILE out = { STDOUT_FILENO }, err = { STDERR_FILENO };
FILE *const stdout = &out;
FILE *const stderr = &err;

/* Characters gather in a small buffer that is written at each newline and at the end of
 * the call, so one printf of one line is one write, and output is never held back. */
struct linebuf {
	int fd;
	size_t n;
	char buf[128];
};

static void flush(struct linebuf *lb)
{
	if (lb->n)
		write(lb->fd, lb->buf, lb->n);
	lb->n = 0;
}

static void line_sink(int c, void *arg)
{
	struct linebuf *lb = arg;
	lb->buf[lb->n++] = (char)c;
	if (c == '\n' || lb->n == sizeof(lb->buf))
		flush(lb);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct linebuf lb = { .fd = f->fd };
	int n = vformat(line_sink, &lb, fmt, ap);
	flush(&lb);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return vformat_buf(buf, size, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vformat_buf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* sprintf trusts buf to be large enough, as the C standard's does: prefer snprintf. */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vformat_buf(buf, (size_t)-1 / 2, fmt, ap);
	va_end(ap);
	return n;
}

int fputs(const char *s, FILE *f)
{
	return fprintf(f, "%s", s) < 0 ? EOF : 0;
}

int puts(const char *s)
{
	return printf("%s\n", s) < 0 ? EOF : 0;
}

int putchar(int c)
{
	char ch = (char)c;
	return write(STDOUT_FILENO, &ch, 1) == 1 ? (unsigned char)c : EOF;
}

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}

/* Nothing is ever held back (see vfprintf), so there is nothing to flush. */
int fflush(FILE *f)
{
	(void)f;
	return 0;
}

/* Output is unbuffered whatever is asked; accepted so that textbook programs build. */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	(void)f, (void)buf, (void)size;
	return mode == _IOFBF || mode == _IOLBF || mode == _IONBF ? 0 : EOF;
}
