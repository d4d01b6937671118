#!/bin/sh
# upstream-strip PAGE [OUT]
#
# The page as it goes to the man-pages project: without the comments that
# only uffd-man's tools read,
#   .\" RUN BEGIN (...)   .\" RUN END   .\" VARY ERE
#   .\" CHECK name        .\" NOCHECK why   .\" NOCLAIM why
#   .\" SINCE NAME X.Y
# in whichever comment form they are written ('\" or .\" with any spacing),
# and with everything else, the SRC BEGIN and SRC END markers (man-pages'
# own) included, byte for byte.  The page reader removes exactly the lines
# it classified as these annotations (page strip); a comment that looks like
# one and is not is an error there, never left in.  The result must render
# exactly as the page does with mandoc and with groff
# (upstream-render-same), or nothing is written.  Writes OUT, or standard
# output.
set -eu

me=upstream-strip
[ $# -eq 1 ] || [ $# -eq 2 ] || { echo "usage: $me PAGE [OUT]" >&2; exit 2; }
page=$1
[ -f "$page" ] || { echo "$me: $page: no such page" >&2; exit 1; }
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
lib_tmpdir upstream-strip

page strip "$page" >"$tmp/page" || exit 1

# The renderers read the page by name: keep its name, for messages.
if ! "$here/render-same.sh" "$page" "$tmp/page"; then
	echo "$me: $page: without uffd-man's markers it would render differently (a marker after an escaped newline?); nothing written" >&2
	exit 1
fi

if [ $# -eq 2 ]; then
	cp "$tmp/page" "$2.tmp"
	mv "$2.tmp" "$2"
else
	cat "$tmp/page"
fi
