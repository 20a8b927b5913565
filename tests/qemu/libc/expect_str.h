/* String checks for the libc suite: EXPECT_STR compares two strings, EXPECT_FORMAT compares
 * what snprintf makes of a format with the text glibc makes of it. */
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utest.h"

/* Expect the string got (NULL fails) to equal want, printing both when they differ. */
#define EXPECT_STR(got, want) expect_str((got), (want), #got, __FILE__, __LINE__)

/* Expect snprintf(buf, size, fmt, ...) to write want. */
#define EXPECT_FORMAT(want, ...) expect_format((want), __FILE__, __LINE__, __VA_ARGS__)

static inline void expect_str(const char *got, const char *want, const char *what, const char *file,
			      int line)
{
	if (got && strcmp(got, want) == 0)
		return;
	char msg[1200];
	snprintf(msg, sizeof(msg), "%s is \"%s\", expected \"%s\"", what, got ? got : "(null)",
		 want);
	utest_check(0, msg, file, line);
}

__attribute__((format(printf, 4, 5))) static inline void
expect_format(const char *want, const char *file, int line, const char *fmt, ...)
{
	char got[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(got, sizeof(got), fmt, ap);
	va_end(ap);
	expect_str(got, want, fmt, file, line);
}
