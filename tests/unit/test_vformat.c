/* Host unit tests of the printf engine, lib/vformat.c (as the kernel builds it): its
 * integer and string conversions agree with the host's snprintf, and no width or precision,
 * however large, makes its arithmetic overflow (UBSan would stop the run). */
/* unit-sources: lib/vformat.c tests/lib/utest.c */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/vformat.h"
#include "utest.h"

/* vformat_buf as snprintf: into buf[size]. */
static int format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vformat_buf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

TEST(integer_conversions_agree_with_the_hosts_snprintf)
{
	static const char *const fmts[] = { "%d",    "%5d",   "%-5d|", "%05d", "%+d",
					    "% d",   "%.3d",  "%#x",   "%#o",  "%#.3o",
					    "%#.0o", "%8.3x", "%hd",   "%hhu", "%-+8.4d|" };
	static const long values[] = { 0, 1, -1, 7, 8, 255, 65537, -70000, INT_MAX, INT_MIN };
	for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
			char ours[64], host[64];
			int n = format(ours, sizeof(ours), fmts[f], (int)values[v]);
			int m = snprintf(host, sizeof(host), fmts[f], (int)values[v]);
			EXPECT_EQ(n, m);
			EXPECT_EQ(strcmp(ours, host), 0);
		}
	}
}

TEST(strings_pad_and_cut_as_the_hosts_snprintf_does)
{
	char ours[32], host[32];
	format(ours, sizeof(ours), "[%-6s|%6.2s|%.0s]", "ab", "xyz", "gone");
	snprintf(host, sizeof(host), "[%-6s|%6.2s|%.0s]", "ab", "xyz", "gone");
	EXPECT_EQ(strcmp(ours, host), 0);
}

TEST(a_width_of_int_min_is_left_justified_and_bounded)
{
	char buf[8];
	int n = format(buf, sizeof(buf), "%*d|", INT_MIN, 1);
	EXPECT(n > 1000000); /* a huge field, counted without overflow */
	EXPECT_EQ(strncmp(buf, "1      ", 7), 0);
}

TEST(a_width_with_too_many_digits_stops_growing)
{
	char buf[4];
	EXPECT(format(buf, sizeof(buf), "%99999999999d", 5) > 1000000);
	EXPECT(format(buf, sizeof(buf), "%.99999999999d", 5) > 1000000);
}
