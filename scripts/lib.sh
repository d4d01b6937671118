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
# usage             prints "usage: $synopsis" on stderr and exits 2: the
#                   script sets synopsis ("name [-x ARG] FILE...")
# lib_options SPEC ARG...
#                   the options of ARGs, each with an argument, by getopts:
#                   SPEC is a word per option, LETTER=VAR to set VAR to its
#                   argument, LETTER+VAR to add it to VAR and a newline (a
#                   repeatable option); an unknown option or a missing
#                   argument is a usage error.  The caller then shifts
#                   them away: shift $((OPTIND - 1))
# lib_checkout DIR  fails, saying why, unless DIR is the top of a git
#                   checkout with a commit (MANPAGES, as the messages name
#                   it); sets base to its HEAD
# $lib_median       an awk function, med(s): the median of the numbers of
#                   the string s, separated by spaces
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

usage() {
	# shellcheck disable=SC2154 # set by the script
	echo "usage: $synopsis" >&2
	exit 2
}

lib_options() {
	lib_spec=$1
	shift
	lib_letters=''
	for lib_word in $lib_spec; do
		lib_letters=$lib_letters${lib_word%%[=+]*}:
	done
	OPTIND=1
	while getopts "$lib_letters" lib_opt; do
		[ "$lib_opt" != '?' ] || usage
		for lib_word in $lib_spec; do
			case $lib_word in
			"$lib_opt"=*) eval "${lib_word#*=}=\$OPTARG" ;;
			"$lib_opt"+*) eval "${lib_word#*+}=\${${lib_word#*+}}\$OPTARG'
'" ;;
			esac
		done
	done
}

# shellcheck disable=SC2154,SC2034 # $me is the script's, base is for it
lib_checkout() {
	[ -d "$1" ] || { echo "$me: MANPAGES=$1: no such directory" >&2; exit 1; }
	lib_top=$(git -C "$1" rev-parse --show-toplevel 2>/dev/null) ||
		{ echo "$me: MANPAGES=$1: not a git checkout (give a clone of man-pages)" >&2; exit 1; }
	[ "$(cd "$lib_top" && pwd -P)" = "$(cd "$1" && pwd -P)" ] ||
		{ echo "$me: MANPAGES=$1: not the top of a git checkout (that is $lib_top)" >&2; exit 1; }
	base=$(git -C "$1" rev-parse --verify -q 'HEAD^{commit}') ||
		{ echo "$me: MANPAGES=$1: the checkout has no commit" >&2; exit 1; }
}

# shellcheck disable=SC2034 # for the scripts' awk programs
lib_median='
	function med(s,    v, k, i, j, t) {
		k = split(s, v, " ")
		for (i = 2; i <= k; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
	}'
