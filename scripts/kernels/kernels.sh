#!/bin/sh
# kernels [-o OUTDIR] [-c CACHEDIR] [-t SECONDS] ROOT INITRAMFS PAGE...
#
# The kernel matrix: runs every example session and claim check that
# scripts/kernels/initramfs.sh put in ROOT and INITRAMFS on each kernel of
# $KERNELS (default "6.1 6.12 running"):
#   X.Y        Debian's newest packaged kernel of that series
#              (scripts/kernels/fetch.sh, cached in CACHEDIR), booted under
#              QEMU with INITRAMFS (scripts/kernels/boot.sh): KVM when a trial
#              boot shows that it works, else TCG
#   running    the running kernel: ROOT/uffd run here, directly
# and checks the pages' ".\" SINCE NAME X.Y" annotations against each
# kernel's probe (scripts/kernels/since.sh).  Writes OUTDIR/KERNEL/ (logs and
# results of each) and OUTDIR/matrix.txt, matrix.table (scripts/
# kernel-matrix); prints a result line per kernel and item, the table and
# "N passed, N failed, N skipped".
#
# A kernel that cannot be had (no network and nothing cached, no apt) or
# booted (no QEMU) is one SKIP line with the reason, never a failure; so
# is the whole matrix when INITRAMFS could not be built (ROOT.why says
# why).  A guest that does not finish within SECONDS (120) is killed and
# reported hung.
#
# Exit status: 0; 1 when something failed; 2 on an error in the pages'
# annotations (PAGE:LINE on stderr, nothing on stdout) or a usage error.
#
# Environment: KERNELS, KERNELS_CACHE (CACHEDIR: $XDG_CACHE_HOME/uffd-man/
# kernels, or ~/.cache/uffd-man/kernels), KERNELS_JOBS (guests booted at
# once: the number of processors), KERNELS_ACCEL (auto, kvm, tcg),
# KERNELS_QEMU, KERNELS_HUGEPAGES, KERNELS_FLAVOUR, CLAIMS_TIMEOUT.
set -eu

me='kernels'
here=$(cd "$(dirname "$0")" && pwd)
outdir=build/kernels
cache=${KERNELS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/uffd-man/kernels}
limit=120
usage() {
	echo "usage: $me [-o OUTDIR] [-c CACHEDIR] [-t SECONDS] ROOT INITRAMFS PAGE..." >&2
	exit 2
}
while getopts o:c:t: opt; do
	case $opt in
	o) outdir=$OPTARG ;;
	c) cache=$OPTARG ;;
	t) limit=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || usage
root=$1 initrd=$2
shift 2
case $limit in '' | *[!0-9]*) echo "$me: -t $limit: not a number of seconds" >&2; exit 2 ;; esac
kernels=${KERNELS-6.1 6.12 running}
jobs=${KERNELS_JOBS:-$(nproc 2>/dev/null || echo 1)}
case $jobs in '' | *[!0-9]* | 0) jobs=1 ;; esac

