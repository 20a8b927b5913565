#!/bin/sh
# Check make qemu-gdb's set-up end to end: QEMU halted with a gdb stub, gdb connecting with
# the generated .gdbinit, and a breakpoint on the shmat handler being hit.
# Usage: gdb-test.sh GDB PORT; prints gdb's output, exits 0 if the breakpoint was hit.
gdb=$1 port=$2
rm -f .gdbinit
make -s qemu-gdb GDBPORT="$port" </dev/null >build/gdb-qemu.txt 2>&1 &
i=0 # wait for the build, .gdbinit and the stub: QEMU says it is halted
while [ $i -lt 300 ] && ! grep -q "waiting for gdb" build/gdb-qemu.txt 2>/dev/null; do
	sleep 1
	i=$((i + 1))
done
sleep 1
timeout 60 "$gdb" -batch -x .gdbinit \
	-ex 'break sys_shmat' -ex 'continue' -ex 'print shmid' -ex 'bt 2' -ex 'kill' \
	</dev/null >build/gdb-output.txt 2>&1
status=$?
pkill -f "gdb tcp::$port" 2>/dev/null
wait
cat build/gdb-output.txt
[ $status -eq 0 ] && grep -q "Breakpoint 1, sys_shmat" build/gdb-output.txt
