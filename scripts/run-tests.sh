#!/bin/sh
# Run rvshm's tests and count them: host unit tests, the demo, the checks of make's targets,
# and one QEMU boot per suite and kind of backing.
# Usage: run-tests.sh QEMU [--only-suites [--suites-in DIR IMAGES]] unit-test-binary... -- suite...
#   --only-suites   boot the suites alone (make test SUITES="a b")
#   --suites-in DIR IMAGES   the suites are DIR/NAME, booted from IMAGES/NAME/kernel.elf in build
#                   and build/lazy (default: tests/qemu and tests; make grade's: tests/exercises)
#   TEST_LOGS=dir   where the consoles go (default build/test-logs; make grade's: build/grade-logs)
#   JOBS=n          tests at once (default: the number of CPUs)
#   BOOT_LIMIT=s    a boot's most seconds (default 300): catches a hung kernel, measures nothing
#
# A suite is a directory tests/qemu/NAME: its programs are built into one kernel image,
# which boots them all at once. Its expect file says what must hold of the run:
#   status N          QEMU exits with status N
#   output REGEX      some console line matches (grep -E)
#   no-output REGEX   no console line matches
#   once REGEX        exactly one console line matches
#   order A ; B       a line matching A comes before a line matching B
#   mode eager|lazy   run the suite only with that kind of backing (default: both)
#   mem SIZE          QEMU's RAM for this suite (default 128M)
#   icount            run on virtual time (QEMU -icount): the timer ticks after so many
#                     instructions, not so much host time, so a slow host cannot move it
#   cpus N...         the numbers of harts to boot it with (default: 1 and 4); "eager cpus
#                     N..." or "lazy cpus N..." for one kind of backing only
#   eager LINE        LINE applies with eager backing only (lazy LINE: lazy only)
#   smp LINE          LINE applies with more than one hart only (up LINE: with one only)
# Every run must also be free of panics and give back every page.
# Each PASS/FAIL line a test program prints counts as a test too.
# An order, or an output that only one order of events gives, must be one the programs
# enforce (a flag in shared memory, waitpid): never one that timing or the scheduler decides.
#
# The tests run side by side, each boot writing its console to a file of its own under
# build/test-logs/, which is emptied first. Their PASS, FAIL and SKIP lines come out in a
# fixed order all the same. The last line is "N passed, M failed", and ", K skipped (names)"
# when a check could not run for want of a tool.
qemu=$1
shift
only_suites=0
if [ "$1" = --only-suites ]; then
	only_suites=1
	shift
fi
suites_dir=tests/qemu images=tests
if [ "$1" = --suites-in ]; then
	suites_dir=$2 images=$3
	shift 3
fi
boot_limit=${BOOT_LIMIT:-300}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 1)}
case $jobs in
'' | *[!0-9]* | 0)
	echo "run-tests.sh: JOBS=$jobs is not a positive number" >&2
	exit 2
	;;
esac
logs=${TEST_LOGS:-build/test-logs}
rm -rf "$logs" && mkdir -p "$logs" || exit 2

