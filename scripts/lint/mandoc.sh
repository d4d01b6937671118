#!/bin/sh
# lint-mandoc PAGE...
#
# mandoc -Tlint -Wall on each page, its messages as
# "PAGE:LINE: mandoc: LEVEL: message", through lint-filter.
# Exits 1 if a message is left.
set -u
here=$(dirname "$0")
[ $# -gt 0 ] || { echo "usage: lint-mandoc PAGE..." >&2; exit 2; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
lib_tmpdir lint-mandoc
for page; do
	LC_ALL=C timeout 60 mandoc -Tlint -Wall "$page" >"$tmp/out" 2>&1
	rc=$?
	# mandoc's status: 0 clean, 1 style, 2 warning, 3 error, 4 unsupported;
	# above that it could not do its work.
	awk -v page="$page" -v rc="$rc" '
		{
			line = $0
			sub(/^mandoc: /, "", line)
			if (match(line, /^[^:]+:[0-9]+:[0-9]+: /)) {
				where = substr(line, 1, RLENGTH - 2)
				sub(/:[0-9]+$/, "", where)
				printf "%s: mandoc: %s\n", where, substr(line, RLENGTH + 1)
			} else {
				if (index(line, page ": ") == 1) line = substr(line, length(page) + 3)
				printf "%s:0: mandoc: %s\n", page, line
			}
			n++
		}
		END {
			if (rc > 4 || (rc != 0 && n == 0))
				printf "%s:0: mandoc: mandoc failed with status %d\n", page, rc
		}' "$tmp/out"
done | "$here/filter.sh"
