/* Case-insensitive comparison ("C" locale: ASCII letters only). */
#pragma once

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
