#!/bin/sh
# writeback PAGE FILE.c
#
# Puts an edited program back into its page: the body of the SRC block
# named after FILE.c is replaced by FILE.c, roff-escaped (see roff-escape).
# Extracting the page afterwards gives FILE.c again, byte for byte.
# Nothing is written when the program cannot be put back exactly.
set -eu

me=writeback
[ $# -eq 2 ] || { echo "usage: $me PAGE FILE.c" >&2; exit 2; }
page=$1 source=$2
here=$(dirname "$0")
for f in "$page" "$source"; do
	[ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 1; }
done
name=${source##*/}

# What extract cannot give back must not go in.
awk -v f="$source" '
	/[ \t]$/ { printf "%s:%d: trailing white space would be lost\n", f, NR; bad = 1 }
	END { exit bad }' "$source" >&2
if [ -s "$source" ] && [ -n "$(tail -c 1 "$source")" ]; then
	echo "$source: the last line has no newline" >&2
	exit 1
fi

tmp=$(mktemp "$page.writeback.XXXXXX")
trap 'rm -f "$tmp" "$tmp.body"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
"$here/roff-escape.sh" "$source" >"$tmp.body"
awk -v name="$name" -v body="$tmp.body" -v page="$page" '
	$0 == ".\\\" SRC BEGIN (" name ")" { inblock = 1; found = 1; print; next }
	inblock && /^\.EX[ \t]*$/ {
		print
		while ((getline l < body) > 0)
			print l
		skipping = 1
		next
	}
	skipping && /^\.EE[ \t]*$/ { skipping = 0; inblock = 0; print; next }
	skipping { next }
	{ print }
	END {
		if (!found) { printf "%s: no SRC block named %s\n", page, name > "/dev/stderr"; exit 1 }
		if (skipping) { printf "%s: the SRC block of %s has no .EE\n", page, name > "/dev/stderr"; exit 1 }
	}' "$page" >"$tmp"
cat "$tmp" >"$page"
