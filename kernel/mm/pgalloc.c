/*
 * Physical pages come from one granule allocator whose granule is a page. The bitmap is the
 * truth; single-page requests, by far the most common, start at gran's next-fit hint, so they
 * find a free page in O(1) amortised time instead of rescanning full words from the bottom.
 * A huge page is a run of 512 pages that starts on a 2 MiB boundary of physical memory: the
 * same search, asked to try only such starts. Free memory may be plentiful and still hold no
 * such run (fragmentation): then the request fails.
 */
#include "pgalloc.h"

#include "gran.h"
#include "kernel.h"
#include "lib/string.h"
#include "memlayout.h"
#include "spinlock.h"

static struct gran_s pool;
static struct spinlock pool_lock = SPINLOCK_INIT("pgalloc");

void mm_pginitialize(uintptr_t start, uintptr_t end)
{
	start = PGROUNDUP(start);
	end = PGROUNDDOWN(end);
	/* n pages need n bits of bitmap; solve for n with the bitmap carved from the front. */
	size_t n = (end - start) / PGSIZE;
	size_t bitmap_pages;
	for (;;) {
		bitmap_pages = PGROUNDUP(gran_bitmap_words(n) * sizeof(uint64_t)) / PGSIZE;
		if (bitmap_pages + n <= (end - start) / PGSIZE)
			break;
		n--;
	}
	gran_initialize(&pool, start + bitmap_pages * PGSIZE, n, PGSHIFT, (uint64_t *)start);
}

uintptr_t mm_pgalloc_aligned(unsigned npages, size_t align)
{
	spin_lock(&pool_lock);
	uintptr_t pa = gran_alloc_aligned(&pool, (size_t)npages * PGSIZE, align);
	spin_unlock(&pool_lock);
	if (pa)
		memset((void *)pa, 0, (size_t)npages * PGSIZE);
	return pa;
}

uintptr_t mm_pgalloc(unsigned npages)
{
	return mm_pgalloc_aligned(npages, PGSIZE);
}

void mm_pgfree(uintptr_t pa, unsigned npages)
{
	spin_lock(&pool_lock);
	int err = gran_free(&pool, pa, (size_t)npages * PGSIZE);
	spin_unlock(&pool_lock);
	if (err)
		panic("mm_pgfree: 0x%lx (+%u pages) is not an allocated page run", pa, npages);
}

void mm_pginfo(struct pginfo_s *info)
{
	spin_lock(&pool_lock);
	info->ntotal = pool.ngranules;
	info->nfree = pool.nfree;
	spin_unlock(&pool_lock);
}

uintptr_t mm_pgpool_start(void)
{
	return pool.base;
}
