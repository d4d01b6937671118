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
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-expect.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# page_sections PAGE: the title of each .SH of the page, one a line; the
# one place here that reads a page.
page_sections() {
	awk '
		/^\.SH[ \t]/ {
			t = $0
			sub(/^\.SH[ \t]+/, "", t)
			gsub(/"/, "", t)
			gsub(/\\-/, "-", t)
			print t
		}' "$1"
}

kind=$1
shift
case $kind in
page)
	[ $# -eq 1 ] || usage
	[ -r "$1" ] || { echo "render-expect: $1: cannot read the page" >&2; exit 1; }
	page_sections "$1" >"$tmp/sections"
	[ -s "$tmp/sections" ] || { echo "$1:1: render-expect: the page has no section (.SH)" >&2; exit 1; }
	sed 's/^/heading /' "$tmp/sections"
	;;
index)
	for page; do
		printf 'element a[href="%s.html"]\n' "${page##*/}"
	done
	;;
*)
	usage
	;;
esac
printf 'links\npre-fits\nlocal\n'
