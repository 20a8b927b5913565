/*
 * Granule allocator (NuttX's gran_alloc): hands out runs of equal-sized granules from a range.
 *
 * The bitmap (1 = allocated) lives outside the managed range, so the range need not be
 * mapped or even be memory at all: pgalloc manages physical RAM with it, and each process's
 * shared-memory window is a virtual range managed the same way. A gran_s has no lock of its
 * own; its owner serialises calls.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct gran_s {
	uintptr_t base;    /* address of granule 0, aligned to the granule size */
	size_t ngranules;  /* granules managed */
	unsigned log2gran; /* granule size is 1 << log2gran bytes */
	size_t nfree;      /* granules free now */
	size_t hint;       /* where the next single-granule search starts (next fit) */
	size_t top;        /* every granule from here up is free: a search looks only below */
	uint64_t *bitmap;  /* gran_bitmap_words(ngranules) words, 1 = allocated */
};

/* Words of bitmap needed for ngranules granules. */
size_t gran_bitmap_words(size_t ngranules);

/* Manage ngranules granules of 1 << log2gran bytes from base, all free. bitmap is the caller's
 * storage of gran_bitmap_words(ngranules) words. base must be granule aligned. */
void gran_initialize(struct gran_s *g, uintptr_t base, size_t ngranules, unsigned log2gran,
		     uint64_t *bitmap);

/* Allocate the lowest run of free granules that holds size bytes. Every granule below the
 * next-fit hint is taken, so a single-granule search may start there and still find the
 * lowest. Returns its address, or 0 if no run is long enough (size 0 also gives 0). */
uintptr_t gran_alloc(struct gran_s *g, size_t size);

/* gran_alloc for a run that starts at an address that is a multiple of align (a power of two;
 * 0 or anything up to the granule size asks for no more than gran_alloc does): the lowest such
 * run that holds size bytes, or 0 if none is free. */
uintptr_t gran_alloc_aligned(struct gran_s *g, size_t size, size_t align);

/* Return [addr, addr + size) to the pool. Returns 0, or -EINVAL with nothing changed if the
 * range is unaligned, outside the pool, or not wholly allocated (a double free). */
int gran_free(struct gran_s *g, uintptr_t addr, size_t size);

/* Mark [addr, addr + size) allocated, as if gran_alloc had returned it. Returns 0, -EINVAL
 * if the range is unaligned or outside the pool, or -EBUSY if any granule is taken already;
 * on failure nothing changes. */
int gran_reserve(struct gran_s *g, uintptr_t addr, size_t size);
