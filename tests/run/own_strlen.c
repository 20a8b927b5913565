/* Defines its own strlen, as K&R's exercises do, beside the library's printf: the program's
 * definition wins, and the build does not fail on a second one. */
#include <stdio.h>

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n + 1000; /* unlike any library's, so we can tell whose ran */
}

int main(void)
{
	printf("strlen(\"abc\") = %zu\n", strlen("abc"));
	return strlen("abc") == 1003 ? 0 : 1;
}
