#!/bin/sh
# kernel-results KDIR ROOT
#
# Reads back what one kernel of the matrix did: KDIR/boot.txt (from
# scripts/kernels/boot.sh, or the driver for the running kernel) and
# KDIR/results.log (scripts/kernels/guest.sh's markers), against what was to be
# run (ROOT/uffd, from scripts/kernels/initramfs.sh), and writes
#     KDIR/results.txt    one line per item, tab-separated:
#                             ITEM  PASS|FAIL|SKIP  REASON
#                         ITEM: boot, probe, example PAGE/PROG, claim NAME;
#                         lines that start with a tab follow a FAIL and
#                         detail it (a diff)
#     KDIR/probe.txt      the probe's report on that kernel
#     KDIR/out/PAGE/PROG.out  each session's run, compared by scripts/run/compare.sh
# An item that began and never ended failed (the guest hung or crashed
# in it); one that never began, in a guest that did not finish, is
# skipped ("not run").  Nothing is guessed: an item passes only on what
# the guest printed.
#
# Exit status 0 once results.txt is written; 1 on an error (missing files);
# 2 on a usage error.
set -eu

me='kernel-results'
[ $# -eq 2 ] || { echo "usage: $me KDIR ROOT" >&2; exit 2; }
kdir=$1 root=$2
here=$(dirname "$0")
for f in "$kdir/boot.txt" "$root/uffd"; do
	[ -e "$f" ] || { echo "$me: $f: no such file" >&2; exit 1; }
done
[ -f "$kdir/results.log" ] || : >"$kdir/results.log"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-results.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
tab=$(printf '\t')

fact() {
	awk -v k="$1" '$1 == k { sub(/^[^ ]+ ?/, ""); print; exit }' "$kdir/boot.txt"
}
boot=$(fact status)
accel=$(fact accel)
seconds=$(fact seconds)
limit=$(fact limit)
detail=$(fact detail)
case $boot in
finished | hung | crashed | error) ;;
*) echo "$me: $kdir/boot.txt: no status line" >&2; exit 1 ;;
esac

# Split the log: $tmp/N.out and N.err for the Nth item, and an index of
# ITEM<tab>N<tab>STATUS ("-": never ended).  Serial lines may end in \r.
mkdir "$tmp/items"
awk -v dir="$tmp/items" '
	{ sub(/\r$/, "") }
	/^@@uffd-kernel begin / {
		if (cur != "") print cur "\t" n "\t-" > (dir "/index")
		cur = substr($0, 21); n++
		printf "" > (dir "/" n ".out"); printf "" > (dir "/" n ".err")
		next
	}
	/^@@uffd-kernel stderr / { if (cur != "") print substr($0, 22) > (dir "/" n ".err"); next }
	/^@@uffd-kernel end / {
		rest = substr($0, 19); status = rest; sub(/.* /, "", status); sub(/ [^ ]*$/, "", rest)
		if (rest == cur) print cur "\t" n "\t" status > (dir "/index")
		close(dir "/" n ".out"); close(dir "/" n ".err")
		cur = ""
		next
	}
	/^@@uffd-kernel / { next }
	cur != "" { print > (dir "/" n ".out") }
	END { if (cur != "") print cur "\t" n "\t-" > (dir "/index") }' "$kdir/results.log"
[ -f "$tmp/items/index" ] || : >"$tmp/items/index"
# The index as a file per item, $tmp/idx/ITEM holding N<tab>STATUS (the
# first, should an item repeat): a lookup is then a read, not a process.
mkdir "$tmp/idx"
awk -F '\t' -v dir="$tmp/idx" '
	$1 ~ /(^|\/)\.\.?(\/|$)/ { next }
	!($1 in seen) {
		seen[$1] = 1
		f = dir "/" $1
		if ($1 ~ /\//) {
			d = f; sub(/\/[^\/]*$/, "", d)
			if (!(d in made)) { made[d] = 1; system("mkdir -p \"" d "\"") }
		}
		print $2 "\t" $3 > f
		close(f)
	}' "$tmp/items/index"

# The item of the log that never ended, if any.
stuck=$(awk -F '\t' '$3 == "-" { print $1; exit }' "$tmp/items/index")

# lookup ITEM...: sets n and status from the index ("" when not there).
lookup() {
	n="" status=""
	for want in "$@"; do
		[ -f "$tmp/idx/$want" ] || continue
		IFS=$tab read -r n status <"$tmp/idx/$want"
		return 0
	done
}

# One line of a program's output, as claims-exec makes it.
oneline() {
	tr '\n\t' '  ' <"$1" | sed 's/  *$//; s/   */ /g'
}

first_err() {
	head -n 1 "$tmp/items/$1.err"
}

results=$tmp/results.txt
: >"$results"
result() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"
}

# absent ITEM: an item the guest never began.
absent() {
	if [ "$boot" = finished ]; then
		result "$1" FAIL "no result: the guest finished without running it"
	else
		result "$1" SKIP "not run: the guest $boot${stuck:+ during $stuck} before it"
	fi
}

