#!/bin/sh
# Boot the benchmark kernels and print every figure as "bench: NAME VALUE UNIT".
# Instruction counts come from -icount shift=0, where rdinstret is exact and repeatable;
# the wall-clock figures (NAME_wall) come from a boot without it, and those that need a second
# hart from a boot on two harts (-icount would run them in turn). Usage: bench.sh QEMU
qemu=$1
# QEMU runs in the foreground of timeout, so that whatever stops this script stops QEMU too.
boot() { # boot KERNEL MEM HARTS [QEMU-ARGS...]: the bench lines of one boot
	elf=$1 mem=$2 harts=$3
	shift 3
	timeout --foreground 600 $qemu -machine virt -bios default -m "$mem" -smp "$harts" -nographic -monitor none \
		-serial stdio "$@" -kernel "$elf" </dev/null | tr -d '\r' | grep -E '^(bench:|panic|kill)'
}
echo "bench: qemu $($qemu --version | head -n 1 | sed 's/.*version \([^ ]*\).*/\1/') version"
boot build/bench/kernel.elf 128M 1 -icount shift=0 | grep -v '_wall '
boot build/lazy/bench/kernel.elf 128M 1 -icount shift=0
boot build/bench/kernel.elf 128M 1 | grep '_wall '
boot build/bench/kernel.elf 128M 2
boot build/scale/bench-scale/kernel.elf 1G 1 -icount shift=0 | sed 's/^bench: scale_/bench: scale_eager_/'
boot build/scale-lazy/bench-scale/kernel.elf 1G 1 -icount shift=0 | sed 's/^bench: scale_/bench: scale_lazy_/'
