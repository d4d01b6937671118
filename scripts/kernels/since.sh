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
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
probe="" arch=amd64
synopsis="$me [-a ARCH] [-p PROBE] PAGE..."
lib_options 'a=arch p=probe' "$@"
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
for page in "$@"; do
	[ -r "$page" ] || { echo "$me: $page: cannot read" >&2; exit 2; }
done
if [ -n "$probe" ] && [ ! -r "$probe" ]; then
	echo "$me: $probe: cannot read" >&2
	exit 2
fi

lib_tmpdir kernel-since

# The annotations, one a line: PAGE<tab>LINE<tab>NAME<tab>X.Y<tab>ARCH
# ("-" for none), from the page reader, which also holds each to its
# text; an error there is PAGE:LINE: message on stderr.
page since "$@" >"$tmp/read" || exit 2
awk -F '\t' -v OFS='\t' '{ if (NF < 5 || $5 == "") $5 = "-"; print $1, $2, $3, $4, $5 }' \
	"$tmp/read" >"$tmp/since"
[ -n "$probe" ] || exit 0

# What the probe's report offers, as the reader reads it: "release R" and
# "offers NAME" lines.
"$(dirname "$0")/../page/page.sh" offers "$probe" >"$tmp/offers" || exit 2
awk -F '\t' -v offers="$tmp/offers" -v arch="$arch" '
	BEGIN {
		while ((getline line < offers) > 0) {
			split(line, w, " ")
			if (w[1] == "release")
				release = w[2]
			else if (w[1] == "offers")
				have[w[2]] = 1
		}
		close(offers)
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
