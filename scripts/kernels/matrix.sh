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

mv "$tmp/matrix.txt" "$outdir/matrix.txt"
mv "$tmp/matrix.table" "$outdir/matrix.table"
cat "$tmp/lines" "$outdir/matrix.table" "$tmp/matrix.table.summary"
! grep -q '^FAIL ' "$tmp/lines"
