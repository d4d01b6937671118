#!/bin/sh
# kernel-bench [-n RUNS] OUTDIR KERNELS-ARG...
#
# The kernel matrix's time and memory: runs scripts/kernels/kernels.sh
# RUNS times (3) with KERNELS-ARG (its options and operands, without -o),
# each into OUTDIR/run-N, and prints
#     kernel matrix: C cells (R ran), J guests at once, N runs
#     wall: min S s, median S s, max S s
#     CELL  RELEASE  min S s, median S s, max S s; guest memory G MB, QEMU peak M MB
#     ...
# The kernels must be cached already (make kernels fetched them): a run
# that downloads measures the network.  The result lines of each run are
# in OUTDIR/run-N/log.
#
# Exit status 0; 1 when a run ended with an error (not a failed item);
# 2 on a usage error.
set -eu

me='kernel-bench'
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
runs=3
synopsis="$me [-n RUNS] OUTDIR KERNELS-ARG..."
lib_options 'n=runs' "$@"
shift $((OPTIND - 1))
[ $# -ge 2 ] || usage
case $runs in '' | *[!0-9]* | 0) echo "$me: -n $runs: not a number of runs" >&2; exit 2 ;; esac
outdir=$1
shift
here=$(cd "$(dirname "$0")" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$outdir"
: >"$tmp/wall"
: >"$tmp/cells"
i=1
while [ "$i" -le "$runs" ]; do
	run=$outdir/run-$i
	rm -rf "$run"
	mkdir -p "$run"
	start=$(date +%s.%N)
	set +e
	"$here/kernels.sh" -o "$run" "$@" >"$run/log" 2>&1
	status=$?
	set -e
	end=$(date +%s.%N)
	if [ $status -gt 1 ]; then
		echo "$me: run $i: kernels exited with status $status: $(tail -n 1 "$run/log")" >&2
		exit 1
	fi
	awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }' >>"$tmp/wall"
	# CELL<tab>RELEASE<tab>SECONDS<tab>MAXRSS<tab>MEMORY, for the cells that ran.
	for k in "$run"/*/; do
		k=${k%/}
		if [ ! -f "$k/boot.txt" ] || [ ! -f "$k/cell" ]; then
			continue
		fi
		awk -v cell="$(head -n 1 "$k/cell")" -v rel="$(head -n 1 "$k/kernel")" '
			$1 == "seconds" { s = $2 } $1 == "maxrss" { r = $2 } $1 == "memory" { m = $2 }
			END { printf "%s\t%s\t%s\t%s\t%s\n", cell, rel, s, (r == "" ? "-" : r), (m == "" ? "-" : m) }' \
			"$k/boot.txt" >>"$tmp/cells"
	done
	i=$((i + 1))
done

ncells=$(grep -c . "$run/cells.txt" || :)
ncells=$((ncells - 1))
ran=$(awk -F '\t' 'FNR > 1 && $4 != "SKIP"' "$run/cells.txt" | grep -c . || :)
jobs=${KERNELS_JOBS:-$(nproc 2>/dev/null || echo 1)}
echo "kernel matrix: $ncells cells ($ran ran), $jobs guests at once, $runs runs"
sort -n "$tmp/wall" | awk '{ v[NR] = $1 } END {
	printf "wall: min %.1f s, median %.1f s, max %.1f s\n", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'
sort -t "$(printf '\t')" -k 1,1 -k 3,3n "$tmp/cells" | awk -F '\t' '
	function flush() {
		if (cur == "") return
		med = (n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2)
		if (mem == "-")
			m = "run here, no guest"
		else
			m = sprintf("guest memory %s MB, QEMU peak %s", mem, (rss == "" ? "unknown" : sprintf("%d MB", rss / 1024)))
		printf "  %-12s %-26s min %.1f s, median %.1f s, max %.1f s; %s\n",
		    cur, rel, s[1], med, s[n], m
	}
	$1 != cur { flush(); cur = $1; rel = $2; n = 0; rss = ""; mem = $5 }
	{ s[++n] = $3; if ($4 != "-" && ($4 + 0 > rss + 0)) rss = $4 }
	END { flush() }'
