/* The physical page allocator (NuttX's mm_pgalloc), a granule allocator over free RAM. */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct pginfo_s {
	size_t ntotal; /* pages in the pool */
	size_t nfree;  /* pages free now */
};

/* Manage the RAM in [start, end): the bitmap takes the first pages, the pool the rest. */
void mm_pginitialize(uintptr_t start, uintptr_t end);

/* Allocate npages physically contiguous pages, zeroed. Returns their physical address, or 0
 * if no run that long is free. */
uintptr_t mm_pgalloc(unsigned npages);

/* mm_pgalloc for a run that starts at a physical address that is a multiple of align (a power
 * of two): 512 pages aligned to 2 MiB make a huge page. Returns 0 if no such run is free,
 * however many pages are. */
uintptr_t mm_pgalloc_aligned(unsigned npages, size_t align);

/* Free npages pages from mm_pgalloc. Freeing a page that is not allocated is a kernel bug,
 * and panics. */
void mm_pgfree(uintptr_t pa, unsigned npages);

/* How many pages there are, and how many are free. */
void mm_pginfo(struct pginfo_s *info);

/* The first physical address of RAM the pool manages. */
uintptr_t mm_pgpool_start(void);
