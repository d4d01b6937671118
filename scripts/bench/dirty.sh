#!/bin/sh
# bench-dirty: what dirty-page tracking costs, by method and number of
# pages written.  A benchmark, not a test: it prints figures and fails only
# when a program fails (a wrong set of pages reported is a failure).
#
#	scripts/bench/dirty.sh [PROGRAM [OUTDIR]]
#
# PROGRAM is scripts/bench/dirty_track.c compiled (default build/bench/dirty_track);
# OUTDIR (default build/bench) receives dirty.tsv and dirty.png.  The table
# goes to standard output, progress to standard error.
#
# For each method and each N, PROGRAM runs RUNS times (separate processes);
# each run times ROUNDS rounds and reports their median; the figure printed
# is the median of the runs.  Fewer runs and rounds for large N keep the
# whole under a minute on a 2-CPU machine; the table says how many.
#
# Environment (for quick runs and tests; the defaults are the benchmark):
#	BENCH_M		pages in the area (65536)
#	BENCH_NS	pages written per round ("1 8 64 512 4096 65536")
#	BENCH_METHODS	methods, in the order shown
#	BENCH_RUNS, BENCH_ROUNDS   the same runs and rounds for every N
#	BENCH_TIMEOUT	seconds allowed to one run of PROGRAM (120)
set -eu

me=bench-dirty
prog=${1:-build/bench/dirty_track}
out=${2:-build/bench}
M=${BENCH_M:-65536}
NS=${BENCH_NS:-1 8 64 512 4096 65536}
METHODS=${BENCH_METHODS:-uffd-wp-sync uffd-wp-sync-2cpu uffd-wp-async mprotect soft-dirty none}
TIMEOUT=${BENCH_TIMEOUT:-120}
# One run of uffd-wp-sync-2cpu costs about 55 us a page here: above this N
# it would take most of the minute, and its cost per page is known by then.
SYNC2_MAX_N=4096

die() {
	echo "$me: $*" >&2
	exit 1
}

[ -x "$prog" ] || die "$prog: no such program (make build/bench/dirty_track)"
command -v gnuplot >/dev/null 2>&1 || die "gnuplot not found (apt-get install gnuplot-nox)"
command -v timeout >/dev/null 2>&1 || die "timeout not found (coreutils)"
case $M in *[!0-9]* | '') die "BENCH_M: not a number: $M" ;; esac
for n in $NS; do
	case $n in *[!0-9]* | '') die "BENCH_NS: not a number: $n" ;; esac
	if [ "$n" -lt 1 ] || [ "$n" -gt "$M" ]; then
		die "BENCH_NS: $n is not from 1 to M = $M"
	fi
done

# plan N: prints "RUNS ROUNDS"
plan() {
	if [ -n "${BENCH_RUNS:-}" ] || [ -n "${BENCH_ROUNDS:-}" ]; then
		echo "${BENCH_RUNS:-5} ${BENCH_ROUNDS:-9}"
	elif [ "$1" -le 512 ]; then
		echo "5 9"
	elif [ "$1" -le 4096 ]; then
		echo "5 5"
	else
		echo "3 3"
	fi
}

# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir bench-dirty
: >"$tmp/raw"
: >"$tmp/notes"

start=$(date +%s)
for method in $METHODS; do
	printf '%s: %s' "$me" "$method" >&2
	for n in $NS; do
		if [ "$method" = uffd-wp-sync-2cpu ] && [ "$n" -gt "$SYNC2_MAX_N" ]; then
			echo "$method N=$n: not run (N > $SYNC2_MAX_N: a round would take seconds)" >>"$tmp/notes"
			continue
		fi
		p=$(plan "$n")
		runs=${p% *} rounds=${p#* }
		run=1
		skipped=
		while [ "$run" -le "$runs" ]; do
			rc=0
			timeout "$TIMEOUT" "$prog" -r "$rounds" "$method" "$M" "$n" \
				>"$tmp/out" 2>"$tmp/err" || rc=$?
			case $rc in
			0)
				cat "$tmp/out" >>"$tmp/raw"
				;;
			77)
				sed 's/^skip //' "$tmp/out" >>"$tmp/notes"
				skipped=yes
				break
				;;
			124)
				echo >&2
				die "$method M=$M N=$n: no result within $TIMEOUT s"
				;;
			*)
				echo >&2
				cat "$tmp/out" "$tmp/err" >&2
				die "$method M=$M N=$n (run $run): $prog exited with status $rc"
				;;
			esac
			run=$((run + 1))
		done
		[ -z "$skipped" ] || break
		printf ' %s' "$n" >&2
	done
	echo >&2
done
elapsed=$(($(date +%s) - start))

# dirty.tsv: the medians of the runs.
{
	printf '%s\t' '# method' M N runs rounds round_ns page_ns write_ns collect_ns run_min_ns
	printf '%s\n' run_max_ns
	awk -F '\t' "$lib_median"'
	{
		key = $1 SUBSEP $3
		if (!(key in runs)) { order[++nkeys] = key; lo[key] = hi[key] = $5 }
		runs[key]++; m[key] = $2; rounds[key] = $4
		rnd[key] = rnd[key] " " $5; wr[key] = wr[key] " " $7; co[key] = co[key] " " $8
		if ($5 + 0 < lo[key] + 0) lo[key] = $5
		if ($5 + 0 > hi[key] + 0) hi[key] = $5
	}
	END {
		for (i = 1; i <= nkeys; i++) {
			key = order[i]; split(key, f, SUBSEP)
			r = med(rnd[key])
			printf "%s\t%s\t%s\t%d\t%d\t%.0f\t%.1f\t%.0f\t%.0f\t%s\t%s\n", f[1], m[key], f[2],
				runs[key], rounds[key], r, r / f[2], med(wr[key]), med(co[key]), lo[key], hi[key]
		}
	}' "$tmp/raw"
} >"$tmp/dirty.tsv"

