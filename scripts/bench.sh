#!/bin/sh
# Boot the benchmark kernels and print every figure as "bench: NAME VALUE UNIT".
# Instruction counts come from -icount shift=0, where rdinstret is exact and repeatable;
# the wall-clock figures (NAME_wall) come from a boot without it. Those that need a second
# hart come from boots on two harts, where -icount would run one hart at a time: host time
# from one, and instructions from another, counted by the plugin scripts/hart_insns.c.
# Usage: bench.sh QEMU PLUGIN
qemu=$1 plugin=$2
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
# The plugin counts the firmware's instructions apart: OpenSBI is the RAM below the kernel.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
boot build/bench/kernel.elf 128M 2 -plugin "$plugin,kernel=0x80200000" -d plugin -D "$log" |
	grep -v '^bench:'
# Pair the marks of tests/bench/bench.c up, round by round: the figure is the median round.
awk '
	$1 == "hart_insns:" {
		k = ++rounds[$3]
		insns[$3, k] = $7
		sbi[$3, k] = $9
	}
	function median(v, n,    i, j, x) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
				x = v[j]
				v[j] = v[j - 1]
				v[j - 1] = x
			}
		return v[int((n + 1) / 2)]
	}
	function figure(name, v, n) {
		printf "bench: %s %d instructions\n", name, median(v, n)
	}
	END {
		# marks: 1 and 2 around shmdt alone, 3 and 4 around shmdt with a thread on hart 1
		for (k = 1; k <= rounds[2]; k++)
			alone[k] = insns[2, k] - insns[1, k]
		for (k = 1; k <= rounds[4]; k++) {
			fenced[k] = insns[4, k] - insns[3, k]
			kernel[k] = fenced[k] - (sbi[4, k] - sbi[3, k])
		}
		figure("shmdt_no_fence", alone, rounds[2])
		figure("shmdt_remote_fence", fenced, rounds[4])
		figure("shmdt_remote_fence_kernel", kernel, rounds[4])
	}
' "$log"
boot build/scale/bench-scale/kernel.elf 1G 1 -icount shift=0 | sed 's/^bench: scale_/bench: scale_eager_/'
boot build/scale-lazy/bench-scale/kernel.elf 1G 1 -icount shift=0 | sed 's/^bench: scale_/bench: scale_lazy_/'
