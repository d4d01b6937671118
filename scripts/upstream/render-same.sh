#!/bin/sh
# upstream-render-same PAGE1 PAGE2
#
# Succeeds when the two pages render to the same bytes with
# mandoc -Tutf8 and with groff -man -Tutf8 (tbl included), as a reader sees
# them.  Otherwise names the renderer, shows the start of the difference and
# fails.
set -eu

me=upstream-render-same
[ $# -eq 2 ] || { echo "usage: $me PAGE1 PAGE2" >&2; exit 2; }
for f in "$1" "$2"; do
	[ -f "$f" ] || { echo "$me: $f: no such page" >&2; exit 1; }
done
for tool in mandoc groff; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "$me: $tool is missing (run scripts/deps.sh)" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-same.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# render HOW PAGE OUT: a renderer's diagnostics name the file, so only its
# output counts; a page that renders to nothing proves nothing.
render() {
	case $1 in
	mandoc) LC_ALL=C.UTF-8 timeout 60 mandoc -man -Tutf8 "$2" >"$3" 2>/dev/null || : ;;
	groff) LC_ALL=C.UTF-8 timeout 60 groff -k -t -man -Tutf8 "$2" >"$3" 2>/dev/null || : ;;
	esac
	if [ ! -s "$3" ]; then
		echo "$me: $2: $1 renders nothing" >&2
		exit 1
	fi
}

for how in mandoc groff; do
	render "$how" "$1" "$tmp/1"
	render "$how" "$2" "$tmp/2"
	if ! cmp -s "$tmp/1" "$tmp/2"; then
		case $how in
		mandoc) cmd="mandoc -Tutf8" ;;
		groff) cmd="groff -man -Tutf8" ;;
		esac
		echo "$me: $1 and $2 render differently with $cmd:" >&2
		diff -u --label "$1" --label "$2" "$tmp/1" "$tmp/2" | head -n 40 >&2 || :
		exit 1
	fi
done
