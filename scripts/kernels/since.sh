#!/bin/sh
# kernel-since [-p PROBE] PAGE...
#
# Checks the versioned statements of the pages.  Each "since Linux X.Y"
# that the matrix can check carries, just before it, a roff comment
#     .\" SINCE NAME X.Y
# where NAME is a name the probe (scripts/run/probe.c) reports: a feature
# (UFFD_FEATURE_WP_ASYNC), an ioctl (UFFDIO_MOVE), PAGEMAP_SCAN, or
# access-dev, access-syscall, access-user-mode-only (for "access X yes").
#
# Always: each annotation is well formed, and X.Y appears in the visible
# text of the next 4 lines that are not comments (so that the annotation
# and the prose cannot drift apart).  Otherwise: PAGE:LINE: message on
# stderr for each, nothing on stdout, exit status 2.
#
# With -p PROBE, the probe's report on one kernel (its release line gives
# the version): for each annotation, one line, tab-separated,
#     since PAGE:LINE NAME X.Y   PASS|FAIL|SKIP   REASON
# A kernel older than X.Y must not report NAME, one at least X.Y must;
# a FAIL's reason starts with PAGE:LINE.  Exit status 0 (a FAIL is a
# result, not an error).
set -eu

me='kernel-since'
probe=""
usage() {
	echo "usage: $me [-p PROBE] PAGE..." >&2
	exit 2
}
while getopts p: opt; do
	case $opt in
	p) probe=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
for page in "$@"; do
	[ -r "$page" ] || { echo "$me: $page: cannot read" >&2; exit 2; }
done
if [ -n "$probe" ] && [ ! -r "$probe" ]; then
	echo "$me: $probe: cannot read" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-since.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The annotations, one a line: PAGE<tab>LINE<tab>NAME<tab>X.Y; errors to
# $tmp/errors.
awk -v errors="$tmp/errors" -v window=4 '
	function err(file, line, msg) {
		printf "%s:%d: %s\n", file, line, msg > errors
	}
	# The text a reader sees of a roff line, near enough for numbers.
	function visible(s) {
		gsub(/\\&|\\:|\\%/, "", s)
		gsub(/\\f(\[[^]]*\]|\([A-Za-z0-9][A-Za-z0-9]|[A-Za-z0-9])/, "", s)
		gsub(/\\-/, "-", s)
		return s
	}
	function finish(i) {
		err(pfile[i], pline[i], sprintf("SINCE %s %s: the %d lines of text that follow do not say %s",
		    pname[i], pver[i], window, pver[i]))
		delete pfile[i]
	}
	FNR == 1 {
		for (i in pfile)
			finish(i)
	}
	/^[.'\'']?[ \t]*\\"/ {
		if ($0 !~ /^\.\\"[ \t]*SINCE([ \t]|$)/)
			next
		n = split($0, w, /[ \t]+/)
		# w[1] is .\" (or .\"SINCE, which the pattern refused)
		if (n != 4 || w[2] != "SINCE") {
			err(FILENAME, FNR, "expected .\\\" SINCE NAME X.Y")
			next
		}
		if (w[3] !~ /^[A-Za-z][A-Za-z0-9_-]*$/) {
			err(FILENAME, FNR, "SINCE " w[3] ": not a name the probe reports")
			next
		}
		if (w[4] !~ /^[0-9]+\.[0-9]+$/) {
			err(FILENAME, FNR, "SINCE " w[3] " " w[4] ": not a version X.Y")
			next
		}
		k = ++npending
		pfile[k] = FILENAME; pline[k] = FNR; pname[k] = w[3]; pver[k] = w[4]
		pleft[k] = window
		printf "%s\t%d\t%s\t%s\n", FILENAME, FNR, w[3], w[4]
		next
	}
	{
		text = visible($0)
		for (i in pfile) {
			re = pver[i]; gsub(/\./, "\\.", re)
			if (text ~ ("(^|[^0-9.])" re "([^0-9]|$)"))
				delete pfile[i]
			else if (--pleft[i] == 0)
				finish(i)
		}
	}
	END {
		for (i in pfile)
			finish(i)
	}' "$@" >"$tmp/since"

if [ -s "$tmp/errors" ]; then
	sort -t : -k 1,1 -k 2,2n "$tmp/errors" >&2
	exit 2
fi
[ -n "$probe" ] || exit 0

awk -F '\t' -v probe="$probe" '
	BEGIN {
		while ((getline line < probe) > 0) {
			nf = split(line, w, " ")
			if (nf == 0)
				continue
			if (w[1] == "release")
				release = w[2]
			else if (w[1] == "access" && w[3] == "yes")
				have["access-" w[2]] = 1
			have[w[nf]] = 1
		}
		close(probe)
		if (split(release, v, /[^0-9]+/) >= 2 && release ~ /^[0-9]+\.[0-9]+/)
			kernel = v[1] * 1000 + v[2]
	}
	{
		item = sprintf("since %s:%s %s %s", $1, $2, $3, $4)
		split($4, v, ".")
		since = v[1] * 1000 + v[2]
		if (kernel == "") {
			printf "%s\tSKIP\tno release in the probe report\n", item
			next
		}
		if (kernel < since) {
			if ($3 in have)
				printf "%s\tFAIL\t%s:%s: Linux %s reports %s, which the page says came in Linux %s\n",
				    item, $1, $2, release, $3, $4
			else
				printf "%s\tPASS\tabsent before %s\n", item, $4
		} else {
			if ($3 in have)
				printf "%s\tPASS\tpresent since %s\n", item, $4
			else
				printf "%s\tFAIL\t%s:%s: Linux %s does not report %s, which the page says is there since Linux %s\n",
				    item, $1, $2, release, $3, $4
		}
	}' "$tmp/since"
