/* strtod, strtof and atof: decimal and hexadecimal text to the nearest double or float, with
 * glibc's end pointers and ERANGE. The expected bits are glibc's. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expect_str.h"
#include "utest.h"

static uint64_t bits(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof(b));
	return b;
}

static uint32_t float_bits(float f)
{
	uint32_t b;
	memcpy(&b, &f, sizeof(b));
	return b;
}

/* strtod(s), checked to end after len characters with errno err. Returns its bits. */
static uint64_t parse(const char *s, size_t len, int err)
{
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	EXPECT_EQ(end - s, len);
	EXPECT_EQ(errno, err);
	return bits(d);
}

TEST(strtod_reads_sign_point_and_exponent_and_sets_end)
{
	char *end;
	EXPECT(strtod("  -12.5e-1xyz", &end) == -1.25);
	EXPECT_STR(end, "xyz");
	EXPECT(strtod(".5", NULL) == 0.5);
	EXPECT(strtod("5.", NULL) == 5.0);
	EXPECT(strtod("+1E3", NULL) == 1000.0);
	EXPECT(strtod("0.0000000000000000000000000000001e31", NULL) == 1.0);
	EXPECT_EQ(parse("-0", 2, 0), 0x8000000000000000);
}

TEST(strtod_leaves_an_exponent_without_digits_unread)
{
	EXPECT_EQ(parse("1e", 1, 0), bits(1.0));
	EXPECT_EQ(parse("1.5e+", 3, 0), bits(1.5));
	EXPECT_EQ(parse("2E-x", 1, 0), bits(2.0));
}

TEST(strtod_without_digits_returns_zero_and_ends_at_the_start)
{
	EXPECT_EQ(parse("  .", 0, 0), 0);
	EXPECT_EQ(parse("+", 0, 0), 0);
	EXPECT_EQ(parse("", 0, 0), 0);
	EXPECT_EQ(parse("-.e1", 0, 0), 0);
	EXPECT_EQ(parse("0x", 1, 0), 0); /* the 0, and the x is left */
	EXPECT_EQ(parse("0xg", 1, 0), 0);
}

TEST(strtod_rounds_to_the_nearest_double_ties_to_even)
{
	EXPECT_EQ(parse("0.1", 3, 0), 0x3fb999999999999a);
	EXPECT_EQ(parse("9007199254740993", 16, 0), bits(9007199254740992.0));
	EXPECT_EQ(parse("9007199254740995", 16, 0), bits(9007199254740996.0));
	EXPECT_EQ(parse("9007199254740993.000000000000000000000000000001", 47, 0),
		  bits(9007199254740994.0));
	EXPECT_EQ(parse("1.7976931348623157e308", 22, 0), 0x7fefffffffffffff);
	EXPECT_EQ(parse("1e23", 4, 0), 0x44b52d02c7e14af6);
	EXPECT_EQ(parse("2.2250738585072014e-308", 23, 0), 0x0010000000000000);
}

/* 1 + 2^-53, halfway between 1 and the next double: exactly, or with a 1 some 900 digits on. */
TEST(strtod_breaks_a_tie_by_a_digit_hundreds_of_places_on)
{
	static char text[1000] = "1.00000000000000011102230246251565404236316680908203125";
	EXPECT_EQ(parse(text, strlen(text), 0), bits(1.0));
	while (strlen(text) < 950)
		strcat(text, "0");
	EXPECT_EQ(parse(text, 950, 0), bits(1.0));
	strcat(text, "1");
	EXPECT_EQ(parse(text, 951, 0), 0x3ff0000000000001);
	char third[900] = "0.";
	for (int i = 0; i < 800; i++)
		strcat(third, "3");
	EXPECT_EQ(parse(third, strlen(third), 0), bits(1.0 / 3));
}

TEST(strtod_values_print_back_at_15_digits)
{
	static const char *const texts[] = { "3.14159265358979",      "2.71828182845905",
					     "1.23456789012345e-300", "9.87654321098765e+300",
					     "0.000123456789012345",  "299792458" };
	char buf[64];
	for (unsigned i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		snprintf(buf, sizeof(buf), "%.15g", strtod(texts[i], NULL));
		EXPECT_STR(buf, texts[i]);
	}
}

