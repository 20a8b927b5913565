/* Host unit tests of the granule allocator, kernel/mm/gran.c. */
/* unit-sources: kernel/mm/gran.c tests/lib/utest.c */
#include <stdlib.h>

#include "mm/gran.h"
#include "utest.h"

#define BASE 0x100000UL
#define LOG2 12
#define G (1UL << LOG2)

static uint64_t bitmap[64];

static struct gran_s make_at(uintptr_t base, size_t n)
{
	struct gran_s g;
	gran_initialize(&g, base, n, LOG2, bitmap);
	return g;
}

static struct gran_s make(size_t n)
{
	return make_at(BASE, n);
}

TEST(gran_alloc_returns_aligned_addresses_inside_the_range)
{
	struct gran_s g = make(100);
	for (int i = 0; i < 100; i++) {
		uintptr_t a = gran_alloc(&g, 1 + (size_t)i % G);
		EXPECT(a >= BASE && a < BASE + 100 * G);
		EXPECT_EQ(a % G, 0);
	}
	EXPECT_EQ(g.nfree, 0);
}

TEST(gran_alloc_rounds_size_up_to_whole_granules)
{
	struct gran_s g = make(10);
	EXPECT_EQ(gran_alloc(&g, G + 1), BASE);
	EXPECT_EQ(g.nfree, 8);
	EXPECT_EQ(gran_alloc(&g, 1), BASE + 2 * G);
}

TEST(gran_alloc_of_zero_bytes_fails)
{
	struct gran_s g = make(10);
	EXPECT_EQ(gran_alloc(&g, 0), 0);
	EXPECT_EQ(g.nfree, 10);
}

TEST(gran_exhaustion_returns_zero_and_free_restores)
{
	struct gran_s g = make(70);
	for (int i = 0; i < 70; i++)
		EXPECT(gran_alloc(&g, G) != 0);
	EXPECT_EQ(gran_alloc(&g, G), 0);
	EXPECT_EQ(g.nfree, 0);
	EXPECT_EQ(gran_free(&g, BASE + 69 * G, G), 0);
	EXPECT_EQ(gran_alloc(&g, G), BASE + 69 * G);
}

/* A search that tried only runs starting at a multiple of their length could fail a
 * 2-granule request with 30 of 32 granules free. Ours must find any hole. */
TEST(gran_finds_a_hole_that_starts_at_an_odd_granule)
{
	struct gran_s g = make(32);
	EXPECT_EQ(gran_reserve(&g, BASE, 32 * G), 0);
	EXPECT_EQ(gran_free(&g, BASE + 1 * G, 2 * G), 0); /* granules 1 and 2 free */
	EXPECT_EQ(gran_alloc(&g, 2 * G), BASE + 1 * G);
}

TEST(gran_thirty_of_thirty_two_free_serves_any_request_up_to_the_largest_run)
{
	struct gran_s g = make(32);
	EXPECT_EQ(gran_reserve(&g, BASE + 0 * G, G), 0);
	EXPECT_EQ(gran_reserve(&g, BASE + 31 * G, G), 0);
	EXPECT_EQ(g.nfree, 30);
	EXPECT_EQ(gran_alloc(&g, 30 * G), BASE + G);
}

TEST(gran_run_may_straddle_a_bitmap_word)
{
	struct gran_s g = make(200);
	EXPECT_EQ(gran_reserve(&g, BASE, 200 * G), 0);
	EXPECT_EQ(gran_free(&g, BASE + 60 * G, 8 * G), 0); /* 60..67 crosses bit 64 */
	EXPECT_EQ(gran_alloc(&g, 8 * G), BASE + 60 * G);
	EXPECT_EQ(gran_alloc(&g, G), 0);
}

TEST(gran_double_free_is_refused_and_changes_nothing)
{
	struct gran_s g = make(10);
	uintptr_t a = gran_alloc(&g, G);
	EXPECT_EQ(gran_free(&g, a, G), 0);
	EXPECT_EQ(gran_free(&g, a, G), -EINVAL);
	EXPECT_EQ(g.nfree, 10);
}

