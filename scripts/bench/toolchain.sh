#!/bin/sh
# toolchain.sh: how long the project's own build takes, and how much
# memory it needs.  A benchmark, not a test: it prints figures; a make that
# fails is reported as such, not as an error of this script.
#
#	scripts/bench/toolchain.sh [OUTDIR]
#
# Works on a copy of the working tree (uncommitted files included, build/
# left out) in a temporary directory, so that the tree's own build/ is not
# touched.  For -j1 and -j2, REPS times each:
#	cold make	make clean, then make (timed)
#	no-op make	make again (timed)
#	touch page	touch the first man2/*.2, then make (timed)
#	steps		(first repetition only) make clean, then make extract,
#			compile, run, compare, lint-pages, one after the other,
#			each timed: each step given that the steps before it
#			are done
# A step that the Makefile lacks is shown as "n/a (no such target)".
# Times are wall-clock seconds (date +%s%N around the make): the median of
# the repetitions, with the fastest and the slowest; memory is GNU time's
# %M: the largest resident set of any single process of the make (make
# itself or one of its commands), the largest of the repetitions.  With
# the defaults it takes about three minutes on two processors.
#
# Writes OUTDIR/toolchain.tsv (default build/bench) and prints the table.
#
# Environment:
#	BENCH_REPS		repetitions (3)
#	BENCH_STEPS		the steps timed ("extract compile run compare
#				lint-pages"; add lint for the C analysers,
#				codespell and the shell checks, about a minute more)
#	BENCH_MAKE_TIMEOUT	seconds allowed to one make (900)
#	BENCH_SRC		the tree to copy (the directory above scripts/)
set -eu

me=bench-toolchain
out=${1:-build/bench}
REPS=${BENCH_REPS:-3}
MAKE_TIMEOUT=${BENCH_MAKE_TIMEOUT:-900}
here=$(cd "$(dirname "$0")" && pwd)
src=${BENCH_SRC:-$(cd "$here/../.." && pwd)}
STEPS=${BENCH_STEPS:-extract compile run compare lint-pages}
GNU_TIME=/usr/bin/time

die() {
	echo "$me: $*" >&2
	exit 1
}

case $REPS in *[!0-9]* | '' | 0) die "BENCH_REPS: not a positive number: $REPS" ;; esac
[ -f "$src/Makefile" ] || die "$src: no Makefile"
command -v timeout >/dev/null 2>&1 || die "timeout not found (coreutils)"
if ! "$GNU_TIME" -f %M true >/dev/null 2>&1; then
	die "$GNU_TIME: GNU time is needed for the peak memory (apt-get install time)"
fi

# Called from make: the makes measured are not part of that make.
unset MAKEFLAGS MFLAGS GNUMAKEFLAGS MAKELEVEL MAKEOVERRIDES || :

# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir bench-toolchain
tree=$tmp/tree
mkdir "$tree"
# cp -a of every top-level entry but build/ (git clone would miss the
# files not yet committed).
for f in "$src"/* "$src"/.[!.]* "$src"/..?*; do
	[ -e "$f" ] || [ -L "$f" ] || continue
	[ "$(basename "$f")" = build ] && continue
	cp -a "$f" "$tree/"
done
page=$(cd "$tree" && for p in man2/*.2; do [ -f "$p" ] && echo "$p" && break; done; :)

# mk JOBS LABEL TARGET...: runs make, untimed; a failure is noted.
mk() {
	j=$1 label=$2
	shift 2
	if ! (cd "$tree" && timeout "$MAKE_TIMEOUT" make -j"$j" "$@") \
		>"$tmp/mk.out" 2>&1; then
		note "-j$j $label: untimed 'make $*' failed: $(why "$tmp/mk.out")"
	fi
}

# why FILE: the first error make reported, else the last line.
why() {
	awk '/\*\*\*/ && !/Waiting for unfinished jobs/ { print; found = 1; exit }
		{ last = $0 }
		END { if (!found) print last }' "$1"
}

