/* Host unit tests of the granule allocator, kernel/mm/gran.c. */
/* unit-sources: kernel/mm/gran.c tests/lib/utest.c */
#include <stdlib.h>

#include "mm/gran.h"
#include "utest.h"

#define BASE 0x100000UL
#define LOG2 12
#define G (1UL << LOG2)

static uint64_t bitmap[64];

static struct gran_s make(size_t n)
{
	struct gran_s g;
	gran_initialize(&g, BASE, n, LOG2, bitmap);
	return g;
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