pass() {
	passed=$((passed + 1))
	echo "PASS $1"
}
fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
}
skip() { # skip TITLE REASON: a check that cannot run here
	skipped=$((skipped + 1))
	echo "$1" >>"$logs/$job_n.skipped"
	echo "SKIP $1 ($2)"
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

balanced() { # the accounting line, printed once, shows as many free pages at exit as at boot
	grep -qE '^mm: free pages boot=([0-9]+) exit=\1$' "$1" &&
		[ "$(grep -c '^mm: free pages' "$1")" -eq 1 ]
}

held_balanced() { # free pages at exit, plus those the segments left behind hold, equal boot's
	boot=$(sed -n 's/^mm: free pages boot=\([0-9]*\) exit=[0-9]*$/\1/p' "$1")
	left=$(sed -n 's/^mm: free pages boot=[0-9]* exit=\([0-9]*\)$/\1/p' "$1")
	held=$(sed -n 's/^shm: [0-9]* segments\{0,1\} never removed with IPC_RMID holds\{0,1\} \([0-9]*\) pages\{0,1\}$/\1/p' "$1")
	[ -n "$boot" ] && [ -n "$held" ] && [ "$boot" -eq $((left + held)) ]
}

# --- Running tests side by side, showing their lines in order ---

# A slot is a line in this pipe: a test takes one to start and puts it back when it ends.
mkfifo "$logs/slots" && exec 3<>"$logs/slots" && rm "$logs/slots" || exit 2
i=0
while [ $i -lt "$jobs" ]; do
	echo >&3
	i=$((i + 1))
done
started=0 shown=0 passed=0 failed=0 skipped=0 skipped_names=

descendants() { # every process this script started, and theirs in turn (ps -A is POSIX's)
	ps -A -o pid= -o ppid= | awk -v root=$$ '{ parent[$1] = $2 }
		END { for (p in parent) { q = p
			while (q in parent && q != root && q > 1) q = parent[q]
			if (q == root && p != root) print p } }'
}

# If this script is stopped, stop the tests still running, and the QEMUs they started.
stop_all() {
	trap - INT TERM HUP
	kill -TERM $(descendants) 2>/dev/null
	exit 130
}
trap stop_all INT TERM HUP

# job FUNCTION ARGS...: run FUNCTION, one test or a chain that must run one at a time, beside
# the other tests once a slot is free. Its lines and counts go to files of its own.
job() {
	show_finished
	read -r _ <&3
	started=$((started + 1))
	(
		job_n=$started passed=0 failed=0 skipped=0
		"$@" >"$logs/$job_n.out" 2>&1 3>&-
		echo "$passed $failed $skipped" >"$logs/$job_n.count"
		echo >&3
	) &
	eval "pid_$started=\$!"
}

# show_finished [N]: show the lines of the finished tests that come next in order, and of
# those up to the Nth, which have ended; add up their counts. One killed before its end fails.
show_finished() {
	while [ "$shown" -lt "$started" ]; do
		n=$((shown + 1))
		[ -e "$logs/$n.count" ] || [ "$n" -le "${1:-0}" ] || break
		cat "$logs/$n.out"
		if read -r p f s <"$logs/$n.count" 2>/dev/null; then
			passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
		else
			fail "test $n of this run did not finish; what it printed is in $logs/$n.out"
		fi
		if [ -e "$logs/$n.skipped" ]; then
			skipped_names="$skipped_names${skipped_names:+; }$(paste -sd';' "$logs/$n.skipped")"
		fi
		shown=$n
	done
}

# --- The tests ---

boot() { # boot $elf as boot_and_check says, its console into $console and its exit in $status
	timeout --foreground -k 5 "$boot_limit" $qemu -machine virt -bios default -m "${mem:-128M}" \
		-smp "$cpus" -nographic -monitor none -serial stdio $icount -kernel "$elf" </dev/null \
		>"$console.raw" 2>&1
	status=$?
	tr -d '\r' <"$console.raw" >"$console"
}

# boot_and_check NAME KERNEL EXPECTFILE MODE [MEM [CPUS]]: boot KERNEL on CPUS harts (1) and
# check its console, kept in $console, against what EXPECTFILE says for MODE (eager or lazy).
boot_and_check() {
	cpus=${6:-1}
	harts=$([ "$cpus" -gt 1 ] && echo ", $cpus harts")
	name="$1 [$4${5:+, $5}$harts]" elf=$2 expect=$3
	mem=${5:-$(sed -n 's/^mem //p' "$expect")}
	icount=$(sed -n 's/^icount$/-icount shift=0/p' "$expect")
	console=$logs/$(echo "$name" | sed 's/[^A-Za-z0-9_=]\{1,\}/-/g; s/-$//').txt
	boot
	count_results "$console"
	check "$name: no kernel panic" sh -c "! grep -q '^panic:' '$console'"
	check "$name: every page free at boot is free at exit" balanced "$console"
	if [ "$cpus" -gt 1 ]; then
		check "$name: all $cpus harts came up" grep -q "^rvshm: $cpus harts running$" "$console"
	fi
	while read -r kind arg; do
		if [ "$kind" = eager ] || [ "$kind" = lazy ]; then
			[ "$kind" = "$4" ] || continue
			kind=${arg%% *} arg=${arg#* }
		fi
		if [ "$kind" = up ] || [ "$kind" = smp ]; then
			[ "$kind" = "$([ "$cpus" -gt 1 ] && echo smp || echo up)" ] || continue
			kind=${arg%% *} arg=${arg#* }
		fi
		case $kind in
		status) check "$name: exit status $arg" test "$status" -eq "$arg" ;;
		output) check "$name: output has /$arg/" grep -qE "$arg" "$console" ;;
		no-output) check "$name: output lacks /$arg/" sh -c "! grep -qE '$arg' '$console'" ;;
		once) check "$name: output has /$arg/ once" test "$(grep -cE "$arg" "$console")" -eq 1 ;;
		order)
			first=${arg%% ; *} second=${arg#* ; }
			check "$name: /$first/ before /$second/" ordered "$console" "$first" "$second"
			;;
		esac
	done <"$expect"
	if [ "$status" -eq 124 ]; then
		echo "  $name: no power-off within ${boot_limit}s; console output in $console"
	fi
}

