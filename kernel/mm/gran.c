/* Granule allocator: a bitmap first fit that looks at every free run, or at every run that
 * starts on a boundary the caller asks for (a 2 MiB-aligned run of pages for a huge page). */
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

/* Index of the highest set bit of w, which is not 0. */
static unsigned highest_set_bit(uint64_t w)
{
	unsigned i = WORD_BITS - 1;
	for (; (w >> 56) == 0; w <<= 8)
		i -= 8;
	for (; (w >> 63) == 0; w <<= 1)
		i--;
	return i;
}

/* Granules [first, first + n), n > 0, in bitmap words: words lo to hi, with the range's bits in
 * word lo (head) and in word hi (tail); when lo == hi, both are the range's bits there. */
struct span {
	size_t lo, hi;
	uint64_t head, tail;
};

static struct span span_of(size_t first, size_t n)
{
	size_t last = first + n - 1;
	struct span s = { first / WORD_BITS, last / WORD_BITS, FULL_WORD << (first % WORD_BITS),
			  FULL_WORD >> (WORD_BITS - 1 - last % WORD_BITS) };
	if (s.lo == s.hi)
		s.head = s.tail = s.head & s.tail;
	return s;
}

/* Are the eight words from b all v? Whole words go eight at a time: a huge page's 512 pages are
 * eight words, and attaching 256 MiB should not cost 65,536 bit tests. */
static int eight_are(const uint64_t *b, uint64_t v)
{
	return ((b[0] ^ v) | (b[1] ^ v) | (b[2] ^ v) | (b[3] ^ v) | (b[4] ^ v) | (b[5] ^ v) |
		(b[6] ^ v) | (b[7] ^ v)) == 0;
}

/* Are granules [first, first + n) all allocated (want 1) or all free (want 0)? */
static int range_is(const struct gran_s *g, size_t first, size_t n, int want)
{
	struct span s = span_of(first, n);
	const uint64_t *b = g->bitmap;
	uint64_t v = want ? FULL_WORD : 0;
	if ((b[s.lo] & s.head) != (v & s.head) || (b[s.hi] & s.tail) != (v & s.tail))
		return 0;
	size_t w = s.lo + 1;
	for (; w + 8 <= s.hi; w += 8)
		if (!eight_are(&b[w], v))
			return 0;
	for (; w < s.hi; w++)
		if (b[w] != v)
			return 0;
	return 1;
}

/* Mark granules [first, first + n) allocated or free: the end words bit by bit, the whole
 * words between eight at a time. */
static void mark(struct gran_s *g, size_t first, size_t n, int allocated)
{
	struct span s = span_of(first, n);
	uint64_t *b = g->bitmap;
	uint64_t v = allocated ? FULL_WORD : 0;
	b[s.lo] = (b[s.lo] & ~s.head) | (v & s.head);
	b[s.hi] = (b[s.hi] & ~s.tail) | (v & s.tail);
	size_t w = s.lo + 1;
	for (; w + 8 <= s.hi; w += 8) {
		b[w] = b[w + 1] = b[w + 2] = b[w + 3] = v;
		b[w + 4] = b[w + 5] = b[w + 6] = b[w + 7] = v;
	}
	for (; w < s.hi; w++)
		b[w] = v;
	g->nfree = allocated ? g->nfree - n : g->nfree + n;
	if (allocated && first + n > g->top)
		g->top = first + n;
	else if (!allocated && first + n == g->top)
		g->top = first; /* still true of every granule above, and cheap to know */
}

void gran_initialize(struct gran_s *g, uintptr_t base, size_t ngranules, unsigned log2gran,
		     uint64_t *bitmap)
{
	g->base = base;
	g->ngranules = ngranules;
	g->log2gran = log2gran;
	g->nfree = ngranules;
	g->hint = 0;
	g->top = 0;
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

/* The lowest free granule at or after i, or ngranules (or a little past it) if none is.
 * Whole taken words are passed over at once. */
static size_t next_free(const struct gran_s *g, size_t i)
{
	while (i < g->ngranules) {
		uint64_t free = ~g->bitmap[i / WORD_BITS] >> (i % WORD_BITS);
		if (free)
			return i + lowest_set_bit(free);
		i = (i / WORD_BITS + 1) * WORD_BITS;
	}
	return g->ngranules;
}

/* The highest taken granule in [first, first + n), or SIZE_MAX if every one is free. From the
 * top down, the whole words eight at a time: a run that fails can only start past the
 * granule this finds. */
static size_t last_taken(const struct gran_s *g, size_t first, size_t n)
{
	if (first >= g->top)
		return SIZE_MAX; /* a fresh range, as much of the window is: nothing to look at */
	struct span s = span_of(first, n < g->top - first ? n : g->top - first);
	const uint64_t *b = g->bitmap;
	size_t w = s.hi;
	uint64_t taken = b[w] & s.tail;
	if (!taken && s.lo < s.hi) {
		w = s.hi - 1;
		while (w >= s.lo + 8 && eight_are(&b[w - 7], 0))
			w -= 8;
		while (w > s.lo && !b[w])
			w--;
		taken = w > s.lo ? b[w] : b[s.lo] & s.head;
	}
	return taken ? w * WORD_BITS + highest_set_bit(taken) : SIZE_MAX;
}

/* The lowest granule index at or after i that is phase modulo align (a power of two). */
static size_t align_up(size_t i, size_t align, size_t phase)
{
	return i <= phase ? phase : phase + ((i - phase + align - 1) & ~(align - 1));
}

/* Find the first run of n free granules whose index is phase modulo align: the runs that start
 * at an aligned address. Each try that fails jumps past the highest taken granule it met, to
 * the next free one, so no hole is missed and none is looked at twice. Returns the run's
 * index, or ngranules if there is none. */
static size_t find_run(const struct gran_s *g, size_t n, size_t align, size_t phase)
{
	size_t first = align_up(next_free(g, 0), align, phase);
	while (first < g->ngranules && n <= g->ngranules - first) {
		size_t taken = last_taken(g, first, n);
		if (taken == SIZE_MAX)
			return first;
		first = align_up(next_free(g, taken + 1), align, phase);
	}
	return g->ngranules;
}

uintptr_t gran_alloc_aligned(struct gran_s *g, size_t size, size_t align)
{
	size_t gran = (size_t)1 << g->log2gran;
	size_t n = (size + gran - 1) >> g->log2gran;
	if (n == 0 || n > g->nfree)
		return 0;
	int single = n == 1 && align <= gran; /* next fit from the hint will do */
	size_t first;
	if (align <= gran) {
		first = single ? find_one(g) : find_run(g, n, 1, 0);
	} else {
		align >>= g->log2gran; /* in granules from here on */
		/* The range need not start on a boundary: count from the first granule that does. */
		first = find_run(g, n, align, (align - (g->base >> g->log2gran) % align) % align);
	}
	if (first >= g->ngranules)
		return 0;
	mark(g, first, n, 1);
	if (single)
		g->hint = first + 1 < g->ngranules ? first + 1 : 0;
	return g->base + ((uintptr_t)first << g->log2gran);
}

uintptr_t gran_alloc(struct gran_s *g, size_t size)
{
	return gran_alloc_aligned(g, size, 0);
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
