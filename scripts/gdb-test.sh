#!/bin/sh
# Check make qemu-gdb's set-up end to end: QEMU halted with a gdb stub, gdb connecting with
# the generated .gdbinit, and a breakpoint on the shmat handler being hit.
#   gdb-test.sh GDB PORT shmat   the breakpoint is hit (exit 0 if so)
#   gdb-test.sh GDB PORT panic   then gdb sends the kernel to address 0x4; the kernel must
#                                panic with the cause and a backtrace, and QEMU exit 255
# gdb's output is left in build/gdb-output.txt, QEMU's in build/gdb-qemu.txt.
gdb=$1 port=$2 mode=$3
rm -f .gdbinit
make -s qemu-gdb GDBPORT="$port" </dev/null >build/gdb-qemu.txt 2>&1 &
i=0 # wait for the build, .gdbinit and the stub: QEMU says it is halted
while [ $i -lt 300 ] && ! grep -q "waiting for gdb" build/gdb-qemu.txt 2>/dev/null; do
	sleep 1
	i=$((i + 1))
done
sleep 1
if [ "$mode" = panic ]; then
	set -- -ex 'set var $pc = 4' -ex 'continue'
else
	set -- -ex 'print shmid' -ex 'bt 2' -ex 'kill'
fi
timeout 60 "$gdb" -batch -x .gdbinit -ex 'break sys_shmat' -ex 'continue' "$@" \
	</dev/null >build/gdb-output.txt 2>&1
status=$?
sleep 1
pkill -f "gdb tcp::$port" 2>/dev/null
wait
grep -q "Breakpoint 1, sys_shmat" build/gdb-output.txt || exit 1
if [ "$mode" = panic ]; then
	grep -q "^panic: kernel trap: instruction page fault (scause 0xc) at sepc 0x4" \
		build/gdb-qemu.txt && grep -q "^backtrace:" build/gdb-qemu.txt &&
		grep -q "Error 255" build/gdb-qemu.txt
else
	[ $status -eq 0 ]
fi
