#!/bin/sh
# lint-shell FILE...
# lint-shell -l FILE...
#
# Runs shellcheck on each shell script (POSIX sh, bash and bats, as its "#!"
# line or its name says), each finding as
# "FILE:LINE: shellcheck: LEVEL: message [SCnnnn]", through lint-filter.
# Exits 1 if a message is left.  With -l, only prints which of the FILEs
# are shell scripts (a "#!" naming sh, bash, dash or bats, or a name ending
# in .sh, .bash or .bats), for make to give them back.
set -u
here=$(dirname "$0")

isshell() {
	case $1 in
	*.sh | *.bash | *.bats) return 0 ;;
	*.c | *.h | *.awk | *.mk | *.md | *.txt) return 1 ;;
	esac
	[ -f "$1" ] || return 1
	first=$(sed -n '1p' "$1" 2>/dev/null) || return 1
	case $first in
	'#!'*/sh | '#!'*/sh' '* | '#!'*/bash | '#!'*/bash' '* | '#!'*/dash | '#!'*/dash' '*) return 0 ;;
	'#!'*'/env sh'* | '#!'*'/env bash'* | '#!'*'/env bats'* | '#!'*/bats) return 0 ;;
	esac
	return 1
}

if [ "${1-}" = -l ]; then
	shift
	for file; do
		if isshell "$file"; then printf '%s\n' "$file"; fi
	done
	exit 0
fi
[ $# -gt 0 ] || { echo "usage: lint-shell [-l] FILE..." >&2; exit 2; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
lib_tmpdir lint-shell
for file; do
	LC_ALL=C.UTF-8 timeout 60 shellcheck -f gcc -- "$file" >"$tmp/out" 2>&1
	rc=$?
	awk -v file="$file" -v rc="$rc" '
		match($0, /^[^ :][^:]*:[0-9]+:[0-9]+: [a-z]+: /) {
			where = $0
			sub(/:[0-9]+: [a-z]+: .*/, "", where)
			level = $0
			sub(/^[^ :][^:]*:[0-9]+:[0-9]+: /, "", level)
			sub(/:.*/, "", level)
			printf "%s: shellcheck: %s: %s\n", where, level, substr($0, RLENGTH + 1)
			n++
			next
		}
		NF { printf "%s:0: shellcheck: %s\n", file, $0; n++ }
		END {
			if (rc != 0 && n == 0)
				printf "%s:0: shellcheck: shellcheck failed with status %d\n", file, rc
		}' "$tmp/out"
done | "$here/filter.sh"
