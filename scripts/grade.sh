#!/bin/sh
# Score the exercises of docs/exercises.md (make grade). Each exercise X's pass criteria are the
# TEST(name)s its "What a solution must pass" lists; its graders are the suites
# tests/exercises/X/NAME, which scripts/run-tests.sh boots as it boots make test's.
# Usage: grade.sh QEMU X...   score exercises X... (their images built by make grade)
#        grade.sh --check     every exercise has a grader, holding every test it names (make test)
#
# A named test scores when every boot of the suite that runs it printed "PASS name", and each
# of those boots was clean: no panic, every page back, and what its expect file says held.
# A criterion list may offer a choice: a line "- For WORD..." starts one option, whose tests
# are the sub-list under it; the exercise then scores its best option.
# The last line is "grade: N/M"; the exit status is 0 only with every criterion met.
exercises=docs/exercises.md

criteria() { # one line per named test: LETTER OPTION NAME (OPTION "-" when there is no choice)
	awk '/^## \([a-z]\) / { x = substr($2, 2, 1); listing = 0 }
		/^### / { listing = ($0 == "### What a solution must pass"); option = "-" }
		listing && /^- For [A-Za-z]+/ { option = $3; sub(/[^A-Za-z].*/, "", option) }
		listing && /^- / && !/^- For / { option = "-" }
		listing { line = $0
			while (match(line, /TEST\([a-z0-9_]+\)/)) {
				print x, option, substr(line, RSTART + 5, RLENGTH - 6)
				line = substr(line, RSTART + RLENGTH)
			} }' "$exercises"
}

titles() { # one line per exercise: LETTER TITLE
	sed -n 's/^## (\([a-z]\)) \(.*\)$/\1 \2/p' "$exercises" | tr -d '`'
}

check_graders() { # each exercise has a grader directory holding each test it names
	ok=0
	for x in $(titles | cut -d' ' -f1); do
		[ -d "tests/exercises/$x" ] || { echo "exercise ($x) has no tests/exercises/$x/" >&2; ok=1; }
	done
	criteria | {
		while read -r x _ name; do
			grep -rqF "TEST($name)" "tests/exercises/$x" 2>/dev/null ||
				{ echo "tests/exercises/$x/ lacks TEST($name)" >&2 && ok=1; }
		done
		return $ok
	}
}

if [ "$1" = --check ]; then
	check_graders
	exit
fi

qemu=$1
shift
logs=build/grade-logs
mkdir -p build && rm -rf "$logs" || exit 2
suites=$(for x in "$@"; do
	for e in tests/exercises/"$x"/*/expect; do [ -e "$e" ] && dirname "${e#tests/exercises/}"; done
done)
out=build/grade-run.txt
TEST_LOGS=$logs sh scripts/run-tests.sh "$qemu" --only-suites --suites-in tests/exercises exercises \
	-- $suites | tee "$out"

# Score from run-tests.sh's lines ($out: each boot's checks) and the boots' consoles ($logs).
criteria | awk -v out="$out" -v logs="$logs" -v want=" $* " -v titles="$(titles)" '
function console(boot, f) { # the console file run-tests.sh gave this boot
	f = boot
	gsub(/[^A-Za-z0-9_=]+/, "-", f)
	sub(/-$/, "", f)
	return logs "/" f ".txt"
}
BEGIN {
	while ((getline line < out) > 0) {
		if (line ~ /^(PASS|FAIL) .*: no kernel panic$/) {
			boot = substr(line, 6, length(line) - 5 - length(": no kernel panic"))
			boots[boot] = 1
		}
		if (line ~ /^FAIL /)
			failed_lines[++nfailed] = substr(line, 6)
	}
	for (boot in boots) {
		for (i = 1; i <= nfailed; i++)
			if (index(failed_lines[i], boot ": ") == 1)
				dirty[boot] = 1
		suite = boot
		sub(/ \[.*/, "", suite)
		f = console(boot)
		while ((getline line < f) > 0)
			if (line ~ /^(PASS|FAIL) /) {
				ran_in[suite, substr(line, 6)] = 1
				if (line ~ /^PASS /)
					passed_in[boot, substr(line, 6)] = 1
			}
		close(f)
	}
	n = split(titles, t, "\n")
	for (i = 1; i <= n; i++)
		title[substr(t[i], 1, 1)] = substr(t[i], 3)
}
# A test scores if the suites of this exercise that ran it passed it in each of their boots.
function scores(x, name, boot, suite, any) {
	for (boot in boots) {
		suite = boot
		sub(/ \[.*/, "", suite)
		if (index(suite, x "/") != 1 || !((suite, name) in ran_in))
			continue
		any = 1
		if ((boot in dirty) || !((boot, name) in passed_in))
			return 0
	}
	return any
}
index(want, " " $1 " ") {
	if (!($1 in order))
		order[$1] = ++nx
	letter[nx] = $1
	total[$1, $2]++
	if (scores($1, $3))
		got[$1, $2]++
	else
		missed[$1, $2] = missed[$1, $2] "  not yet: " $3 "\n"
	if (!(($1, $2) in seen) && $2 != "-")
		options[$1] = options[$1] " " $2
	seen[$1, $2] = 1
}
END {
	for (i = 1; i <= nx; i++) {
		x = letter[i]
		best = ""
		n = split(options[x], o, " ")
		for (j = 1; j <= n; j++)
			if (best == "" || got[x, o[j]] / total[x, o[j]] > got[x, best] / total[x, best])
				best = o[j]
		g = got[x, "-"] + (best != "" ? got[x, best] : 0)
		m = total[x, "-"] + (best != "" ? total[x, best] : 0)
		printf "%s", missed[x, "-"] (best != "" ? missed[x, best] : "")
		printf "exercise (%s) %s: %d/%d%s\n", x, title[x], g, m, best != "" ? " (" best ")" : ""
		all_got += g
		all += m
	}
	printf "grade: %d/%d\n", all_got, all
	exit all_got != all || all == 0
}'
