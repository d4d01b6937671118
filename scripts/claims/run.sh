#!/bin/sh
# claims-run [-d CLAIMSDIR] [-b BUILDDIR] PAGE...: check the errno claims of
# manual pages against the running kernel.
#
# Every .\" CHECK NAME comment in the pages (page claims, scripts/page/) runs
# CLAIMSDIR/NAME.c (default tests/claims) through scripts/claims/exec.sh, and
# prints a result line: PASS, FAIL (with what the program saw) or SKIP
# (with the reason), naming the page and line of the claim, its errno and
# the check:
#
#   PASS man2/ioctl_userfaultfd.2:321 EINVAL ioctl-api-twice
#   FAIL man2/userfaultfd.2:250 EPERM uffd-priv: userfaultfd(0) succeeded
#   SKIP man2/ioctl_userfaultfd.2:610 ENOENT ioctl-foo: needs UFFD_FEATURE_X
#
# A CHECK outside an errno entry ties a check to another statement of the
# page (a privilege rule): PAGE:LINE of the comment and the check's name.
# An errno entry with neither CHECK nor NOCHECK is listed as
#   UNCHECKED PAGE:LINE ERRNO (SECTION)
# and one with NOCHECK only as
#   NOCHECK PAGE:LINE ERRNO: REASON
# Every priv-*.c of CLAIMSDIR that no page names runs too (the privilege
# rules are checked even where no page states them yet); any other program
# no page names is listed as UNUSED.  Each behaviour statement (a paragraph
# or list item of DESCRIPTION, NOTES, BUGS or HISTORY) that carries no
# CHECK, NOCHECK or NOCLAIM is listed as
#   UNMARKED PAGE:LINE (SECTION)
# Then come the coverage lines
#   N of M behaviour statements checked, K marked NOCHECK, U unmarked; C paragraphs state no behaviour (NOCLAIM)
# where M counts only the paragraphs that state what the kernel does (those
# marked NOCLAIM do not: they are counted apart).
#   N of M errno claims checked, K marked NOCHECK, U unchecked
# and the summary
#   N passed, N failed, N skipped
#
# Exit status: 0, or 1 if a check failed (or, with CLAIMS_STRICT=1, if a
# claim is unchecked or a statement unmarked); 2 on an error in the pages (a CHECK naming a program
# that does not exist, a malformed comment), reported as PAGE:LINE: message
# on stderr, with nothing on stdout.
set -eu