# unfinished ITEM: an item that began and never ended.
unfinished() {
	case $boot in
	hung) result "$1" FAIL "never finished: the guest hung in it ($detail)" ;;
	finished) result "$1" FAIL "never finished, yet the guest did" ;;
	*) result "$1" FAIL "never finished: the guest $boot in it${detail:+ ($detail)}" ;;
	esac
}

# settled ITEM: ITEM's result when lookup found that the guest never began
# it or never ended it; fails when it did both.
settled() {
	if [ -z "$n" ]; then
		absent "$1"
	elif [ "$status" = - ]; then
		unfinished "$1"
	else
		return 1
	fi
}

case $boot in
finished) result boot PASS "finished in $seconds s ($accel)" ;;
hung) result boot FAIL "hung: killed after $limit s${stuck:+, during $stuck}" ;;
crashed) result boot FAIL "crashed${stuck:+ during $stuck}: $detail" ;;
*) result boot FAIL "$detail" ;;
esac

# The probe.
rm -f "$kdir/probe.txt"
lookup probe
if settled probe; then
	:
elif [ "$status" -ne 0 ]; then
	result probe FAIL "the probe exited with status $status: $(first_err "$n")"
else
	cp "$tmp/items/$n.out" "$kdir/probe.txt"
	release=$("$here/../page/page.sh" offers "$kdir/probe.txt" | sed -n 's/^release //p')
	result probe PASS "Linux ${release:-?}: $(grep -c . "$kdir/probe.txt") facts"
fi

# The sessions, compared as on the host.
rm -rf "$kdir/out"
find "$root/uffd/sessions" -name '*.run' 2>/dev/null | sort >"$tmp/runs"
while IFS= read -r run; do
	id=${run#"$root/uffd/sessions/"}
	id=${id%.run}
	item="example $id"
	lookup "session $id"
	if settled "$item"; then
		continue
	elif [ "$status" -ne 0 ]; then
		result "$item" FAIL "run-session failed (status $status): $(first_err "$n")"
		continue
	fi
	mkdir -p "$kdir/out/${id%/*}"
	out=$kdir/out/$id.out
	cp "$tmp/items/$n.out" "$out"
	"$here/../run/compare.sh" "$run" "$out" >"$tmp/compare" 2>&1 || :
	line=$(head -n 1 "$tmp/compare")
	case $line in
	"PASS "*)
		result "$item" PASS ""
		;;
	"SKIP "*)
		# SKIP PAGE: PROG: REASON; run-session says "needs A, B (Linux R)".
		why=${line#SKIP *": "*": "}
		why=$(printf '%s' "$why" | sed 's/^needs \(.*\) (Linux \(.*\))$/needs \1, which Linux \2 lacks/')
		result "$item" SKIP "$why"
		;;
	"FAIL "*)
		# FAIL PAGE:LINE: PROG: WHY
		where=${line#FAIL }
		where=${where%%": "*}
		why=${line#FAIL *": "*": "}
		result "$item" FAIL "$where: $why"
		# The diff; compare's "reproduce" lines name files of the guest.
		sed -n '2,$p' "$tmp/compare" | grep -v '^ *reproduce: ' | sed 's/^/\t/' >>"$results" || :
		;;
	*)
		result "$item" FAIL "compare: ${line:-no result}"
		;;
	esac
done <"$tmp/runs"

# The claims.
find "$root/uffd/claims/bin" -type f 2>/dev/null | sed 's|.*/||' | sort >"$tmp/claims"
while IFS= read -r name; do
	item="claim $name"
	lookup "claim $name" "run $name"
	if settled "$item"; then
		continue
	fi
	if [ -f "$tmp/idx/claim $name" ]; then
		# claims-exec's line: RESULT<tab>MESSAGE; status 2 is its own error.
		if [ "$status" -eq 2 ]; then
			result "$item" FAIL "claims-exec: $(first_err "$n")"
			continue
		fi
		verdict=$(head -n 1 "$tmp/items/$n.out")
		case $verdict in
		PASS"$tab"* | FAIL"$tab"* | SKIP"$tab"*)
			result "$item" "${verdict%%"$tab"*}" "${verdict#*"$tab"}"
			;;
		*) result "$item" FAIL "claims-exec said: ${verdict:-nothing} (status $status)" ;;
		esac
		continue
	fi
	# Run directly: claims-exec's verdict, from the status and the output.
	msg=$(oneline "$tmp/items/$n.out")
	case $status in
	0) result "$item" PASS "$msg" ;;
	1) result "$item" FAIL "$msg" ;;
	77) result "$item" SKIP "$msg" ;;
	124 | 137) result "$item" FAIL "timed out after ${CLAIMS_TIMEOUT:-10} s${msg:+: $msg}" ;;
	12[5-7]) result "$item" FAIL "could not run it (status $status)${msg:+: $msg}" ;;
	129 | 1[3-9][0-9]) result "$item" FAIL "killed by signal $((status - 128))${msg:+: $msg}" ;;
	*) result "$item" FAIL "exit status $status${msg:+: $msg}" ;;
	esac
done <"$tmp/claims"

mv "$results" "$kdir/results.txt"
