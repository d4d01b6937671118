#!/bin/sh
# kernels [-o OUTDIR] [-c CACHEDIR] [-t SECONDS] [-A ROOT,INITRAMFS] ROOT INITRAMFS PAGE...
#
# The kernel matrix: runs every example session and claim check that
# scripts/kernels/initramfs.sh put in ROOT and INITRAMFS (built for amd64;
# -A names those built for arm64) on each cell of $KERNELS (default
# "5.10 6.1 6.12 7.2 running arm64-6.1 arm64-6.12 arm64-7.2"):
#   X.Y        Debian's newest packaged amd64 kernel of that series
#              (scripts/kernels/fetch.sh, cached in CACHEDIR), booted under
#              QEMU with INITRAMFS (scripts/kernels/boot.sh): KVM when a trial
#              boot shows that it works, else TCG
#   arm64-X.Y  the same for arm64, under qemu-system-aarch64 (TCG)
#   amd64-X.Y  the same as X.Y
#   running    the running kernel: ROOT/uffd run here, directly
# and checks the pages' ".\" SINCE NAME X.Y [ARCH]" annotations against
# each cell's probe (scripts/kernels/since.sh).  Writes OUTDIR/CELL/ (logs
# and results of each: "kernel" holds the release, "cell" the architecture
# and the cell's name) and OUTDIR/matrix.txt, matrix.table and summary.txt
# (scripts/kernels/matrix.sh); prints a result line per kernel and item,
# the table and "N passed, N failed, N skipped".
#
# A cell that cannot be had (no network and nothing cached, no apt) or
# booted (no QEMU) is one SKIP line with the reason, never a failure; so
# is each cell of an architecture whose INITRAMFS could not be built
# (ROOT.why says why).  A guest that does not finish within SECONDS (120)
# is killed and reported hung.  Each guest gets KERNELS_MEM megabytes
# (512).  The guests boot KERNELS_JOBS at once (the processors), the
# slowest (arm64's) first.
#
# Exit status: 0; 1 when something failed; 2 on an error in the pages'
# annotations (PAGE:LINE on stderr, nothing on stdout) or a usage error.
#
# Environment: KERNELS, KERNELS_CACHE (CACHEDIR: $XDG_CACHE_HOME/uffd-man/
# kernels, or ~/.cache/uffd-man/kernels), KERNELS_JOBS, KERNELS_MEM,
# KERNELS_ACCEL (auto, kvm, tcg), KERNELS_QEMU, KERNELS_QEMU_ARM64,
# KERNELS_HUGEPAGES, KERNELS_FLAVOUR, CLAIMS_TIMEOUT.
set -eu

me='kernels'
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
outdir=build/kernels
cache=${KERNELS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/uffd-man/kernels}
limit=120
arm_root="" arm_initrd=""
synopsis="$me [-o OUTDIR] [-c CACHEDIR] [-t SECONDS] [-A ROOT,INITRAMFS] ROOT INITRAMFS PAGE..."
arm=''
lib_options 'o=outdir c=cache t=limit A=arm' "$@"
shift $((OPTIND - 1))
case $arm in
'') ;;
*,*) arm_root=${arm%%,*} arm_initrd=${arm#*,} ;;
*) usage ;;
esac
[ $# -ge 2 ] || usage
root=$1 initrd=$2
shift 2
case $limit in '' | *[!0-9]*) echo "$me: -t $limit: not a number of seconds" >&2; exit 2 ;; esac
kernels=${KERNELS-5.10 6.1 6.12 7.2 running arm64-6.1 arm64-6.12 arm64-7.2}
jobs=${KERNELS_JOBS:-$(nproc 2>/dev/null || echo 1)}
case $jobs in '' | *[!0-9]* | 0) jobs=1 ;; esac
mem=${KERNELS_MEM:-512}
case $mem in '' | *[!0-9]*) echo "$me: KERNELS_MEM=$mem: not a number of megabytes" >&2; exit 2 ;; esac

