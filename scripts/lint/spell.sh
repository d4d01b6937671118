#!/bin/sh
# lint-spell FILE...
#
# codespell on the files (pages, programs, scripts), its findings as
# "FILE:LINE: codespell: WORD ==> FIX", through lint-filter.
# Exits 1 if a message is left.
set -u
here=$(dirname "$0")
[ $# -gt 0 ] || { echo "usage: lint-spell FILE..." >&2; exit 2; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
lib_tmpdir lint-spell
# One codespell for all the files: its start costs more than its reading.
LC_ALL=C.UTF-8 timeout 300 codespell --disable-colors -- "$@" >"$tmp/out" 2>&1
rc=$?
# codespell: FILE:LINE: WORD ==> FIX; its status counts the findings.
awk -v first="$1" -v rc="$rc" '
	match($0, /^.*:[0-9]+: /) {
		printf "%s: codespell: %s\n", substr($0, 1, RLENGTH - 2), substr($0, RLENGTH + 1)
		n++
		next
	}
	{ printf "%s:0: codespell: %s\n", first, $0; n++ }
	END {
		if (rc != 0 && n == 0)
			printf "%s:0: codespell: codespell failed with status %d\n", first, rc
	}' "$tmp/out" | "$here/filter.sh"
