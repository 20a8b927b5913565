/* A program starts with every FP register and fcsr zero (the Initial state), whatever the
 * programs before it left in the hart's registers. */
#include <stdio.h>

#include "fpregs.h"

int main(void)
{
	struct fpregs r;
	fp_dump(&r); /* first of all: nothing of this program has touched FP yet */
	int zero = r.fcsr == 0;
	for (int i = 0; i < 32; i++)
		zero &= r.f[i] == 0;
	printf("%s a_new_program_starts_with_zeroed_fp_registers\n", zero ? "PASS" : "FAIL");
	return !zero;
}
