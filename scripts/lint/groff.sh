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
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
[ $# -gt 0 ] || { echo "usage: lint-groff PAGE..." >&2; exit 2; }
lib_tmpdir lint-groff
for p; do
	# The lines of the page's tables, from the page reader.
	tables=$(page outline "$p" 2>/dev/null | awk '$1 == "table" { printf "%s%s", sep, $2; sep = ", " }')
	for device in ps utf8; do
		LC_ALL=C timeout 60 groff -man -t -ww -z -T"$device" "$p" >"$tmp/out" 2>&1
		rc=$?
		# troff: PAGE:LINE: warning: ..., tbl:PAGE:LINE: ..., or no place.
		awk -v page="$p" -v rc="$rc" -v device="$device" -v tables="$tables" '
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
			}' "$tmp/out"
	done
done | "$here/filter.sh"
