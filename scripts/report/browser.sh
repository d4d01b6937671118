#!/bin/sh
# report-browser [-s SHOT.png] FILE.html
#
# Loads the verification report FILE.html (scripts/report/report.sh) in
# headless Chromium and checks what it shows, once its script has run:
#   - the script ran, and its tally (what the page shows: PASS, FAIL and
#     SKIP cells) is the count the report was made with
#     (data-consistent="yes"), with no link inside the page broken;
#   - there is at least one row, and every row has a cell per column;
#   - every link to another file resolves: the file exists beside
#     FILE.html, and its #fragment is an id in it.
# -s SHOT.png keeps a picture of the top of the page (1600x1200).
#
# Prints "FILE.html: browser: MESSAGE" for each check that fails and
# exits 1; otherwise one line: "FILE.html: shown in Chromium: TALLY".
# Exit status 2 on bad usage, or a browser that is missing or does not
# answer within 60 seconds.
#
# Chromium runs as --headless --no-sandbox --disable-gpu --no-first-run
# --disable-background-networking --disable-component-update
# --disable-sync, with a profile of its own in a temporary directory.
set -eu

me='report-browser'
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
shot=""
synopsis="$me [-s SHOT.png] FILE.html"
lib_options 's=shot' "$@"
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
html=$1
[ -r "$html" ] || { echo "$me: $html: cannot read it" >&2; exit 2; }
browser=${REPORT_CHROMIUM:-chromium}
command -v "$browser" >/dev/null 2>&1 ||
	{ echo "$me: $browser is missing (install chromium)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/report-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

dir=$(cd "$(dirname "$html")" && pwd)
abs=$dir/$(basename "$html")
url=$(printf 'file://%s' "$abs" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g')

# chrome ARG...: the browser, with a profile of its own each time.
chrome() {
	profile=$(mktemp -d "$tmp/profile.XXXXXX")
	timeout -k 5 60 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" "$@"
}

if ! chrome --dump-dom "$url" >"$tmp/dom" 2>"$tmp/err" || [ ! -s "$tmp/dom" ]; then
	echo "$me: $browser did not load $html: $(grep -v '^\[' "$tmp/err" | head -n 1)" >&2
	exit 2
fi
if [ -n "$shot" ]; then
	rm -f "$shot"
	case $shot in /*) out=$shot ;; *) out=$PWD/$shot ;; esac
	if ! chrome --hide-scrollbars --window-size=1600,1200 --screenshot="$out" "$url" \
		>/dev/null 2>"$tmp/err" || [ ! -s "$shot" ]; then
		echo "$me: $browser made no picture of $html: $(grep -v '^\[' "$tmp/err" | head -n 1)" >&2
		exit 2
	fi
fi

bad=0
fail() {
	echo "$html: browser: $*"
	bad=1
}

# The tally that the page's script wrote.
tally=$(grep -o '<p id="tally"[^>]*>[^<]*' "$tmp/dom" | head -n 1 || :)
attr() {
	printf '%s' "$tally" | sed -n "s/.* data-$1=\"\\([^\"]*\\)\".*/\\1/p"
}
if [ -z "$tally" ] || [ -z "$(attr consistent)" ]; then
	fail "the page's script did not run (no tally)"
else
	[ "$(attr consistent)" = yes ] || fail "the page shows other counts than it was made with: ${tally#*>}"
	[ "$(attr broken)" = 0 ] || fail "links inside the page that lead nowhere: ${tally#*>}"
	[ "$(attr rows)" -gt 0 ] 2>/dev/null || fail "no row of checked items"
fi

# Each row: as many cells as the header has columns.
awk '
	/<tr><th>id<\/th>/ { cols = gsub(/<th/, "&") }
	/<tr id="verify-/ {
		n = gsub(/<td/, "&")
		if (n != cols) { printf "row %s: %d cells, %d columns\n", $0 ~ /id="/ ? substr($0, index($0, "id=\"") + 4, 40) : "?", n, cols; bad = 1 }
	}
	END { exit bad }' "$tmp/dom" >"$tmp/rows" || fail "$(head -n 1 "$tmp/rows")"

# Links to other files: the file, and the fragment's id in it.
grep -o 'href="[^"#][^"]*"' "$tmp/dom" | sed 's/^href="//; s/"$//' | sort -u >"$tmp/links" || :
while IFS= read -r link; do
	case $link in
	*://*) fail "a link out of the report's directory: $link"; continue ;;
	esac
	file=${link%%#*} frag=""
	[ "$file" = "$link" ] || frag=${link#*#}
	if [ ! -f "$dir/$file" ]; then
		fail "a link to a missing file: $link"
	elif [ -n "$frag" ] && ! grep -q "id=\"$frag\"" "$dir/$file"; then
		fail "a link to an id that $file lacks: $link"
	fi
done <"$tmp/links"

[ "$bad" -eq 0 ] || exit 1
text=$(printf '%s' "${tally#*>}" | sed 's/&amp;/\&/g')
echo "$html: shown in Chromium: $text"
