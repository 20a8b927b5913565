/* printf-style formatting to any character sink; kernel kprintf and user printf both use it. */
#pragma once

#include <stdarg.h>
#include <stddef.h>

typedef void format_sink(int c, void *arg);

/* Format fmt with ap, passing each character to sink. Returns the number of characters.
 * Knows %d %i %u %x %X %o %p %s %c %%, the flags - 0 + space #, width, precision (also *)
 * and the length modifiers hh h l ll z t j. */
int vformat(format_sink *sink, void *arg, const char *fmt, va_list ap);

/* Like vsnprintf: writes at most size bytes including the NUL, returns the full length. */
int vformat_buf(char *buf, size_t size, const char *fmt, va_list ap);