runs_in() { # runs_in MODE EXPECTFILE: the suite boots with MODE backing
	! grep -q '^mode ' "$2" || grep -q "^mode $1\$" "$2"
}

unit_test() { # unit_test BINARY: a host unit test, under the sanitizers
	out=$logs/unit-$(basename "$1").txt
	timeout --foreground -k 5 "$boot_limit" "$1" >"$out" 2>&1
	rc=$?
	count_results "$out"
	check "$(basename "$1"): exits cleanly (no sanitizer report)" test "$rc" -eq 0
}

demo_with_ram() { # demo_with_ram SIZE: the demo with SIZE of RAM, which the kernel must find
	boot_and_check demo build/kernel.elf tests/demo.expect eager "$1"
	mib=$(($(echo "$1" | tr -d MG) * $(case $1 in *G) echo 1024 ;; *) echo 1 ;; esac)))
	check "demo [$1]: the kernel read the RAM size from the device tree" \
		grep -q "($mib MiB)" "$console"
}

format_check() { # the tree obeys .clang-format
	title="every C file obeys .clang-format"
	if command -v clang-format >/dev/null 2>&1; then
		check "$title" sh -c 'clang-format --dry-run -Werror $(git ls-files "*.c" "*.h") 2>/dev/null'
	else
		skip "$title" "clang-format is not installed; see README"
	fi
}

fp_check() { # the kernel never touches a process's FP registers but to save and load them
	check "the kernel has FP instructions only where it saves, loads and zeroes FP registers" \
		sh scripts/check-kernel-fp.sh "${OBJDUMP:-riscv64-unknown-elf-objdump}" build/kernel.elf
}

max4_check() { # a smaller region table works
	make -s B=build/max4 CONFIG_ARCH_SHM_MAXREGIONS=4 build/max4/kernel.elf >"$logs/max4-build.txt" 2>&1
	boot_and_check "demo, CONFIG_ARCH_SHM_MAXREGIONS=4" build/max4/kernel.elf tests/demo.expect eager
}

refused() { # refused REASON MAKE-ARGS...: make fails, and says REASON
	reason=$1
	shift
	out=$(make -s B=build/badcfg "$@" 2>&1) && return 1
	echo "$out" | grep -q "$reason"
}

help_defaults() { # every NAME ?= VALUE of the Makefile shows in make help as NAME=VALUE
	help=$(make -s help)
	sed -n 's/^\([A-Z_]*\) ?= \([^ ]*\)$/\1=\2/p' Makefile | while read -r pair; do
		echo "$help" | grep -q "^  $pair " || { echo "make help lacks $pair" >&2; return 1; }
	done
}

# The docs: README.md and docs/*.md.
DOCS="README.md docs/*.md"

demo_quotes() { # the docs quote the demo's lines as it prints them now (make docs writes them)
	make -s demo-output && sh scripts/doc-figures.sh check demo build/demo.txt
}

svg_check() { # docs/address-spaces.svg is what the demo's output draws now
	title="docs/address-spaces.svg is drawn from what the demo prints now (make docs)"
	if command -v python3 >/dev/null 2>&1; then
		check "$title" sh -c 'python3 scripts/draw-address-spaces.py build/demo.txt "$0" &&
			cmp -s "$0" docs/address-spaces.svg' "$logs/address-spaces.svg"
	else
		skip "$title" "python3 is not installed"
	fi
}

doc_line_refs() { # each PATH:N the docs name, gdb's "file PATH, line N" too, one a line
	grep -ohE '[A-Za-z0-9_][A-Za-z0-9_./-]*\.[A-Za-z]+:[0-9]+|file [^ ,]+, line [0-9]+' $DOCS |
		sed 's/^file \(.*\), line /\1:/'
}

