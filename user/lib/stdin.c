/* Input from streams. The kernel has no read syscall and programs have no console input, so
 * every stream meets end-of-file at once: these calls answer as glibc's do at end-of-file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* The next character of f, or EOF: always EOF here. */
int fgetc(FILE *f)
{
	(void)f;
	return EOF;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

/* Read a line of at most n - 1 characters, its newline included, into s. Returns s, or NULL
 * when end-of-file comes before any character. */
char *fgets(char *s, int n, FILE *f)
{
	int len = 0, c = 0;
	while (len < n - 1 && c != '\n' && (c = fgetc(f)) != EOF)
		s[len++] = (char)c;
	if (len == 0)
		return NULL;
	s[len] = '\0';
	return s;
}

/* End-of-file before the first conversion: EOF, with nothing assigned. */
int scanf(const char *fmt, ...)
{
	(void)fmt;
	return EOF;
}

/* Read a line into s, dropping its newline; s must be big enough, which no caller can know. */
char *gets(char *s)
{
	int len = 0, c;
	while ((c = getchar()) != EOF && c != '\n')
		s[len++] = (char)c;
	if (c == EOF && len == 0)
		return NULL;
	s[len] = '\0';
	return s;
}

/* Read up to and including delim into *line, of *n bytes, which it reallocs as it needs.
 * Returns the length read, or -1 at end-of-file, or on an error, with errno set. */
ssize_t getdelim(char **line, size_t *n, int delim, FILE *f)
{
	if (line == NULL || n == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (f != stdin) { /* stdout and stderr are open for writing only */
		errno = EBADF;
		return -1;
	}
	size_t len = 0;
	int c = 0;
	while (c != delim && (c = fgetc(f)) != EOF) {
		if (len + 2 > *n) { /* room for c and the '\0' */
			size_t size = *n < 64 ? 128 : 2 * *n;
			char *p = realloc(*line, size);
			if (p == NULL)
				return -1;
			*line = p;
			*n = size;
		}
		(*line)[len++] = (char)c;
	}
	if (len == 0)
		return -1;
	(*line)[len] = '\0';
	return (ssize_t)len;
}

/* getdelim up to a newline. */
ssize_t getline(char **line, size_t *n, FILE *f)
{
	return getdelim(line, n, '\n', f);
}
