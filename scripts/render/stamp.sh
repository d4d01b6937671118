#!/bin/sh
# stamp.sh PAGE OUT
#
# The page as it is installed and rendered: the ".TH" placeholders that
# the sources keep, as man-pages' do, filled in the way man-pages fills
# them when it builds.  "(date)" becomes the date of the page's last
# commit (YYYY-MM-DD), and "Linux man-pages (unreleased)" becomes this
# project's name and version from git describe ("uffd-man 0701efe"),
# short enough for the footer of an 80-column page.  Outside a git
# checkout (a tarball), or for a page git does not track yet, the date is
# the file's modification date and the version the one CHANGES starts
# with.
# OUT is replaced only when its text changes, so that what is rendered
# from it is rebuilt only then.
set -eu
[ $# -eq 2 ] || { echo "usage: stamp.sh PAGE OUT" >&2; exit 2; }
page=$1
out=$2
[ -r "$page" ] || { echo "stamp: $page: cannot read the page" >&2; exit 1; }
top=$(cd "$(dirname "$0")/../.." && pwd)

date='' version=''
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	date=$(git -C "$top" log -1 --format=%cs -- "$(cd "$(dirname "$page")" && pwd)/${page##*/}" 2>/dev/null) || date=
	version=$(git -C "$top" describe --tags --always --dirty 2>/dev/null) || version=
fi
[ -n "$date" ] || date=$(date -u -r "$page" +%Y-%m-%d)
if [ -z "$version" ]; then
	# CHANGES begins "uffd-man VERSION" (or "uffd-man (unreleased)").
	version=$(sed -n '1{s/^uffd-man[ \t]*//; s/^(\(.*\))$/\1/; p; q}' "$top/CHANGES" 2>/dev/null) || version=
	[ -n "$version" ] || version=unknown
fi

mkdir -p "$(dirname "$out")"
sed -e '/^\.TH /{
	s/ (date) / '"$date"' /
	s/"Linux man-pages (unreleased)"/"uffd-man '"$version"'"/
}' "$page" >"$out.tmp"
if cmp -s "$out.tmp" "$out"; then rm -f "$out.tmp"; else mv "$out.tmp" "$out"; fi
