#!/bin/sh
# render-man OUT.txt PAGE
#
# The page as man(1) shows it on an 80-column terminal (man-db's man -l,
# MANWIDTH=80), as plain UTF-8 text without overstriking (col -bx).
# Warnings are shown, not fatal (make lint fails on them).  Writes OUT.txt
# whole or not at all.  MANWIDTH sets another width.
set -eu
[ $# -eq 2 ] || { echo "usage: render-man OUT.txt PAGE" >&2; exit 2; }
out=$1
page=$2
[ -r "$page" ] || { echo "render-man: $page: cannot read the page" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-man.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
MANWIDTH=${MANWIDTH:-80} MANPAGER=cat PAGER=cat MAN_KEEP_FORMATTING='' \
	LC_ALL=C.UTF-8 timeout 60 man -l "$page" >"$tmp/raw" 2>"$tmp/err" || {
	cat "$tmp/err" >&2
	exit 1
}
[ ! -s "$tmp/err" ] || cat "$tmp/err" >&2
LC_ALL=C.UTF-8 col -bx <"$tmp/raw" >"$tmp/out"
mkdir -p "$(dirname "$out")"
mv "$tmp/out" "$out"
