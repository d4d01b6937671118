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
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-index.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# page_info PAGE: "NAME<tab>SECTION<tab>DESCRIPTION" of the page, from its
# .TH line and its NAME section; the one place here that reads a page.
page_info() {
	awk -v file="$1" '
		function plain(s) {
			gsub(/\\f(\[[^]]*\]|\(..|.)/, "", s)
			gsub(/\\-/, "-", s)
			gsub(/\\(\(aq|\[aq\])/, "\047", s)
			gsub(/\\(\(dq|\[dq\])/, "\"", s)
			gsub(/\\[&%]/, "", s)
			gsub(/\\(e|\(rs|\[rs\])/, "\\", s)
			return s
		}
		/^\.TH[ \t]/ && title == "" {
			t = $0
			sub(/^\.TH[ \t]+/, "", t)
			gsub(/"/, "", t)
			split(t, w, /[ \t]+/)
			title = w[1]
			section = w[2]
			next
		}
		# The words of a macro line, quotes removed: joined by blanks
		# (.B, .I), or run together (.BR, .IR and the other alternations).
		function words(s, glue,    out, w) {
			out = ""
			while (s != "") {
				if (match(s, /^[ \t]+/)) {
					s = substr(s, RLENGTH + 1)
					continue
				}
				if (match(s, /^"[^"]*"?/)) {
					w = substr(s, 2, RLENGTH - 1)
					sub(/"$/, "", w)
				} else {
					match(s, /^[^ \t]+/)
					w = substr(s, 1, RLENGTH)
				}
				out = out (out == "" ? "" : glue) w
				s = substr(s, RLENGTH + 1)
			}
			return out
		}
		/^\.SH[ \t]+"?NAME"?[ \t]*$/ { inname = 1; next }
		inname && /^\.\\"/ { next }
		inname && /^\.[BI][ \t]/ { line = words(substr($0, 4), " ") }
		inname && /^\.(BR|RB|IR|RI|BI|IB)[ \t]/ { line = words(substr($0, 5), "") }
		inname && /^[.\047]/ && line == "" { inname = 0 }
		inname { text = text (text == "" ? "" : " ") (line == "" ? $0 : line); line = "" }
		END {
			if (title == "" || section == "") {
				printf "%s:1: render-index: no .TH line with a title and a section\n", file >"/dev/stderr"
				exit 1
			}
			if (text == "") {
				printf "%s:1: render-index: no NAME section\n", file >"/dev/stderr"
				exit 1
			}
			desc = plain(text)
			if (!sub(/^[^-]*[ \t]-[ \t]*/, "", desc)) {
				printf "%s:1: render-index: the NAME line has no \" - \" before its description\n", file >"/dev/stderr"
				exit 1
			}
			printf "%s\t%s\t%s\n", plain(title), section, desc
		}' "$1"
}

for page; do
	[ -r "$page" ] || { echo "render-index: $page: cannot read the page" >&2; exit 1; }
	info=$(page_info "$page")
	file=${page##*/}
	name=${info%%	*}
	section=${info#*	}
	section=${section%%	*}
	case $section:$name in
	2const:*) group=3 ;;
	2:ioctl_*) group=2 ;;
	2:*) group=1 ;;
	*) group=4 ;;
	esac
	printf '%s\t%s.html\t%s\n' "$group" "$file" "$info" >>"$tmp/pages"
done

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
