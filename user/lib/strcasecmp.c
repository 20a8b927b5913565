/* Comparing strings without regard to case (ASCII letters, the "C" locale). */
#include <ctype.h>
#include <stdint.h>
#include <strings.h>

/* Compare at most n characters, each as if lower case: <0, 0 or >0 like strncmp. */
int strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int d = tolower((unsigned char)*a) - tolower((unsigned char)*b);
		if (d || !*a)
			return d;
	}
	return 0;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, SIZE_MAX);
}
