/* Formatted output to the console. Output is unbuffered: each call writes at once. */
#pragma once

#include <stdarg.h>
#include <stddef.h>

typedef struct FILE FILE;

/* Buffering modes for setvbuf. Output here is always unbuffered, so they change nothing. */
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
extern FILE *const stdout;
extern FILE *const stderr;
#define EOF (-1)

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int puts(const char *s);
int fputs(const char *s, FILE *f);
int putchar(int c);
void perror(const char *s);
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