doc_lines_exist() { # every PATH:N the docs name is a line of PATH
	doc_line_refs | while IFS=: read -r path n; do
		[ "$n" -ge 1 ] && [ "$n" -le "$(wc -l <"$path" 2>/dev/null || echo 0)" ] ||
			{ echo "$path has no line $n" >&2 && return 1; }
	done
}

# Every gdb frame "FUNC (...) at PATH:N" the docs quote has N inside FUNC: between its
# definition and its closing brace in C, between its label and the next in assembly. In any
# other file (syscalls.def) the function is made by a macro, and line N names what follows
# its prefix (call_shmat: shmat).
doc_frames_in_functions() {
	grep -ohE '[A-Za-z_][A-Za-z0-9_]* \([^()]*\) at [A-Za-z0-9_./-]+:[0-9]+' $DOCS |
		sed 's/^\([A-Za-z0-9_]*\) (.*) at \(.*\):\([0-9]*\)$/\1 \2 \3/' |
		while read -r func path n; do
			awk -v f="$func" -v n="$n" -v kind="${path##*.}" '
				kind ~ /^[ch]$/ && !from && $0 ~ "^[A-Za-z_].*[ *]" f "\\(" && !/;$/ { from = NR }
				kind ~ /^[ch]$/ && from && !to && /^}/ { to = NR }
				kind == "S" && from && !to && /^[A-Za-z_.][A-Za-z0-9_.]*:/ { to = NR - 1 }
				kind == "S" && !from && $0 ~ "^" f ":" { from = NR }
				NR == n { name = f; sub(/^[^_]*_/, "", name); named = index($0, name) }
				END {
					if (kind == "S" && from && !to)
						to = NR
					exit kind ~ /^[chS]$/ ? !(from && from <= n && n <= to) : !named
				}' "$path" || { echo "$path:$n is not in $func" >&2 && return 1; }
		done
}

doc_named_tests() { # every "`NAME` in `tests/PATH`" of the docs: PATH has a test NAME
	cat $DOCS | tr -s '\n ' '  ' | grep -oE '`[a-z0-9_]+` in `tests/[A-Za-z0-9_./-]+`' | tr -d '`' |
		while read -r name _ path; do
			grep -rqw "$name" "$path" || { echo "no $name in $path" >&2 && return 1; }
		done
}

nuttx_map_variables() { # each row of nuttx-map's Make-variable table has make help's default
	help=$(make -s help)
	sed -n 's/^| `\([A-Z_]*\)` | `\{0,1\}\([^ `|]*\)`\{0,1\} | .*/\1=\2/p' docs/nuttx-map.md |
		while read -r pair; do
			echo "$help" | grep -q "^  $pair " || { echo "make help lacks $pair" >&2 && return 1; }
		done
}

nuttx_map_settings() { # nuttx-map names every CONFIG_ variable of make help, and every image byte
	for name in $(make -s help | sed -n 's/^  \(CONFIG_[A-Z_]*\)=.*/\1/p') \
		$(sed -n 's/^echo "\(kernel_[a-z]*\): .*/\1/p' scripts/gen-progs.sh); do
		grep -q "^| \`$name\` |\|\`$name\`" docs/nuttx-map.md || { echo "no $name" >&2 && return 1; }
	done
}

help_targets() { # each .PHONY target but all and FORCE has its line in make help
	help=$(make -s help)
	for t in $(sed -n '/^\.PHONY:/,/[^\\]$/p' Makefile | tr -d '\\' | sed 's/^\.PHONY://'); do
		case $t in all | FORCE) continue ;; esac
		echo "$help" | grep -q "^  make $t\( \|$\)" || { echo "make help lacks $t" >&2; return 1; }
	done
}

doc_claims() { # what the README and the docs say of the tree
	check "make help gives each variable the default the Makefile gives it" help_defaults
	check "make help lists every target the Makefile names .PHONY" help_targets
	check "the README names the packages scripts/install-deps.sh installs" sh -c \
		"grep -qF \"\$(sed -n 's/^debian_packages=\"\(.*\)\"$/\1/p' scripts/install-deps.sh)\" README.md"
	check "the README points at the LICENSE, which is MIT's" sh -c \
		'grep -q "^MIT License" LICENSE && grep -q "(LICENSE)" README.md'
	check "each exercise of docs/exercises.md has a grader, holding each test it names" \
		sh scripts/grade.sh --check
	check "the README and the docs quote the demo as it prints now (make docs)" demo_quotes
	svg_check
	check "every PATH:N the docs name is a line of PATH" doc_lines_exist
	check "every gdb frame the docs quote lies in its function's lines" doc_frames_in_functions
	check "every test the docs name in a tests/ file is in that file" doc_named_tests
	check "docs/nuttx-map.md's table gives each Make variable make help's default" \
		nuttx_map_variables
	check "docs/nuttx-map.md names every CONFIG_ variable and every byte gen-progs.sh writes" \
		nuttx_map_settings
}

