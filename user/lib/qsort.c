/* qsort, as a heapsort: at most about 2 n log2 n comparisons whatever the order of the input,
 * no recursion and no memory besides the array, which suits a small user stack. Like glibc's
 * qsort it is not stable: equal elements may change places. */
#include <stdlib.h>

typedef int compare_fn(const void *, const void *);

/* Exchange the size bytes at a and b. */
static void swap(char *a, char *b, size_t size)
{
	for (; size; size--, a++, b++) {
		char t = *a;
		*a = *b;
		*b = t;
	}
}

/* Move element root down until the subtree under it, within the first n elements, is a heap
 * (each element at least as large as its children). */
static void sift_down(char *base, size_t root, size_t n, size_t size, compare_fn *cmp)
{
	for (size_t child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
	}
}

/* Build a heap, then move its largest element to the end of the shrinking heap, n - 1 times. */
void qsort(void *base, size_t n, size_t size, compare_fn *cmp)
{
	char *b = base;
	for (size_t i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp);
	for (size_t end = n; end-- > 1;) {
		swap(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}
