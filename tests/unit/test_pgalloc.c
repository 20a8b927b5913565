/* Host unit tests of the physical page allocator, kernel/mm/pgalloc.c, over a malloc'd "RAM". */
/* unit-sources: kernel/mm/pgalloc.c kernel/mm/gran.c tests/lib/utest.c */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "memlayout.h"
#include "mm/pgalloc.h"
#include "utest.h"

jmp_buf *unit_panic_target;
char unit_panic_msg[256];

#define RAM_PAGES 1200 /* over 4 MiB: it holds at least one 2 MiB-aligned run */

static uintptr_t ram_start(void)
{
	static void *ram;
	if (!ram)
		ram = aligned_alloc(PGSIZE, RAM_PAGES * PGSIZE);
	return (uintptr_t)ram;
}

/* One past the pool's last byte: its start, and a page for each of its pages. */
static uintptr_t pool_end(void)
{
	struct pginfo_s info;
	mm_pginfo(&info);
	return mm_pgpool_start() + info.ntotal * PGSIZE;
}

static struct pginfo_s init(void)
{
	struct pginfo_s info;
	mm_pginitialize(ram_start(), ram_start() + RAM_PAGES * PGSIZE);
	mm_pginfo(&info);
	return info;
}

TEST(pgalloc_bitmap_sits_before_the_pool_and_outside_it)
{
	struct pginfo_s info = init();
	EXPECT(mm_pgpool_start() > ram_start());
	EXPECT(pool_end() <= ram_start() + RAM_PAGES * PGSIZE);
	EXPECT_EQ(info.ntotal, RAM_PAGES - 1); /* 1199 bits fit in one bitmap page */
	EXPECT_EQ(info.nfree, info.ntotal);
}

TEST(pgalloc_pages_come_zeroed_even_after_reuse)
{
	init();
	uintptr_t pa = mm_pgalloc(1);
	memset((void *)pa, 0xa5, PGSIZE);
	mm_pgfree(pa, 1);
	uintptr_t again = mm_pgalloc(1);
	EXPECT_EQ(again, pa);
	const unsigned char *p = (const unsigned char *)again;
	int nonzero = 0;
	for (int i = 0; i < PGSIZE; i++)
		nonzero += p[i] != 0;
	EXPECT_EQ(nonzero, 0);
}

TEST(pgalloc_single_pages_are_handed_out_in_order_by_next_fit)
{
	struct pginfo_s info = init();
	uintptr_t prev = mm_pgalloc(1);
	for (size_t i = 1; i < info.ntotal; i++) {
		uintptr_t pa = mm_pgalloc(1);
		EXPECT_EQ(pa, prev + PGSIZE);
		prev = pa;
	}
	EXPECT_EQ(mm_pgalloc(1), 0);
}

TEST(pgalloc_exhaustion_returns_zero_and_freeing_restores_the_count)
{
	struct pginfo_s info = init(), now;
	uintptr_t big = mm_pgalloc((unsigned)info.ntotal);
	EXPECT(big != 0);
	EXPECT_EQ(mm_pgalloc(1), 0);
	mm_pgfree(big, (unsigned)info.ntotal);
	mm_pginfo(&now);
	EXPECT_EQ(now.nfree, info.ntotal);
}

TEST(pgalloc_multi_page_runs_are_contiguous_and_page_aligned)
{
	init();
	uintptr_t a = mm_pgalloc(3), b = mm_pgalloc(5);
	EXPECT_EQ(a % PGSIZE, 0);
	EXPECT_EQ(b, a + 3 * PGSIZE);
	mm_pgfree(a, 3);
	EXPECT_EQ(mm_pgalloc(2), a);
}

TEST(pgalloc_double_free_panics)
{
	init();
	uintptr_t pa = mm_pgalloc(1);
	mm_pgfree(pa, 1);
	jmp_buf target;
	int panicked = 0;
	unit_panic_target = &target;
	if (setjmp(target) == 0)
		mm_pgfree(pa, 1);
	else
		panicked = 1;
	unit_panic_target = NULL;
	EXPECT(panicked);
	EXPECT(strstr(unit_panic_msg, "not an allocated page run") != NULL);
}

