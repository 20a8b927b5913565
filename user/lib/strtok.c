/* Splitting a string into tokens separated by delimiter characters. */
#include <string.h>

/* The next token of s (of the string left in *save when s is NULL), NUL-terminated in place;
 * NULL when only delimiters are left. *save keeps the place for the next call. */
char *strtok_r(char *s, const char *delim, char **save)
{
	if (!s)
		s = *save;
	if (!s)
		return NULL;
	s += strspn(s, delim);
	if (!*s) {
		*save = s;
		return NULL;
	}
	char *end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*save = end;
	return s;
}

/* strtok_r with one place kept for the whole program, so one string at a time. */
char *strtok(char *s, const char *delim)
{
	static char *save;
	return strtok_r(s, delim, &save);
}
