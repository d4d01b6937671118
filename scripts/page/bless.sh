#!/bin/sh
# bless PAGE PROGRAM OUTFILE
#
# Rewrites the output shown in PAGE's session of PROGRAM with the output of
# a real run (OUTFILE, written by run-session), roff-escaped.  Command
# lines and comments (VARY) of the session stay as they are.  For an author
# who has checked that the new output is right: it is `make bless`.
set -eu

me=bless
[ $# -eq 3 ] || { echo "usage: $me PAGE PROGRAM OUTFILE" >&2; exit 2; }
page=$1 name=$2 out=$3
here=$(dirname "$0")
for f in "$page" "$out"; do
	[ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 1; }
done
if grep -q '^skip ' "$out"; then
	echo "$me: $out: the session was skipped here, nothing to bless" >&2
	exit 1
fi
if grep -q '^timeout ' "$out"; then
	echo "$me: $out: a command timed out, nothing to bless" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bless.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
# One file of escaped output per command, in order.
awk -v dir="$tmp" '
	$1 == "cmd" { n++; f = dir "/" n; printf "" > f; next }
	$1 == "out" { sub(/^out ?/, ""); print > f }' "$out"
for f in "$tmp"/[0-9]*; do
	[ -e "$f" ] || continue
	"$here/roff-escape.sh" "$f" >"$f.roff"
done
awk -v name="$name" -v dir="$tmp" -v page="$page" '
	index($0, ".\\\" RUN BEGIN (" name " ") == 1 || $0 == ".\\\" RUN BEGIN (" name ")" {
		inblock = 1; found = 1; print; next
	}
	inblock && /^\.\\" RUN END/ { inblock = 0; print; next }
	inblock && /^\.EX/ { inex = 1; print; next }
	inblock && /^\.EE/ { inex = 0; print; next }
	inex && /^\.(B|RB|BR) / {
		print
		f = dir "/" (++n) ".roff"
		while ((getline l < f) > 0)
			print l
		next
	}
	inex && !/^\.\\"/ { next }
	{ print }
	END {
		if (!found) { printf "%s: no session of %s\n", page, name > "/dev/stderr"; exit 1 }
		if ((getline l < (dir "/" (n + 1))) > 0 || n == 0) {
			printf "%s: the session of %s shows another number of commands than were run\n",
			    page, name > "/dev/stderr"
			exit 1
		}
	}' "$page" >"$tmp/page"
cat "$tmp/page" >"$page"
