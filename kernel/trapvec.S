# Every trap enters at trap_vector (stvec, direct mode).
#
# sscratch says where we came from: in U-mode it holds the running process's trapframe, which
# sits at the top of its kernel stack; in the kernel it holds 0. The kernel is mapped in every
# page table, so neither direction switches satp.

#define REG(n) (8 * (n))
#define KERNEL_TP 256
#define KFRAME 144

	.section .text
	.globl trap_vector
	.balign 4
trap_vector:
	csrrw sp, sscratch, sp      # sp = trapframe (from U) or 0 (from S); sscratch = old sp
	beqz sp, from_kernel

	sd ra, REG(1)(sp)
	sd gp, REG(3)(sp)
	sd tp, REG(4)(sp)
	sd t0, REG(5)(sp)
	sd t1, REG(6)(sp)
	sd t2, REG(7)(sp)
	sd s0, REG(8)(sp)
	sd s1, REG(9)(sp)
	sd a0, REG(10)(sp)
	sd a1, REG(11)(sp)
	sd a2, REG(12)(sp)
	sd a3, REG(13)(sp)
	sd a4, REG(14)(sp)
	sd a5, REG(15)(sp)
	sd a6, REG(16)(sp)
	sd a7, REG(17)(sp)
	sd s2, REG(18)(sp)
	sd s3, REG(19)(sp)
	sd s4, REG(20)(sp)
	sd s5, REG(21)(sp)
	sd s6, REG(22)(sp)
	sd s7, REG(23)(sp)
	sd s8, REG(24)(sp)
	sd s9, REG(25)(sp)
	sd s10, REG(26)(sp)
	sd s11, REG(27)(sp)
	sd t3, REG(28)(sp)
	sd t4, REG(29)(sp)
	sd t5, REG(30)(sp)
	sd t6, REG(31)(sp)
	csrr t0, sscratch
	sd t0, REG(2)(sp)           # the user's sp
	csrr t0, sepc
	sd t0, REG(0)(sp)
	csrw sscratch, zero         # now in the kernel
	ld tp, KERNEL_TP(sp)
	mv s0, zero                 # end of the frame-pointer chain for backtraces
	mv a0, sp                   # user_trap(tf); the kernel stack grows down from tf
	call user_trap              # does not return: it ends in user_return

# user_return(tf): restore the user's registers from tf and sret to sepc.
	.globl user_return
user_return:
	csrw sscratch, a0
	ld t0, REG(0)(a0)
	csrw sepc, t0
	ld ra, REG(1)(a0)
	ld sp, REG(2)(a0)
	ld gp, REG(3)(a0)
	ld tp, REG(4)(a0)
	ld t0, REG(5)(a0)
	ld t1, REG(6)(a0)
	ld t2, REG(7)(a0)
	ld s0, REG(8)(a0)
	ld s1, REG(9)(a0)
	ld a1, REG(11)(a0)
	ld a2, REG(12)(a0)
	ld a3, REG(13)(a0)
	ld a4, REG(14)(a0)
	ld a5, REG(15)(a0)
	ld a6, REG(16)(a0)
	ld a7, REG(17)(a0)
	ld s2, REG(18)(a0)
	ld s3, REG(19)(a0)
	ld s4, REG(20)(a0)
	ld s5, REG(21)(a0)
	ld s6, REG(22)(a0)
	ld s7, REG(23)(a0)
	ld s8, REG(24)(a0)
	ld s9, REG(25)(a0)
	ld s10, REG(26)(a0)
	ld s11, REG(27)(a0)
	ld t3, REG(28)(a0)
	ld t4, REG(29)(a0)
	ld t5, REG(30)(a0)
	ld t6, REG(31)(a0)
	ld a0, REG(10)(a0)
	sret

# A trap taken in S-mode: an interrupt while idle, or a kernel bug. Save what a C call may
# clobber on the current kernel stack, let kernel_trap() decide, and resume.
from_kernel:
	csrrw sp, sscratch, sp      # sp = kernel sp again, sscratch = 0
	addi sp, sp, -KFRAME
	sd ra, 0(sp)
	sd t0, 8(sp)
	sd t1, 16(sp)
	sd t2, 24(sp)
	sd a0, 32(sp)
	sd a1, 40(sp)
	sd a2, 48(sp)
	sd a3, 56(sp)
	sd a4, 64(sp)
	sd a5, 72(sp)
	sd a6, 80(sp)
	sd a7, 88(sp)
	sd t3, 96(sp)
	sd t4, 104(sp)
	sd t5, 112(sp)
	sd t6, 120(sp)
	sd s0, 128(sp)
	addi s0, sp, KFRAME         # a frame record, so a panic's backtrace goes through the trap
	csrr a0, sepc
	sd a0, 136(sp)
	call kernel_trap
	ld a0, 136(sp)
	csrw sepc, a0
	ld ra, 0(sp)
	ld t0, 8(sp)
	ld t1, 16(sp)
	ld t2, 24(sp)
	ld a0, 32(sp)
	ld a1, 40(sp)
	ld a2, 48(sp)
	ld a3, 56(sp)
	ld a4, 64(sp)
	ld a5, 72(sp)
	ld a6, 80(sp)
	ld a7, 88(sp)
	ld t3, 96(sp)
	ld t4, 104(sp)
	ld t5, 112(sp)
	ld t6, 120(sp)
	ld s0, 128(sp)
	addi sp, sp, KFRAME
	sret
