/* Case-insensitive comparison ("C" locale: ASCII letters only), and the old BSD names of three
 * <string.h> functions. */
#pragma once

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
void bzero(void *s, size_t n);      /* memset(s, 0, n) */
char *index(const char *s, int c);  /* strchr */
char *rindex(const char *s, int c); /* strrchr */
