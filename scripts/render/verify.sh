#!/bin/sh
# render-verify html PAGE PAGE.html
# render-verify man PAGE PAGE.txt
# render-verify pdf BOOK.pdf PAGE...
#
# Looks at a rendering of the pages, not only at its existence:
#   html  every section (.SH) and subsection (.SS) heading of PAGE is a
#         heading of the HTML; every example program (SRC BEGIN ... SRC
#         END) is in a <pre> block, line for line, blank lines included;
#         every command of a shell session (.RB $ "...") is there too.
#   man   every section heading is a line of the text (the width of its
#         lines is scripts/lint/width.sh's to check).
#   pdf   the PDF has at least as many pages as PAGEs, and its text holds
#         each PAGE's running head ("userfaultfd(2) ... userfaultfd(2)")
#         and section headings.
# Each failure is "PAGE:LINE: render-KIND: message" (LINE of the heading or
# of the program in the page); exits 1 if there is one.
set -u
usage() {
	echo "usage: render-verify html|man PAGE FILE | render-verify pdf BOOK.pdf PAGE..." >&2
	exit 2
}
[ $# -ge 3 ] || usage
kind=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-verify.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# What a page holds, from the page reader: "sh LINE TITLE", "ss LINE
# TITLE", "prog LINE NAME" followed by "code TEXT" lines (the program as a
# reader sees it), and "cmd LINE TEXT" for the session commands.
outline() {
	"$(dirname "$0")/../page/page.sh" outline "$1" || exit 2
}

case $kind in
html)
	[ $# -eq 2 ] || usage
	page=$1
	html=$2
	if [ ! -r "$page" ] || [ ! -r "$html" ]; then
		echo "render-verify: cannot read $page or $html" >&2
		exit 2
	fi
	outline "$page" >"$tmp/outline"
	# The HTML's headings, one a line, and the text of its <pre> blocks
	# (each block followed by a line holding only \001).
	awk '
		function text(s) {
			gsub(/<[^>]*>/, "", s)
			gsub(/&lt;/, "<", s)
			gsub(/&gt;/, ">", s)
			gsub(/&quot;/, "\"", s)
			gsub(/&#x00A0;/, " ", s)
			gsub(/&amp;/, "\\&", s)
			return s
		}
		{ all = all $0 "\n" }
		END {
			s = all
			while (match(s, /<h[12] class="S[hs]"[^>]*>[^<]*(<[^\/][^>]*>[^<]*<\/[a-z]+>[^<]*)*<\/h[12]>/)) {
				h = text(substr(s, RSTART, RLENGTH))
				gsub(/[ \t\n]+/, " ", h)
				sub(/^ /, "", h)
				sub(/ $/, "", h)
				print "heading " h
				s = substr(s, RSTART + RLENGTH)
			}
			s = all
			while ((i = index(s, "<pre>")) > 0) {
				s = substr(s, i + 5)
				j = index(s, "</pre>")
				print "pre"
				print text(substr(s, 1, j - 1))
				print "\001"
				s = substr(s, j + 6)
			}
		}' "$html" >"$tmp/html"
	awk -v page="$page" -v html="$html" '
		FNR == 1 { file++ }
		file == 1 {
			if ($1 == "sh" || $1 == "ss") { t = $0; sub(/^[a-z]+ [0-9]+ /, "", t); want[++nw] = t; wline[nw] = $2; wkind[nw] = $1 }
			else if ($1 == "prog") { np++; pname[np] = $3; pline[np] = $2; code[np] = "" ; first[np] = 1 }
			else if ($1 == "code") { t = substr($0, 6); code[np] = code[np] (first[np] ? "" : "\n") t; first[np] = 0 }
			else if ($1 == "cmd") { t = $0; sub(/^cmd [0-9]+ /, "", t); nc++; cmd[nc] = t; cline[nc] = $2 }
			next
		}
		/^heading / { have[substr($0, 9)] = 1; next }
		$0 == "pre" { inpre = 1; next }
		$0 == "\001" { inpre = 0; pre = pre "\n\001\n"; next }
		inpre { pre = pre $0 "\n" }
		END {
			for (i = 1; i <= nw; i++)
				if (!(want[i] in have)) {
					printf "%s:%d: render-html: %s \"%s\" is not a heading of %s\n", page, wline[i], (wkind[i] == "sh" ? "section" : "subsection"), want[i], html
					bad++
				}
			for (i = 1; i <= np; i++)
				if (code[i] == "" || index(pre, code[i] "\n") == 0) {
					printf "%s:%d: render-html: example %s is not in %s as the page has it\n", page, pline[i], pname[i], html
					bad++
				}
			for (i = 1; i <= nc; i++)
				if (index(pre, cmd[i]) == 0) {
					printf "%s:%d: render-html: command \"%s\" is not in %s\n", page, cline[i], cmd[i], html
					bad++
				}
			exit (bad > 0 ? 1 : 0)
		}' "$tmp/outline" "$tmp/html"
	;;
man)
	[ $# -eq 2 ] || usage
	page=$1
	txt=$2
	if [ ! -r "$page" ] || [ ! -r "$txt" ]; then
		echo "render-verify: cannot read $page or $txt" >&2
		exit 2
	fi
	outline "$page" >"$tmp/outline"
	# The width of the lines is lint-width's, which names the source line.
	LC_ALL=C awk -v page="$page" -v txt="$txt" '
		FNR == 1 { file++ }
		file == 1 { if ($1 == "sh") { t = $0; sub(/^sh [0-9]+ /, "", t); want[++nw] = t; wline[nw] = $2 } next }
		{ have[$0] = 1 }
		END {
			for (i = 1; i <= nw; i++)
				if (!(want[i] in have)) {
					printf "%s:%d: render-man: section \"%s\" is not a heading of %s\n", page, wline[i], want[i], txt
					bad++
				}
			exit (bad > 0 ? 1 : 0)
		}' "$tmp/outline" "$txt"
	;;
pdf)
	pdf=$1
	shift
	[ -r "$pdf" ] || { echo "render-verify: cannot read $pdf" >&2; exit 2; }
	pages=$(LC_ALL=C timeout 60 pdfinfo "$pdf" 2>"$tmp/err" | awk '$1 == "Pages:" { print $2 }')
	if [ -z "$pages" ]; then
		printf '%s:0: render-pdf: pdfinfo cannot read it: %s\n' "$pdf" "$(head -n 1 "$tmp/err")"
		exit 1
	fi
	timeout 60 pdftotext -layout "$pdf" "$tmp/text" || { printf '%s:0: render-pdf: pdftotext failed\n' "$pdf"; exit 1; }
	status=0
	if [ "$pages" -lt $# ]; then
		printf '%s:0: render-pdf: %s pages for %s manual pages\n' "$pdf" "$pages" "$#"
		status=1
	fi
	for page; do
		outline "$page" >"$tmp/outline"
		base=${page##*/}
		title="${base%.*}(${base##*.})"
		awk -v page="$page" -v pdf="$pdf" -v title="$title" '
			FNR == 1 { file++ }
			file == 1 { if ($1 == "sh") { t = $0; sub(/^sh [0-9]+ /, "", t); want[++nw] = t; wline[nw] = $2 } next }
			{ line = $0; gsub(/[ \t\f]+/, " ", line); sub(/^ /, "", line); sub(/ $/, "", line); have[line] = 1
			  # The running head: "title   System Calls Manual   title".
			  if (index(line, title " ") == 1 && substr(line, length(line) - length(title)) == " " title) hastitle = 1 }
			END {
				if (!hastitle) { printf "%s:1: render-pdf: the title %s is not in %s\n", page, title, pdf; bad++ }
				for (i = 1; i <= nw; i++)
					if (!(want[i] in have)) {
						printf "%s:%d: render-pdf: section \"%s\" is not a line of %s\n", page, wline[i], want[i], pdf
						bad++
					}
				exit (bad > 0 ? 1 : 0)
			}' "$tmp/outline" "$tmp/text" || status=1
	done
	exit "$status"
	;;
*)
	usage
	;;
esac
