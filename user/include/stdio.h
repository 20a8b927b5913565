/* Formatted output to the console: stdout is line buffered, stderr unbuffered, as with glibc on
 * a terminal (see user/lib/stdio.c). Programs have no console input: reading stdin meets
 * end-of-file at once. */
#pragma once

#include <stdarg.h>
#include <stddef.h>

typedef struct FILE FILE;
/* As in glibc's <stdio.h>: these two of <sys/types.h>, without the rest. */
typedef long ssize_t;
typedef long off_t;

/* Buffering modes for setvbuf: full, line (stdout's), none (stderr's). */
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define BUFSIZ 8192
extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;
#define EOF (-1)

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int vsprintf(char *buf, const char *fmt, va_list ap);
/* Print into a string malloc'd to fit, stored in *strp. Returns its length, or -1. */
int asprintf(char **strp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vasprintf(char **strp, const char *fmt, va_list ap);
int puts(const char *s);
int fputs(const char *s, FILE *f);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
int putchar(int c);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
void perror(const char *s);
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);

int getchar(void);
int fgetc(FILE *f);
int getc(FILE *f);
char *fgets(char *s, int n, FILE *f);
/* Removed from C11: it cannot know the size of s, so any long line overruns it. Declared for
 * the programs that still call it; here, as stdin is at end-of-file, it returns NULL. */
char *gets(char *s);
ssize_t getline(char **line, size_t *n, FILE *f);
ssize_t getdelim(char **line, size_t *n, int delim, FILE *f);
int scanf(const char *fmt, ...) __attribute__((format(scanf, 1, 2)));
int sscanf(const char *s, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int vsscanf(const char *s, const char *fmt, va_list ap);
