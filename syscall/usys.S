# User-side system-call stubs, one per line of syscalls.def: load the number, ecall, and turn
# a negative errno result into errno and -1 (in __syscall_return, user/lib/errno.c).
# The stubs are weak, so a program may define a function of the same name for itself.
#define SYSCALL(nr, name, params, args) \
	.weak name; \
	.type name, @function; \
name: \
	li a7, nr; \
	ecall; \
	j __syscall_return;

	.section .text
#include "syscalls.def"

# exit() is the syscall; _exit() is its POSIX name for "no clean-up first".
	.weak _exit
	.set _exit, exit
