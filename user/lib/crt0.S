# A user program starts here. The kernel leaves sp pointing at argc, as Linux does:
#   sp -> argc, argv[0] .. argv[argc - 1], NULL, envp[0] .. NULL, auxv .. AT_NULL
	.section .text.start
	.globl _start
_start:
	.option push
	.option norelax
	la gp, __global_pointer$
	.option pop
	ld a0, 0(sp)                # argc
	addi a1, sp, 8              # argv
	slli a2, a0, 3
	add a2, a2, a1
	addi a2, a2, 8              # envp: just past argv's NULL
	call __libc_start           # user/lib/start.c: set up, then main
	call exit                   # returning from main is exit(main's value)
