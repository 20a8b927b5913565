/* Memory and string functions: the basic ones are lib/string.c, shared with the kernel;
 * the rest are the user library's (user/lib/). */
#pragma once

#include <stddef.h>
#include <strings.h> /* strcasecmp, strncasecmp: glibc declares them here too */

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
size_t strnlen(const char *s, size_t max);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
void *memchr(const void *s, int c, size_t n);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
char *strsep(char **s, const char *delim);
#ifdef _GNU_SOURCE
void *memrchr(const void *s, int c, size_t n);
#endif
char *strerror(int errnum);
char *strsignal(int sig);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **save);