# The annotations first: an error in them stops everything.
[ $# -eq 0 ] || "$here/since.sh" "$@" || exit 2

mkdir -p "$outdir"

# setup KDIR NAME: a fresh directory for one kernel, called NAME.
setup() {
	rm -rf "$1"
	mkdir -p "$1"
	printf '%s\n' "$2" >"$1/kernel"
}

# skipped KDIR NAME REASON: a kernel of the matrix that does not run.
skipped() {
	setup "$1" "$2"
	printf 'boot\tSKIP\t%s\n' "$3" >"$1/results.txt"
}

# The kernels, and what is to run on each: KDIR<tab>WHAT<tab>VMLINUZ.
: >"$outdir/.plan"
why=""
if [ ! -f "$initrd" ] || [ ! -d "$root/uffd" ]; then
	why="the initramfs was not built"
	[ ! -s "$root.why" ] || why="cannot build the initramfs: $(head -n 1 "$root.why")"
fi
qemu=${KERNELS_QEMU:-qemu-system-x86_64}
tab=$(printf '\t')
for spec in $kernels; do
	kdir=$outdir/$spec
	case $spec in
	*/* | .*) echo "$me: KERNELS: $spec: not a kernel" >&2; exit 2 ;;
	esac
	if [ -n "$why" ]; then
		skipped "$kdir" "$spec" "$why"
		continue
	fi
	if [ "$spec" = running ]; then
		setup "$kdir" "$(uname -r)"
		printf '%s%srun%s\n' "$kdir" "$tab" "$tab" >>"$outdir/.plan"
		continue
	fi
	if ! command -v "$qemu" >/dev/null 2>&1; then
		skipped "$kdir" "$spec" "$qemu is missing (install qemu-system-x86)"
		continue
	fi
	set +e
	got=$("$here/fetch.sh" "$spec" "$cache")
	status=$?
	set -e
	case $status in
	0)
		setup "$kdir" "$(head -n 1 "$got/release")"
		printf '%s\tboot\t%s\n' "$kdir" "$got/vmlinuz" >>"$outdir/.plan"
		;;
	77) skipped "$kdir" "$spec" "$got" ;;
	*) skipped "$kdir" "$spec" "kernel-fetch failed (status $status)" ;;
	esac
done

# Boot (or run) them, up to $jobs at once.
accel=""
pids=""
running=0
while IFS=$tab read -r kdir what vmlinuz; do
	if [ "$what" = boot ] && [ -z "$accel" ]; then
		# Why not KVM, when not, goes to accel.log.
		accel=$("$here/accel.sh" "$vmlinuz" "$initrd" 2>"$outdir/accel.log")
	fi
	if [ "$running" -ge "$jobs" ]; then
		first=${pids%% *}
		pids=${pids#"$first"}
		pids=${pids# }
		wait "$first" || :
		running=$((running - 1))
	fi
	if [ "$what" = boot ]; then
		"$here/boot.sh" -t "$limit" -a "$accel" "$vmlinuz" "$initrd" "$kdir" \
			>/dev/null 2>"$kdir/boot.err" &
	else
		(
			start=$(date +%s.%N)
			set +e
			timeout -k 5 "$limit" "$here/guest.sh" "$root/uffd" \
				>"$kdir/results.log" 2>"$kdir/console.log" </dev/null
			status=$?
			set -e
			seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
			case $status in
			0) result=finished detail="" ;;
			124 | 137) result=hung detail="killed after $limit s" ;;
			*) result=crashed detail="kernel-guest exited with status $status" ;;
			esac
			{
				echo "status $result"
				echo "accel none (the running kernel)"
				echo "seconds $seconds"
				echo "limit $limit"
				[ -z "$detail" ] || echo "detail $detail"
			} >"$kdir/boot.txt"
		) &
	fi
	pids="$pids${pids:+ }$!"
	running=$((running + 1))
done <"$outdir/.plan"
for pid in $pids; do
	wait "$pid" || :
done

# Read back each kernel's results, and check the annotations on it.
kdirs=""
for spec in $kernels; do
	kdir=$outdir/$spec
	kdirs="$kdirs $kdir"
	[ ! -f "$kdir/results.txt" ] || continue
	if [ ! -f "$kdir/boot.txt" ]; then
		printf 'status error\naccel -\nseconds 0\nlimit %s\ndetail %s\n' "$limit" \
			"$(head -n 1 "$kdir/boot.err" 2>/dev/null || echo 'kernel-boot failed')" >"$kdir/boot.txt"
	fi
	"$here/results.sh" "$kdir" "$root"
	[ $# -gt 0 ] || continue
	if [ -f "$kdir/probe.txt" ]; then
		"$here/since.sh" -p "$kdir/probe.txt" "$@" >>"$kdir/results.txt"
	else
		"$here/since.sh" -p /dev/null "$@" |
			awk -F '\t' -v k="$(head -n 1 "$kdir/kernel")" \
				'{ printf "%s\tSKIP\tno probe report from Linux %s\n", $1, k }' \
			>>"$kdir/results.txt"
	fi
done
rm -f "$outdir/.plan"

# shellcheck disable=SC2086 # one word per kernel directory
exec "$here/matrix.sh" "$outdir" $kdirs