config_checks() { # a configuration value that cannot work is refused
	check "make refuses an unaligned CONFIG_ARCH_SHM_VBASE, saying why" \
		refused "is not page aligned" CONFIG_ARCH_SHM_VBASE=0x40000800
	check "make refuses a window that overlaps the stack, saying why" \
		refused "overlaps user text, heap or stack" CONFIG_ARCH_SHM_VBASE=0x10000000
	check "make refuses a window past the user half, saying why" \
		refused "ends past the user half" CONFIG_ARCH_SHM_NPAGES=65536
	check "make refuses a region count that is not a number, saying why" \
		refused "is not a number" CONFIG_ARCH_SHM_MAXREGIONS=lots
}

gdb_checks() { # make qemu-gdb: the stub answers, and a breakpoint on the shmat handler is hit
	connects="make qemu-gdb: gdb connects and stops at sys_shmat"
	panics="a fault in the kernel panics with its cause and a backtrace, and powers off failing"
	gdb=${GDB:-gdb-multiarch}
	if ! command -v "$gdb" >/dev/null 2>&1; then
		skip "$connects" "no RISC-V gdb is installed; see README"
		skip "$panics" "no RISC-V gdb is installed; see README"
		return
	fi
	check "$connects" sh scripts/gdb-test.sh "$gdb" $((26000 + $$ % 2000)) shmat "$logs"
	# Which process's shmat hits the breakpoint first is up to the harts: only the line counts.
	stop=$(grep -om1 'sys_shmat (.*) at kernel/shm/shmat.c:[0-9]*' "$logs/gdb-shmat.txt")
	check "docs/debugging.md shows where gdb stops in sys_shmat today (${stop##* })" \
		sh -c '[ -n "$1" ] && grep -q "sys_shmat (.*) at $1\$" docs/debugging.md' sh "${stop##* }"
	check "$panics" sh scripts/gdb-test.sh "$gdb" $((28000 + $$ % 2000)) panic "$logs"
}

bench_checks() { # make bench runs and prints every figure; the figures themselves are not tests
	out=$logs/bench.txt
	make -s bench >"$out" 2>&1
	for figure in syscall_null syscall_null_wall usleep_1ms_wall shmget_1page shmat_page \
		shmdt_page shm_fault shm_fault_new ctx_switch ctx_switch_fp fork exchange_ratio \
		shmat_huge_page shmdt_huge_page scale_eager_huge_256mib_shmat \
		scale_eager_huge_256mib_shmdt scale_lazy_huge_256mib_shmat scale_lazy_huge_256mib_shmdt \
		ipi_wake_wall shmdt_no_fence_wall shmdt_remote_fence_wall kill_other_hart_wall \
		exchange_ratio_smp_wall ipi_wake ipi_wake_kernel shmdt_no_fence shmdt_remote_fence \
		shmdt_remote_fence_kernel; do
		check "make bench prints $figure" grep -qE "^bench: $figure [0-9.]+ [a-z]+\$" "$out"
	done
	check "the docs quote the instruction counts make bench prints (make docs)" \
		sh scripts/doc-figures.sh check bench "$out"
	check "make bench: a 256 MiB segment shared by two processes, eager" \
		grep -q '^bench: scale_eager_256mib_ok 1 bool$' "$out"
	check "make bench: a 256 MiB segment shared by two processes, lazy" \
		grep -q '^bench: scale_lazy_256mib_ok 1 bool$' "$out"
	check "make bench prints shm_fault_huge, in instructions per byte zeroed" \
		grep -qE '^bench: shm_fault_huge [0-9]+\.[0-9]{3} instructions/byte$' "$out"
	check "make bench: a 256 MiB segment of huge pages shared by two processes, eager" \
		grep -q '^bench: scale_eager_huge_256mib_ok 1 bool$' "$out"
	check "make bench: a 256 MiB segment of huge pages shared by two processes, lazy" \
		grep -q '^bench: scale_lazy_huge_256mib_ok 1 bool$' "$out"
}

