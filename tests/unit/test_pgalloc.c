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

#define RAM_PAGES 300

static uintptr_t ram_start(void)
{
	static void *ram;
	if (!ram)
		ram = aligned_alloc(PGSIZE, RAM_PAGES * PGSIZE);
	return (uintptr_t)ram;
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
	EXPECT_EQ(mm_pgpool_end(), mm_pgpool_start() + info.ntotal * PGSIZE);
	EXPECT(mm_pgpool_end() <= ram_start() + RAM_PAGES * PGSIZE);
	EXPECT_EQ(info.ntotal, RAM_PAGES - 1); /* 299 bits fit in one bitmap page */
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