# The annotations first: an error in them stops everything.
[ $# -eq 0 ] || "$here/since.sh" "$@" || exit 2

mkdir -p "$outdir"

# setup KDIR NAME ARCH CELL: a fresh directory for one kernel, called
# NAME (its release), of the cell CELL on ARCH.
setup() {
	rm -rf "$1"
	mkdir -p "$1"
	printf '%s\n' "$2" >"$1/kernel"
	printf '%s %s\n' "$3" "$4" >"$1/cell"
}

# skipped KDIR NAME ARCH CELL REASON: a cell of the matrix that does not run.
skipped() {
	setup "$1" "$2" "$3" "$4"
	printf 'boot\tSKIP\t%s\n' "$5" >"$1/results.txt"
}

# why_not ROOT INITRAMFS: why that tree cannot run, if it cannot.
why_not() {
	if [ -z "$1" ] || [ ! -f "$2" ] || [ ! -d "$1/uffd" ]; then
		if [ -n "$1" ] && [ -s "$1.why" ]; then
			echo "cannot build the initramfs: $(head -n 1 "$1.why")"
		else
			echo "the initramfs was not built"
		fi
	fi
}

# The cells, and what is to run on each:
# KDIR<tab>WHAT<tab>ARCH<tab>VMLINUZ, arm64's first.
: >"$outdir/.plan"
why=$(why_not "$root" "$initrd")
arm_why=$(why_not "$arm_root" "$arm_initrd")
tab=$(printf '\t')
for spec in $kernels; do
	kdir=$outdir/$spec
	case $spec in
	*/* | .*) echo "$me: KERNELS: $spec: not a kernel" >&2; exit 2 ;;
	arm64-*) arch=arm64 series=${spec#arm64-} ;;
	amd64-*) arch=amd64 series=${spec#amd64-} ;;
	*) arch=amd64 series=$spec ;;
	esac
	case $series in
	running | [0-9]*.[0-9]* | linux-image-*) ;;
	*) echo "$me: KERNELS: $spec: not a kernel (X.Y, ARCH-X.Y, running)" >&2; exit 2 ;;
	esac
	if [ $arch = arm64 ]; then
		qemu=${KERNELS_QEMU_ARM64:-qemu-system-aarch64} package=qemu-system-arm
		reason=$arm_why
	else
		qemu=${KERNELS_QEMU:-qemu-system-x86_64} package=qemu-system-x86
		reason=$why
	fi
	if [ "$series" = running ]; then
		if [ $arch != amd64 ]; then
			echo "$me: KERNELS: $spec: the running kernel is amd64's" >&2
			exit 2
		fi
		if [ -n "$reason" ]; then
			skipped "$kdir" "$spec" "$arch" "$spec" "$reason"
			continue
		fi
		setup "$kdir" "$(uname -r)" amd64 running
		printf '%s\t%s\tamd64\t\n' "$kdir" run >>"$outdir/.plan"
		continue
	fi
	if [ -n "$reason" ]; then
		skipped "$kdir" "$spec" "$arch" "$series" "$reason"
		continue
	fi
	if ! command -v "$qemu" >/dev/null 2>&1; then
		skipped "$kdir" "$spec" "$arch" "$series" "$qemu is missing (install $package)"
		continue
	fi
	set +e
	got=$("$here/fetch.sh" -a "$arch" "$series" "$cache")
	status=$?
	set -e
	case $status in
	0)
		setup "$kdir" "$(head -n 1 "$got/release")" "$arch" "$series"
		printf '%s\tboot\t%s\t%s\n' "$kdir" "$arch" "$got/vmlinuz" >>"$outdir/.plan"
		;;
	77) skipped "$kdir" "$spec" "$arch" "$series" "$got" ;;
	*) skipped "$kdir" "$spec" "$arch" "$series" "kernel-fetch failed (status $status)" ;;
	esac
done
# The slowest first: arm64 under TCG, then amd64's guests, then the
# running kernel.
awk -F '\t' '{ print ($3 == "arm64" ? 0 : $2 == "boot" ? 1 : 2) "\t" NR "\t" $0 }' "$outdir/.plan" |
	sort -n -k 1,1 -k 2,2 | cut -f 3- >"$outdir/.plan.sorted"
mv "$outdir/.plan.sorted" "$outdir/.plan"

# Boot (or run) them, up to $jobs at once.
accel=""
# slot: when $jobs jobs run, waits for the oldest of $pids.
slot() {
	if [ "$running" -ge "$jobs" ]; then
		first=${pids%% *}
		pids=${pids#"$first"}
		pids=${pids# }
		wait "$first" || :
		running=$((running - 1))
	fi
}

pids=""
running=0
while IFS=$tab read -r kdir what arch vmlinuz; do
	if [ "$what" = boot ] && [ "$arch" = amd64 ] && [ -z "$accel" ]; then
		# Why not KVM, when not, goes to accel.log.
		accel=$("$here/accel.sh" "$vmlinuz" "$initrd" 2>"$outdir/accel.log")
	fi
	slot
	if [ "$what" = boot ] && [ "$arch" = arm64 ]; then
		"$here/boot.sh" -t "$limit" -a tcg -A arm64 -m "$mem" "$vmlinuz" "$arm_initrd" "$kdir" \
			>/dev/null 2>"$kdir/boot.err" &
	elif [ "$what" = boot ]; then
		"$here/boot.sh" -t "$limit" -a "$accel" -m "$mem" "$vmlinuz" "$initrd" "$kdir" \
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

# Read back each kernel's results, and check the annotations on it, a
# few kernels at once.
kdirs="" pids="" running=0
for spec in $kernels; do
	kdir=$outdir/$spec
	kdirs="$kdirs $kdir"
	[ ! -f "$kdir/results.txt" ] || continue
	arch=${spec%%-*}
	[ "$arch" = arm64 ] || arch=amd64
	tree=$root
	[ "$arch" = amd64 ] || tree=$arm_root
	if [ ! -f "$kdir/boot.txt" ]; then
		printf 'status error\naccel -\nseconds 0\nlimit %s\ndetail %s\n' "$limit" \
			"$(head -n 1 "$kdir/boot.err" 2>/dev/null || echo 'kernel-boot failed')" >"$kdir/boot.txt"
	fi
	slot
	(
		"$here/results.sh" "$kdir" "$tree"
		[ $# -gt 0 ] || exit 0
		if [ -f "$kdir/probe.txt" ]; then
			"$here/since.sh" -a "$arch" -p "$kdir/probe.txt" "$@" >>"$kdir/results.txt"
		else
			"$here/since.sh" -a "$arch" -p /dev/null "$@" |
				awk -F '\t' -v k="$(head -n 1 "$kdir/kernel")" \
					'{ printf "%s\tSKIP\tno probe report from Linux %s\n", $1, k }' \
				>>"$kdir/results.txt"
		fi
	) &
	pids="$pids${pids:+ }$!"
	running=$((running + 1))
done
for pid in $pids; do
	wait "$pid" || :
done
rm -f "$outdir/.plan"

# shellcheck disable=SC2086 # one word per kernel directory
exec "$here/matrix.sh" "$outdir" $kdirs
