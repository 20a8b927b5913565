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
# Pair the marks of tests/bench/bench.c up, round by round. A path that is the same every round
# is its fewest instructions: a round that a timer tick interrupted counts the tick too, and on
# a loaded host a remote fence waits long enough for many rounds to meet one. The others are
# the median round.
awk '
	$1 == "hart_insns:" {
		k = ++rounds[$3]
		insns[$3, k] = $7
		sbi[$3, k] = $9
		idle[$3, k] = $11
		idle_sbi[$3, k] = $13
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
	function least(v, n,    i, x) {
		for (i = 1; i <= n; i++)
			if (i == 1 || v[i] < x)
				x = v[i]
		return x
	}
	function figure(name, x) {
		printf "bench: %s %d instructions\n", name, x
	}
	END {
		# marks: 1 and 2 around shmdt alone, 3 and 4 around shmdt with a thread on hart 1
		for (k = 1; k <= rounds[2]; k++)
			alone[k] = insns[2, k] - insns[1, k]
		for (k = 1; k <= rounds[4]; k++) {
			fenced[k] = insns[4, k] - insns[3, k]
			kernel[k] = fenced[k] - (sbi[4, k] - sbi[3, k])
		}
		# 5 and 6 around FUTEX_WAKE on hart 0, 7 where the woken thread runs on hart 1: a
		# round counts only if hart 1 went idle after the round before, as it should have
		for (k = 1; k <= rounds[7]; k++)
			if (idle[7, k] > (k > 1 ? insns[7, k - 1] : 0)) {
				in_sbi = sbi[6, k] - sbi[5, k] + sbi[7, k] - idle_sbi[7, k]
				wake[++woken] = insns[6, k] - insns[5, k] + insns[7, k] - idle[7, k]
				wake_kernel[woken] = wake[woken] - in_sbi
			}
		if (woken) { # else no figure, and make test says which is missing
			figure("ipi_wake", median(wake, woken))
			figure("ipi_wake_kernel", median(wake_kernel, woken))
		}
		figure("shmdt_no_fence", least(alone, rounds[2]))
		figure("shmdt_remote_fence", median(fenced, rounds[4]))
		figure("shmdt_remote_fence_kernel", least(kernel, rounds[4]))
	}
' "$log"
boot build/scale/bench-scale/kernel.elf 1G 1 -icount shift=0 | sed 's/^bench: scale_/bench: scale_eager_/'
boot build/scale-lazy/bench-scale/kernel.elf 1G 1 -icount shift=0 | sed 's/^bench: scale_/bench: scale_lazy_/'