# make_run TITLE EXPECTED-STATUS PATTERN MAKE-ARGS...: `make run` exits with exactly
# EXPECTED-STATUS and its output, kept in $run_out, has a line matching PATTERN.
make_run() {
	what=$1 want=$2 pattern=$3
	shift 3
	runs=$((${runs:-0} + 1))
	run_out=$logs/make-run-$runs.txt
	make -s run "$@" >"$run_out" 2>&1
	got=$?
	check "make run $what: exits $want (got $got)" test "$got" -eq "$want"
	check "make run $what: output has /$pattern/" grep -qE "$pattern" "$run_out"
}

run_checks() { # make run, one after another: they share build/run
	make_run "fork + IPC_PRIVATE" 0 '^parent read from the child: squares: 1 4 9 16 25$' \
		PROG=user/examples/fork_private.c
	make_run "writer + reader at a key" 0 '^reader: got "the quick brown fox' \
		PROG="user/examples/writer.c user/examples/reader.c"
	make_run "of a program that reads argv" 0 '^usage: args key$' PROG=tests/run/args.c
	make_run "of a program with a long name" 0 '^argv\[0\] = a_program_with_a_long_name_for_argv$' \
		PROG=tests/run/a_program_with_a_long_name_for_argv.c
	make_run "of a program whose output ends mid-line" 0 '^no newline here$' PROG=tests/run/unfinished.c
	make_run "of a program that leaves a segment" 0 \
		'^shm: 1 segment never removed with IPC_RMID holds 4 pages$' PROG=tests/run/leaves.c
	check "make run of a program that leaves a segment: its pages make up the difference" \
		held_balanced "$run_out"
	make_run "of a program with its own strlen" 0 '^strlen\("abc"\) = 1003$' PROG=tests/run/own_strlen.c
	make_run "of a copy loop over a char" 0 '^end of input$' PROG=tests/run/getchar_loop.c
	make_run "of one prog.c" 0 '^I am a$' PROG=tests/run/same/a/prog.c
	make_run "of another prog.c, older than the first one's build" 0 '^I am b$' PROG=tests/run/same/b/prog.c
	rm -rf build/many && mkdir -p build/many
	for i in $(seq 1 17); do echo 'int main(void) { return 0; }' >build/many/p$i.c; done
	make_run "of as many programs as there are process slots" 0 'powering off \(status 0\)' \
		PROG="$(ls build/many/*.c | head -n 16 | tr '\n' ' ')"
	make_run "of more programs than there are process slots" 2 'at most 16 programs' \
		PROG="$(ls build/many/*.c | tr '\n' ' ')"
	make_run "of a server that spins on a flag that is not volatile" 0 '^server: the client answered$' \
		PROG="tests/run/flag_server.c tests/run/flag_client.c"
	make_run "of a failing program" 3 'powering off \(status 3\)' PROG=tests/run/fails.c
	check "make run of a failing program: mirrors its output" grep -q '^about to fail$' "$run_out"
	check "make -s run prints no build lines" sh -c "! grep -q '^  [A-Z]' '$run_out'"
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
	make_run "of a program that makes a shared page read-only, narrated" 0 \
		'^mprotect: pid [0-9]+ va 0x40000000 1 page: V R W - U - A D -> V R - - U - A -$' \
		PROG=tests/run/mprotect.c V=1
	make_run "of the huge-page example, narrated" 0 \
		'^parent read what the child wrote in all 1024 pages: yes$' PROG=user/examples/huge.c V=1
	check "make run of the huge-page example: shmget says huge and lists the 2 MiB runs" \
		grep -qE '^  2 MiB runs: 0x[0-9a-f]+ 0x[0-9a-f]+$' "$run_out"
	check "make run of the huge-page example: one shmat record per 2 MiB leaf" \
		grep -qE '^shmat: pid [0-9]+ shmid [0-9]+ va 0x40200000 -> pa 0x[0-9a-f]+ \(RW-U\) 2 MiB leaf hart [0-9]$' \
		"$run_out"
	check "make run of the huge-page example: the Sv39 walk ends at level 1" \
		grep -qE '^    level 1 table 0x[0-9a-f]+ \[  0\] -> 0x[0-9a-f]+  V R W - U - A D \(a 2 MiB leaf\)$' \
		"$run_out"
	check "make run of the huge-page example: vmprint shows the huge pages" \
		grep -qE '^    0x40000000-0x403fffff +2 huge pages +V R W - U - A D  shared memory' "$run_out"
	check "make qemu Q=1 prints no OpenSBI banner and no build lines" quiet_qemu
	check "make qemu Q=1 fails when QEMU fails" sh -c \
		'! MAKEFLAGS= make -s qemu Q=1 QEMU=false B=build/quiet >/dev/null 2>&1'
	check "make qemu run twice relinks nothing the second time" relinks_nothing
	check "make compile_commands.json gives kernel, library and test files their own flags" \
		compile_commands_ok
}

