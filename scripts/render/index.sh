#!/bin/sh
# render-index OUT.html PAGE...
#
# The index of the HTML pages: a link to NAME.SECTION.html for each PAGE,
# with the page's NAME line ("userfaultfd - create a file descriptor
# ...").  Writes OUT.html whole or not at all.
set -eu
[ $# -ge 2 ] || { echo "usage: render-index OUT.html PAGE..." >&2; exit 2; }
out=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-index.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

{
	cat <<'HEAD'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>uffd-man: the userfaultfd manual pages</title>
<style>
body { font-family: sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em; }
dt { font-family: monospace; font-weight: bold; margin-top: 1em; }
</style>
</head>
<body>
<h1>The userfaultfd manual pages</h1>
<dl>
HEAD
	for page; do
		[ -r "$page" ] || { echo "render-index: $page: cannot read the page" >&2; exit 1; }
		# The NAME line, as the page reader decodes it.
		"$(dirname "$0")/../page/page.sh" outline "$page" >"$tmp/outline" || exit 1
		awk -v file="${page##*/}" '
			function html(s) {
				gsub(/&/, "\\&amp;", s)
				gsub(/</, "\\&lt;", s)
				gsub(/>/, "\\&gt;", s)
				return s
			}
			$1 == "name" { text = $0; sub(/^name [0-9]+ /, "", text) }
			END {
				if (text == "") {
					printf "render-index: %s: no NAME section\n", file >"/dev/stderr"
					exit 1
				}
				name = file
				sub(/\.[^.]*$/, "", name)
				sec = file
				sub(/^.*\./, "", sec)
				desc = text
				sub(/^[^-]*- */, "", desc)
				printf "<dt><a href=\"%s.html\">%s(%s)</a></dt>\n", file, html(name), html(sec)
				printf "<dd>%s</dd>\n", html(desc)
			}' "$tmp/outline"
	done
	cat <<'TAIL'
</dl>
</body>
</html>
TAIL
} >"$tmp/index.html"
mkdir -p "$(dirname "$out")"
mv "$tmp/index.html" "$out"
