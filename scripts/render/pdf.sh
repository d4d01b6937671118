#!/bin/sh
# render-pdf OUT.pdf PAGE...
#
# The pages, in order, as one PDF typeset by groff (-man -t: tbl, then
# troff), with gropdf; where gropdf is missing, groff's PostScript through
# ps2pdf.  groff's warnings are shown (make lint fails on them, here the
# PDF is still made).  Writes OUT.pdf whole or not at all.
set -eu
[ $# -ge 2 ] || { echo "usage: render-pdf OUT.pdf PAGE..." >&2; exit 2; }
out=$1
shift
for page; do
	[ -r "$page" ] || { echo "render-pdf: $page: cannot read the page" >&2; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-pdf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

if command -v gropdf >/dev/null 2>&1; then
	LC_ALL=C timeout 120 groff -man -t -Tpdf "$@" >"$tmp/out.pdf" 2>"$tmp/err" || {
		cat "$tmp/err" >&2
		exit 1
	}
else
	LC_ALL=C timeout 120 groff -man -t -Tps "$@" >"$tmp/out.ps" 2>"$tmp/err" || {
		cat "$tmp/err" >&2
		exit 1
	}
	timeout 120 ps2pdf "$tmp/out.ps" "$tmp/out.pdf"
fi
[ ! -s "$tmp/err" ] || cat "$tmp/err" >&2
mkdir -p "$(dirname "$out")"
mv "$tmp/out.pdf" "$out"
