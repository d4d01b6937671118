#!/bin/sh
# lint-groff PAGE...
#
# groff -man -t -ww -z on each page (tbl, all warnings, no output), once
# for the typesetter (as the PDF is made) and once for the terminal
# (-Tutf8, as man(1) shows it); its messages as
# "PAGE:LINE: groff: message", through lint-filter.  A message that
# troff gives without a line (a table block too long for a page) is put
# at the .TS line of the page's tables.  Exits 1 if a message is left.
set -u
here=$(dirname "$0")
[ $# -gt 0 ] || { echo "usage: lint-groff PAGE..." >&2; exit 2; }
tmp=$(mktemp "${TMPDIR:-/tmp}/lint-groff.XXXXXX") || exit 2
trap 'rm -f "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
for page; do
	for device in ps utf8; do
		LC_ALL=C timeout 60 groff -man -t -ww -z -T"$device" "$page" >"$tmp" 2>&1
		rc=$?
		# troff: PAGE:LINE: warning: ..., tbl:PAGE:LINE: ..., or no place.
		awk -v page="$page" -v rc="$rc" -v device="$device" '
			FNR == 1 { file++ }
			file == 1 {
				if ($0 ~ /^[.\047][ \t]*TS([ \t]|$)/) tables = tables (tables == "" ? "" : ", ") FNR
				next
			}
			{
				line = $0
				sub(/^(troff|tbl|groff|grotty|grops|gropdf|preconv|eqn|pic): ?/, "", line)
				if (match(line, /^[^:]+:[0-9]+: ?/)) {
					where = substr(line, 1, RLENGTH)
					sub(/: ?$/, "", where)
					printf "%s: groff: %s\n", where, substr(line, RLENGTH + 1)
				} else if (line ~ /table/ && tables != "") {
					n = split(tables, t, ", ")
					printf "%s:%d: groff: %s (-T%s; tables at line %s)\n", page, t[1], line, device, tables
				} else
					printf "%s:0: groff: %s (-T%s)\n", page, line, device
				n++
			}
			END {
				if (rc != 0 && n == 0)
					printf "%s:0: groff: groff -T%s failed with status %d\n", page, device, rc
			}' "$page" "$tmp"
	done
done | "$here/filter.sh"
