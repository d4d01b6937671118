#!/bin/sh
# kernel-matrix OUTDIR KDIR...
#
# Puts together the results of the kernels of the matrix: each KDIR holds
# "kernel" (its name, one line: the release) and results.txt (scripts/
# kernel-results, then scripts/kernels/since.sh: ITEM<tab>RESULT<tab>REASON,
# and detail lines that start with a tab).  Writes
#     OUTDIR/matrix.txt     the results, one line each, tab-separated:
#                               KERNEL  ITEM  PASS|FAIL|SKIP  REASON
#                           after a first line "# kernel<tab>item<tab>
#                           result<tab>reason"; the tests read it
#     OUTDIR/matrix.table   the same as a table, items by kernels, with the
#                           reasons of SKIP and FAIL as numbered notes
#     OUTDIR/cells.txt      the cells, one line each, tab-separated, after a
#                           first line "# kernel<tab>arch<tab>cell<tab>boot
#                           <tab>reason": the kernel's name, its
#                           architecture and cell (KDIR/cell: "ARCH CELL",
#                           else "- KERNEL"), and its boot line's result
#     OUTDIR/summary.txt    for the cover letter: the kernels, the
#                           architectures, and the counts of each cell
#                           and of all
# and prints a result line for each (kernel, item):
#     PASS ITEM on KERNEL | FAIL ITEM on KERNEL: REASON | SKIP ITEM on KERNEL: REASON
# a FAIL followed by its details (indented), then the table, then
#     N passed, N failed, N skipped
# Exit status: 0; 1 when something failed; 2 on an error (nothing
# written).
set -eu

me='kernel-matrix'
[ $# -ge 2 ] || { echo "usage: $me OUTDIR KDIR..." >&2; exit 2; }
outdir=$1
shift
for k in "$@"; do
	for f in "$k/kernel" "$k/results.txt"; do
		[ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 2; }
	done
done
mkdir -p "$outdir"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-matrix.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# All results, as KERNEL<tab>ITEM<tab>RESULT<tab>REASON, detail lines as
# <tab><tab>DETAIL.
for k in "$@"; do
	name=$(head -n 1 "$k/kernel")
	awk -F '\t' -v k="$name" -v file="$k/results.txt" '
		$1 == "" { sub(/^\t/, ""); print "\t\t" $0; next }
		$2 != "PASS" && $2 != "FAIL" && $2 != "SKIP" {
			printf "%s:%d: not a result line\n", file, FNR > "/dev/stderr"; bad = 1; exit
		}
		{ print k "\t" $0 }
		END { exit bad }' "$k/results.txt" || exit 2
done >"$tmp/all"

{
	printf '# kernel\titem\tresult\treason\n'
	grep -v "^$(printf '\t')" "$tmp/all" || :
} >"$tmp/matrix.txt"

awk -F '\t' -v table="$tmp/matrix.table" '
	$1 == "" && $2 == "" {
		if (last == "FAIL") { sub(/^\t\t/, ""); print "    " $0 }
		next
	}
	{
		k = $1; item = $2; res = $3; why = $4
		last = res
		if (!(k in kseen)) { kseen[k] = 1; kern[++nk] = k }
		if (!(item in iseen)) { iseen[item] = 1; items[++ni] = item }
		if (res == "PASS") {
			pass++
			printf "PASS %s on %s\n", item, k
			cell[k, item] = "PASS"
		} else {
			if (res == "FAIL") fail++; else skip++
			printf "%s %s on %s: %s\n", res, item, k, why
			if (!(why in note)) { note[why] = ++nn; notes[nn] = why }
			cell[k, item] = res " " note[why]
		}
	}
	END {
		w = length("item")
		for (i = 1; i <= ni; i++) if (length(items[i]) > w) w = length(items[i])
		for (j = 1; j <= nk; j++) {
			cw[j] = length(kern[j])
			for (i = 1; i <= ni; i++)
				if (((kern[j] SUBSEP items[i]) in cell) && length(cell[kern[j], items[i]]) > cw[j]) cw[j] = length(cell[kern[j], items[i]])
		}
		line = sprintf("%-" w "s", "item")
		for (j = 1; j <= nk; j++) line = line sprintf("  %-" cw[j] "s", kern[j])
		sub(/ +$/, "", line)
		print line > table
		for (i = 1; i <= ni; i++) {
			line = sprintf("%-" w "s", items[i])
			for (j = 1; j <= nk; j++) {
				c = ((kern[j] SUBSEP items[i]) in cell) ? cell[kern[j], items[i]] : "-"
				line = line sprintf("  %-" cw[j] "s", c)
			}
			sub(/ +$/, "", line)
			print line > table
		}
		if (nn > 0) print "" > table
		for (n = 1; n <= nn; n++) printf "%d: %s\n", n, notes[n] > table
		printf "%d passed, %d failed, %d skipped\n", pass, fail, skip > (table ".summary")
	}' "$tmp/all" >"$tmp/lines"

# The cells.
{
	printf '# kernel\tarch\tcell\tboot\treason\n'
	for k in "$@"; do
		name=$(head -n 1 "$k/kernel")
		cell="- $name"
		[ ! -f "$k/cell" ] || cell=$(head -n 1 "$k/cell")
		awk -F '\t' -v k="$name" -v c="$cell" '
			BEGIN { a = c; sub(/ .*/, "", a); n = c; sub(/^[^ ]* /, "", n) }
			$1 == "boot" { print k "\t" a "\t" n "\t" $2 "\t" $3; found = 1; exit }
			END { if (!found) print k "\t" a "\t" n "\t-\t" }' "$k/results.txt"
	done
} >"$tmp/cells.txt"

# The summary, a cell a line, then the totals.
awk -F '\t' '
	FNR == 1 { file++ }
	file == 1 && FNR > 1 { cell[$1] = $2 " " $3; order[++nc] = $1; boot[$1] = $4; why[$1] = $5; next }
	file == 2 && FNR > 1 { n[$1, $3]++; all[$3]++ }
	END {
		print "Kernel matrix: " nc " cells"
		for (i = 1; i <= nc; i++) {
			k = order[i]
			if (boot[k] == "SKIP")
				line = sprintf("  %-12s %-24s SKIP: %s", cell[k], k, why[k])
			else
				line = sprintf("  %-12s %-24s %d passed, %d failed, %d skipped", cell[k], k,
				    n[k, "PASS"], n[k, "FAIL"], n[k, "SKIP"])
			print line
			if (boot[k] != "SKIP") ran++
			split(cell[k], w, " "); if (!(w[1] in arch)) { arch[w[1]] = 1; arches = arches (arches == "" ? "" : ", ") w[1] }
		}
		printf "Architectures: %s\n", arches
		printf "Cells that ran: %d of %d\n", ran, nc
		printf "Total: %d passed, %d failed, %d skipped\n", all["PASS"], all["FAIL"], all["SKIP"]
	}' "$tmp/cells.txt" "$tmp/matrix.txt" >"$tmp/summary.txt"

mv "$tmp/cells.txt" "$outdir/cells.txt"
mv "$tmp/summary.txt" "$outdir/summary.txt"
mv "$tmp/matrix.txt" "$outdir/matrix.txt"
mv "$tmp/matrix.table" "$outdir/matrix.table"
cat "$tmp/lines" "$outdir/matrix.table" "$tmp/matrix.table.summary"
! grep -q '^FAIL ' "$tmp/lines"
