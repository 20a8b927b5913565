/* argv[0] is the whole file name, however long, not the kernel's 15-character task name. */
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[])
{
	printf("argv[0] = %s\n", argv[0]);
	return argc == 1 && strcmp(argv[0], "a_program_with_a_long_name_for_argv") == 0 ? 0 : 1;
}
