/* <stdlib.h>: number parsing, absolute values, rand, qsort, bsearch, malloc(0) and getenv;
 * and strtod, strtof and atof, with glibc's end pointers, ERANGE and bits. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect_str.h"
#include "utest.h"

TEST(strtol_reads_sign_spaces_and_base_prefixes)
{
	char *end;
	EXPECT_EQ(strtol("  -42xyz", &end, 10), -42);
	EXPECT_STR(end, "xyz");
	EXPECT_EQ(strtol("0x1F", NULL, 0), 31);
	EXPECT_EQ(strtol("0x1F", NULL, 16), 31);
	EXPECT_EQ(strtol("017", NULL, 0), 15);
	EXPECT_EQ(strtol("zz", NULL, 36), 1295);
	EXPECT_EQ(strtol("0x", &end, 16), 0);
	EXPECT_STR(end, "x");
}

TEST(strtol_without_digits_sets_end_to_the_start)
{
	const char *s = "  +nothing";
	char *end;
	EXPECT_EQ(strtol(s, &end, 10), 0);
	EXPECT(end == s);
}

TEST(strtol_overflow_clamps_and_sets_erange)
{
	char *end;
	errno = 0;
	EXPECT_EQ(strtol("9223372036854775807", NULL, 10), LONG_MAX);
	EXPECT_EQ(errno, 0);
	EXPECT_EQ(strtol("-9223372036854775808", NULL, 10), LONG_MIN);
	EXPECT_EQ(errno, 0);
	EXPECT_EQ(strtol("9223372036854775808", &end, 10), LONG_MAX);
	EXPECT_EQ(errno, ERANGE);
	EXPECT_EQ(*end, '\0');
	errno = 0;
	EXPECT_EQ(strtol("-99999999999999999999999", NULL, 10), LONG_MIN);
	EXPECT_EQ(errno, ERANGE);
	errno = 0;
	EXPECT_EQ(strtoll("9223372036854775808", NULL, 10), LLONG_MAX);
	EXPECT_EQ(errno, ERANGE);
}

TEST(strtol_with_a_bad_base_is_einval)
{
	errno = 0;
	EXPECT_EQ(strtol("10", NULL, 1), 0);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(strtoul("10", NULL, 37), 0);
	EXPECT_EQ(errno, EINVAL);
}

TEST(strtoul_negates_and_clamps_to_ulong_max)
{
	errno = 0;
	EXPECT(strtoul("18446744073709551615", NULL, 10) == ULONG_MAX);
	EXPECT(strtoul("-1", NULL, 10) == ULONG_MAX);
	EXPECT_EQ(errno, 0);
	EXPECT(strtoull("18446744073709551616", NULL, 10) == ULLONG_MAX);
	EXPECT_EQ(errno, ERANGE);
	EXPECT(strtoumax("ff", NULL, 16) == 255);
	EXPECT(strtoimax("-ff", NULL, 16) == -255);
}

TEST(atoi_atol_atoll_read_decimal)
{
	EXPECT_EQ(atoi(" 123abc"), 123);
	EXPECT_EQ(atoi("-7"), -7);
	EXPECT_EQ(atol("0x10"), 0);
	EXPECT(atoll("-9000000000") == -9000000000LL);
}

TEST(abs_labs_llabs_give_magnitudes)
{
	EXPECT_EQ(abs(-5), 5);
	EXPECT_EQ(abs(5), 5);
	EXPECT_EQ(labs(-5000000000L), 5000000000L);
	EXPECT(llabs(-1LL) == 1);
	EXPECT(imaxabs(-3) == 3);
}

TEST(rand_is_in_range_and_repeats_after_the_same_seed)
{
	int first[8], differ = 0;
	srand(42);
	for (int i = 0; i < 8; i++) {
		first[i] = rand();
		EXPECT(first[i] >= 0 && first[i] <= RAND_MAX);
	}
	srand(42);
	for (int i = 0; i < 8; i++)
		EXPECT_EQ(rand(), first[i]);
	for (int i = 1; i < 8; i++)
		differ += first[i] != first[0];
	EXPECT(differ > 0);
	EXPECT_EQ(RAND_MAX, 2147483647);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

TEST(qsort_sorts_ascending_by_the_comparison)
{
	int v[100];
	srand(7);
	for (int i = 0; i < 100; i++)
		v[i] = rand() % 50 - 25;
	qsort(v, 100, sizeof(v[0]), cmp_int);
	for (int i = 1; i < 100; i++)
		EXPECT(v[i - 1] <= v[i]);
	int one[] = { 3 };
	qsort(one, 1, sizeof(int), cmp_int);
	qsort(NULL, 0, sizeof(int), cmp_int);
	EXPECT_EQ(one[0], 3);
}

TEST(qsort_moves_whole_elements_of_any_size)
{
	char words[5][8] = { "pear", "apple", "fig", "kiwi", "banana" };
	qsort(words, 5, sizeof(words[0]), (int (*)(const void *, const void *))strcmp);
	EXPECT_STR(words[0], "apple");
	EXPECT_STR(words[1], "banana");
	EXPECT_STR(words[2], "fig");
	EXPECT_STR(words[3], "kiwi");
	EXPECT_STR(words[4], "pear");
}

TEST(bsearch_finds_present_keys_and_not_absent_ones)
{
	int v[] = { 1, 3, 5, 7, 9, 11 };
	for (int i = 0; i < 6; i++) {
		int *p = bsearch(&v[i], v, 6, sizeof(int), cmp_int);
		EXPECT(p == &v[i]);
	}
	for (int key = 0; key <= 12; key += 2)
		EXPECT(bsearch(&key, v, 6, sizeof(int), cmp_int) == NULL);
	EXPECT(bsearch(&v[0], v, 0, sizeof(int), cmp_int) == NULL);
}

TEST(malloc_of_zero_returns_a_distinct_freeable_pointer)
{
	void *a = malloc(0), *b = malloc(0);
	EXPECT(a != NULL && b != NULL && a != b);
	free(a);
	free(b);
}

TEST(getenv_finds_no_variable)
{
	EXPECT(getenv("HOME") == NULL);
	EXPECT(getenv("PATH") == NULL);
}

/* pid_t with only <stdlib.h>, as textbook code writes it on glibc. */
TEST(stdlib_h_brings_the_sys_types_h_types)
{
	pid_t pid = -1;
	uid_t uid = 0;
	off_t off = -1;
	EXPECT(pid < 0 && uid == 0 && off < 0 && sizeof(ssize_t) == 8);
}

