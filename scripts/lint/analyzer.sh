#!/bin/sh
# lint-analyzer FILE.c...
#
# gcc's static analyzer (-fanalyzer -Werror, with the warnings the
# examples are compiled with, LINT_CFLAGS) on each C file; each diagnostic
# as "FILE:LINE: analyzer: message [-Werror=...]", through lint-filter.
# The path of events that leads to a finding is shown by
# gcc -fanalyzer -c FILE.c itself.  Exits 1 if a message is left.
set -u
here=$(dirname "$0")
cflags=${LINT_CFLAGS:--std=gnu11 -Wall -Wextra -pthread}
cc=${LINT_CC:-gcc}
[ $# -gt 0 ] || { echo "usage: lint-analyzer FILE.c..." >&2; exit 2; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
lib_tmpdir lint-analyzer
for file; do
	# shellcheck disable=SC2086 # the flags are words
	LC_ALL=C timeout 300 "$cc" $cflags -fanalyzer -Werror \
		-fdiagnostics-plain-output -fdiagnostics-path-format=none \
		-c -o /dev/null "$file" >"$tmp/out" 2>&1
	rc=$?
	awk -v file="$file" -v rc="$rc" -v cc="$cc" '
		match($0, /^[^ :][^:]*:[0-9]+:[0-9]+: (warning|error): /) {
			where = $0
			sub(/:[0-9]+: (warning|error): .*/, "", where)
			printf "%s: analyzer: %s\n", where, substr($0, RLENGTH + 1)
			n++
		}
		END {
			if (rc != 0 && n == 0)
				printf "%s:0: analyzer: %s failed with status %d\n", file, cc, rc
		}' "$tmp/out"
done | "$here/filter.sh"
