/* Output streams: printf and friends over the kernel's vformat engine, writing to fd 1 or 2.
 * As with glibc on a terminal, stdout is line buffered (held until a newline, a full buffer,
 * fflush or exit) and stderr is unbuffered (written at the end of each call, so one fprintf is
 * one write); setvbuf chooses another mode. So, as with glibc, output still held when a process
 * ends by _exit or a signal is lost, and output held across a fork is written by both. Each
 * stream has a mutex, held for the whole of a call, so one thread's printf is never cut into
 * by another's. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/vformat.h"
#include "thread.h"

struct FILE {
	pthread_mutex_t lock;
	int fd;
	int mode;   /* _IOFBF, _IOLBF or _IONBF */
	int failed; /* a write failed during the current call; errno says why */
	size_t n;   /* characters held in buf */
	char buf[1024];
};

static FILE in = { .fd = STDIN_FILENO, .mode = _IONBF };
static FILE out = { .fd = STDOUT_FILENO, .mode = _IOLBF };
static FILE err = { .fd = STDERR_FILENO, .mode = _IONBF };
FILE *const stdin = &in;
FILE *const stdout = &out;
FILE *const stderr = &err;

/* Write out what f holds. Returns 0, or EOF when a write fails (what it held is dropped). */
static int flush(FILE *f)
{
	int ret = 0;
	for (size_t done = 0; done < f->n;) {
		ssize_t w = write(f->fd, f->buf + done, f->n - done);
		if (w <= 0) {
			f->failed = 1;
			ret = EOF;
			break;
		}
		done += (size_t)w;
	}
	f->n = 0;
	return ret;
}

/* Add c to what f holds, writing out when f's buffer is full or, line buffered, at a newline. */
static void put(int c, void *arg)
{
	FILE *f = arg;
	f->buf[f->n++] = (char)c;
	if (f->n == sizeof(f->buf) || (c == '\n' && f->mode == _IOLBF))
		flush(f);
}

/* Each output call runs between begin and end: begin takes the stream's lock and clears the
 * failure mark. */
static void begin(FILE *f)
{
	pthread_mutex_lock(&f->lock);
	f->failed = 0;
}

/* End an output call: write out an unbuffered stream, and let the lock go. Returns 0, or EOF
 * if a write failed. */
static int end(FILE *f)
{
	if (f->mode == _IONBF)
		flush(f);
	int failed = f->failed;
	pthread_mutex_unlock(&f->lock);
	return failed ? EOF : 0;
}

void __stdio_lock_all(void)
{
	pthread_mutex_lock(&out.lock);
	pthread_mutex_lock(&err.lock);
}

void __stdio_unlock_all(void)
{
	pthread_mutex_unlock(&err.lock);
	pthread_mutex_unlock(&out.lock);
}

/* Returns the number of characters, or -1 when a write failed. */
int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	begin(f);
	int n = vformat(put, f, fmt, ap);
	return end(f) == 0 ? n : -1;
}

/* Through an unbuffered stream of its own for fd. */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	FILE f = { .fd = fd, .mode = _IONBF };
	return vfprintf(&f, fmt, ap);
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

/* printf to file descriptor fd, bypassing stdio's buffers. */
int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf(fd, fmt, ap);
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

/* vsprintf and sprintf trust buf to be large enough, as the C standard's do: prefer snprintf. */
int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vformat_buf(buf, (size_t)-1 / 2, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}

int fputs(const char *s, FILE *f)
{
	begin(f);
	while (*s)
		put(*s++, f);
	return end(f);
}

/* Returns n, or 0 when a write failed (or size or n is 0): how much of it reached f is not
 * told. */
size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	const char *c = p;
	begin(f);
	for (size_t i = 0; i < size * n; i++)
		put(c[i], f);
	return end(f) == 0 && size ? n : 0;
}

int puts(const char *s)
{
	begin(stdout);
	while (*s)
		put(*s++, stdout);
	put('\n', stdout);
	return end(stdout);
}

/* Returns c as an unsigned char, or EOF when the write failed. */
int fputc(int c, FILE *f)
{
	begin(f);
	put(c, f);
	return end(f) == 0 ? (unsigned char)c : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}

/* Write out what f holds (every output stream's, when f is NULL). Returns 0, or EOF. */
int fflush(FILE *f)
{
	if (!f)
		return fflush(stdout) | fflush(stderr);
	pthread_mutex_lock(&f->lock);
	int ret = flush(f);
	pthread_mutex_unlock(&f->lock);
	return ret;
}

/* Choose f's buffering; what it holds is written out first. f keeps its own buffer whatever
 * buf and size say, as C allows. Returns 0, or EOF for an unknown mode. */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	(void)buf, (void)size;
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return EOF;
	pthread_mutex_lock(&f->lock);
	flush(f);
	f->mode = mode;
	pthread_mutex_unlock(&f->lock);
	return 0;
}

/* Full buffering with buf, or none when buf is NULL. */
void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}
