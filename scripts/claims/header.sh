#!/bin/sh
# claims-header [-H HEADER] PAGE...: check that the pages document every
# constant of <linux/userfaultfd.h>, with the right values, and name no
# constant the header does not define.
#
# HEADER (or $CLAIMS_HEADER) defaults to the newest (by version) of
#   /usr/src/linux-headers-*/include/uapi/linux/userfaultfd.h
# (Debian's linux-headers-6.12.*-common; scripts/deps.sh installs it);
# without one the check is skipped.
#
# 1. Every constant of these families must appear in the text of some page
#    (roff comments do not count; the examples do):
#      UFFD_FEATURE_*  UFFD_EVENT_*  UFFD_PAGEFAULT_FLAG_*  UFFDIO_*  *_MODE_*
#      UFFD_API  USERFAULTFD_IOC_NEW
#        PASS UFFD_FEATURE_MOVE (header line 167) in man2/ioctl_userfaultfd.2:345
#        FAIL HEADER:167 UFFD_FEATURE_MOVE: in no page
# 2. Every name of the form UFFD_*, UFFDIO*, USERFAULTFD_* (or with a leading
#    underscore) in a page must be defined by the header, unless the page
#    itself #defines it (an example's own macro); a name that ends in "_"
#    (UFFD_FEATURE_*) is a family, not a name:
#        FAIL man2/userfaultfd.2:88 UFFD_FEATUR_MOVE: not defined by HEADER
# 3. Where a page gives a constant's value, it must be the header's.  A page
#    gives a value in one of these forms:
#    - a #define in an example:       #define UFFD_FEATURE_MOVE (1 << 16)
#    - the name, then the value in parentheses, on one line of text:
#          .BR UFFD_EVENT_PAGEFAULT " (0x12)"
#          .BR UFFD_FEATURE_MOVE " (1 << 16)"      or " (bit 16)"
#      (parentheses holding anything but numbers, <<, |, casts and "bit N"
#      are not a value: "(since Linux 4.3)", "(2const)")
#    - a tbl(1) table whose first column holds the names and whose
#      heading row names a column "Bit" (bit numbers) or "Value":
#          Constant<tab>Bit
#          UFFD_FEATURE_MOVE<tab>16
#    Values are compared by compiling them with the header (C casts, <<, |,
#    _IOWR() and the like all work):
#        PASS man2/ioctl_userfaultfd.2:120 UFFD_FEATURE_MOVE = 0x10000
#        FAIL man2/ioctl_userfaultfd.2:120 UFFD_FEATURE_MOVE: the page gives 0x8000, the header 0x10000 (HEADER:167)
#
# Then the summary line, N passed, N failed, N skipped; exit 1 on a failure.
# Environment: CC (gcc).
set -eu

prog=claims-header
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
header=${CLAIMS_HEADER:-}
synopsis="$prog [-H HEADER] PAGE..."
lib_options 'H=header' "$@"
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
for page in "$@"; do
	if [ ! -r "$page" ]; then
		echo "$prog: $page: cannot read" >&2
		exit 2
	fi
done
if [ -z "$header" ]; then
	# shellcheck disable=SC2012 # the names are Debian package directories
	header=$(ls -d /usr/src/linux-headers-*/include/uapi/linux/userfaultfd.h 2>/dev/null |
		sort -V | tail -n 1)
	if [ -z "$header" ]; then
		echo "SKIP header coverage: no /usr/src/linux-headers-*/include/uapi/linux/userfaultfd.h (scripts/deps.sh installs it)"
		lib_summary 0 0 1
		exit 0
	fi
elif [ ! -r "$header" ]; then
	echo "$prog: $header: cannot read" >&2
	exit 2
fi
cc=${CC:-gcc}
header_abs=$(cd "$(dirname "$header")" && pwd)/$(basename "$header")

lib_tmpdir claims-header