# The table.
{
	echo "Dirty-page tracking: M = $M pages of $(getconf PAGESIZE) bytes, private anonymous memory;"
	echo "N pages written per round (every (M/N)-th page), then collected and tracking reset."
	echo "Kernel $(uname -r), $(getconf _NPROCESSORS_ONLN) CPUs; all threads on one CPU except uffd-wp-sync-2cpu."
	echo "Every round's collected set was checked against the written set."
	echo
	awk -F '\t' '
	/^#/ { next }
	!hdr++ {
		printf "%-18s %6s %5s %11s %10s %11s %11s  %s\n", "method", "N", "runs", "us/round", "ns/page",
			"writes us", "collect us", "min..max us (runs)"
	}
	{
		printf "%-18s %6d %5s %11.1f %10.0f %11.1f %11.1f  %.1f..%.1f\n", $1, $3, $4 "x" $5,
			$6 / 1000, $7, $8 / 1000, $9 / 1000, $10 / 1000, $11 / 1000
	}' "$tmp/dirty.tsv"
	echo
	echo "us/round: median time of a round (writes + collect + reset); ns/page: us/round / N;"
	echo "writes: the N stores with the faults they cause; collect: collecting the set and resetting;"
	echo "runs: processes x timed rounds each (one untimed round first); the figures are medians."
	echo
	echo "Cost of a round relative to uffd-wp-async (same N):"
	awk -F '\t' '
	/^#/ { next }
	{
		if (!($3 in seen_n)) { seen_n[$3] = 1; ns[++nn] = $3 }
		if ($1 != "uffd-wp-async" && $1 != "none" && !($1 in seen_m)) { seen_m[$1] = 1; ms[++nm] = $1 }
		cost[$1, $3] = $6
	}
	END {
		printf "%6s", "N"
		for (j = 1; j <= nm; j++) printf " %18s", ms[j]
		printf "\n"
		for (i = 1; i <= nn; i++) {
			n = ns[i]
			printf "%6d", n
			for (j = 1; j <= nm; j++) {
				if (((ms[j], n) in cost) && (("uffd-wp-async", n) in cost) && cost["uffd-wp-async", n] > 0)
					printf " %17.2fx", cost[ms[j], n] / cost["uffd-wp-async", n]
				else
					printf " %18s", "-"
			}
			printf "\n"
		}
	}' "$tmp/dirty.tsv"
	if [ -s "$tmp/notes" ]; then
		echo
		echo "Not measured:"
		sed 's/^/  /' "$tmp/notes"
	fi
	echo
	echo "($elapsed s; figures in $out/dirty.tsv, plot in $out/dirty.png)"
} >"$tmp/table"

# The plot: cost per round against N, log-log, one line per method.
plotcmd=
for method in $METHODS; do
	awk -F '\t' -v m="$method" '$1 == m { print $3 "\t" $6 / 1000 }' "$tmp/dirty.tsv" >"$tmp/$method.dat"
	[ -s "$tmp/$method.dat" ] || continue
	style="linespoints lw 2 pt 7 ps 1.2"
	[ "$method" != none ] || style="linespoints lw 2 dt 2 pt 6 ps 1.2 lc rgb 'gray40'"
	title=$method
	[ "$method" != none ] || title="none (the writes alone)"
	plotcmd="$plotcmd${plotcmd:+, }'$tmp/$method.dat' using 1:2 with $style title '$title'"
done
[ -n "$plotcmd" ] || die "no method could be measured"
xtics=$(echo "$NS" | awk '{ for (i = 1; i <= NF; i++) printf "%s%s", (i > 1 ? ", " : ""), $i }')
xmax=$(echo "$NS" | awk '{ for (i = 1; i <= NF; i++) if ($i + 0 > m) m = $i + 0; print m * 1.5 }')
# The methods not measured, said on the plot too.
label=$(awk '{ gsub(/["\\]/, ""); printf "%sNot measured: %s", (NR > 1 ? "\\n" : ""), $0 }' "$tmp/notes")
cat >"$tmp/plot.gp" <<EOF
set terminal pngcairo size 1000,680 font "DejaVu Sans,12"
set output '$tmp/dirty.png'
set title "Dirty-page tracking: time per round, N of M = $M pages written\\n(Linux $(uname -r); medians)"
set xlabel "N, pages written per round"
set ylabel "time per round (microseconds)"
set logscale xy
set xtics ($xtics)
set format y "10^{%L}"
set xrange [0.7:$xmax]
set grid xtics ytics mytics lc rgb "gray85"
set key bottom right box opaque
set bmargin 6
set label 1 "$label" at screen 0.01, screen 0.05 left font ",10" textcolor rgb "gray30" noenhanced
plot $plotcmd
EOF
gnuplot "$tmp/plot.gp" 2>"$tmp/gnuplot.err" || { cat "$tmp/gnuplot.err" >&2; die "gnuplot failed"; }

mkdir -p "$out"
mv "$tmp/dirty.tsv" "$out/dirty.tsv"
mv "$tmp/dirty.png" "$out/dirty.png"
cp "$tmp/table" "$out/dirty.txt"
cat "$tmp/table"
