#!/bin/sh
# render-expect page PAGE
# render-expect index PAGE...
#
# What a reader must see of the HTML that render-html makes of PAGE, as
# expectations for render-browser: each section of the page (.SH) a
# heading, every link resolving, every example fitting its box, nothing
# loaded from outside.  For the index that render-index makes of the
# PAGEs: a link to each page's HTML, and the same for links, examples
# and resources.
set -eu
usage() {
	echo "usage: render-expect page PAGE | render-expect index PAGE..." >&2
	exit 2
}
[ $# -ge 2 ] || usage
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir render-expect

kind=$1
shift
case $kind in
page)
	[ $# -eq 1 ] || usage
	[ -r "$1" ] || { echo "render-expect: $1: cannot read the page" >&2; exit 1; }
	# The page's outline (page.c): "sh LINE TITLE" for each section.
	page outline "$1" >"$tmp/outline" || exit 1
	sed -n 's/^sh [0-9]* //p' "$tmp/outline" >"$tmp/sections"
	[ -s "$tmp/sections" ] || { echo "$1:1: render-expect: the page has no section (.SH)" >&2; exit 1; }
	sed 's/^/heading /' "$tmp/sections"
	;;
index)
	for p; do
		printf 'element a[href="%s.html"]\n' "${p##*/}"
	done
	;;
*)
	usage
	;;
esac
printf 'links\npre-fits\nlocal\n'