#define HUGE (2UL << 20)
#define HUGE_PAGES 512

/* How many bytes of [p, p + n) are not zero. */
static size_t nonzero_bytes(uintptr_t p, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += ((const unsigned char *)p)[i] != 0;
	return count;
}

TEST(pgalloc_aligned_run_starts_on_a_2mib_boundary_and_comes_zeroed)
{
	struct pginfo_s info = init(), now;
	uintptr_t low = mm_pgalloc(1); /* the pool's first page is no boundary, or is taken now */
	memset((void *)mm_pgpool_start(), 0xa5, (size_t)(info.ntotal - 1) * PGSIZE);
	uintptr_t pa = mm_pgalloc_aligned(HUGE_PAGES, HUGE);
	EXPECT(pa != 0);
	EXPECT_EQ(pa % HUGE, 0);
	EXPECT(pa >= mm_pgpool_start() && pa + HUGE <= pool_end());
	EXPECT_EQ(nonzero_bytes(pa, HUGE), 0);
	mm_pginfo(&now);
	EXPECT_EQ(now.nfree, info.nfree - 1 - HUGE_PAGES);
	mm_pgfree(pa, HUGE_PAGES);
	mm_pgfree(low, 1);
}

TEST(pgalloc_aligned_run_takes_the_lowest_boundary_with_a_free_run)
{
	init();
	uintptr_t first = mm_pgalloc_aligned(16, 16 * PGSIZE);
	EXPECT_EQ(first % (16 * PGSIZE), 0);
	EXPECT(first - mm_pgpool_start() < 16 * PGSIZE);
	uintptr_t blocker = first + 16 * PGSIZE + 5 * PGSIZE;
	uintptr_t single;
	do /* take single pages up to the blocker: the next boundary's run is no longer free */
		single = mm_pgalloc(1);
	while (single && single < blocker);
	EXPECT_EQ(single, blocker);
	EXPECT_EQ(mm_pgalloc_aligned(16, 16 * PGSIZE), first + 32 * PGSIZE);
}

TEST(pgalloc_aligned_is_zero_when_pages_are_free_but_no_aligned_run_is)
{
	struct pginfo_s info = init(), now;
	uintptr_t all = mm_pgalloc((unsigned)info.ntotal);
	EXPECT(all != 0);
	/* Free every page but one in each 64: three quarters of the pool, all in short runs. */
	for (uintptr_t pa = all; pa < all + info.ntotal * PGSIZE; pa += PGSIZE)
		if ((pa / PGSIZE) % 64 != 63)
			mm_pgfree(pa, 1);
	mm_pginfo(&now);
	EXPECT(now.nfree > HUGE_PAGES);
	EXPECT_EQ(mm_pgalloc_aligned(HUGE_PAGES, HUGE), 0);
	EXPECT_EQ(mm_pgalloc_aligned(64, 64 * PGSIZE), 0);
	size_t before = now.nfree;
	EXPECT(mm_pgalloc_aligned(32, 64 * PGSIZE) != 0);
	mm_pginfo(&now);
	EXPECT_EQ(now.nfree, before - 32);
}

TEST(pgalloc_aligned_exhaustion_returns_zero_and_freeing_restores_the_count)
{
	struct pginfo_s info = init(), now;
	uintptr_t first = (mm_pgpool_start() + HUGE / 4 - 1) & ~(HUGE / 4 - 1);
	size_t fit = (pool_end() - first) / (HUGE / 4); /* aligned runs the pool holds */
	uintptr_t runs[16];
	size_t n = 0;
	while (n < 16 && (runs[n] = mm_pgalloc_aligned(HUGE_PAGES / 4, HUGE / 4)) != 0)
		n++;
	EXPECT_EQ(n, fit);
	EXPECT_EQ(runs[0], first);
	EXPECT_EQ(mm_pgalloc_aligned(HUGE_PAGES / 4, HUGE / 4), 0);
	EXPECT(mm_pgalloc(1) != 0); /* the ends are left, in short runs */
	while (n > 0)
		mm_pgfree(runs[--n], HUGE_PAGES / 4);
	mm_pginfo(&now);
	EXPECT_EQ(now.nfree, info.ntotal - 1);
}
