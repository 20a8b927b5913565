# The kernel's first instructions. OpenSBI jumps here in S-mode with a0 = hart id and
# a1 = the device tree's physical address, paging off, interrupts off.
#
# One hart wins the boot lottery and runs kmain(); any other hart that arrives parks.
	.section .text.boot
	.globl _start
_start:
	la t0, boot_lottery
	li t1, 1
	amoswap.w t1, t1, (t0)
	bnez t1, park

	csrw sie, zero
	csrw sscratch, zero         # sscratch == 0 means "trapped from the kernel"
	la sp, boot_stack_top
	mv tp, zero                 # cpus[0] is the boot hart

	la t0, _sbss                # C expects a zeroed bss
	la t1, _ebss
1:	bgeu t0, t1, 2f
	sd zero, (t0)
	addi t0, t0, 8
	j 1b
2:	call kmain                  # kmain(hartid, dtb) never returns

# Secondary harts wait here, with interrupts off, until rvshm learns SMP.
park:
	csrw sie, zero
3:	wfi
	j 3b

	.section .bss
	.balign 16
boot_stack:
	.space 16384
boot_stack_top:

	.section .data
	.balign 4
boot_lottery:
	.word 0
