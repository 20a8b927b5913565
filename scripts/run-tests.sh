#!/bin/sh
# Run rvshm's tests and count them: host unit tests, then one QEMU boot per suite.
# Usage: run-tests.sh QEMU unit-test-binary... -- suite...
#
# A suite is a directory tests/qemu/NAME: its programs are built into one kernel image,
# which boots them all at once. Its expect file says what must hold of the run:
#   status N          QEMU exits with status N
#   output REGEX      some console line matches (grep -E)
#   no-output REGEX   no console line matches
#   order A ; B       a line matching A comes before a line matching B
#   mode eager|lazy   run the suite only with that kind of backing (default: both)
#   mem SIZE          QEMU's RAM for this suite (default 128M)
#   icount            run on virtual time (QEMU -icount): the timer ticks after so many
#                     instructions, not so much host time, so a slow host cannot move it
#   eager LINE        LINE applies with eager backing only (lazy LINE: lazy only)
# Every run must also be free of panics and give back every page.
# Each PASS/FAIL line a test program prints counts as a test too.
qemu=$1
shift
passed=0
failed=0
boot_limit=${BOOT_LIMIT:-300} # seconds: catches a hung kernel, measures nothing

pass() {
	passed=$((passed + 1))
	echo "PASS $1"
}
fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
}
check() { # check TITLE COMMAND...: one test that holds when the command succeeds
	title=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$title"; else fail "$title"; fi
}

# Count the PASS and FAIL lines of a test program's output.
count_results() {
	p=$(grep -c '^PASS ' "$1")
	f=$(grep -c '^FAIL ' "$1")
	passed=$((passed + p))
	failed=$((failed + f))
	grep -E '^(FAIL |  [A-Za-z0-9_]+: [^ ]+:[0-9]+: )' "$1"
}

ordered() { # ordered FILE A B: a line matching A precedes one matching B
	a=$(grep -nE "$2" "$1" | head -n 1 | cut -d: -f1)
	b=$(grep -nE "$3" "$1" | tail -n 1 | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}

balanced() { # the accounting line shows as many free pages at exit as at boot
	grep -qE '^mm: free pages boot=([0-9]+) exit=\1$' "$1"
}

held_balanced() { # free pages at exit, plus those the segments left behind hold, equal boot's
	boot=$(sed -n 's/^mm: free pages boot=\([0-9]*\) exit=[0-9]*$/\1/p' "$1")
	left=$(sed -n 's/^mm: free pages boot=[0-9]* exit=\([0-9]*\)$/\1/p' "$1")
	held=$(sed -n 's/^shm: [0-9]* segment(s) never removed with IPC_RMID hold \([0-9]*\) pages$/\1/p' "$1")
	[ -n "$boot" ] && [ -n "$held" ] && [ "$boot" -eq $((left + held)) ]
}

# boot_and_check NAME KERNEL EXPECTFILE MODE [MEM]
boot_and_check() {
	name="$1 [$4${5:+, $5}]" elf=$2 expect=$3
	if grep -q '^mode ' "$expect" && ! grep -q "^mode $4\$" "$expect"; then
		return
	fi
	mem=${5:-$(sed -n 's/^mem //p' "$expect")}
	icount=$(sed -n 's/^icount$/-icount shift=0/p' "$expect")
	out=$(dirname "$elf")/console.txt
	timeout "$boot_limit" $qemu -machine virt -bios default -m "${mem:-128M}" -smp 1 -nographic \
		-monitor none -serial stdio $icount -kernel "$elf" </dev/null >"$out.raw" 2>&1
	status=$?
	tr -d '\r' <"$out.raw" >"$out"
	count_results "$out"
	check "$name: no kernel panic" sh -c "! grep -q '^panic:' '$out'"
	check "$name: every page free at boot is free at exit" balanced "$out"
	while read -r kind arg; do
		if [ "$kind" = eager ] || [ "$kind" = lazy ]; then
			[ "$kind" = "$4" ] || continue
			kind=${arg%% *} arg=${arg#* }
		fi
		case $kind in
		status) check "$name: exit status $arg" test "$status" -eq "$arg" ;;
		output) check "$name: output has /$arg/" grep -qE "$arg" "$out" ;;
		no-output) check "$name: output lacks /$arg/" sh -c "! grep -qE '$arg' '$out'" ;;
		order)
			first=${arg%% ; *} second=${arg#* ; }
			check "$name: /$first/ before /$second/" ordered "$out" "$first" "$second"
			;;
		esac
	done <"$expect"
	if [ "$status" -eq 124 ]; then
		echo "  $name: no power-off within ${boot_limit}s; console output in $out"
	fi
}

