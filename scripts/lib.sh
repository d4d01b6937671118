# shellcheck shell=sh
# scripts/lib.sh: what the toolchain's scripts share.  Source it first:
#
#	. "$(dirname "$0")/../lib.sh"
#
# lib_tmpdir NAME   makes $tmp, a temporary directory removed when the
#                   script exits; HUP, INT and TERM end the script with
#                   129, 130 and 143 (removing it too)
# lib_traps         the same traps, for a script without a directory
# lib_summary P F S prints "P passed, F failed, S skipped"
# lib_count FILE... counts the PASS, FAIL and SKIP lines of FILEs, prints
#                   them and the summary; fails when one failed
# page ARG...       the page reader (scripts/page/page.sh): every script
#                   reads the pages through it, never by itself
#
# $scripts is the scripts/ directory.

scripts=$(cd "$(dirname "$0")/.." && pwd)

lib_traps() {
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

lib_tmpdir() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX") || exit 2
	# shellcheck disable=SC2064 # $tmp is fixed now, on purpose
	trap "rm -rf '$tmp'" EXIT
	lib_traps
}

lib_summary() {
	printf '%d passed, %d failed, %d skipped\n' "$1" "$2" "$3"
}

lib_count() {
	awk '
		/^PASS / { pass++ }
		/^FAIL / { fail++ }
		/^SKIP / { skip++ }
		{ print }
		END {
			printf "%d passed, %d failed, %d skipped\n", pass, fail, skip
			exit fail > 0
		}' "$@"
}

page() {
	"$scripts/page/page.sh" "$@"
}