note() {
	grep -qxF -e "$*" "$tmp/notes" 2>/dev/null || echo "$*" >>"$tmp/notes"
}

# has TARGET: does the Makefile know the target?
has() {
	if (cd "$tree" && make -n "$1") >/dev/null 2>"$tmp/has.err"; then
		return 0
	fi
	! grep -q "No rule to make target '$1'\.  Stop\." "$tmp/has.err"
}

# timed JOBS CASE TARGET...: one timed make; appends "CASE JOBS SECONDS KB
# STATUS" to raw.
timed() {
	j=$1 case=$2
	shift 2
	rc=0
	t0=$(date +%s%N)
	(cd "$tree" && timeout "$MAKE_TIMEOUT" "$GNU_TIME" -o "$tmp/time" \
		-f '%e %M' make -j"$j" "$@") >"$tmp/make.out" 2>&1 || rc=$?
	t1=$(date +%s%N)
	if [ "$rc" -eq 124 ]; then
		printf '%s\t%s\t-\t-\ttimeout\n' "$case" "$j" >>"$tmp/raw"
		note "-j$j $case: killed after $MAKE_TIMEOUT s"
		return
	fi
	# GNU time writes "Command exited with non-zero status N" first.
	last=$(tail -n 1 "$tmp/time")
	case $last in
	[0-9]*.[0-9]*' '[0-9]*) ;;
	*) die "-j$j $case: GNU time wrote no figures: $last" ;;
	esac
	# Wall time from date(1), to the millisecond (GNU time: 10 ms).
	printf '%s\t%s\t%s\t%s\t%s\n' "$case" "$j" \
		"$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')" \
		"${last#* }" "$rc" >>"$tmp/raw"
	if [ "$rc" -ne 0 ]; then
		note "-j$j $case: make exited with status $rc: $(why "$tmp/make.out")"
	fi
}

: >"$tmp/raw"
: >"$tmp/notes"
# Which steps exist: asked once, before anything is built (make -n still
# remakes included makefiles, which would do part of a step untimed).
steps=
for step in $STEPS; do
	if has "$step"; then
		steps="$steps $step"
	fi
done
start=$(date +%s)
for j in 1 2; do
	rep=1
	while [ "$rep" -le "$REPS" ]; do
		printf '%s: -j%s, repetition %s of %s\n' "$me" "$j" "$rep" "$REPS" >&2
		mk "$j" clean clean
		timed "$j" cold
		timed "$j" noop
		if [ -n "$page" ]; then
			touch "$tree/$page"
			timed "$j" touch
		fi
		if [ "$rep" -eq 1 ]; then
			mk "$j" clean clean
			for step in $STEPS; do
				case " $steps " in
				*" $step "*) timed "$j" "$step" "$step" ;;
				*) printf '%s\t%s\t-\t-\tmissing\n' "$step" "$j" >>"$tmp/raw" ;;
				esac
			done
		fi
		rep=$((rep + 1))
	done
done
elapsed=$(($(date +%s) - start))

# toolchain.tsv: one line per case and -j: median, fastest and slowest
# seconds, peak KB, runs, and how they ended (ok, failed, missing, timeout).
{
	printf '%s\t' '# case' jobs median min max peak_kb runs
	printf '%s\n' status
	awk -F '\t' "$lib_median"'
	{
		key = $1 SUBSEP $2
		if (!(key in n)) order[++nk] = key
		n[key]++
		if ($5 == "missing") { st[key] = "missing"; next }
		if ($5 == "timeout") { st[key] = "timeout"; next }
		if ($5 != 0 && st[key] != "timeout") st[key] = "failed"
		else if (st[key] == "") st[key] = "ok"
		secs[key] = secs[key] " " $3
		if (!(key in lo) || $3 + 0 < lo[key] + 0) lo[key] = $3
		if (!(key in hi) || $3 + 0 > hi[key] + 0) hi[key] = $3
		if ($4 + 0 > kb[key] + 0) kb[key] = $4
	}
	END {
		for (i = 1; i <= nk; i++) {
			key = order[i]; split(key, f, SUBSEP)
			if (key in secs)
				s = sprintf("%.3f\t%.3f\t%.3f", med(secs[key]), lo[key], hi[key])
			else
				s = "-\t-\t-"
			printf "%s\t%s\t%s\t%s\t%d\t%s\n", f[1], f[2], s, (key in kb) ? kb[key] : "-", n[key], st[key]
		}
	}' "$tmp/raw"
} >"$tmp/toolchain.tsv"

