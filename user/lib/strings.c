/* <strings.h>: comparing strings without regard to case (ASCII letters, the "C" locale), and
 * BSD's older names for memset and strchr, which older textbooks use. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
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

/* memset(s, 0, n), by its BSD name. */
void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

/* strchr, by its BSD name. */
char *index(const char *s, int c)
{
	return strchr(s, c);
}

/* strrchr, by its BSD name. */
char *rindex(const char *s, int c)
{
	return strrchr(s, c);
}