TEST(strtod_reads_hexadecimal_floats)
{
	EXPECT_EQ(parse("0x1.8p3", 7, 0), bits(12.0));
	EXPECT_EQ(parse("-0X.8P-1q", 8, 0), bits(-0.25));
	EXPECT_EQ(parse("0x1p", 3, 0), bits(1.0));
	EXPECT_EQ(parse("0xA", 3, 0), bits(10.0));
	EXPECT_EQ(parse("0x1.fffffffffffffp1023", 22, 0), 0x7fefffffffffffff);
	EXPECT_EQ(parse("0x1.00000000000008p0", 20, 0), bits(1.0)); /* a tie: to even */
	EXPECT_EQ(parse("0x1.000000000000080001p0", 24, 0), 0x3ff0000000000001);
	EXPECT_EQ(parse("0x1p-1074", 9, 0), 1); /* exact, though subnormal: no ERANGE */
}

TEST(strtod_reads_inf_infinity_and_nan_in_any_case)
{
	EXPECT_EQ(parse("INF", 3, 0), 0x7ff0000000000000);
	EXPECT_EQ(parse("-Infinity", 9, 0), 0xfff0000000000000);
	EXPECT_EQ(parse("infinit", 3, 0), 0x7ff0000000000000);
	EXPECT_EQ(parse("nan", 3, 0), 0x7ff8000000000000);
	EXPECT_EQ(parse("-NaN(123_abc)", 13, 0), 0xfff8000000000000);
	EXPECT_EQ(parse("nan(12", 3, 0), 0x7ff8000000000000);
}

TEST(strtod_overflow_is_huge_val_with_erange)
{
	EXPECT_EQ(parse("1e400", 5, ERANGE), 0x7ff0000000000000);
	EXPECT_EQ(parse("-1.8e308", 8, ERANGE), 0xfff0000000000000);
	EXPECT_EQ(parse("0x1p1024", 8, ERANGE), 0x7ff0000000000000);
	EXPECT_EQ(parse("0x1.fffffffffffff8p1023", 23, ERANGE), 0x7ff0000000000000);
}

TEST(strtod_underflow_gives_zero_or_a_subnormal_with_erange)
{
	EXPECT_EQ(parse("1e-400", 6, ERANGE), 0);
	EXPECT_EQ(parse("-1e-99999999999999", 18, ERANGE), 0x8000000000000000);
	EXPECT_EQ(parse("4.9e-324", 8, ERANGE), 1);
	EXPECT_EQ(parse("2.4703282292062327e-324", 23, ERANGE), 0);
	EXPECT_EQ(parse("2.4703282292062328e-324", 23, ERANGE), 1);
	EXPECT_EQ(parse("1e-300", 6, 0), 0x01a56e1fc2f8f359);
	EXPECT_EQ(parse("0e999999999", 11, 0), 0);
}

TEST(strtof_rounds_the_text_once_not_through_a_double)
{
	/* Just above the tie between 1 and the next float; as a double it is the tie itself. */
	const char *s = "1.00000005960464477550";
	EXPECT_EQ(float_bits(strtof(s, NULL)), 0x3f800001);
	EXPECT_EQ(float_bits((float)strtod(s, NULL)), 0x3f800000);
	EXPECT_EQ(float_bits(strtof("0.1", NULL)), 0x3dcccccd);
	EXPECT_EQ(float_bits(strtof("0x1.fffffep127", NULL)), 0x7f7fffff);
}

TEST(strtof_range_errors_are_a_floats)
{
	char *end;
	errno = 0;
	EXPECT_EQ(float_bits(strtof("3.4028236e38", &end)), 0x7f800000);
	EXPECT_EQ(errno, ERANGE);
	EXPECT_EQ(*end, '\0');
	errno = 0;
	EXPECT_EQ(float_bits(strtof("1e-45", NULL)), 1);
	EXPECT_EQ(errno, ERANGE);
	errno = 0;
	EXPECT_EQ(float_bits(strtof("-1e-46", NULL)), 0x80000000);
	EXPECT_EQ(errno, ERANGE);
	errno = 0;
	EXPECT_EQ(float_bits(strtof("1e38", NULL)), 0x7e967699);
	EXPECT_EQ(errno, 0);
}

TEST(atof_is_strtod_without_the_end)
{
	EXPECT(atof(" 2.5e2 apples") == 250.0);
	EXPECT(atof("x") == 0.0);
}