# make qemu Q=1, building from nothing (in a directory of its own, so that the kernel the other
# tests boot stays as it is): the kernel's lines alone, from its first.
quiet_qemu() {
	rm -rf build/quiet
	# Without make test's MAKEFLAGS, whose jobserver this make cannot join (it would say so).
	out=$(MAKEFLAGS= make --no-print-directory qemu Q=1 V=0 CPUS=1 B=build/quiet 2>&1) || return 1
	echo "$out" | head -n 1 | grep -q '^rvshm: hart 0, RAM' &&
		! echo "$out" | grep -qE '^  [A-Z]+ |OpenSBI' &&
		echo "$out" | grep -q '^rvshm: all processes have exited, powering off (status 0)$'
}

# A second make qemu finds everything built: it relinks nothing and rewrites nothing.
relinks_nothing() {
	make -s qemu >/dev/null 2>&1 || return 1
	before=$(ls -l --time-style=full-iso build/kernel.elf build/progs.S build/include/rvshm_config.h)
	make -s qemu >/dev/null 2>&1 || return 1
	[ "$before" = "$(ls -l --time-style=full-iso build/kernel.elf build/progs.S build/include/rvshm_config.h)" ]
}

# compile_commands.json: each file with its own build's flags, for clangd.
compile_commands_ok() {
	make -s compile_commands.json >/dev/null 2>&1 || return 1
	entry() { grep -F "\"file\": \"$1\"" compile_commands.json; }
	entry kernel/shm/shmat.c | grep -q -- -D__KERNEL__ &&
		entry user/lib/stdio.c | grep -q -- -mabi=lp64d &&
		! entry user/lib/stdio.c | grep -q -- -D__KERNEL__ &&
		entry tests/qemu/process/process.c | grep -q . && entry lib/vformat.c | grep -q .
}

# The longest chains start first, so that they end near the rest.
if [ "$only_suites" -eq 0 ]; then
	job run_checks
	job bench_checks
	job gdb_checks
	job boot_and_check "demo, PACE=1" build/pace/kernel.elf tests/demo.expect eager
fi
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
	job unit_test "$1"
	shift
done
shift
if [ "$only_suites" -eq 0 ]; then
	job boot_and_check demo build/kernel.elf tests/demo.expect eager
	job boot_and_check demo build/lazy/kernel.elf tests/demo.expect lazy
	job boot_and_check demo build/kernel.elf tests/demo.expect eager 128M 2
	job boot_and_check demo build/lazy/kernel.elf tests/demo.expect lazy 128M 2
	job boot_and_check demo build/kernel.elf tests/demo.expect eager 128M 4
	job demo_with_ram 64M
	job demo_with_ram 1G
	job format_check
	job doc_claims
	job fp_check
	job max4_check
	job config_checks
fi
for suite in "$@"; do
	expect=$suites_dir/$suite/expect
	for mode in eager lazy; do
		b=build$([ $mode = lazy ] && echo /lazy)
		runs_in $mode "$expect" || continue
		for cpus in $(sed -n "s/^\($mode \)\{0,1\}cpus //p" "$expect" | grep . || echo 1 4); do
			job boot_and_check "$suite" "$b/$images/$suite/kernel.elf" "$expect" $mode "" "$cpus"
		done
	done
done
while [ "$shown" -lt "$started" ]; do
	eval "wait \$pid_$((shown + 1))"
	show_finished $((shown + 1))
done

echo "$passed passed, $failed failed${skipped_names:+, $skipped skipped ($skipped_names)}"
[ "$failed" -eq 0 ]