TEST(gran_free_of_partly_allocated_range_is_refused_whole)
{
	struct gran_s g = make(10);
	uintptr_t a = gran_alloc(&g, 2 * G);
	EXPECT_EQ(gran_free(&g, a, 3 * G), -EINVAL);
	EXPECT_EQ(g.nfree, 8);
	EXPECT_EQ(gran_free(&g, a, 2 * G), 0);
}

TEST(gran_free_rejects_unaligned_and_outside_ranges)
{
	struct gran_s g = make(10);
	uintptr_t a = gran_alloc(&g, G);
	EXPECT_EQ(gran_free(&g, a + 1, G), -EINVAL);
	EXPECT_EQ(gran_free(&g, BASE - G, G), -EINVAL);
	EXPECT_EQ(gran_free(&g, BASE + 10 * G, G), -EINVAL);
	EXPECT_EQ(gran_free(&g, a, 11 * G), -EINVAL);
	EXPECT_EQ(gran_free(&g, a, 0), -EINVAL);
	EXPECT_EQ(g.nfree, 9);
}

TEST(gran_reserve_takes_exactly_the_range)
{
	struct gran_s g = make(10);
	EXPECT_EQ(gran_reserve(&g, BASE + 2 * G, 3 * G), 0);
	EXPECT_EQ(g.nfree, 7);
	EXPECT_EQ(gran_alloc(&g, 3 * G), BASE + 5 * G);
	EXPECT_EQ(gran_alloc(&g, 2 * G), BASE);
}

TEST(gran_reserve_of_a_taken_granule_is_ebusy_and_changes_nothing)
{
	struct gran_s g = make(10);
	EXPECT_EQ(gran_reserve(&g, BASE + 4 * G, G), 0);
	EXPECT_EQ(gran_reserve(&g, BASE + 2 * G, 4 * G), -EBUSY);
	EXPECT_EQ(g.nfree, 9);
	EXPECT_EQ(gran_alloc(&g, 4 * G), BASE);
}

TEST(gran_reserve_rejects_unaligned_and_outside_ranges)
{
	struct gran_s g = make(10);
	EXPECT_EQ(gran_reserve(&g, BASE + 3, G), -EINVAL);
	EXPECT_EQ(gran_reserve(&g, BASE + 9 * G, 2 * G), -EINVAL);
	EXPECT_EQ(gran_reserve(&g, BASE - G, G), -EINVAL);
	EXPECT_EQ(g.nfree, 10);
}

TEST(gran_single_allocations_reuse_the_lowest_freed_granule)
{
	struct gran_s g = make(100);
	for (int i = 0; i < 50; i++)
		gran_alloc(&g, G);
	EXPECT_EQ(gran_free(&g, BASE + 7 * G, G), 0);
	EXPECT_EQ(gran_alloc(&g, G), BASE + 7 * G);
	EXPECT_EQ(gran_alloc(&g, G), BASE + 50 * G);
}

TEST(gran_manages_a_range_whose_size_is_not_a_multiple_of_64)
{
	struct gran_s g = make(67);
	for (int i = 0; i < 67; i++)
		EXPECT_EQ(gran_alloc(&g, G), BASE + (uintptr_t)i * G);
	EXPECT_EQ(gran_alloc(&g, G), 0);
}

/* The reference: a first fit over a plain array, which cannot miss a hole. */
static size_t model_first_fit(const char *used, size_t n, size_t len)
{
	for (size_t i = 0; i + len <= n; i++) {
		size_t j = 0;
		while (j < len && !used[i + j])
			j++;
		if (j == len)
			return i;
	}
	return n;
}

