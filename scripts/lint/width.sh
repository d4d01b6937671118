#!/bin/sh
# lint-width PAGE...
#
# Formats each page for an 80-column terminal twice, as man-db's man(1)
# does (MANWIDTH=80 man -l, then col -bx) and as mandoc does
# (mandoc -Tutf8 -Owidth=80), and reports every rendered line wider than
# 80 columns: "PAGE:LINE: width: RENDERER: rendered line N is C columns
# wide (> 80): TEXT", LINE being the source line it comes from (see
# lint-width.awk).  Through lint-filter; exits 1 if a message is left.
# LINT_WIDTH sets another width.
set -u
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
width=${LINT_WIDTH:-80}
[ $# -gt 0 ] || { echo "usage: lint-width PAGE..." >&2; exit 2; }
lib_tmpdir lint-width

# render NAME PAGE: the page for the terminal, into $tmp/NAME; a failure
# is a message.
render() {
	case $1 in
	man-db)
		# man -l runs the preprocessors the page's first line names; no
		# pager, no formatting kept, no hyphenation changes.
		MANWIDTH=$width MANPAGER=cat PAGER=cat MAN_KEEP_FORMATTING='' \
			LC_ALL=C.UTF-8 timeout 60 man -l "$2" >"$tmp/raw" 2>"$tmp/err"
		;;
	mandoc)
		LC_ALL=C.UTF-8 timeout 60 mandoc -Tutf8 -Owidth="$width" "$2" \
			>"$tmp/raw" 2>"$tmp/err"
		;;
	esac
	rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$tmp/err" ]; then
		printf '%s:0: width: %s failed (status %s): %s\n' "$2" "$1" "$rc" \
			"$(head -n 1 "$tmp/err")"
		return 1
	fi
	LC_ALL=C.UTF-8 col -bx <"$tmp/raw" >"$tmp/$1"
}

for page; do
	if ! page words "$page" >"$tmp/words" 2>"$tmp/err"; then
		printf '%s:0: width: the page reader failed: %s\n' "$page" "$(head -n 1 "$tmp/err")"
		continue
	fi
	for renderer in man-db mandoc; do
		render "$renderer" "$page" || continue
		LC_ALL=C awk -v page="$page" -v renderer="$renderer" -v width="$width" \
			-f "$here/width.awk" "$tmp/words" "$tmp/$renderer"
		[ $? -le 1 ] || printf '%s:0: width: lint-width.awk failed\n' "$page"
	done
done | "$here/filter.sh"
