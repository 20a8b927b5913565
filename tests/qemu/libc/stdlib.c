/* <stdlib.h>: number parsing, absolute values, rand, qsort, bsearch, malloc(0) and getenv. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

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
