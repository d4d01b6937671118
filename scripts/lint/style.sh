#!/bin/sh
# lint-style PAGE...
#
# The man-pages style rules of scripts/lint/style.awk (the .TH line,
# section order, semantic newlines, trailing blanks, page references,
# constants in bold, file names in italics), through lint-filter.
# Prints "PAGE:LINE: RULE: message" per violation; exits 1 if any.
set -u
here=$(dirname "$0")
[ $# -gt 0 ] || { echo "usage: lint-style PAGE..." >&2; exit 2; }
for page; do
	if [ ! -r "$page" ]; then
		printf '%s:0: style: cannot read the page\n' "$page"
		continue
	fi
	awk -v page="$page" -f "$here/style.awk" "$page"
	[ $? -le 1 ] || printf '%s:0: style: lint-style.awk failed\n' "$page"
done | "$here/filter.sh"
