#!/usr/bin/env bash
# Boot a kernel image built by `make run`, mirror what its programs print, and exit with
# their status: 0 if all exited 0, else the first failure (exit code, or 128 + signal).
# Usage: run.sh QEMU KERNEL TIMEOUT MEM [CPUS]
qemu=$1 kernel=$2 limit=$3 mem=$4 cpus=${5:-1}

timeout --foreground "$limit" $qemu -machine virt -bios default -m "$mem" -smp "$cpus" -nographic \
	-monitor none -serial stdio -kernel "$kernel" </dev/null | sh scripts/drop-banner.sh
status=${PIPESTATUS[0]}
if [ "$status" -eq 124 ]; then
	echo "make run: the programs had not all exited after ${limit}s (TIMEOUT=$limit); QEMU stopped." >&2
fi
exit "$status"
