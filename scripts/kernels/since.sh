#!/bin/sh
# kernel-since [-a ARCH] [-p PROBE] PAGE...
#
# Checks the versioned statements of the pages.  Each "since Linux X.Y"
# that the matrix can check carries, just before it, a roff comment
#     .\" SINCE NAME X.Y [ARCH]
# where NAME is a name the probe (scripts/run/probe.c) reports: a feature
# (UFFD_FEATURE_WP_ASYNC), an ioctl (UFFDIO_MOVE), PAGEMAP_SCAN, or
# access-dev, access-syscall, access-user-mode-only (for "access X yes").
# With ARCH (a Debian architecture: amd64, arm64, i386, riscv64, ...),
# the version holds on that architecture;
# one without holds on every architecture that has no annotation of its
# own for NAME (in any of the PAGEs).
#
# Always: each annotation is well formed, and X.Y appears in the visible
# text of the next 4 lines that are not comments (so that the annotation
# and the prose cannot drift apart).  Otherwise: PAGE:LINE: message on
# stderr for each, nothing on stdout, exit status 2.
#
# With -p PROBE, the probe's report on one kernel of ARCH (-a, amd64 by
# default; its release line gives the version): for each annotation, one
# line, tab-separated,
#     since PAGE:LINE NAME X.Y [ARCH]   PASS|FAIL|SKIP   REASON
# an annotation for another architecture, or one without ARCH where ARCH
# has its own, is a SKIP that says so.
# A kernel older than X.Y must not report NAME, one at least X.Y must;
# a FAIL's reason starts with PAGE:LINE.  Exit status 0 (a FAIL is a
# result, not an error).
set -eu

me='kernel-since'
probe="" arch=amd64
usage() {
	echo "usage: $me [-a ARCH] [-p PROBE] PAGE..." >&2
	exit 2
}
while getopts a:p: opt; do
	case $opt in
	a) arch=$OPTARG ;;
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

# The annotations, one a line: PAGE<tab>LINE<tab>NAME<tab>X.Y<tab>ARCH
# ("-" for none); errors to $tmp/errors.
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
		if ((n != 4 && n != 5) || w[2] != "SINCE") {
			err(FILENAME, FNR, "expected .\\\" SINCE NAME X.Y [ARCH]")
			next
		}
		if (n == 5 && w[5] !~ /^(amd64|arm64|armel|armhf|i386|loong64|mips64el|ppc64el|riscv64|s390x)$/) {
			err(FILENAME, FNR, "SINCE " w[3] " " w[4] " " w[5] ": not an architecture (amd64, arm64, ...)")
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
		printf "%s\t%d\t%s\t%s\t%s\n", FILENAME, FNR, w[3], w[4], (n == 5 ? w[5] : "-")
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

awk -F '\t' -v probe="$probe" -v arch="$arch" '
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
	# The annotations that name an architecture, first.
	NR == FNR {
		if ($5 != "-")
			own[$3, $5] = $1 ":" $2
		next
	}
	{
		item = sprintf("since %s:%s %s %s%s", $1, $2, $3, $4, ($5 == "-" ? "" : " " $5))
		split($4, v, ".")
		since = v[1] * 1000 + v[2]
		if ($5 != "-" && $5 != arch) {
			printf "%s\tSKIP\tabout %s, and this kernel is %s\n", item, $5, arch
			next
		}
		if ($5 == "-" && (($3, arch) in own)) {
			printf "%s\tSKIP\t%s has its own, at %s\n", item, arch, own[$3, arch]
			next
		}
		if (kernel == "") {
			printf "%s\tSKIP\tno release in the probe report\n", item
			next
		}
		on = ($5 == "-" ? "" : " on " $5)
		if (kernel < since) {
			if ($3 in have)
				printf "%s\tFAIL\t%s:%s: Linux %s (%s) reports %s, which the page says came in Linux %s%s\n",
				    item, $1, $2, release, arch, $3, $4, on
			else
				printf "%s\tPASS\tabsent before %s%s\n", item, $4, on
		} else {
			if ($3 in have)
				printf "%s\tPASS\tpresent since %s%s\n", item, $4, on
			else
				printf "%s\tFAIL\t%s:%s: Linux %s (%s) does not report %s, which the page says is there since Linux %s%s\n",
				    item, $1, $2, release, arch, $3, $4, on
		}
	}' "$tmp/since" "$tmp/since"
