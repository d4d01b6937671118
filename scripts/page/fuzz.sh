#!/bin/sh
# fuzz DIR
#
# Fuzzes the page reader with AFL++ (Debian's afl++) for FUZZ_SECONDS
# seconds (default 120): the reader is built with afl-cc and AddressSanitizer
# into DIR/page, the corpus is every page and fixture page of this tree, and
# each input goes through every reading subcommand (page fuzz).  Prints
#   fuzz: N executions in S seconds, C crashes, H hangs (DIR/out)
# and fails, naming the inputs, when there is a crash.
set -eu
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
me=fuzz
[ $# -eq 1 ] || { echo "usage: $me DIR" >&2; exit 2; }
dir=$1
seconds=${FUZZ_SECONDS:-120}
case $seconds in
'' | *[!0-9]*) echo "$me: FUZZ_SECONDS=$seconds: not a number of seconds" >&2; exit 2 ;;
esac
for tool in afl-fuzz afl-cc; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "$me: $tool is missing: install Debian's afl++ (apt-get install afl++)" >&2
		exit 2
	}
done
lib_traps
root=$here/../..

rm -rf "$dir/in" "$dir/out"
mkdir -p "$dir/in"
n=0
for p in "$root"/man2/* "$root"/man2const/* "$root"/tests/fixtures/*/*.2 \
	"$root"/tests/fixtures/*/pages/*; do
	[ -f "$p" ] || continue
	n=$((n + 1))
	cp "$p" "$dir/in/$n.${p##*.}"
done
[ "$n" -gt 0 ] || { echo "$me: no page for the corpus" >&2; exit 2; }
AFL_USE_ASAN=1 AFL_QUIET=1 CC=afl-cc "$here/build.sh" "$dir/page" >"$dir/build.log" 2>&1 ||
	{ cat "$dir/build.log" >&2; exit 2; }

# No UI, no CPU frequency or core-pattern demands: this is a batch run.
AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
	AFL_NO_AFFINITY=1 AFL_SKIP_CRASHES=1 \
	timeout -k 10 $((seconds + 120)) afl-fuzz -V "$seconds" -t 2000 \
	-i "$dir/in" -o "$dir/out" -- "$dir/page" fuzz @@ >"$dir/afl.log" 2>&1 || {
	echo "$me: afl-fuzz failed; the end of $dir/afl.log:" >&2
	tail -n 20 "$dir/afl.log" >&2
	exit 2
}
stats=$dir/out/default/fuzzer_stats
[ -r "$stats" ] || { echo "$me: $stats: afl-fuzz left no statistics" >&2; exit 2; }
awk -F ' *: *' -v out="$dir/out" '
	{ v[$1] = $2 }
	END {
		crashes = ("saved_crashes" in v) ? v["saved_crashes"] : v["unique_crashes"]
		hangs = ("saved_hangs" in v) ? v["saved_hangs"] : v["unique_hangs"]
		printf "fuzz: %d executions in %d seconds, %d crashes, %d hangs (%s)\n",
		    v["execs_done"], v["run_time"], crashes, hangs, out
		exit crashes > 0
	}' "$stats" || {
	for c in "$dir"/out/default/crashes/id*; do
		[ -e "$c" ] && echo "$me: crash: $c" >&2
	done
	exit 1
}
