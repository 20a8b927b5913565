/* printf's integer conversions, length modifiers, %n and unknown conversions; and its
 * floating-point conversions %f %e %g %a in user programs, against glibc's output. */
#include <errno.h>
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

TEST(f_rounds_to_the_precision_default_six)
{
	EXPECT_FORMAT("3.14", "%.2f", 3.14159);
	EXPECT_FORMAT("3.141590", "%f", 3.14159);
	EXPECT_FORMAT("-0.500000", "%f", -0.5);
	EXPECT_FORMAT("1000000.000", "%.3f", 999999.9999);
	EXPECT_FORMAT("0.00", "%.2f", 0.0049);
	EXPECT_FORMAT("0.01", "%.2f", 0.005001);
	EXPECT_FORMAT("3", "%.0f", 3.14159);
}

TEST(f_rounds_the_exact_binary_value_half_to_even)
{
	EXPECT_FORMAT("0 2 2 4", "%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5);
	EXPECT_FORMAT("2.67", "%.2f", 2.675); /* 2.675 is 2.67499999... in binary */
	EXPECT_FORMAT("0.12", "%.2f", 0.125); /* exactly half: to even */
}

TEST(lf_is_the_same_as_f)
{
	EXPECT_FORMAT("2.500000 2.500000", "%lf %f", 2.5, 2.5);
}

TEST(e_shows_one_digit_and_a_signed_exponent_of_two_digits_or_more)
{
	EXPECT_FORMAT("1.235e+04", "%.3e", 12345.678);
	EXPECT_FORMAT("0.000000e+00", "%e", 0.0);
	EXPECT_FORMAT("1.000000E-300", "%E", 1e-300);
	EXPECT_FORMAT("1e+100", "%.0e", 1e100);
	EXPECT_FORMAT("9.9e-05", "%.1e", 0.000099);
	EXPECT_FORMAT("1.0e+01", "%.1e", 9.96);
}

TEST(g_uses_e_style_only_for_small_or_large_exponents)
{
	EXPECT_FORMAT("0.0001", "%g", 0.0001);
	EXPECT_FORMAT("1e-05", "%g", 1e-5);
	EXPECT_FORMAT("1.23457e+08", "%g", 123456789.0);
	EXPECT_FORMAT("100000 1e+06", "%g %g", 100000.0, 1e6);
	EXPECT_FORMAT("3.14159 0.5 0", "%g %g %g", 3.14159265, 0.5, 0.0);
	EXPECT_FORMAT("1E-10", "%G", 1e-10);
	EXPECT_FORMAT("1e+01 9.5", "%.1g %.2g", 9.5, 9.5);
}

TEST(g_keeps_trailing_zeros_under_the_hash_flag)
{
	EXPECT_FORMAT("1.00000 1.50", "%#g %#.3g", 1.0, 1.5);
	EXPECT_FORMAT("3.", "%#.0f", 3.0);
}

TEST(flags_and_width_apply_to_doubles)
{
	EXPECT_FORMAT("[   3.142][3.14    ]", "[%8.3f][%-8.2f]", 3.14159, 3.14159);
	EXPECT_FORMAT("[-0003.14][+2.0][ 2.0]", "[%08.2f][%+.1f][% .1f]", -3.14159, 2.0, 2.0);
	EXPECT_FORMAT("[+1.50e+00][    1.5]", "[%+.2e][%*g]", 1.5, 7, 1.5);
}

TEST(infinity_and_nan_are_words_padded_with_spaces)
{
	double inf = __builtin_inf(), nan = __builtin_nan("");
	EXPECT_FORMAT("inf INF -inf nan NAN", "%f %F %e %g %G", inf, inf, -inf, nan, nan);
	EXPECT_FORMAT("[  inf][-inf ][ +inf]", "[%05f][%-5f][%+5.1f]", inf, -inf, inf);
}

TEST(a_is_hexadecimal_with_a_binary_exponent)
{
	EXPECT_FORMAT("0x1p+0 0x1p-1 0x0p+0", "%a %a %a", 1.0, 0.5, 0.0);
	EXPECT_FORMAT("0X1.FFP+7", "%A", 255.5);
	EXPECT_FORMAT("0x1.8p+0 0x2p+0", "%.1a %.0a", 1.5, 1.5);
	EXPECT_FORMAT("-0x0001p+0", "%010a", -1.0);
}

TEST(long_precision_shows_the_exact_binary_value)
{
	EXPECT_FORMAT("0.10000000000000000555", "%.20f", 0.1);
	EXPECT_FORMAT("0.10000000000000001", "%.17g", 0.1);
	EXPECT_FORMAT("10000000000000000000000", "%.0f", 1e22);
	EXPECT_FORMAT("179769313486231570814527423731704356798070567525844996598917476803157260780"
		      "028538760589558632766878171540458953514382464234321326889464182768467546703"
		      "537516986049910576551282076245490090389328944075868508455133942304583236903"
		      "222948165808559332123348274797826204144723168738177180919299881250404026184"
		      "124858368",
		      "%.0f", 1.7976931348623157e308);
	EXPECT_FORMAT("4.9406564584124654e-324", "%.16e", 4.9e-324);
}

TEST(double_and_long_double_arguments_keep_later_ones_in_step)
{
	EXPECT_FORMAT("1.500000 7 x", "%f %d %s", 1.5, 7, "x");
	EXPECT_FORMAT("2.50 3 2.5e+10 y", "%.2Lf %d %Lg %s", (long double)2.5, 3,
		      (long double)2.5e10, "y");
}

TEST(m_shows_the_message_for_errno_and_takes_no_argument)
{
	errno = EACCES;
	EXPECT_FORMAT("[Permission denied] 7", "[%m] %d", 7);
	errno = ENOENT;
	EXPECT_FORMAT("No su|", "%.5m|");
}

TEST(the_grouping_flag_groups_nothing_in_the_c_locale)
{
	EXPECT_FORMAT("1234567 3.50", "%'d %'.2f", 1234567, 3.5);
}