while [ $# -gt 0 ] && [ "$1" != "--" ]; do
	out=$1.txt
	"$1" >"$out" 2>&1
	rc=$?
	count_results "$out"
	check "$(basename "$1"): exits cleanly (no sanitizer report)" test "$rc" -eq 0
	shift
done
shift

# make_run TITLE EXPECTED-STATUS PATTERN MAKE-ARGS...: `make run` exits with exactly
# EXPECTED-STATUS and its output has a line matching PATTERN.
make_run() {
	what=$1 want=$2 pattern=$3
	shift 3
	out=build/run-output.txt
	make -s run "$@" >"$out" 2>&1
	got=$?
	check "make run $what: exits $want (got $got)" test "$got" -eq "$want"
	check "make run $what: output has /$pattern/" grep -qE "$pattern" "$out"
}

boot_and_check demo build/kernel.elf tests/demo.expect eager
boot_and_check demo build/lazy/kernel.elf tests/demo.expect lazy
for mem in 64M 1G; do
	boot_and_check demo build/kernel.elf tests/demo.expect eager $mem
	check "demo [$mem]: the kernel read the RAM size from the device tree" \
		grep -q "($(($(echo $mem | tr -d MG) * $(case $mem in *G) echo 1024 ;; *) echo 1 ;; esac))) MiB)" build/console.txt
done

# The tree obeys .clang-format (where clang-format is installed).
if command -v clang-format >/dev/null 2>&1; then
	check "every C file obeys .clang-format" sh -c \
		'clang-format --dry-run -Werror $(git ls-files "*.c" "*.h") 2>/dev/null'
fi

# The kernel never touches a process's FP registers but to save and load them.
check "the kernel has FP instructions only where it saves, loads and zeroes FP registers" \
	sh scripts/check-kernel-fp.sh "${OBJDUMP:-riscv64-unknown-elf-objdump}" build/kernel.elf

# PACE=1: the same demo, pausing after each narrated step (it takes some seconds).
make -s PACE=1 build/kernel.elf >/dev/null 2>&1
boot_and_check "demo, PACE=1" build/kernel.elf tests/demo.expect eager
make -s build/kernel.elf >/dev/null 2>&1

# More harts: the kernel runs on one, and the others stay parked.
check "demo boots and powers off with 4 harts" sh -c "timeout $boot_limit $qemu -machine virt \
	-bios default -m 128M -smp 4 -nographic -monitor none -serial stdio \
	-kernel build/kernel.elf </dev/null 2>&1 | grep -q 'powering off (status 0)'"

# The configuration: a smaller region table works, and a value that cannot work is refused.
make -s B=build/max4 CONFIG_ARCH_SHM_MAXREGIONS=4 build/max4/kernel.elf >/dev/null 2>&1
boot_and_check "demo, CONFIG_ARCH_SHM_MAXREGIONS=4" build/max4/kernel.elf tests/demo.expect eager
refused() { # refused REASON MAKE-ARGS...: make fails, and says REASON
	reason=$1
	shift
	out=$(make -s B=build/badcfg "$@" 2>&1) && return 1
	echo "$out" | grep -q "$reason"
}
check "make refuses an unaligned CONFIG_ARCH_SHM_VBASE, saying why" \
	refused "is not page aligned" CONFIG_ARCH_SHM_VBASE=0x40000800
check "make refuses a window that overlaps the stack, saying why" \
	refused "overlaps user text, heap or stack" CONFIG_ARCH_SHM_VBASE=0x10000000
check "make refuses a window past the user half, saying why" \
	refused "ends past the user half" CONFIG_ARCH_SHM_NPAGES=65536
check "make refuses a region count that is not a number, saying why" \
	refused "is not a number" CONFIG_ARCH_SHM_MAXREGIONS=lots

# make qemu-gdb: the stub answers, and a breakpoint on the shmat handler is hit.
check "make qemu-gdb: gdb connects and stops at sys_shmat" \
	sh scripts/gdb-test.sh "${GDB:-gdb-multiarch}" $((26000 + $$ % 2000)) shmat
check "a fault in the kernel panics with its cause and a backtrace, and powers off failing" \
	sh scripts/gdb-test.sh "${GDB:-gdb-multiarch}" $((28000 + $$ % 2000)) panic

# make bench runs and prints every figure; the figures themselves are not tests.
make -s bench >build/bench.txt 2>&1
for figure in syscall_null syscall_null_wall usleep_1ms_wall shmget_1page shmat_page shmdt_page shm_fault \
	shm_fault_new ctx_switch fork exchange_ratio shmat_huge_page shmdt_huge_page \
	scale_eager_huge_256mib_shmat scale_eager_huge_256mib_shmdt scale_lazy_huge_256mib_shmat \
	scale_lazy_huge_256mib_shmdt; do
	check "make bench prints $figure" grep -qE "^bench: $figure [0-9.]+ [a-z]+\$" build/bench.txt
done
check "make bench: a 256 MiB segment shared by two processes, eager" \
	grep -q '^bench: scale_eager_256mib_ok 1 bool$' build/bench.txt
check "make bench: a 256 MiB segment shared by two processes, lazy" \
	grep -q '^bench: scale_lazy_256mib_ok 1 bool$' build/bench.txt
make_run "fork + IPC_PRIVATE" 0 '^parent read from the child: squares: 1 4 9 16 25$' \
	PROG=user/examples/fork_private.c
make_run "writer + reader at a key" 0 '^reader: got "the quick brown fox' \
	PROG="user/examples/writer.c user/examples/reader.c"
make_run "of a program that reads argv" 0 '^usage: args key$' PROG=tests/run/args.c
make_run "of a program with a long name" 0 '^argv\[0\] = a_program_with_a_long_name_for_argv$' \
	PROG=tests/run/a_program_with_a_long_name_for_argv.c
make_run "of a program whose output ends mid-line" 0 '^no newline here$' PROG=tests/run/unfinished.c
make_run "of a program that leaves a segment" 0 \
	'^shm: 1 segment\(s\) never removed with IPC_RMID hold 4 pages$' PROG=tests/run/leaves.c
check "make run of a program that leaves a segment: its pages make up the difference" \
	held_balanced build/run-output.txt
make_run "of a program with its own strlen" 0 '^strlen\("abc"\) = 1003$' PROG=tests/run/own_strlen.c
make_run "of a copy loop over a char" 0 '^end of input$' PROG=tests/run/getchar_loop.c
make_run "of one prog.c" 0 '^I am a$' PROG=tests/run/same/a/prog.c
make_run "of another prog.c, older than the first one's build" 0 '^I am b$' PROG=tests/run/same/b/prog.c
mkdir -p build/many
for i in $(seq 1 17); do echo 'int main(void) { return 0; }' >build/many/p$i.c; done
make_run "of as many programs as there are process slots" 0 'powering off \(status 0\)' \
	PROG="$(ls build/many/*.c | head -n 16 | tr '\n' ' ')"
make_run "of more programs than there are process slots" 2 'at most 16 programs' \
	PROG="$(ls build/many/*.c | tr '\n' ' ')"
make_run "of a server that spins on a flag that is not volatile" 0 '^server: the client answered$' \
	PROG="tests/run/flag_server.c tests/run/flag_client.c"
make_run "of a failing program" 3 'powering off \(status 3\)' PROG=tests/run/fails.c
check "make run of a failing program: mirrors its output" grep -q '^about to fail$' build/run-output.txt
check "make -s run prints no build lines" sh -c "! grep -q '^  [A-Z]' build/run-output.txt"
check "run.sh returns the program's exact status" sh -c 'bash scripts/run.sh "$0" build/run/kernel.elf 60 128M >/dev/null 2>&1; test $? -eq 3' "$qemu"
make_run "of a program killed by SIGSEGV" 139 'powering off \(status 139\)' PROG=tests/run/segv.c
make_run "without make's load feature, of a failing program" 2 'Error 3' \
	PROG=tests/run/fails.c .FEATURES=
make_run "of two failing programs" 3 'powering off \(status 3\)' \
	PROG="tests/run/late.c tests/run/fails.c"
make_run "of a program that never exits" 124 'had not all exited after 3s' PROG=tests/run/spin.c TIMEOUT=3
make_run "of a program that does not compile" 2 "error: 'undeclared_name' undeclared" PROG=tests/run/broken.c
check "make -C from elsewhere runs a program named relative to where it was started" \
	sh -c 'cd tests/run && make -s -C ../.. run PROG=fails.c >/dev/null 2>&1; test $? -eq 3'
make_run "with a path that does not exist" 2 'no such file: nowhere.c' PROG=nowhere.c
check "make bench prints shm_fault_huge, in instructions per byte zeroed" \
	grep -qE '^bench: shm_fault_huge [0-9]+\.[0-9]{3} instructions/byte$' build/bench.txt
check "make bench: a 256 MiB segment of huge pages shared by two processes, eager" \
	grep -q '^bench: scale_eager_huge_256mib_ok 1 bool$' build/bench.txt
check "make bench: a 256 MiB segment of huge pages shared by two processes, lazy" \
	grep -q '^bench: scale_lazy_huge_256mib_ok 1 bool$' build/bench.txt
make_run "of the huge-page example, narrated" 0 '^parent read what the child wrote in all 1024 pages: yes$' \
	PROG=user/examples/huge.c V=1
check "make run of the huge-page example: shmget says huge and lists the 2 MiB runs" \
	grep -qE '^  2 MiB runs: 0x[0-9a-f]+ 0x[0-9a-f]+$' build/run-output.txt
check "make run of the huge-page example: one shmat record per 2 MiB leaf" \
	grep -qE '^shmat: pid [0-9]+ shmid [0-9]+ va 0x40200000 -> pa 0x[0-9a-f]+ \(RW-U\) 2 MiB leaf$' \
	build/run-output.txt
check "make run of the huge-page example: the Sv39 walk ends at level 1" \
	grep -qE '^    level 1 table 0x[0-9a-f]+ \[  0\] -> 0x[0-9a-f]+  V R W - U \(a 2 MiB leaf\)$' \
	build/run-output.txt
check "make run of the huge-page example: vmprint shows the huge pages" \
	grep -qE '^    0x40000000-0x403fffff +2 huge pages +V R W - U  shared memory' build/run-output.txt
for suite in "$@"; do
	boot_and_check "$suite" "build/tests/$suite/kernel.elf" "tests/qemu/$suite/expect" eager
	boot_and_check "$suite" "build/lazy/tests/$suite/kernel.elf" "tests/qemu/$suite/expect" lazy
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
