/* The kernel's build of the printf engine, compiled here with __KERNEL__ as the kernel compiles
 * it: it has no floating point, yet a %f must consume its double so later arguments stay in
 * step. Its public functions are renamed so that they stand beside the user library's. */
#include <stdio.h>

#include "expect_str.h"
#include "utest.h"

#define __KERNEL__
#define vformat kernel_vformat
#define vformat_buf kernel_vformat_buf
#define format_parse_length kernel_format_parse_length
#define format_store_int kernel_format_store_int
#include "lib/vformat.c"
#undef __KERNEL__

__attribute__((format(printf, 3, 4))) static void kformat(char *buf, size_t size, const char *fmt,
							  ...)
{
	va_list ap;
	va_start(ap, fmt);
	kernel_vformat_buf(buf, size, fmt, ap);
	va_end(ap);
}

TEST(kernel_shows_float_conversions_as_written_and_keeps_later_arguments)
{
	char buf[64];
	kformat(buf, sizeof(buf), "%f %d %.2e %s %g %a %u", 1.5, 7, 2.0, "x", 3.0, 4.0, 9u);
	EXPECT_STR(buf, "%f 7 %e x %g %a 9");
	kformat(buf, sizeof(buf), "%Lf %d", (long double)2.5, 3);
	EXPECT_STR(buf, "%f 3");
}

TEST(kernel_narrows_h_and_hh_like_the_user_library)
{
	char buf[64];
	kformat(buf, sizeof(buf), "%hu %hhd %hhu %zu", 70000, 300, 300, (size_t)5);
	EXPECT_STR(buf, "4464 44 44 5");
}
