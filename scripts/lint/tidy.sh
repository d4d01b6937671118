#!/bin/sh
# lint-tidy FILE.c...
#
# clang-tidy with the project's .clang-tidy on each C file, compiled as
# the examples are (LINT_CFLAGS, default -std=gnu11 -Wall -Wextra
# -pthread); each finding as "FILE:LINE: clang-tidy: message [check]",
# through lint-filter.  Exits 1 if a message is left.
set -u
here=$(dirname "$0")
config=${LINT_TIDY_CONFIG:-$here/../../.clang-tidy}
cflags=${LINT_CFLAGS:--std=gnu11 -Wall -Wextra -pthread}
tidy=${CLANG_TIDY:-clang-tidy}
[ $# -gt 0 ] || { echo "usage: lint-tidy FILE.c..." >&2; exit 2; }
[ -r "$config" ] || { echo "lint-tidy: $config: no clang-tidy configuration" >&2; exit 2; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
lib_tmpdir lint-tidy
for file; do
	# shellcheck disable=SC2086 # the flags are words
	LC_ALL=C timeout 300 "$tidy" --quiet --config-file="$config" "$file" -- $cflags >"$tmp/out" 2>&1
	rc=$?
	# clang-tidy names files by their absolute path: name them as given.
	awk -v file="$file" -v rc="$rc" -v pwd="$PWD" '
		match($0, /^[^ :][^:]*:[0-9]+:[0-9]+: (warning|error): /) {
			where = $0
			sub(/:[0-9]+: (warning|error): .*/, "", where)
			if (index(where, pwd "/") == 1)
				where = substr(where, length(pwd) + 2)
			msg = substr($0, RLENGTH + 1)
			sub(/,-warnings-as-errors\]$/, "]", msg)
			printf "%s: clang-tidy: %s\n", where, msg
			n++
		}
		END {
			if (rc != 0 && n == 0)
				printf "%s:0: clang-tidy: clang-tidy failed with status %d\n", file, rc
		}' "$tmp/out"
done | "$here/filter.sh"
