# setjmp and longjmp (user/include/setjmp.h): save and restore the registers a call preserves.
# The offsets are those of struct __jmp_buf_tag: ra, s0-s11, sp, fs0-fs11, then the mask flag.
	.section .text
	.globl setjmp, _setjmp, sigsetjmp, longjmp, _longjmp, siglongjmp
	.type setjmp, @function
	.type _setjmp, @function
	.type sigsetjmp, @function
	.type longjmp, @function
	.type _longjmp, @function
	.type siglongjmp, @function

# int sigsetjmp(sigjmp_buf env, int savemask): as setjmp, noting savemask (no mask to save).
sigsetjmp:
	sw a1, 208(a0)
	j 1f
# int setjmp(jmp_buf env), and _setjmp, which on Linux leaves the signal mask alone.
setjmp:
_setjmp:
	sw zero, 208(a0)
1:	sd ra, 0(a0)
	sd s0, 8(a0)
	sd s1, 16(a0)
	sd s2, 24(a0)
	sd s3, 32(a0)
	sd s4, 40(a0)
	sd s5, 48(a0)
	sd s6, 56(a0)
	sd s7, 64(a0)
	sd s8, 72(a0)
	sd s9, 80(a0)
	sd s10, 88(a0)
	sd s11, 96(a0)
	sd sp, 104(a0)
	fsd fs0, 112(a0)
	fsd fs1, 120(a0)
	fsd fs2, 128(a0)
	fsd fs3, 136(a0)
	fsd fs4, 144(a0)
	fsd fs5, 152(a0)
	fsd fs6, 160(a0)
	fsd fs7, 168(a0)
	fsd fs8, 176(a0)
	fsd fs9, 184(a0)
	fsd fs10, 192(a0)
	fsd fs11, 200(a0)
	li a0, 0
	ret

# void longjmp(jmp_buf env, int val): return from env's setjmp again, with val (0 becomes 1).
longjmp:
_longjmp:
siglongjmp:
	ld ra, 0(a0)
	ld s0, 8(a0)
	ld s1, 16(a0)
	ld s2, 24(a0)
	ld s3, 32(a0)
	ld s4, 40(a0)
	ld s5, 48(a0)
	ld s6, 56(a0)
	ld s7, 64(a0)
	ld s8, 72(a0)
	ld s9, 80(a0)
	ld s10, 88(a0)
	ld s11, 96(a0)
	ld sp, 104(a0)
	fld fs0, 112(a0)
	fld fs1, 120(a0)
	fld fs2, 128(a0)
	fld fs3, 136(a0)
	fld fs4, 144(a0)
	fld fs5, 152(a0)
	fld fs6, 160(a0)
	fld fs7, 168(a0)
	fld fs8, 176(a0)
	fld fs9, 184(a0)
	fld fs10, 192(a0)
	fld fs11, 200(a0)
	seqz a0, a1
	add a0, a0, a1
	ret
