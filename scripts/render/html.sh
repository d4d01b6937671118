#!/bin/sh
# render-html OUT.html PAGE [OTHER_PAGE...]
#
# The page as HTML (mandoc -Thtml), with a link for each reference to one
# of the OTHER_PAGEs ("ioctl_userfaultfd(2)" -> ioctl_userfaultfd.2.html,
# the names that mandoc's -Oman=%N.%S.html gives them).  mandoc 1.14 makes
# no link of a man(7) ".BR name (N)", so the links are added here; a
# reference to a page outside the set stays text.  Two defects of
# mandoc 1.14's HTML in .EX blocks are worked around on a copy of the page:
# a blank line (or one holding only \&) is dropped (it is given to mandoc
# as .sp), and a line that
# starts with a blank gets an extra <br/>, an empty line in the browser
# (it is given a leading \&).  mandoc's own style is replaced with
# html.css (copied in, so that a page needs no other file), and an empty
# paragraph that mandoc sets before an indented example is dropped, and
# the footer gets man(1)'s order: source, date, title.
# Writes OUT.html whole or not at all.
set -eu
[ $# -ge 2 ] || { echo "usage: render-html OUT.html PAGE [OTHER_PAGE...]" >&2; exit 2; }
out=$1
page=$2
shift 2
[ -r "$page" ] || { echo "render-html: $page: cannot read the page" >&2; exit 1; }
css=$(dirname "$0")/html.css
[ -r "$css" ] || { echo "render-html: $css: cannot read the stylesheet" >&2; exit 1; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir render-html

names=
for other; do
	names="$names ${other##*/}"
done

# The copy that mandoc is given (page.c: html).
page html "$page" >"$tmp/page" || exit 1

LC_ALL=C.UTF-8 timeout 60 mandoc -Thtml -Oman=%N.%S.html "$tmp/page" >"$tmp/html"

# mandoc sets an indented .EX block (.in +4n ... .in) between two <br/>,
# each an empty line above and below the <pre>: they are dropped.
# <b>name</b>(N) -> a link, for the pages of the set (not the page itself).
awk -v names="$names" -v self="${page##*/}" '
	BEGIN {
		n = split(names, a, " ")
		for (i = 1; i <= n; i++)
			if (a[i] != self) link[a[i]] = 1
	}
	$0 ~ /^[ \t]*<br\/>[ \t]*$/ && (prev ~ /<\/pre>[ \t]*$/) { prev = $0; next }
	{
		line = $0
		prev = $0
		if (held != "") {
			if (line !~ /^[ \t]*<pre>/) print held
			held = ""
		}
		if (line ~ /^[ \t]*<br\/>[ \t]*$/) { held = line; next }
		outl = ""
		while (match(line, /<b>[A-Za-z0-9_.-]+<\/b>\([1-9][a-z]*\)/)) {
			ref = substr(line, RSTART, RLENGTH)
			name = ref
			sub(/^<b>/, "", name)
			sub(/<\/b>.*/, "", name)
			sec = ref
			sub(/.*\(/, "", sec)
			sub(/\)$/, "", sec)
			outl = outl substr(line, 1, RSTART - 1)
			if ((name "." sec) in link)
				outl = outl "<a class=\"Xr\" href=\"" name "." sec ".html\">" ref "</a>"
			else
				outl = outl ref
			line = substr(line, RSTART + RLENGTH)
		}
		print outl line
	}
	END { if (held != "") print held }' "$tmp/html" >"$tmp/linked"

# The whole file at once: the <style> block becomes html.css, and
# <p class="Pp"> holding only <br/> right before a <pre> goes.
awk -v css="$css" '
	{ all = all $0 "\n" }
	END {
		sub(/<html>/, "<html lang=\"en\">", all)
		i = index(all, "<style>")
		j = index(all, "</style>")
		if (i > 0 && j > i) {
			style = ""
			while ((getline line <css) > 0)
				style = style line "\n"
			all = substr(all, 1, i + length("<style>") - 1) "\n" style substr(all, j)
		}
		# The footer as man(1) prints it: the source at the left, the
		# date in the middle, the title at the right.
		if (match(all, /<td class="head-ltitle">[^<]*<\/td>/)) {
			title = substr(all, RSTART, RLENGTH)
			sub(/^<td class="head-ltitle">/, "", title)
			sub(/<\/td>$/, "", title)
			if (match(all, /<td class="foot-date">[^<]*<\/td>\n[ \t]*<td class="foot-os">[^<]*<\/td>/)) {
				foot = substr(all, RSTART, RLENGTH)
				date = foot
				sub(/^<td class="foot-date">/, "", date)
				sub(/<\/td>.*/, "", date)
				os = foot
				sub(/.*<td class="foot-os">/, "", os)
				sub(/<\/td>$/, "", os)
				all = substr(all, 1, RSTART - 1) "<td class=\"foot-os\">" os "</td>\n    <td class=\"foot-date\">" date "</td>\n    <td class=\"foot-title\">" title "</td>" substr(all, RSTART + RLENGTH)
			}
		}
		out = ""
		while (match(all, /<p class="Pp">[ \t\n]*<br\/>[ \t\n]*<\/p>\n<pre>/)) {
			out = out substr(all, 1, RSTART - 1) "<pre>"
			all = substr(all, RSTART + RLENGTH)
		}
		printf "%s", out all
	}' "$tmp/linked" >"$tmp/styled"

mkdir -p "$(dirname "$out")"
mv "$tmp/styled" "$out"