TEST(gran_multi_granule_alloc_matches_a_reference_first_fit_over_20000_operations)
{
	enum { N = 300 };
	char used[N] = { 0 };
	size_t len_of[N] = { 0 };
	struct gran_s g = make(N);
	srand(1);
	for (int op = 0; op < 20000; op++) {
		size_t first = (size_t)rand() % N;
		if (rand() % 2 && len_of[first]) {
			EXPECT_EQ(gran_free(&g, BASE + first * G, len_of[first] * G), 0);
			for (size_t j = 0; j < len_of[first]; j++)
				used[first + j] = 0;
			len_of[first] = 0;
			continue;
		}
		size_t len = 2 + (size_t)rand() % 12;
		size_t want = model_first_fit(used, N, len);
		uintptr_t got = gran_alloc(&g, len * G);
		if (want == N) {
			EXPECT_EQ(got, 0);
			continue;
		}
		EXPECT_EQ(got, BASE + want * G);
		for (size_t j = 0; j < len; j++)
			used[want + j] = 1;
		len_of[want] = len;
		if (utest_failed())
			return;
	}
}

TEST(gran_aligned_alloc_starts_on_the_boundary_though_the_range_does_not)
{
	struct gran_s g = make_at(BASE + 3 * G, 100); /* granule 5 is the first at 8 * G */
	uintptr_t a = gran_alloc_aligned(&g, 8 * G, 8 * G);
	EXPECT_EQ(a, BASE + 8 * G);
	EXPECT_EQ(g.nfree, 92);
	EXPECT_EQ(gran_alloc_aligned(&g, 8 * G, 8 * G), BASE + 16 * G);
	EXPECT_EQ(gran_alloc(&g, 5 * G), BASE + 3 * G); /* the unaligned head is still free */
}

TEST(gran_aligned_alloc_passes_over_a_hole_large_enough_but_misaligned)
{
	struct gran_s g = make(64);
	EXPECT_EQ(gran_reserve(&g, BASE, 64 * G), 0);
	EXPECT_EQ(gran_free(&g, BASE + 4 * G, 12 * G), 0);  /* 4..15: 12 free, 8..15 aligned */
	EXPECT_EQ(gran_free(&g, BASE + 20 * G, 20 * G), 0); /* 20..39: holds 24..31 and 32..39 */
	EXPECT_EQ(gran_alloc_aligned(&g, 16 * G, 16 * G), 0);
	EXPECT_EQ(gran_alloc_aligned(&g, 8 * G, 8 * G), BASE + 8 * G);
	EXPECT_EQ(gran_alloc_aligned(&g, 8 * G, 16 * G), BASE + 32 * G);
	EXPECT_EQ(gran_alloc_aligned(&g, 8 * G, 8 * G), BASE + 24 * G);
	EXPECT_EQ(g.nfree, 8);
}

TEST(gran_aligned_alloc_fails_with_enough_free_granules_when_no_aligned_run_is_free)
{
	struct gran_s g = make(256);
	for (size_t i = 0; i < 256; i += 64)
		EXPECT_EQ(gran_reserve(&g, BASE + (i + 31) * G, G), 0); /* one taken in each half */
	EXPECT_EQ(g.nfree, 252);
	EXPECT_EQ(gran_alloc_aligned(&g, 32 * G, 32 * G), BASE + 32 * G);
	EXPECT_EQ(gran_alloc_aligned(&g, 64 * G, 64 * G), 0);
	EXPECT_EQ(g.nfree, 220);
	EXPECT_EQ(gran_alloc(&g, 64 * G), 0); /* no unaligned run that long either */
	EXPECT_EQ(gran_alloc(&g, 63 * G), BASE + 96 * G);
}

TEST(gran_aligned_exhaustion_returns_zero_and_free_restores)
{
	struct gran_s g = make(128);
	uintptr_t runs[4];
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(runs[i] = gran_alloc_aligned(&g, 32 * G, 32 * G), BASE + i * 32 * G);
	EXPECT_EQ(gran_alloc_aligned(&g, 32 * G, 32 * G), 0);
	EXPECT_EQ(gran_alloc_aligned(&g, G, 32 * G), 0);
	EXPECT_EQ(g.nfree, 0);
	EXPECT_EQ(gran_free(&g, runs[2], 32 * G), 0);
	EXPECT_EQ(gran_alloc_aligned(&g, 32 * G, 32 * G), runs[2]);
}

