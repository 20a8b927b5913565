/* printf-style formatting to any character sink; kernel kprintf and user printf both use it. */
#pragma once

#include <stdarg.h>
#include <stddef.h>

typedef void format_sink(int c, void *arg);

/* Format fmt with ap, passing each character to sink. Returns the number of characters.
 * Knows %d %i %u %x %X %o %p %s %c %n %%, the flags - 0 + space #, width, precision (also *)
 * and the length modifiers hh h l ll z t j L. In user programs also %f %F %e %E %g %G %a %A;
 * the kernel shows those as written. An unknown conversion is shown as written. */
int vformat(format_sink *sink, void *arg, const char *fmt, va_list ap);

/* Like vsnprintf: writes at most size bytes including the NUL, returns the full length. */
int vformat_buf(char *buf, size_t size, const char *fmt, va_list ap);

/* The size of an argument, from its length modifier. On LP64, l ll z t j all name 64 bits. */
enum format_length { LEN_HH, LEN_H, LEN_INT, LEN_LONG, LEN_LONG_DOUBLE };

/* Read the length modifier at f (hh h l ll z t j L, or none) into *len. Returns the pointer
 * past it. Shared with the user library's sscanf. */
const char *format_parse_length(const char *f, enum format_length *len);

/* Store v through the next argument, a pointer to an integer of the size len names (for %n,
 * and for sscanf's conversions). */
void format_store_int(va_list *ap, enum format_length len, long long v);

#ifndef __KERNEL__
/* Write the magnitude of v (no sign, nor %a's 0x) as conversion conv (f F e E g G a A) asks,
 * with precision (< 0: the default) and the # flag alt, to sink. User library only:
 * user/lib/fformat.c. */
void fformat(format_sink *sink, void *arg, double v, int conv, int precision, int alt);

/* What %m prints: glibc's message for the calling thread's errno. User library only:
 * user/lib/strerror.c. */
const char *format_errno_text(void);
#endif
