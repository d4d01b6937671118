#!/bin/sh
# compile CC OUTPUT SOURCE [FLAG...]
#
# Compiles an extracted example.  The compiler's messages about SOURCE are
# told at the page's lines, using SOURCE.lines (written by extract), so that
# an author is sent to the line to edit.  Nothing is left at OUTPUT when the
# compilation fails.
set -eu

me=compile
[ $# -ge 3 ] || { echo "usage: $me CC OUTPUT SOURCE [FLAG...]" >&2; exit 2; }
cc=$1 output=$2 source=$3
shift 3
command -v "$cc" >/dev/null 2>&1 || { echo "$me: $cc is missing (run scripts/deps.sh)" >&2; exit 1; }
[ -f "$source" ] || { echo "$me: $source: no such file" >&2; exit 1; }
map=$source.lines
[ -f "$map" ] || map=/dev/null

log=$output.log
rm -f "$output"
if "$cc" "$@" -o "$output.tmp" "$source" >"$log" 2>&1; then
	status=0
	mv "$output.tmp" "$output"
else
	status=$?
	rm -f "$output.tmp"
fi
# Warnings are errors here, so anything printed is worth reading.
awk -v src="$source" -v map="$map" '
	BEGIN { while ((getline l < map) > 0) { n++; split(l, f, " "); pg[n] = f[1]; ln[n] = f[2] } }
	index($0, src ":") == 1 {
		rest = substr($0, length(src) + 2)
		if (match(rest, /^[0-9]+/)) {
			num = substr(rest, 1, RLENGTH) + 0
			if (num in pg) {
				print pg[num] ":" ln[num] substr(rest, RLENGTH + 1)
				next
			}
		}
		if (1 in pg) {
			print pg[1] ":" rest
			next
		}
	}
	{ print }' "$log" >&2
rm -f "$log"
exit "$status"
