#!/bin/sh
# The instruction counts in docs/performance.md's table, set from make bench's output: they
# are exact and the same on every host (QEMU -icount), so the doc can always say what
# make bench prints. Usage: doc-figures.sh write|check BENCH-OUTPUT DOC
#   write  rewrites DOC's figures in place (make docs)
#   check  says which figures differ, and fails if any do (make test)
mode=$1 bench=$2 doc=$3
new=$(mktemp)
trap 'rm -f "$new"' EXIT
# A table row "| `NAME` | 1,234 instructions | ...": the value becomes bench's NAME, with
# thousands separated by commas from 10,000 up, as the doc writes them.
awk -v bench="$bench" '
	BEGIN {
		while ((getline line < bench) > 0) {
			split(line, f, " ")
			if (f[1] == "bench:" && f[4] == "instructions")
				value[f[2]] = f[3]
		}
	}
	function commas(n) {
		if (length(n) < 5)
			return n
		s = ""
		while (length(n) > 3) {
			s = "," substr(n, length(n) - 2) s
			n = substr(n, 1, length(n) - 3)
		}
		return n s
	}
	/^\| `[a-z0-9_]+` \| [0-9,]+ instructions \|/ {
		name = $2
		gsub(/`/, "", name)
		if (name in value) {
			sub(/\| [0-9,]+ instructions \|/, "| " commas(value[name]) " instructions |")
		} else {
			print "doc-figures: make bench prints no " name > "/dev/stderr"
			missing = 1
		}
	}
	{ print }
	END { exit missing }
' "$doc" >"$new" || exit 1
if [ "$mode" = write ]; then
	cat "$new" >"$doc"
elif ! diff -u "$doc" "$new"; then
	echo "doc-figures: $doc differs from what make bench prints; make docs rewrites it" >&2
	exit 1
fi
