/* Input from streams. The kernel has no read syscall and programs have no console input, so
 * every stream meets end-of-file at once: these calls answer as glibc's do at end-of-file. */
#include <stdio.h>

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
