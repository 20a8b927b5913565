#!/bin/sh
# How long a null system call takes in xv6 and in rvshm, on this host, under the same QEMU:
# the claim in docs/performance.md, for anyone to check. Usage:
#   sh scripts/compare-xv6.sh PATH-TO-XV6-RISCV [CALLS]
# PATH is a clone of https://github.com/mit-pdos/xv6-riscv; it is copied, not changed. Each
# kernel runs CALLS getpid() calls on one hart. xv6 times them with uptime() (its timer
# interrupt, every `interval` cycles of kernel/start.c's timerinit: 0.1 s), rvshm with
# clock_gettime. Both are host time, so run it on an idle machine, and more than once.
set -e
xv6=$1 calls=${2:-300000}
if [ ! -f "$xv6/kernel/start.c" ] || [ ! -f "$xv6/Makefile" ]; then
	echo "usage: $0 PATH-TO-XV6-RISCV [CALLS]" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# xv6's tick, in microseconds: its timer interval in cycles of the 10 MHz time base.
interval=$(sed -n 's/.*int interval = \([0-9]*\);.*/\1/p' "$xv6/kernel/start.c")
[ -n "$interval" ] || { echo "compare-xv6: no timer interval in $xv6/kernel/start.c" >&2; exit 1; }
tick_us=$((interval / 10))

# xv6: a user program that times the calls, added to its file system.
cp -r "$xv6" "$work/xv6"
cat >"$work/xv6/user/getpidtime.c" <<PROG
#include "kernel/types.h"
#include "user/user.h"
int main(void)
{
	int t0 = uptime();
	while (uptime() == t0)
		; /* start on a tick */
	t0 = uptime();
	for (int i = 0; i < $calls; i++)
		getpid();
	printf("getpidtime: %d calls in %d ticks\n", $calls, uptime() - t0);
	exit(0);
}
PROG
sed -i 's|^UPROGS=\\|UPROGS=\\\n\t$U/_getpidtime\\|' "$work/xv6/Makefile"
make -s -C "$work/xv6" CPUS=1 kernel/kernel fs.img >"$work/xv6-build.txt" 2>&1 ||
	{ cat "$work/xv6-build.txt" >&2; exit 1; }
# xv6 reads the command from its console; QEMU is stopped once the result is printed.
mkfifo "$work/in"
timeout 600 qemu-system-riscv64 -machine virt -bios none -kernel "$work/xv6/kernel/kernel" \
	-m 128M -smp 1 -nographic -global virtio-mmio.force-legacy=false \
	-drive file="$work/xv6/fs.img",if=none,format=raw,id=x0 \
	-device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0 <"$work/in" >"$work/xv6.txt" 2>&1 &
qemu=$!
exec 3>"$work/in"
sleep 3
echo getpidtime >&3
while kill -0 "$qemu" 2>/dev/null && ! grep -q '^getpidtime:' "$work/xv6.txt"; do
	sleep 1
done
kill "$qemu" 2>/dev/null || true
exec 3>&-
ticks=$(tr -d '\r' <"$work/xv6.txt" | sed -n 's/^getpidtime: [0-9]* calls in \([0-9]*\) ticks$/\1/p')
[ -n "$ticks" ] || { echo "compare-xv6: xv6 printed no result" >&2; exit 1; }

# rvshm: the same loop, under make run.
cat >"$work/getpidtime.c" <<PROG
#include <stdio.h>
#include <time.h>
#include <unistd.h>
int main(void)
{
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < $calls; i++)
		getpid();
	clock_gettime(CLOCK_MONOTONIC, &b);
	long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
	printf("getpidtime: %d calls in %ld ns\n", $calls, ns);
	return 0;
}
PROG
ns=$(make -s -C "$here" run PROG="$work/getpidtime.c" V=0 2>/dev/null |
	sed -n 's/^getpidtime: [0-9]* calls in \([0-9]*\) ns$/\1/p')
[ -n "$ns" ] || { echo "compare-xv6: rvshm printed no result" >&2; exit 1; }

awk -v calls="$calls" -v ticks="$ticks" -v tick_us="$tick_us" -v ns="$ns" 'BEGIN {
	xv6 = ticks * tick_us / calls; rvshm = ns / 1000 / calls
	printf "xv6:   %d getpid calls in %d ticks of %d ms: %.2f us a call (+-%.2f, a tick)\n",
		calls, ticks, tick_us / 1000, xv6, tick_us / calls
	printf "rvshm: %d getpid calls in %.1f ms: %.2f us a call\n", calls, ns / 1e6, rvshm
	printf "rvshm is %.0f times faster here\n", xv6 / rvshm
}'
