/* Memory and string functions, built into the kernel and into the user library alike. */
#include <stddef.h>
#include <stdint.h>

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	/* Whole words when aligned, sixteen at a time: every fresh page is zeroed here, and
	 * a page then costs about 600 instructions (512 stores) instead of 2000. */
	if (((uintptr_t)d & 7) == 0) {
		uint64_t word = (unsigned char)c * 0x0101010101010101ULL;
		for (; n >= 128; n -= 128, d += 128) {
			uint64_t *w = (uint64_t *)(void *)d;
			w[0] = w[1] = w[2] = w[3] = w[4] = w[5] = w[6] = w[7] = word;
			w[8] = w[9] = w[10] = w[11] = w[12] = w[13] = w[14] = w[15] = word;
		}
		for (; n >= 8; n -= 8, d += 8)
			*(uint64_t *)(void *)d = word;
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if ((((uintptr_t)d | (uintptr_t)s) & 7) == 0) {
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n && *a && *a == *b; n--, a++, b++)
		;
	return n ? (unsigned char)*a - (unsigned char)*b : 0;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, SIZE_MAX);
}
