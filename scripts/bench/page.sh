#!/bin/sh
# bench-page READER OUTDIR PAGE...
#
# How long the page reader takes to read a page, beside mandoc -Tlint on
# the same page for scale.  A benchmark, not a test: it prints figures.
# For each PAGE, BENCH_PAGE_REPS (200) times each:
#	parse		page time PAGE: reading and parsing the page into its
#			model, timed inside the reader (CLOCK_MONOTONIC)
#	page dump	a run of the reader: started, parse, model printed
#	mandoc -Tlint	a run of mandoc's parser and its checks
#	start		a run of /bin/true: what starting a process costs here
# The runs are wall-clock milliseconds per run (date +%s%N around the
# loop), divided by the runs.  Writes OUTDIR/page.tsv and prints the
# table; the reader's target is 5 ms to parse a page.
set -eu
me=bench-page
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
[ $# -ge 3 ] || { echo "usage: $me READER OUTDIR PAGE..." >&2; exit 2; }
reader=$1 out=$2
shift 2
reps=${BENCH_PAGE_REPS:-200}
case $reps in *[!0-9]* | '' | 0) echo "$me: BENCH_PAGE_REPS: not a positive number: $reps" >&2; exit 2 ;; esac
[ -x "$reader" ] || { echo "$me: $reader: no reader (make $reader)" >&2; exit 2; }
command -v mandoc >/dev/null 2>&1 || { echo "$me: mandoc is missing (run scripts/deps.sh)" >&2; exit 2; }
lib_traps

# per_run COMMAND...: milliseconds per run of COMMAND, REPS runs.
per_run() {
	start=$(date +%s%N)
	i=0
	while [ "$i" -lt "$reps" ]; do
		"$@" >/dev/null 2>&1 || :
		i=$((i + 1))
	done
	end=$(date +%s%N)
	awk -v ns=$((end - start)) -v n="$reps" 'BEGIN { printf "%.2f", ns / n / 1e6 }'
}

mkdir -p "$out"
{
	printf 'page\tlines\tparse ms\tpage dump ms\tmandoc -Tlint ms\tstart ms\n'
	for p; do
		[ -r "$p" ] || { echo "$me: $p: cannot read" >&2; exit 2; }
		"$reader" dump "$p" >/dev/null || { echo "$me: $p: the reader fails on it" >&2; exit 2; }
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$(wc -l <"$p" | tr -d ' ')" \
			"$("$reader" time "$p" "$reps")" "$(per_run "$reader" dump "$p")" \
			"$(per_run mandoc -Tlint "$p")" "$(per_run /bin/true)"
	done
} >"$out/page.tsv.tmp"
mv "$out/page.tsv.tmp" "$out/page.tsv"
echo "reading a page, $reps times each (milliseconds; the reader's target: parse 5)"
column -t -s "$(printf '\t')" "$out/page.tsv"