TEST(div_ldiv_lldiv_truncate_toward_zero)
{
	div_t d = div(7, 2);
	EXPECT(d.quot == 3 && d.rem == 1);
	d = div(-7, 2);
	EXPECT(d.quot == -3 && d.rem == -1);
	ldiv_t l = ldiv(-7000000000L, -2);
	EXPECT(l.quot == 3500000000L && l.rem == 0);
	lldiv_t ll = lldiv(LLONG_MAX, 10);
	EXPECT(ll.quot == LLONG_MAX / 10 && ll.rem == 7);
}

TEST(random_and_rand_share_one_sequence_as_in_glibc)
{
	srandom(5);
	long first = random(), second = random();
	EXPECT(first >= 0 && first <= RAND_MAX && second >= 0 && second <= RAND_MAX);
	srand(5);
	EXPECT_EQ(rand(), first);
	EXPECT_EQ(random(), second);
}

/* The values below were printed by the same calls on Linux with glibc. */
TEST(srand_gives_glibcs_sequence_for_each_seed)
{
	static const struct {
		unsigned seed;
		int first[3];
		long thousand_and_first; /* by random, after srandom */
	} want[] = {
		{ 0, { 1804289383, 846930886, 1681692777 }, 981914693 }, /* as seed 1 */
		{ 2, { 1505335290, 1738766719, 190686788 }, 1682007530 },
		{ 42, { 71876166, 708592740, 1483128881 }, 1963050744 },
		{ 2147483647, { 1065668062, 2142264300, 1066566375 }, 1446597600 },
		{ 2147483648u, { 1336741213, 1210407648, 1447044896 }, 1917559864 },
		{ 4294967295u, { 254925627, 1205188300, 366127624 }, 1216673817 },
	};
	for (size_t s = 0; s < sizeof(want) / sizeof(want[0]); s++) {
		srand(want[s].seed);
		for (int i = 0; i < 3; i++)
			EXPECT_EQ(rand(), want[s].first[i]);
		srandom(want[s].seed);
		for (int i = 0; i < 1000; i++)
			random();
		EXPECT_EQ(random(), want[s].thousand_and_first);
	}
}

