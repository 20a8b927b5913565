# long syscall(long number, ...): any system call by number, as on Linux.
	.section .text
	.globl syscall
syscall:
	mv a7, a0
	mv a0, a1
	mv a1, a2
	mv a2, a3
	mv a3, a4
	mv a4, a5
	mv a5, a6
	ecall
	li t0, -4096
	bgtu a0, t0, __syscall_error
	ret
