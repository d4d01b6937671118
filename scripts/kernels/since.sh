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

# The annotations, one a line: PAGE<tab>LINE<tab>NAME<tab>X.Y (and
# <tab>ARCH where one is named), from the page reader, which also holds each
# to its text; an error there is PAGE:LINE: message on stderr.
"$(dirname "$0")/../page/page.sh" since "$@" >"$tmp/since" || exit 2
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
