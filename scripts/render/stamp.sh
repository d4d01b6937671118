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
# A .TH that says something else keeps it; one without says it.  OUT is replaced only when its
# text changes, so that what is rendered from it is rebuilt only then.
set -eu
[ $# -eq 2 ] || { echo "usage: stamp.sh PAGE OUT" >&2; exit 2; }
page=$1
out=$2
[ -r "$page" ] || { echo "stamp: $page: cannot read the page" >&2; exit 1; }
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir stamp

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

# PAGE TITLE SECTION DATE SOURCE MANUAL NAME (page.c: head).
page head "$page" >"$tmp/head" || exit 1
was_date=$(cut -f4 "$tmp/head")
was_source=$(cut -f5 "$tmp/head")
case $was_date in
'(date)' | '') ;;
*) date=$was_date ;;
esac
case $was_source in
'Linux man-pages (unreleased)' | '') source="uffd-man $version" ;;
*) source=$was_source ;;
esac
page stamp "$page" "$date" "$source" >"$tmp/page" || exit 1

mkdir -p "$(dirname "$out")"
if ! cmp -s "$tmp/page" "$out"; then
	cp "$tmp/page" "$out.tmp"
	mv "$out.tmp" "$out"
fi
