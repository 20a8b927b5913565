#!/bin/sh
# Check make qemu-gdb's set-up end to end: QEMU halted with a gdb stub, gdb connecting with
# the generated .gdbinit, and a breakpoint on the shmat handler being hit.
#   gdb-test.sh GDB PORT shmat LOGDIR   the breakpoint is hit (exit 0 if so)
#   gdb-test.sh GDB PORT panic LOGDIR   then gdb sends the kernel to address 0x4; the kernel must
#                                       panic with the cause and a backtrace, and QEMU exit 255
# gdb's output goes to LOGDIR/gdb-MODE.txt, make qemu-gdb's and QEMU's to LOGDIR/qemu-gdb-MODE.txt.
# Every wait has a limit, and QEMU is stopped when the check ends, however it ends.
gdb=$1 port=$2 mode=$3 logs=$4
qemu_log=$logs/qemu-gdb-$mode.txt gdb_log=$logs/gdb-$mode.txt
rm -f .gdbinit "$qemu_log" "$gdb_log"

# timeout passes its TERM on to make, and make to QEMU.
timeout --foreground 600 make -s qemu-gdb GDBPORT="$port" </dev/null >"$qemu_log" 2>&1 &
qemu_job=$!
trap 'kill $qemu_job 2>/dev/null' EXIT
trap 'exit 1' INT TERM HUP

running() { kill -0 $qemu_job 2>/dev/null; }

i=0 # wait for the build and .gdbinit: make says QEMU is halted
while [ $i -lt 300 ] && running && ! grep -q "waiting for gdb" "$qemu_log"; do
	sleep 1
	i=$((i + 1))
done
if [ "$mode" = panic ]; then
	set -- -ex 'set var $pc = 4' -ex 'continue'
else
	set -- -ex 'print shmid' -ex 'bt 2' -ex 'kill'
fi
i=0 # QEMU opens its port a moment after make says so: until then gdb is refused, and retries
while :; do
	timeout --foreground 60 "$gdb" -batch -x .gdbinit -ex 'break sys_shmat' -ex 'continue' "$@" \
		</dev/null >"$gdb_log" 2>&1
	status=$?
	grep -q "Connection refused" "$gdb_log" && [ $i -lt 30 ] && running || break
	sleep 1
	i=$((i + 1))
done
if ! grep -q "Breakpoint 1, sys_shmat" "$gdb_log"; then
	exit 1
fi
if [ "$mode" = panic ]; then
	i=0 # QEMU powers off by itself after the panic
	while [ $i -lt 60 ] && running; do
		sleep 1
		i=$((i + 1))
	done
	grep -q "^panic: kernel trap: instruction page fault (scause 0xc) at sepc 0x4" "$qemu_log" &&
		grep -q "^backtrace:" "$qemu_log" && grep -q "Error 255" "$qemu_log"
else
	[ $status -eq 0 ]
fi