TEST(rand_r_gives_glibcs_numbers_and_leaves_glibcs_state)
{
	unsigned x = 1;
	EXPECT_EQ(rand_r(&x), 476707713);
	EXPECT_EQ(rand_r(&x), 1186278907);
	EXPECT_EQ(rand_r(&x), 505671508);
	EXPECT_EQ(rand_r(&x), 2137716191);
	EXPECT_EQ(x, 836760821u);
	x = 3735928559u;
	EXPECT_EQ(rand_r(&x), 1075635910);
	EXPECT_EQ(rand_r(&x), 1410355045);
	x = 0;
	EXPECT_EQ(rand_r(&x), 1012484);
}

TEST(srand48_gives_glibcs_drand48_lrand48_and_mrand48)
{
	srand48(0);
	EXPECT(drand48() == 0x1.5ddb16e28808p-3);
	EXPECT_EQ(lrand48(), 1610402240);
	EXPECT_EQ(mrand48(), 413913109);
	srand48(-1); /* only the low 32 bits of the seed count */
	EXPECT(drand48() == 0x1.3339f1bd4404p-2);
	EXPECT_EQ(lrand48(), 97305740);
	EXPECT_EQ(mrand48(), 1537280864);
	srand48(1234567890123L);
	EXPECT(drand48() == 0x1.5e1d9e96a202p-1);
	EXPECT_EQ(lrand48(), 1797209186);
	EXPECT_EQ(mrand48(), -306208868);
}

TEST(erand48_nrand48_and_jrand48_step_the_callers_state)
{
	unsigned short x[3] = { 1, 2, 3 };
	EXPECT(erand48(x) == 0x1.c49aaf1b99ep-2);
	EXPECT_EQ(nrand48(x), 565063343);
	EXPECT_EQ(jrand48(x), -1485464893);
}

TEST(seed48_returns_the_old_state_and_lcong48_sets_a_and_c)
{
	srand48(1234567890123L);
	drand48();
	lrand48();
	mrand48();
	unsigned short seed[3] = { 0x1234, 0x5678, 0x9abc };
	unsigned short *old = seed48(seed);
	EXPECT(old[0] == 0x2a23 && old[1] == 0x9f9c && old[2] == 0xedbf);
	EXPECT(drand48() == 0x1.257a45a9e0bcp-2);
	EXPECT_EQ(lrand48(), 2006585297);
	EXPECT_EQ(mrand48(), -1996062933);
	unsigned short param[7] = { 1, 2, 3, 5, 0, 0, 7 }; /* x = 0x300020001, a = 5, c = 7 */
	lcong48(param);
	EXPECT(drand48() == 0x1.e00140018p-13);
	EXPECT_EQ(lrand48(), 2457625);
	EXPECT_EQ(mrand48(), 24576250);
	unsigned short x[3] = { 1, 2, 3 };
	erand48(x); /* 5 * 0x300020001 + 7 */
	EXPECT(x[0] == 0xc && x[1] == 0xa && x[2] == 0xf);
	srand48(5); /* a and c are POSIX's again */
	EXPECT_EQ(lrand48(), 1127084414);
}

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

/* Free p twice, as a program with a bug might; merged first with a neighbour if merge. */
static int status_of_double_free(int merge)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *a = malloc(32), *b = malloc(32);
		if (merge)
			free(a); /* b then merges into a's free block */
		free(b);
		free(b);
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	return status;
}

TEST(a_double_free_stops_the_program_with_sigabrt_as_glibc_does)
{
	int status = status_of_double_free(0);
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	status = status_of_double_free(1);
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}
