# A user program starts here: sp is the top of its stack, every other register is zero.
	.section .text.start
	.globl _start
_start:
	.option push
	.option norelax
	la gp, __global_pointer$
	.option pop
	li a0, 0                    # argc
	li a1, 0                    # argv
	call main
	call exit                   # returning from main is exit(main's value)
