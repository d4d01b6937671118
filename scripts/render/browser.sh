#!/bin/sh
# render-browser [-w WIDTH[,WIDTH...]] [-s SHOT.png] [-d BOTH.png] FILE.html EXPECT
#
# Loads FILE.html in a real browser (headless Chromium) and checks what a
# reader would see against EXPECT, a file of expectations, one a line
# ("-" reads them from standard input; blank lines and lines starting
# with # are skipped):
#   heading TEXT     a heading (h1 to h6) reads TEXT, and is shown
#   text TEXT        TEXT is shown somewhere on the page
#   element SEL      an element matching the CSS selector SEL is shown
#   links            every link to a file resolves: the file exists, and
#                    its #fragment is an id of that file
#   pre-fits         no <pre> block is wider than its box (at each WIDTH)
#   local            the page loads nothing from outside local files
# The page is loaded once, in a frame of each WIDTH in pixels (default
# 800, Chromium's window, and 1280, where the text column is at its full
# 80 characters); the checks that do not depend on the width run at the
# first.  -s SHOT.png keeps a picture of the whole page at the first
# width; -d BOTH.png one of the page in the light scheme and, on its
# right, in the dark scheme (prefers-color-scheme: dark).
#
# Prints "FILE.html: browser: MESSAGE" for each check that fails and
# exits 1; otherwise prints one line saying what was checked.  Exits 2
# on bad usage, an unknown expectation (EXPECT:LINE), or a browser that
# is missing or does not answer.
set -eu
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
synopsis="render-browser [-w WIDTH[,WIDTH...]] [-s SHOT.png] [-d BOTH.png] FILE.html EXPECT"
widths=800,1280
shot=
dark=
lib_options 'w=widths s=shot d=dark' "$@"
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
html=$1
expect=$2
echo "$widths" | grep -Eqx '[1-9][0-9]*(,[1-9][0-9]*)*' || { echo "render-browser: -w $widths: widths are pixels, comma-separated" >&2; exit 2; }
[ -r "$html" ] || { echo "render-browser: $html: cannot read it" >&2; exit 2; }
[ "$expect" = - ] || [ -r "$expect" ] || { echo "render-browser: $expect: cannot read the expectations" >&2; exit 2; }
command -v chromium >/dev/null 2>&1 ||
	{ echo "render-browser: chromium is missing (scripts/deps.sh installs it)" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# A path as a file: URL.
file_url() {
	printf 'file://%s' "$1" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g' \
		-e 's/?/%3F/g' -e 's/"/%22/g' -e 's/</%3C/g' -e 's/>/%3E/g'
}

# The expectations, checked here, as a JavaScript list.
if [ "$expect" = - ]; then
	cat >"$tmp/expect"
else
	cat "$expect" >"$tmp/expect"
fi
awk -v name="$([ "$expect" = - ] && echo stdin || echo "$expect")" '
	function js(s) {
		gsub(/\\/, "\\\\", s)
		gsub(/"/, "\\\"", s)
		gsub(/</, "\\u003c", s)
		gsub(/\t/, "\\t", s)
		return "\"" s "\""
	}
	BEGIN { print "var browserExpect = [" }
	/^[ \t]*(#|$)/ { next }
	{
		kind = $1
		arg = $0
		sub(/^[ \t]*[^ \t]+[ \t]*/, "", arg)
		if (kind ~ /^(heading|text|element)$/ && arg == "") {
			printf "%s:%d: %s needs an argument\n", name, FNR, kind >"/dev/stderr"
			bad = 1
		} else if (kind ~ /^(links|pre-fits|local)$/ && arg != "") {
			printf "%s:%d: %s takes no argument\n", name, FNR, kind >"/dev/stderr"
			bad = 1
		} else if (kind !~ /^(heading|text|element|links|pre-fits|local)$/) {
			printf "%s:%d: unknown expectation \"%s\"\n", name, FNR, kind >"/dev/stderr"
			bad = 1
		}
		print "\t" js(arg == "" ? kind : kind " " arg) ","
	}
	END { print "];"; exit bad }' "$tmp/expect" >"$tmp/expect.js" || exit 2
cp "$here/browser.js" "$tmp/browser.js"

abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
page_url=$(file_url "$abs")
tmp_url=$(file_url "$tmp")

# The copy of the page: links resolve against the original (<base>), and
# the checks are loaded first thing in <head>, so that they see every
# script error of the page.
awk -v inject="<base href=\"$page_url\"><script src=\"$tmp_url/expect.js\"></script><script src=\"$tmp_url/browser.js\"></script>" '
	{ all = all $0 "\n" }
	END {
		low = tolower(all)
		if (match(low, /<head([ \t\n][^>]*)?>/) || match(low, /<html([ \t\n][^>]*)?>/))
			all = substr(all, 1, RSTART + RLENGTH - 1) inject substr(all, RSTART + RLENGTH)
		else
			all = inject all
		printf "%s", all
	}' "$html" >"$tmp/page.html"

# The frame document: the page at each width; it gathers the reports.
{
	cat <<'HEAD'
<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body style="margin: 0">
HEAD
	first='&first'
	for width in $(echo "$widths" | tr ',' ' '); do
		printf '<iframe src="page.html?width=%s%s" style="display: block; border: 0; width: %spx; height: 600px"></iframe>\n' \
			"$width" "$first" "$width"
		first=
	done
	cat <<TAIL
<pre id="browser-verdict"></pre>
<script>
var expected = $(echo "$widths" | tr ',' '\n' | wc -l);
var reports = [];
window.addEventListener('message', function (event) {
	var data = JSON.parse(event.data);
	var i;

	for (i = 0; i < data.report.length; i++)
		reports.push(data.width + ' ' + data.report[i]);
	if (--expected === 0)
		document.getElementById('browser-verdict').textContent = reports.join('\n') + '\ndone\n';
});
</script>
</body></html>
TAIL
} >"$tmp/frame.html"

# chromium_run SECONDS ARG...
chromium_run() {
	limit=$1
	shift
	timeout -k 5 "$limit" chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$tmp/profile" "$@" 2>>"$tmp/log"
}
rm -rf "$tmp/profile"
mkdir "$tmp/profile"
status=0
chromium_run 120 --allow-file-access-from-files --virtual-time-budget=10000 \
	--dump-dom "$tmp_url/frame.html" >"$tmp/dom" || status=$?
sed -n '/<pre id="browser-verdict">/,/<\/pre>/p' "$tmp/dom" |
	sed -e 's/<pre id="browser-verdict">//' -e 's/<\/pre>.*//' \
		-e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&nbsp;/ /g' -e 's/&amp;/\&/g' >"$tmp/verdict"
if ! grep -qx 'done' "$tmp/verdict"; then
	echo "render-browser: $html: chromium gave no verdict (status $status); its last words:" >&2
	grep -v -e dbus -e '^$' "$tmp/log" | tail -n 5 >&2
	exit 2
fi

first_width=${widths%%,*}
status=0
awk -v html="$html" -v widths="$widths" '
	$2 == "fail" { m = $0; sub(/^[0-9]+ fail /, "", m); if (!(m in seen)) { seen[m] = 1; print html ": browser: " m; bad++ } }
	$2 == "count" && (!($3 in count) || $4 + 0 > count[$3]) { count[$3] = $4 + 0 }
	END {
		if (bad) exit 1
		n = split("sections elements texts links code-blocks", kinds, " ")
		s = ""
		for (i = 1; i <= n; i++)
			if (kinds[i] in count)
				s = s (s == "" ? "" : ", ") count[kinds[i]] " " kinds[i]
		gsub(/-/, " ", s)
		gsub(/,/, ", ", widths)
		printf "%s: browser: %s checked at %s px\n", html, (s == "" ? "nothing" : s), widths
	}' "$tmp/verdict" || status=1

# The picture: the whole page at the first width.  Chromium draws at
# most 16384 pixels down, so a longer page is cut into columns of that
# height, set side by side, left to right; with -d, the same columns in
# the dark scheme follow on the right (an iframe whose color-scheme is
# dark is a reader who prefers it).
height=$(awk -v w="$first_width" '$1 == w && $2 == "height" { print $3; exit }' "$tmp/verdict")
[ "${height:-0}" -ge 1 ] || height=600
column=16384
columns=$(((height + column - 1) / column))
[ "$columns" -gt 1 ] || column=$height
picture() {
	{
		echo '<!DOCTYPE html>'
		echo '<html><head><meta charset="utf-8"></head><body style="margin: 0">'
		n=0
		for scheme; do
			i=0
			while [ "$i" -lt "$columns" ]; do
				printf '<div style="position: absolute; top: 0; left: %spx; width: %spx; height: %spx; overflow: hidden">' \
					$((n * first_width)) "$first_width" "$column"
				printf '<iframe src="%s" scrolling="no" style="display: block; border: 0; color-scheme: %s; width: %spx; height: %spx; margin-top: -%spx"></iframe></div>\n' \
					"$page_url" "$scheme" "$first_width" "$height" $((i * column))
				i=$((i + 1))
				n=$((n + 1))
			done
		done
		echo '</body></html>'
	} >"$tmp/picture.html"
	rm -rf "$tmp/profile"
	mkdir "$tmp/profile"
	# A long page is a large picture: minutes on a busy machine.
	if ! chromium_run 600 --hide-scrollbars --window-size="$((n * first_width)),$column" \
		--screenshot="$tmp/shot.png" "$tmp_url/picture.html" >/dev/null; then
		echo "render-browser: $html: chromium could not take the picture; its last words:" >&2
		grep -v -e dbus -e '^$' "$tmp/log" | tail -n 5 >&2
		exit 2
	fi
	[ -s "$tmp/shot.png" ] || { echo "render-browser: $html: chromium wrote no picture" >&2; exit 2; }
	mkdir -p "$(dirname "$picture")"
	mv "$tmp/shot.png" "$picture"
}
if [ -n "$shot" ]; then
	picture=$shot
	picture light
fi
if [ -n "$dark" ]; then
	picture=$dark
	picture light dark
fi
exit "$status"
