/* main gets argc, argv and envp laid out as on Linux, with argv[0] the program's name, so the
 * textbook usage line works. Written in GNU C (asm), as a student's program may be. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[], char *envp[])
{
	uintptr_t sp;
	asm volatile("mv %0, sp" : "=r"(sp));
	if (argc != 1 || strcmp(argv[0], "args") != 0 || argv[1] != NULL)
		return 1;
	if (envp != argv + argc + 1 || envp[0] != NULL)
		return 2;
	uint64_t *auxv = (uint64_t *)(envp + 1);
	if (auxv[0] != 0) /* AT_NULL: the auxiliary vector is empty */
		return 3;
	if (((uintptr_t)argv - 8) % 16 != 0) /* the kernel's sp pointed at argc, 16-aligned */
		return 4;
	if ((uintptr_t)argv <= sp || (uintptr_t)argv[0] <= (uintptr_t)argv)
		return 5; /* the arguments sit above main's frame, the string above the vector */
	fprintf(stderr, "usage: %s key\n", argv[0]);
	return 0;
}
