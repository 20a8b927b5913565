# User-side system-call stubs, one per line of syscalls.def: load the number, ecall, and turn
# a result from -4095 to -1 (a negative errno) into errno and -1 (__syscall_error, in
# user/lib/errno.c). Success returns straight away.
# The stubs are weak, so a program may define a function of the same name for itself.
#define SYSCALL(nr, name, params, args) \
	.weak name; \
	.type name, @function; \
name: \
	li a7, nr; \
	ecall; \
	li t0, -4096; \
	bgtu a0, t0, __syscall_error; \
	ret;

	.section .text
/* exit() is the C library's (user/lib/exit.c: atexit handlers, then stdio's held output).
 * POSIX's _exit, "end now, with no clean-up", ends the whole process: it is exit_group's stub,
 * as in glibc. The exit system call ends the calling thread alone: pthread_exit's. */
#define exit __exit_thread
#define exit_group _exit
/* The C library wraps these, and the raw calls are its own. */
#define futex __futex
#define thread_create __thread_create
#define sched_getaffinity __sched_getaffinity
#define fork __fork
#include "syscalls.def"
