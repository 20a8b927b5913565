/* printf's integer conversions, length modifiers, %n and unknown conversions. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "expect_str.h"
#include "utest.h"

TEST(h_and_hh_narrow_the_value_to_short_and_char)
{
	EXPECT_FORMAT("4464 44 44", "%hu %hhd %hhu", 70000, 300, 300);
	EXPECT_FORMAT("-1 255 -25536", "%hhd %hhu %hd", 255, -1, 40000);
	EXPECT_FORMAT("2345 ff", "%hx %hhx", 0x12345, 0x1ff);
}

TEST(l_ll_z_j_t_take_64_bit_arguments)
{
	EXPECT_FORMAT("-9223372036854775808 18446744073709551615", "%ld %llu", INT64_MIN,
		      (unsigned long long)UINT64_MAX);
	EXPECT_FORMAT("-5 -6 -7 8", "%zd %jd %td %zu", (ssize_t)-5, (intmax_t)-6, (ptrdiff_t)-7,
		      (size_t)8);
	EXPECT_FORMAT("ffffffffffffffff", "%lx", -1L);
}

TEST(int_flags_width_and_precision_still_apply)
{
	EXPECT_FORMAT("[  42][42  ][0042][+42][ 42][007][0x2a][052]",
		      "[%4d][%-4d][%04d][%+d][% d][%.3d][%#x][%#o]", 42, 42, 42, 42, 42, 7, 42, 42);
	EXPECT_FORMAT("[   ab][ab   ][a]", "[%5s][%-5s][%.1s]", "ab", "ab", "ab");
	EXPECT_FORMAT("[  -7][   7]", "[%*d][%*.*d]", 4, -7, 4, 1, 7);
}

TEST(hash_octal_adds_a_leading_zero_only_when_the_precision_gives_none)
{
	EXPECT_FORMAT("[010][0010][0][0][010]", "[%#.3o][%#.4o][%#.0o][%#o][%#o]", 8, 8, 0, 0, 8);
	EXPECT_FORMAT("[  010][00010][010   ]", "[%#5.3o][%#05o][%#-6o]", 8, 8, 8);
	EXPECT_FORMAT("[][0]", "[%.0o][%#.0o]", 0, 0);
}

TEST(p_shows_null_as_nil_and_other_pointers_in_hex)
{
	EXPECT_FORMAT("[(nil)][     (nil)][(nil)     ]", "[%p][%10p][%-10p]", NULL, NULL, NULL);
	EXPECT_FORMAT("[0x1234][  0x1234]", "[%p][%8p]", (void *)0x1234, (void *)0x1234);
}

TEST(n_stores_the_count_written_so_far)
{
	int n = -1;
	long ln = -1;
	signed char hhn = -1;
	char buf[32];
	snprintf(buf, sizeof(buf), "abc%n de%ln%hhn", &n, &ln, &hhn);
	EXPECT_STR(buf, "abc de");
	EXPECT_EQ(n, 3);
	EXPECT_EQ(ln, 6);
	EXPECT_EQ(hhn, 6);
}

TEST(unknown_conversion_is_shown_as_written_and_consumes_nothing)
{
	const char *fmt = "%y %d %s"; /* not a literal: the compiler would object to %y */
	char buf[32];
	snprintf(buf, sizeof(buf), fmt, 5, "x");
	EXPECT_STR(buf, "%y 5 x");
}

TEST(snprintf_truncates_and_returns_the_full_length)
{
	char buf[4];
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%d-%s", 12345, "ab"), 8);
	EXPECT_STR(buf, "123");
	EXPECT_EQ(snprintf(NULL, 0, "%.3f", 2.5), 5);
}

TEST(vsprintf_and_sprintf_write_the_whole_text)
{
	char buf[32];
	EXPECT_EQ(sprintf(buf, "%s=%d", "x", 10), 4);
	EXPECT_STR(buf, "x=10");
}

/* This file includes no <sys/types.h>: <stdio.h> has these two, as glibc's has. */
TEST(stdio_h_declares_ssize_t_and_off_t_for_zd_and_jd)
{
	ssize_t n = -3;
	off_t off = 1L << 40;
	EXPECT_FORMAT("-3 1099511627776", "%zd %jd", n, (intmax_t)off);
}
