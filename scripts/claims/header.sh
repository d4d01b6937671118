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
header=${CLAIMS_HEADER:-}
while getopts H: opt; do
	case $opt in
	H) header=$OPTARG ;;
	*) echo "usage: $prog [-H HEADER] PAGE..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
	echo "usage: $prog [-H HEADER] PAGE..." >&2
	exit 2
fi
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
		echo "0 passed, 0 failed, 1 skipped"
		exit 0
	fi
elif [ ! -r "$header" ]; then
	echo "$prog: $header: cannot read" >&2
	exit 2
fi
cc=${CC:-gcc}
header_abs=$(cd "$(dirname "$header")" && pwd)/$(basename "$header")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/claims-header.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

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

# What the pages say: one record a line, tab-separated:
#   seen NAME PAGE:LINE          first mention of a header constant
#   unknown NAME PAGE:LINE       a name the header does not define
#   value NAME PAGE LINE EXPR    a value the page gives
awk -f "$here/roff.awk" -f /dev/stdin "$tmp/defs" "$@" >"$tmp/said" <<'EOF'
BEGIN { OFS = "\t" }
FILENAME == ARGV[1] { defined[$1] = 1; next }
FNR == 1 {
	intbl = 0; indef = 0
	# The names this page defines for itself, in its examples.
	while ((getline l < FILENAME) > 0) {
		l = unescape(l)
		if (l ~ /^[ \t]*#[ \t]*define[ \t]+/) {
			sub(/^[ \t]*#[ \t]*define[ \t]+/, "", l)
			sub(/[^A-Za-z0-9_].*/, "", l)
			if (!(l in defined))
				own[FILENAME, l] = 1
		}
	}
	close(FILENAME)
}

function is_name(t) {
	return t ~ /^_?(UFFD|UFFDIO|USERFAULTFD)_[A-Za-z0-9_]*$/ && t !~ /_$/ || t == "UFFDIO"
}

# Does this text look like an integer expression?  Then return it as C.
function as_value(v,    t) {
	v = trim(v)
	if (v ~ /^bit[ \t]+[0-9]+$/) {
		sub(/^bit[ \t]+/, "", v)
		return "(1ULL << " v ")"
	}
	t = v
	gsub(/__u64|__u32|unsigned|long|int/, "", t)
	if (t ~ /^[0-9a-fA-FxXuUlL<>|() \t]+$/ && t ~ /[0-9]/)
		return v
	return ""
}

function said_value(name, line, v) {
	if (v != "" && (name in defined))
		print "value", name, FILENAME, line, v
}

# A line of text or code: the names in it, and values given inline.
function scan(t, line, novalues,    rest, w, n, i, tok, p, depth, c, j, inner) {
	n = split(t, w, /[^A-Za-z0-9_]+/)
	for (i = 1; i <= n; i++) {
		tok = w[i]
		if (!is_name(tok))
			continue
		if (tok in defined) {
			if (!(tok in seen)) {
				seen[tok] = 1
				print "seen", tok, FILENAME ":" line
			}
		} else if (!((FILENAME, tok) in own) && !((FILENAME, line, tok) in told)) {
			told[FILENAME, line, tok] = 1
			print "unknown", tok, FILENAME ":" line
		}
	}
	if (novalues)
		return
	# NAME (VALUE)
	rest = t
	while (match(rest, /(UFFD|UFFDIO|USERFAULTFD)_[A-Za-z0-9_]*[ \t]*\(/)) {
		tok = substr(rest, RSTART, RLENGTH)
		sub(/[ \t]*\($/, "", tok)
		if (RSTART > 1 && substr(rest, RSTART - 1, 1) ~ /[A-Za-z0-9_]/) {
			rest = substr(rest, RSTART + RLENGTH)
			continue
		}
		p = RSTART + RLENGTH - 1
		depth = 0
		for (j = p; j <= length(rest); j++) {
			c = substr(rest, j, 1)
			if (c == "(") depth++
			else if (c == ")" && --depth == 0) break
		}
		if (depth == 0) {
			inner = substr(rest, p + 1, j - p - 1)
			said_value(tok, line, as_value(inner))
		}
		rest = substr(rest, p + 1)
	}
}

is_comment($0) { next }

# Tables (tbl): options (;), format (.), then rows up to the end macro.
/^[.\047][ \t]*TS([ \t]|$)/ { intbl = 1; tstage = "opts"; tab = "\t"; heading_done = 0; delete kind; next }
/^[.\047][ \t]*T[E]([ \t]|$)/ { intbl = 0; next }
intbl && tstage == "opts" {
	tstage = "format"
	if ($0 ~ /;[ \t]*$/) {
		if (match($0, /tab[ \t]*\(.\)/))
			tab = substr($0, RSTART + RLENGTH - 2, 1)
		next
	}
}
intbl && tstage == "format" {
	if ($0 ~ /\.[ \t]*$/)
		tstage = "rows"
	next
}
intbl && tstage == "rows" {
	if ($0 ~ /^[.\047]/ || $0 ~ /^[ \t]*[_=][ \t]*$/)
		next
	n = split($0, cell, tab)
	for (i = 1; i <= n; i++)
		cell[i] = trim(unescape(cell[i]))
	scan(unescape($0), FNR)
	if (!heading_done) {
		heading_done = 1
		if (!is_name(cell[1])) {
			for (i = 2; i <= n; i++) {
				h = tolower(cell[i])
				if (h ~ /^bit/) kind[i] = "bit"
				else if (h ~ /^value/) kind[i] = "value"
			}
			next
		}
	}
	if (!is_name(cell[1]))
		next
	for (i = 2; i <= n; i++) {
		if (!(i in kind) || cell[i] == "")
			continue
		if (kind[i] == "bit" && cell[i] ~ /^[0-9]+$/)
			said_value(cell[1], FNR, "(1ULL << " cell[i] ")")
		else if (kind[i] == "value")
			said_value(cell[1], FNR, as_value(cell[i]))
	}
	next
}

# #define NAME VALUE in an example, continuation lines joined.
indef {
	dvalue = dvalue " " unescape($0)
	if (dvalue ~ /\\$/) { sub(/\\$/, "", dvalue); scan(unescape($0), FNR, 1); next }
	indef = 0
	scan(unescape($0), FNR, 1)
	define_done()
	next
}
{
	t = unescape($0)
	if (t ~ /^[ \t]*#[ \t]*define[ \t]+(UFFD|UFFDIO|USERFAULTFD|_UFFDIO)/) {
		scan(t, FNR, 1)
		s = t
		sub(/^[ \t]*#[ \t]*define[ \t]+/, "", s)
		dname = s
		sub(/[^A-Za-z0-9_].*/, "", dname)
		dvalue = substr(s, length(dname) + 1)
		dline = FNR
		if (dvalue ~ /^\(/) {
			# A function-like macro: not a constant.
			next
		}
		if (dvalue ~ /\\$/) { sub(/\\$/, "", dvalue); indef = 1; next }
		define_done()
		next
	}
	scan(t ~ /^[.\047]/ ? plain($0) : t, FNR)
}
function define_done() {
	gsub(/\/\*.*\*\//, "", dvalue)
	sub(/\/\/.*/, "", dvalue)
	dvalue = trim(dvalue)
	if (dvalue != "")
		said_value(dname, dline, dvalue)
}
EOF

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
