/* main gets argc, argv and envp as on Linux, with argv[0] the program's name, so the
 * textbook usage line works. Written in GNU C (asm), as a student's program may be. */
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[], char *envp[])
{
	unsigned long sp;
	asm volatile("mv %0, sp" : "=r"(sp));
	if (argc != 1 || strcmp(argv[0], "args") != 0 || argv[1] != NULL || envp[0] != NULL)
		return 1;
	if ((unsigned long)argv <= sp) /* the arguments sit above main's frame */
		return 2;
	fprintf(stderr, "usage: %s key\n", argv[0]);
	return 0;
}