# count GLOB...: how many files the patterns name.
count() {
	k=0
	for f in "$@"; do
		[ -f "$f" ] && k=$((k + 1))
	done
	echo "$k"
}
pages=$(count "$tree"/man2/*.2 "$tree"/man2const/*.2const)
progs=$("$tree/scripts/page/page.sh" list "$tree"/man2/*.2 "$tree"/man2const/*.2const 2>/dev/null |
	grep -c '^program ' || :)
{
	echo "Toolchain: make in a copy of the working tree ($pages pages, $progs example programs),"
	echo "kernel $(uname -r), $(getconf _NPROCESSORS_ONLN) CPUs; seconds of wall-clock time, median of $REPS"
	echo "(fastest-slowest), the steps once;"
	echo "peak memory: the largest resident set of one process of the make (GNU time %M), largest of $REPS."
	echo
	awk -F '\t' -v page="${page:-a page}" '
	function label(c) {
		if (c == "cold") return "cold make (after make clean)"
		if (c == "noop") return "no-op make"
		if (c == "touch") return "make after touching " page
		return "make " c " (steps before it done)"
	}
	function cell(k) {
		if (!(k in st)) return "n/a"
		if (st[k] == "missing") return "n/a (no such target)"
		if (st[k] == "timeout") return "timeout"
		f = sec[k] < 10 ? "%.3f" : "%.1f"
		r = sprintf(f " s", sec[k])
		if (lo[k] != hi[k])
			r = r sprintf(" (" f "-" f ")", lo[k], hi[k])
		return r (st[k] == "failed" ? " (failed)" : "")
	}
	function mem(k) {
		return (k in kb) && kb[k] != "-" ? sprintf("%.0f MiB", kb[k] / 1024) : "-"
	}
	/^#/ { next }
	{
		if (!($1 in seen)) { seen[$1] = 1; cases[++nc] = $1 }
		k = $1 SUBSEP $2
		st[k] = $8; sec[k] = $3; lo[k] = $4; hi[k] = $5; kb[k] = $6
		if ($6 != "-" && $6 + 0 > peak) { peak = $6 + 0; peakat = label($1) ", -j" $2 }
	}
	END {
		printf "%-40s %-26s %-26s %s\n", "", "-j1", "-j2", "peak memory -j1 / -j2"
		for (i = 1; i <= nc; i++) {
			c = cases[i]
			printf "%-40s %-26s %-26s %s / %s\n", label(c), cell(c SUBSEP 1), cell(c SUBSEP 2),
				mem(c SUBSEP 1), mem(c SUBSEP 2)
		}
		if (peak > 0)
			printf "\npeak memory: %.0f MiB (%s)\n", peak / 1024, peakat
	}' "$tmp/toolchain.tsv"
	[ -n "$page" ] || { echo; echo "no page in man2/: no 'make after touching a page'"; }
	if [ -s "$tmp/notes" ]; then
		echo
		echo "Notes:"
		sed 's/^/  /' "$tmp/notes"
	fi
	echo
	echo "($elapsed s; figures in $out/toolchain.tsv)"
} >"$tmp/table"

mkdir -p "$out"
mv "$tmp/toolchain.tsv" "$out/toolchain.tsv"
cp "$tmp/table" "$out/toolchain.txt"
cat "$tmp/table"