# The header's macros: NAME<tab>LINE<tab>VALUE, continuation lines joined.
awk '
BEGIN { OFS = "\t" }
cont {
	value = value " " $0
	if (value !~ /\\$/) { emit(); cont = 0 }
	else sub(/\\$/, "", value)
	next
}
/^[ \t]*#[ \t]*define[ \t]+[A-Za-z_][A-Za-z0-9_]*/ {
	s = $0
	sub(/^[ \t]*#[ \t]*define[ \t]+/, "", s)
	name = s
	sub(/[^A-Za-z0-9_].*/, "", name)
	value = substr(s, length(name) + 1)
	line = FNR
	if (value ~ /\\$/) { sub(/\\$/, "", value); cont = 1; next }
	emit()
}
function emit() {
	gsub(/\/\*.*\*\//, "", value)
	gsub(/[ \t]+/, " ", value)
	sub(/^ /, "", value); sub(/ $/, "", value)
	print name, line, value
}
' "$header" >"$tmp/defs"

# What the pages say (page names, scripts/page/), against the header: one
# record a line, tab-separated:
#   seen NAME PAGE:LINE          first mention of a header constant
#   unknown NAME PAGE:LINE       a name the header does not define
#   value NAME PAGE LINE EXPR    a value the page gives
page names "$@" >"$tmp/names" || exit 2
awk -F '\t' -v OFS='\t' '
FNR == 1 { file++ }
file == 1 { defined[$1] = 1; next }
# The names a page defines for itself, in its examples.
file == 2 { if ($1 == "define" && !($4 in defined)) own[$2, $4] = 1; next }
$1 == "name" && ($4 in defined) {
	if (!($4 in seen)) {
		seen[$4] = 1
		print "seen", $4, $2 ":" $3
	}
	next
}
$1 == "name" && !(($2, $4) in own) && !(($2, $3, $4) in told) {
	told[$2, $3, $4] = 1
	print "unknown", $4, $2 ":" $3
	next
}
$1 == "value" && ($4 in defined) { print "value", $4, $2, $3, $5 }
' "$tmp/defs" "$tmp/names" "$tmp/names" >"$tmp/said"

# The values, computed by the compiler from the header and from the page.
# #line makes an error point at the page.
fail_value=""
awk -F '\t' '$1 == "value"' "$tmp/said" >"$tmp/values"
: >"$tmp/bad"
if [ -s "$tmp/values" ]; then
	attempt=1
	while :; do
		awk -F '\t' -v header="$header_abs" -v bad="$tmp/bad" '
		BEGIN {
			while ((getline l < bad) > 0)
				isbad[l] = 1
			print "#include <stdio.h>"
			print "#include <sys/ioctl.h>"
			print "#include <linux/types.h>"
			print "#include \"" header "\""
			print "int main(void) {"
		}
		!(($3 ":" $4) in isbad) {
			printf "#line %d \"%s\"\n", $4, $3
			printf "\tprintf(\"%d\\t%%llx\\t%%llx\\n\", (unsigned long long) (%s), (unsigned long long) (%s));\n", NR, $2, $5
		}
		END { print "\treturn 0;\n}" }
		' "$tmp/values" >"$tmp/values.c"
		if $cc -Werror=implicit-function-declaration -o "$tmp/values.bin" "$tmp/values.c" 2>"$tmp/cc"; then
			break
		fi
		# Each value that does not compile fails on its own; the rest
		# are compiled again.
		grep -o '^[^:]*:[0-9]*:[0-9]*: error' "$tmp/cc" | sed 's/:[0-9]*: error$//' |
			sort -u >"$tmp/newbad" || true
		if [ ! -s "$tmp/newbad" ] || [ $attempt -ge 3 ]; then
			echo "$prog: cannot compile the values against $header:" >&2
			cat "$tmp/cc" >&2
			exit 2
		fi
		cat "$tmp/newbad" >>"$tmp/bad"
		attempt=$((attempt + 1))
	done
	timeout 10 "$tmp/values.bin" >"$tmp/computed"
	fail_value=$tmp/bad
fi
[ -e "$tmp/computed" ] || : >"$tmp/computed"

# The results.
awk -F '\t' -v header="$header" -v badfile="${fail_value:-/dev/null}" '
function required(n) {
	return n ~ /^UFFD_FEATURE_/ || n ~ /^UFFD_EVENT_/ || n ~ /^UFFD_PAGEFAULT_FLAG_/ ||
		n ~ /^UFFDIO_/ || n ~ /_MODE_/ || n == "UFFD_API" || n == "USERFAULTFD_IOC_NEW"
}
BEGIN {
	while ((getline l < badfile) > 0)
		bad[l] = 1
}
FILENAME == ARGV[1] { defline[$1] = $2; order[++ndefs] = $1; next }
FILENAME == ARGV[2] {
	if ($1 == "seen") seen[$2] = $3
	else if ($1 == "unknown") unknown[++nunknown] = $3 " " $2
	else if ($1 == "value") { vname[++nv] = $2; vwhere[nv] = $3 ":" $4; vexpr[nv] = $5 }
	next
}
{ hval[$1] = $2; pval[$1] = $3 }
END {
	for (i = 1; i <= ndefs; i++) {
		n = order[i]
		if (!required(n))
			continue
		if (n in seen) {
			printf "PASS %s (header line %d) in %s\n", n, defline[n], seen[n]
			passed++
		} else {
			printf "FAIL %s:%d %s: in no page\n", header, defline[n], n
			failed++
		}
	}
	for (i = 1; i <= nv; i++) {
		if (vwhere[i] in bad) {
			printf "FAIL %s %s: the value \"%s\" does not compile with the header\n", vwhere[i], vname[i], vexpr[i]
			failed++
		} else if (!(i in hval)) {
			printf "FAIL %s %s: the value \"%s\" was not computed\n", vwhere[i], vname[i], vexpr[i]
			failed++
		} else if (hval[i] == pval[i]) {
			printf "PASS %s %s = 0x%s\n", vwhere[i], vname[i], hval[i]
			passed++
		} else {
			printf "FAIL %s %s: the page gives 0x%s (%s), the header 0x%s (%s:%d)\n", vwhere[i], vname[i], pval[i], vexpr[i], hval[i], header, defline[vname[i]]
			failed++
		}
	}
	for (i = 1; i <= nunknown; i++) {
		split(unknown[i], u, " ")
		printf "FAIL %s %s: not defined by %s\n", u[1], u[2], header
		failed++
	}
	printf "%d passed, %d failed, 0 skipped\n", passed, failed
	exit failed > 0
}
' "$tmp/defs" "$tmp/said" "$tmp/computed"