prog=claims-run
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
dir=tests/claims
build=build/claims
synopsis="$prog [-d CLAIMSDIR] [-b BUILDDIR] PAGE..."
lib_options 'd=dir b=build' "$@"
shift $((OPTIND - 1))
[ $# -gt 0 ] || [ -d "$dir" ] || usage

lib_tmpdir claims-run

if [ $# -gt 0 ]; then
	page claims "$@" >"$tmp/list" || exit 2
else
	: >"$tmp/list"
fi
if [ -d "$dir" ]; then
	find "$dir" -maxdepth 1 -name '*.c' | sed 's|.*/||; s|\.c$||' | sort >"$tmp/programs"
else
	: >"$tmp/programs"
fi

# The plan, one line each, tab-separated, in page order:
#   run WHAT NAME | unchecked TEXT | nocheck TEXT | unused NAME
#   | unmarked TEXT | error TEXT
#   | statements M CHECKED NOCHECK NOCLAIM UNMARKED
#   | total M CHECKED NOCHECK UNCHECKED
awk -F '\t' -v dir="$dir" '
FILENAME == ARGV[1] { have[$0] = 1; next }
{ rec[++n] = $0 }
$1 == "entry" { errno[$2 ":" $3] = $4; ctx[$2 ":" $3] = $5; entries++ }
$1 == "statement" {
	nst++
	if ($5 == "check") sc++
	else if ($5 == "nocheck") sn++
	else if ($5 == "noclaim") sl++
	else unmarked[++su] = $2 ":" $3 " (" $4 ")"
	next
}
$1 == "noclaim" { next }
$1 == "check" && $5 ~ /^run:/ { next }
$1 == "check" {
	named[$5] = 1
	if ($4 != "-") checked[$2 ":" $4] = 1
	if (!($5 in have))
		print "error\t" $2 ":" $3 ": CHECK names " dir "/" $5 ".c, which does not exist"
}
$1 == "nocheck" { nochecked[$2 ":" $4] = 1 }
END {
	for (i = 1; i <= n; i++) {
		split(rec[i], f, "\t")
		if (f[1] == "entry") {
			k = f[2] ":" f[3]
			if (k in checked)
				nc++
			else if (k in nochecked)
				nn++
			else {
				nu++
				print "unchecked\t" k " " f[4] (f[5] != "" ? " (" f[5] ")" : "")
			}
		} else if (f[1] == "check" && f[5] ~ /^run:/) {
			# Checked by the page'"'"'s own session of that program (make).
			continue
		} else if (f[1] == "check") {
			if (f[4] == "-")
				print "run\t" f[2] ":" f[3] " " f[5] "\t" f[5]
			else {
				k = f[2] ":" f[4]
				print "run\t" k " " errno[k] " " f[5] "\t" f[5]
			}
		} else if (f[1] == "nocheck" && f[4] != "-") {
			k = f[2] ":" f[4]
			if (!(k in checked))
				print "nocheck\t" k " " errno[k] ": " f[5]
		}
	}
	for (p in have)
		if (!(p in named))
			print (p ~ /^priv-/ ? "run\t" p " (stated in no page)\t" p : "unused\t" p) | "sort"
	close("sort")
	for (i = 1; i <= su; i++)
		print "unmarked\t" unmarked[i]
	printf "statements\t%d\t%d\t%d\t%d\t%d\n", nst, sc, sn, sl, su
	printf "total\t%d\t%d\t%d\t%d\n", entries, nc, nn, nu
}
' "$tmp/programs" "$tmp/list" >"$tmp/plan"

if grep -q '^error' "$tmp/plan"; then
	sed -n 's/^error\t//p' "$tmp/plan" >&2
	exit 2
fi

strict=${CLAIMS_STRICT:-0}
tab=$(printf '\t')
passed=0 failed=0 skipped=0
while IFS=$tab read -r kind a b c d e; do
	case $kind in
	run)
		if "$here/exec.sh" -d "$dir" -b "$build" "$b" >"$tmp/res" </dev/null; then
			:
		else
			rc=$?
			[ $rc -eq 2 ] && exit 2
		fi
		IFS=$tab read -r result msg <"$tmp/res" || true
		case $result in
		PASS)
			echo "PASS $a"
			passed=$((passed + 1))
			;;
		SKIP)
			echo "SKIP $a: $msg"
			skipped=$((skipped + 1))
			;;
		*)
			echo "FAIL $a: $msg"
			failed=$((failed + 1))
			;;
		esac
		;;
	unchecked)
		echo "UNCHECKED $a"
		[ "$strict" = 1 ] && failed=$((failed + 1))
		;;
	nocheck) echo "NOCHECK $a" ;;
	unused) echo "UNUSED $dir/$a.c: no page names it" ;;
	unmarked)
		echo "UNMARKED $a"
		[ "$strict" = 1 ] && failed=$((failed + 1))
		;;
	statements)
		echo "$b of $((a - d)) behaviour statements checked, $c marked NOCHECK, $e unmarked;" \
			"$d paragraphs state no behaviour (NOCLAIM)"
		;;
	total)
		echo "$b of $a errno claims checked, $c marked NOCHECK, $d unchecked"
		;;
	esac
done <"$tmp/plan" >"$tmp/out"
# Only now: an error in a claim program's context (exit 2 above) leaves
# nothing on stdout.
cat "$tmp/out"
lib_summary "$passed" "$failed" "$skipped"
[ $failed -eq 0 ]
