/* Granule allocator: a bitmap first-fit that looks at every free run, never only aligned ones. */
#include "gran.h"

#include "errno.h"

#define WORD_BITS 64
#define FULL_WORD (~(uint64_t)0)

size_t gran_bitmap_words(size_t ngranules)
{
	return (ngranules + WORD_BITS - 1) / WORD_BITS;
}

/* Index of the lowest set bit of w, which is not 0 (no libgcc: the kernel links without it). */
static unsigned lowest_set_bit(uint64_t w)
{
	unsigned i = 0;
	for (; (w & 0xff) == 0; w >>= 8)
		i += 8;
	for (; (w & 1) == 0; w >>= 1)
		i++;
	return i;
}

static int bit_is_set(const struct gran_s *g, size_t i)
{
	return (g->bitmap[i / WORD_BITS] >> (i % WORD_BITS)) & 1;
}

/* The bits of word w that fall in granules [first, first + n). */
static uint64_t word_mask(size_t w, size_t first, size_t n)
{
	size_t lo = first > w * WORD_BITS ? first - w * WORD_BITS : 0;
	size_t hi = first + n < (w + 1) * WORD_BITS ? first + n - w * WORD_BITS : WORD_BITS;
	uint64_t upto_hi = hi == WORD_BITS ? FULL_WORD : ((uint64_t)1 << hi) - 1;
	return upto_hi & ~(((uint64_t)1 << lo) - 1);
}

/* Are granules [first, first + n) all allocated (want 1) or all free (want 0)? A word at a
 * time: attaching 256 pages should not cost 256 bit tests. */
static int range_is(const struct gran_s *g, size_t first, size_t n, int want)
{
	for (size_t w = first / WORD_BITS; w * WORD_BITS < first + n; w++) {
		uint64_t m = word_mask(w, first, n);
		if ((g->bitmap[w] & m) != (want ? m : 0))
			return 0;
	}
	return 1;
}

/* Mark granules [first, first + n) allocated or free, a word at a time. */
static void mark(struct gran_s *g, size_t first, size_t n, int allocated)
{
	for (size_t w = first / WORD_BITS; w * WORD_BITS < first + n; w++) {
		uint64_t m = word_mask(w, first, n);
		if (allocated)
			g->bitmap[w] |= m;
		else
			g->bitmap[w] &= ~m;
	}
	g->nfree = allocated ? g->nfree - n : g->nfree + n;
}

void gran_initialize(struct gran_s *g, uintptr_t base, size_t ngranules, unsigned log2gran,
		     uint64_t *bitmap)
{
	g->base = base;
	g->ngranules = ngranules;
	g->log2gran = log2gran;
	g->nfree = ngranules;
	g->hint = 0;
	g->bitmap = bitmap;
	for (size_t w = 0; w < gran_bitmap_words(ngranules); w++)
		bitmap[w] = 0;
}

/* Translate [addr, addr + size) to granules. Returns 0 if it is aligned and inside the pool. */
static int range_to_granules(const struct gran_s *g, uintptr_t addr, size_t size, size_t *first,
			     size_t *n)
{
	uintptr_t mask = ((uintptr_t)1 << g->log2gran) - 1;
	if (size == 0 || addr < g->base || (addr & mask) != 0)
		return -EINVAL;
	*first = (addr - g->base) >> g->log2gran;
	*n = (size + mask) >> g->log2gran;
	if (*n == 0 || *first >= g->ngranules || *n > g->ngranules - *first)
		return -EINVAL;
	return 0;
}

/* Find one free granule, starting at the hint and wrapping once. Returns its index. */
static size_t find_one(const struct gran_s *g)
{
	size_t words = gran_bitmap_words(g->ngranules);
	size_t w = g->hint / WORD_BITS;
	for (size_t k = 0; k < words; k++, w = (w + 1) % words) {
		if (g->bitmap[w] == FULL_WORD)
			continue;
		size_t i = w * WORD_BITS + lowest_set_bit(~g->bitmap[w]);
		if (i < g->ngranules)
			return i;
	}
	return g->ngranules;
}

/* Find the first run of n free granules. Returns its index, or ngranules if there is none. */
static size_t find_run(const struct gran_s *g, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < g->ngranules; i++) {
		uint64_t word = g->bitmap[i / WORD_BITS];
		if (i % WORD_BITS == 0 && i + WORD_BITS <= g->ngranules &&
		    (word == FULL_WORD || word == 0)) {
			/* A whole word at once: all taken ends the run, all free extends it. */
			run = word ? 0 : run + WORD_BITS;
			i += WORD_BITS - 1;
		} else {
			run = bit_is_set(g, i) ? 0 : run + 1;
		}
		if (run >= n)
			return i + 1 - run; /* where this run of free granules began */
	}
	return g->ngranules;
}

uintptr_t gran_alloc(struct gran_s *g, size_t size)
{
	size_t n = (size + ((size_t)1 << g->log2gran) - 1) >> g->log2gran;
	if (n == 0 || n > g->nfree)
		return 0;
	size_t first = n == 1 ? find_one(g) : find_run(g, n);
	if (first >= g->ngranules)
		return 0;
	mark(g, first, n, 1);
	if (n == 1)
		g->hint = first + 1 < g->ngranules ? first + 1 : 0;
	return g->base + ((uintptr_t)first << g->log2gran);
}

int gran_free(struct gran_s *g, uintptr_t addr, size_t size)
{
	size_t first, n;
	if (range_to_granules(g, addr, size, &first, &n) != 0 || !range_is(g, first, n, 1))
		return -EINVAL;
	mark(g, first, n, 0);
	if (first < g->hint)
		g->hint = first; /* keep low memory in use: next fit restarts at the lowest hole */
	return 0;
}

int gran_reserve(struct gran_s *g, uintptr_t addr, size_t size)
{
	size_t first, n;
	if (range_to_granules(g, addr, size, &first, &n) != 0)
		return -EINVAL;
	if (!range_is(g, first, n, 0))
		return -EBUSY;
	mark(g, first, n, 1);
	return 0;
}
