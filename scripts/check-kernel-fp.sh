#!/bin/sh
# Does the kernel leave the FP registers alone? It is built for rv64imac, so the compiler
# cannot emit an FP instruction; this checks the linked image too: every FP instruction, and
# every access to fcsr, frm or fflags, must lie in kernel/fpregs.S's three functions, which
# save, load and zero a process's registers. Usage: check-kernel-fp.sh OBJDUMP KERNEL-ELF
objdump=$1 elf=$2
# objdump's fields are tab-separated: address, the instruction's bytes, mnemonic, operands. The
# mnemonic is matched alone, so that bytes such as fadd (a compressed bnez) do not count.
"$objdump" -d "$elf" | awk -F '\t' '
	/^[0-9a-f]+ <.*>:$/ { split($0, header, " "); fn = header[2] }
	$3 ~ /^(f(l|s)[wdhq]|fmv|fadd|fsub|fmul|fdiv|fsqrt|fmin|fmax|fcvt|fsgnj|feq|flt|fle|fclass|fn?m(add|sub)|frcsr|fscsr|frrm|fsrm|frflags|fsflags)([.]|$)/ ||
	($3 ~ /^csr/ && $4 ~ /(fcsr|frm|fflags)/) {
		n++
		if (fn !~ /^<fpregs_(save|load|zero)>:$/) { print "FP instruction in " fn ": " $0; bad = 1 }
	}
	END { if (n == 0) { print "no FP instruction at all: is fpregs.S linked?"; bad = 1 } exit bad }'
