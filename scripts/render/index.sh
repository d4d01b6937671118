#!/bin/sh
# render-index OUT.html PAGE...
#
# The index of the HTML pages: what they are, then a link to each PAGE's
# HTML (its file name and .html, as render-html names it) with its title
# from .TH ("UFFDIO_COPY(2const)") and its NAME line, grouped: the system
# call (section 2), the overview of its operations (an ioctl_*.2 page,
# as man-pages names them), one page per operation (section 2const), and
# any other page last.  Writes OUT.html whole or not at all.
set -eu
[ $# -ge 2 ] || { echo "usage: render-index OUT.html PAGE..." >&2; exit 2; }
out=$1
shift
css=$(dirname "$0")/html.css
[ -r "$css" ] || { echo "render-index: $css: cannot read the stylesheet" >&2; exit 1; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir render-index

for page; do
	[ -r "$page" ] || { echo "render-index: $page: cannot read the page" >&2; exit 1; }
done
# PAGE TITLE SECTION DATE SOURCE MANUAL NAME, a line a page (page.c: head).
page head "$@" >"$tmp/head" || exit 1
awk -F '\t' '
	function fail(what) {
		printf "%s:1: render-index: %s\n", $1, what >"/dev/stderr"
		exit 1
	}
	{
		if ($2 == "" || $3 == "") fail("no .TH line with a title and a section")
		if ($7 == "") fail("no NAME section")
		desc = $7
		if (!sub(/^[^-]*[ \t]-[ \t]*/, "", desc))
			fail("the NAME line has no \" - \" before its description")
		group = $3 == "2const" ? 3 : $3 != "2" ? 4 : $2 ~ /^ioctl_/ ? 2 : 1
		file = $1
		sub(/.*\//, "", file)
		printf "%s\t%s.html\t%s\t%s\t%s\n", group, file, $2, $3, desc
	}' "$tmp/head" >"$tmp/pages"

{
	cat <<'HEAD'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>The userfaultfd manual pages</title>
<style>
HEAD
	cat "$css"
	cat <<'INTRO'
</style>
</head>
<body>
<table class="head">
  <tr>
    <td class="head-ltitle">uffd-man</td>
    <td class="head-vol">System Calls Manual</td>
    <td class="head-rtitle">uffd-man</td>
  </tr>
</table>
<div class="manual-text">
<section class="Sh">
<h1 class="Sh" id="THE_PAGES"><a class="permalink" href="#THE_PAGES">THE USERFAULTFD MANUAL PAGES</a></h1>
<p class="intro">The Linux manual pages of <b>userfaultfd</b>(2), the
system call that lets a program handle the page faults of its own memory
(or of another process's) in user space, and of the <b>ioctl</b>(2)
operations on the file descriptor it returns.  Every example program in
them was compiled and run, and what it printed compared with what the
page shows.</p>
</section>
INTRO
	sort -t '	' -k1,1n -s "$tmp/pages" >"$tmp/sorted"
	awk -F '\t' '
		function html(s) {
			gsub(/&/, "\\&amp;", s)
			gsub(/</, "\\&lt;", s)
			gsub(/>/, "\\&gt;", s)
			gsub(/"/, "\\&quot;", s)
			return s
		}
		BEGIN {
			heading[1] = "THE SYSTEM CALL"; id[1] = "SYSTEM_CALL"
			heading[2] = "OVERVIEW OF THE OPERATIONS"; id[2] = "OVERVIEW"
			heading[3] = "ONE PAGE PER OPERATION"; id[3] = "OPERATIONS"
			heading[4] = "OTHER PAGES"; id[4] = "OTHER"
		}
		NR == FNR { count[$1]++; next }
		FNR == 1 && count[1] > 1 { heading[1] = "THE SYSTEM CALLS"; id[1] = "SYSTEM_CALLS" }
		$1 != group {
			if (group != "")
				print "</dl>\n</section>"
			group = $1
			printf "<section class=\"Sh\">\n<h1 class=\"Sh\" id=\"%s\"><a class=\"permalink\" href=\"#%s\">%s</a></h1>\n<dl class=\"pages\">\n", id[group], id[group], heading[group]
		}
		{
			printf "<dt><a href=\"%s\">%s(%s)</a></dt>\n", html($2), html($3), html($4)
			printf "<dd>%s</dd>\n", html($5)
		}
		END { if (group != "") print "</dl>\n</section>" }' "$tmp/sorted" "$tmp/sorted"
	cat <<'TAIL'
</div>
</body>
</html>
TAIL
} >"$tmp/index.html"
mkdir -p "$(dirname "$out")"
mv "$tmp/index.html" "$out"
