/* printf's floating-point conversions %f %e %g %a in user programs, against glibc's output. */
#include <stdio.h>

#include "expect_str.h"
#include "utest.h"

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
