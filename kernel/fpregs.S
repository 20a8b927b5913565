# Save, load and zero the 32 FP registers and fcsr: the only FP instructions in the kernel,
# which is otherwise built for rv64imac (no F or D) so that the compiler cannot emit one.
# The layout is struct fpstate in kernel/fpu.h: f0..f31, then fcsr.
	.section .text
	.option push
	.option arch, +d

	.globl fpregs_save
fpregs_save:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fsd f\n, (8 * \n)(a0)
	.endr
	frcsr t0
	sd t0, 256(a0)
	ret

	.globl fpregs_load
fpregs_load:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fld f\n, (8 * \n)(a0)
	.endr
	ld t0, 256(a0)
	fscsr t0
	ret

	.globl fpregs_zero
fpregs_zero:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	fmv.d.x f\n, zero
	.endr
	fscsr zero
	ret

	.option pop
