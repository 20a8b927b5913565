#!/bin/sh
# Figures and excerpts in the docs, set from what the build prints, so that a doc always says
# what make bench and the demo print now. Both are the same at every run: make bench counts
# instructions under QEMU -icount, and the demo is booted on one hart on that virtual clock.
# Usage: doc-figures.sh write|check bench|demo OUTPUT
#   bench  a table row "| `NAME` | 1,234 instructions | ...": the value becomes make bench's
#          NAME, with thousands separated by commas from 10,000 up, as the docs write them
#   demo   between "<!-- make docs: the demo's lines from /FIRST/ to /LAST/ -->" and
#          "<!-- end of the demo's lines -->": a code block of the demo's lines, from the
#          first that matches FIRST to the next that matches LAST (awk regular expressions)
#   write  rewrites the docs (README.md and docs/*.md) in place (make docs)
#   check  says what differs, and fails if anything does (make test)
mode=$1 kind=$2 output=$3
case $kind in
bench | demo) ;;
*)
	echo "usage: doc-figures.sh write|check bench|demo OUTPUT" >&2
	exit 2
	;;
esac
new=$(mktemp)
trap 'rm -f "$new"' EXIT

bench() { # bench DOC: DOC with make bench's figures
	awk -v bench="$output" '
		BEGIN {
			while ((getline line < bench) > 0) {
				split(line, f, " ")
				if (f[1] == "bench:" && f[4] ~ /^instructions/)
					value[f[2]] = f[3]
			}
		}
		function commas(n) {
			if (length(n) < 5 || n ~ /\./)
				return n
			s = ""
			while (length(n) > 3) {
				s = "," substr(n, length(n) - 2) s
				n = substr(n, 1, length(n) - 3)
			}
			return n s
		}
		/^\| `[a-z0-9_]+` \| [0-9.,]+ instructions[a-z\/]* \|/ {
			name = $2
			gsub(/`/, "", name)
			if (name in value) {
				sub(/\| [0-9.,]+ instructions/, "| " commas(value[name]) " instructions")
			} else {
				print "doc-figures: make bench prints no " name > "/dev/stderr"
				missing = 1
			}
		}
		{ print }
		END { exit missing }
	' "$1"
}

demo() { # demo DOC: DOC with the demo's lines between its markers
	awk -v demo="$output" '
		function excerpt(first, last,    line, on, found) {
			print "```"
			while ((getline line < demo) > 0) {
				on = on || line ~ first
				if (!on)
					continue
				sub(/ +$/, "", line)
				print line
				if (line ~ last) {
					found = 1
					break
				}
			}
			close(demo)
			print "```"
			if (!found) {
				print "doc-figures: the demo prints no lines from /" first "/ to /" \
					last "/" > "/dev/stderr"
				missing = 1
			}
		}
		skip && /^<!-- end of the demo.s lines -->$/ { skip = 0 }
		skip { next }
		{ print }
		/^<!-- make docs: the demo.s lines from \/.*\/ to \/.*\/ -->$/ {
			first = last = $0
			sub(/^.* from \//, "", first)
			sub(/\/ to \/.*$/, "", first)
			sub(/^.*\/ to \//, "", last)
			sub(/\/ -->$/, "", last)
			excerpt(first, last)
			skip = 1
		}
		END { exit missing }
	' "$1"
}

status=0
for doc in README.md docs/*.md; do
	"$kind" "$doc" >"$new" || exit 1
	if [ "$mode" = write ]; then
		cmp -s "$doc" "$new" || cat "$new" >"$doc"
	elif ! diff -u "$doc" "$new"; then
		echo "doc-figures: $doc differs from what $kind prints; make docs rewrites it" >&2
		status=1
	fi
done
exit $status
