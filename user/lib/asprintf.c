/* asprintf: printf into a string of just the size it needs, measured by a first vsnprintf. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int vasprintf(char **strp, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int len = vsnprintf(NULL, 0, fmt, ap);
	char *s = len < 0 ? NULL : malloc((size_t)len + 1);
	if (s != NULL)
		vsnprintf(s, (size_t)len + 1, fmt, again);
	va_end(again);
	if (s == NULL)
		return -1;
	*strp = s;
	return len;
}

int asprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vasprintf(strp, fmt, ap);
	va_end(ap);
	return len;
}