TEST(gran_aligned_alloc_of_a_run_past_the_last_boundary_fails)
{
	struct gran_s g = make(40); /* boundaries at 0 and 32: 32..39 is too short */
	EXPECT_EQ(gran_reserve(&g, BASE, G), 0);
	EXPECT_EQ(gran_alloc_aligned(&g, 16 * G, 32 * G), 0);
	EXPECT_EQ(gran_alloc_aligned(&g, 8 * G, 32 * G), BASE + 32 * G);
}

/* The reference: the first start at a multiple of align (from the range's own start, which is
 * aligned here) with len free granules. */
static size_t model_aligned_fit(const char *used, size_t n, size_t len, size_t align)
{
	for (size_t i = 0; i + len <= n; i += align) {
		size_t j = 0;
		while (j < len && !used[i + j])
			j++;
		if (j == len)
			return i;
	}
	return n;
}

TEST(gran_aligned_alloc_matches_a_reference_aligned_fit_over_20000_operations)
{
	enum { N = 700 };
	char used[N] = { 0 };
	size_t len_of[N] = { 0 };
	struct gran_s g = make(N);
	srand(2);
	for (int op = 0; op < 20000; op++) {
		size_t first = (size_t)rand() % N;
		if (rand() % 2 && len_of[first]) {
			EXPECT_EQ(gran_free(&g, BASE + first * G, len_of[first] * G), 0);
			for (size_t j = 0; j < len_of[first]; j++)
				used[first + j] = 0;
			len_of[first] = 0;
			continue;
		}
		size_t align = (size_t)1 << (rand() % 7), len = 1 + (size_t)rand() % 70;
		size_t want = model_aligned_fit(used, N, len, align);
		uintptr_t got = gran_alloc_aligned(&g, len * G, align * G);
		if (want == N) {
			EXPECT_EQ(got, 0);
			continue;
		}
		EXPECT_EQ(got, BASE + want * G);
		for (size_t j = 0; j < len; j++)
			used[want + j] = 1;
		len_of[want] = len;
		if (utest_failed())
			return;
	}
}

TEST(gran_long_runs_match_the_reference_over_3000_operations)
{
	enum {
		N = 64 * 64
	}; /* the whole test bitmap: runs of many words, marked eight at a time */
	static char used[N];
	static size_t len_of[N];
	const uintptr_t base = 0x40000000UL; /* on every boundary asked for */
	struct gran_s g = make_at(base, N);
	srand(3);
	for (int op = 0; op < 3000; op++) {
		size_t first = (size_t)rand() % N;
		if (rand() % 3 == 0 && len_of[first]) {
			EXPECT_EQ(gran_free(&g, base + first * G, len_of[first] * G), 0);
			for (size_t j = 0; j < len_of[first]; j++)
				used[first + j] = 0;
			len_of[first] = 0;
			continue;
		}
		size_t align = (size_t)1 << (rand() % 10), len = 1 + (size_t)rand() % 1200;
		size_t want = model_aligned_fit(used, N, len, align);
		uintptr_t got = gran_alloc_aligned(&g, len * G, align * G);
		if (want == N) {
			EXPECT_EQ(got, 0);
			continue;
		}
		EXPECT_EQ(got, base + want * G);
		for (size_t j = 0; j < len; j++)
			used[want + j] = 1;
		len_of[want] = len;
		if (utest_failed())
			return;
	}
	size_t free_in_model = 0;
	for (size_t i = 0; i < N; i++)
		free_in_model += !used[i];
	EXPECT_EQ(g.nfree, free_in_model);
}
