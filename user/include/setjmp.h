/* Non-local jumps: setjmp keeps what a later longjmp needs to return from it a second time.
 * That is the registers the RISC-V psABI says a call preserves: ra (where to return), s0 to
 * s11, sp, and fs0 to fs11 (lp64d), laid out as glibc lays them out for riscv64. rvshm has
 * no signal handlers and so no signal mask: sigsetjmp and siglongjmp are setjmp and longjmp,
 * keeping only whether a mask was asked to be saved. */
#pragma once

typedef struct __jmp_buf_tag {
	long __pc;       /* ra: setjmp's return address */
	long __regs[12]; /* s0 to s11 */
	long __sp;
	double __fpregs[12];  /* fs0 to fs11 */
	int __mask_was_saved; /* sigsetjmp's savemask, which has no mask to save here */
} jmp_buf[1];
typedef jmp_buf sigjmp_buf;

/* Save the caller's context in env and return 0; return again, with val, when longjmp(env,
 * val) is called (val 0 comes back as 1). The function that called setjmp must not have
 * returned by then. */
__attribute__((returns_twice)) int setjmp(jmp_buf env);
__attribute__((returns_twice)) int _setjmp(jmp_buf env);
__attribute__((returns_twice)) int sigsetjmp(sigjmp_buf env, int savemask);
__attribute__((noreturn)) void longjmp(jmp_buf env, int val);
__attribute__((noreturn)) void _longjmp(jmp_buf env, int val);
__attribute__((noreturn)) void siglongjmp(sigjmp_buf env, int val);
