/* Spans of a string over a set of characters: strspn, strcspn, strpbrk. */
#include <string.h>

/* The length of the prefix of s made only of characters in accept. */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;
	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

/* The length of the prefix of s made only of characters not in reject. */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;
	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/* The first character of s that is in accept, or NULL. */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}
