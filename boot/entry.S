# The kernel's first instructions. Every hart enters at _start in S-mode with a0 = its hart id,
# paging off, interrupts off. OpenSBI starts one hart here, with a1 = the device tree's physical
# address; the kernel starts the others through SBI HSM, at this same address. The first hart
# to arrive boots the kernel and the later ones join it, so a hart that OpenSBI sends here by
# mistake joins too (see _start).
#
# tp holds the hart id while in the kernel: cpus[tp] is this hart's struct cpu (kernel/cpu.h).
# Each hart runs on its own boot stack, which its scheduler keeps for good.

#include "memlayout.h"

	.section .text.boot
	.globl _start
_start:
	# The first hart here boots the kernel; any later one was started through SBI HSM and
	# joins. One entry for all is what makes a start safe on OpenSBI before 1.3: it marks a
	# hart as starting before it stores the hart's entry address, and a hart that sees the
	# mark in between leaves with the address OpenSBI gave the boot hart, this one.
	la t0, boot_lottery
	li t1, 1
	amoswap.w t1, t1, (t0)
	bnez t1, secondary

	la t0, _sbss                # C expects a zeroed bss: before any hart uses it
	la t1, _ebss
1:	bgeu t0, t1, 2f
	sd zero, (t0)
	addi t0, t0, 8
	j 1b
2:	call enter                  # sets up this hart from a0, then returns to
	call kmain                  # kmain(hartid, dtb), which never returns

secondary:
	call enter
	call hart_main              # hart_main(hartid) (kernel/smp.c) never returns

# enter: interrupts off, "trapped from the kernel" in sscratch, tp = a0 (the hart id), and
# sp at the top of this hart's boot stack. Keeps a0 and a1. A hart id of NCPU or more parks.
enter:
	csrw sie, zero
	csrw sscratch, zero         # sscratch == 0 means "trapped from the kernel"
	li t0, NCPU
	bgeu a0, t0, park
	mv tp, a0
	addi t0, a0, 1
	li t1, BOOT_STACK_SIZE
	mul t0, t0, t1
	la sp, boot_stacks
	add sp, sp, t0
	ret

park:
	csrw sie, zero
3:	wfi
	j 3b

	.section .bss
	.balign 16
boot_stacks:
	.space BOOT_STACK_SIZE * NCPU

	.section .data
	.balign 4
boot_lottery:
	.word 0
