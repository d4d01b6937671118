#!/bin/sh
# kernel-boot [-t SECONDS] [-a kvm|tcg] [-m MEGABYTES] [-A amd64|arm64] VMLINUZ INITRAMFS OUTDIR
#
# Boots VMLINUZ with INITRAMFS (scripts/kernels/initramfs.sh) under QEMU and
# waits until the guest ends QEMU through isa-debug-exit, or SECONDS
# (default 120) pass: then QEMU is killed and the guest reported hung.
# The guest gets MEGABYTES of memory (512) and one processor.
#
# -A arm64: qemu-system-aarch64's virt machine (TCG; a Cortex-A72).  Its
# one serial port carries both the kernel's messages, which loglevel=1
# keeps to a panic's, and the results: results.log is console.log.  Its
# guest ends QEMU by powering off (status 0), so "finished" is a status 0
# after the guest's last marker.
# Writes into OUTDIR:
#     console.log   the first serial port: the kernel's messages
#     results.log   the second: what scripts/kernels/guest.sh printed
#     boot.txt      how it went, one fact a line:
#                       status finished|hung|crashed|error
#                       accel kvm|tcg
#                       seconds 3.1
#                       limit 120
#                       memory 512      (megabytes the guest was given)
#                       maxrss 301234   (QEMU's peak resident size, kB,
#                                        when /usr/bin/time can tell)
#                       detail TEXT     (for hung, crashed, error)
# and prints the status line.  The guest's /init writes 16 to the debug
# exit port when it finished (QEMU's status 33); a kernel panic reboots,
# which -no-reboot turns into QEMU's status 0: crashed.
#
# Exit status: 0 once boot.txt is written, whatever the guest did; 77 when
# QEMU is missing (stdout: the reason); 2 on a usage error.
#
# The guest gets KERNELS_HUGEPAGES (16) huge pages, so that the checks on
# hugetlbfs run, and CLAIMS_TIMEOUT when it is set.
#
# Environment: KERNELS_QEMU (qemu-system-x86_64; for arm64
# KERNELS_QEMU_ARM64, qemu-system-aarch64), KERNELS_APPEND (more
# kernel parameters), KERNELS_HUGEPAGES, CLAIMS_TIMEOUT.
set -eu

me='kernel-boot'
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
limit=120 accel=tcg mem=512 arch=amd64
synopsis="$me [-t SECONDS] [-a kvm|tcg] [-m MEGABYTES] [-A amd64|arm64] VMLINUZ INITRAMFS OUTDIR"
lib_options 't=limit a=accel m=mem A=arch' "$@"
shift $((OPTIND - 1))
[ $# -eq 3 ] || usage
kernel=$1 initrd=$2 out=$3
case $limit in '' | *[!0-9]*) echo "$me: -t $limit: not a number of seconds" >&2; exit 2 ;; esac
case $mem in '' | *[!0-9]*) echo "$me: -m $mem: not a number of megabytes" >&2; exit 2 ;; esac
case $accel in
kvm) cpu=host ;;
tcg) cpu=max ;;
*) echo "$me: -a $accel: kvm or tcg" >&2; exit 2 ;;
esac
for f in "$kernel" "$initrd"; do
	[ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 1; }
done
case $arch in
amd64)
	qemu=${KERNELS_QEMU:-qemu-system-x86_64} package=qemu-system-x86
	;;
arm64)
	qemu=${KERNELS_QEMU_ARM64:-qemu-system-aarch64} package=qemu-system-arm
	[ "$accel" = tcg ] || { echo "$me: -A arm64: TCG only" >&2; exit 2; }
	;;
*) echo "$me: -A $arch: amd64 or arm64" >&2; exit 2 ;;
esac
if ! command -v "$qemu" >/dev/null 2>&1; then
	echo "$qemu is missing (install $package)"
	exit 77
fi

hugepages=${KERNELS_HUGEPAGES:-16}
case $hugepages in '' | *[!0-9]*) echo "$me: KERNELS_HUGEPAGES=$hugepages: not a number" >&2; exit 2 ;; esac
params="hugepages=$hugepages${CLAIMS_TIMEOUT:+ CLAIMS_TIMEOUT=$CLAIMS_TIMEOUT} ${KERNELS_APPEND:-}"

mkdir -p "$out"
rm -f "$out/console.log" "$out/results.log" "$out/boot.txt" "$out/qemu.err"
start=$(date +%s.%N)
set +e
# QEMU's peak memory, by GNU time when there is one.
rusage=""
[ ! -x /usr/bin/time ] || rusage="/usr/bin/time -q -f %M -o $out/qemu.rss"
rm -f "$out/qemu.rss"
if [ "$arch" = amd64 ]; then
	$rusage timeout -k 5 "$limit" "$qemu" -accel "$accel" -cpu "$cpu" -m "$mem" -smp 1 \
		-nodefaults -no-user-config -display none -no-reboot \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyS0 panic=-1 quiet $params" \
		-serial "file:$out/console.log" -serial "file:$out/results.log" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		</dev/null >"$out/qemu.err" 2>&1
else
	$rusage timeout -k 5 "$limit" "$qemu" -M virt -accel tcg -cpu cortex-a72 -m "$mem" -smp 1 \
		-nodefaults -no-user-config -display none -no-reboot \
		-kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyAMA0 panic=-1 loglevel=1 uffd_results=/dev/ttyAMA0 $params" \
		-serial "file:$out/console.log" </dev/null >"$out/qemu.err" 2>&1
fi
status=$?
set -e
end=$(date +%s.%N)
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
touch "$out/console.log" "$out/results.log"
if [ "$arch" = arm64 ]; then
	cp "$out/console.log" "$out/results.log"
	# Powered off (status 0) after its last marker: what isa-debug-exit's
	# status 33 says on amd64.
	if [ $status -eq 0 ] && grep -q '^@@uffd-kernel exit ' "$out/results.log"; then
		status=33
	fi
fi

detail=""
case $status in
33)
	if grep -q '^@@uffd-kernel exit ' "$out/results.log"; then
		result=finished
	else
		result=crashed detail="the guest ended without its results"
	fi
	;;
124 | 137)
	result=hung detail="killed after $limit s"
	;;
0)
	result=crashed
	detail=$(grep -a -m 1 -E 'Kernel panic|BUG:|Oops' "$out/console.log" | tr -d '\r' || :)
	[ -n "$detail" ] || detail="the guest rebooted or powered off before it finished"
	;;
*)
	result=error
	detail=$(grep -v '^qemu-system-[^:]*: warning:' "$out/qemu.err" | head -n 1)
	detail="QEMU exited with status $status${detail:+: $detail}"
	;;
esac
{
	echo "status $result"
	echo "accel $accel"
	echo "seconds $seconds"
	echo "limit $limit"
	echo "memory $mem"
	rss=$(tail -n 1 "$out/qemu.rss" 2>/dev/null || :)
	case $rss in '' | *[!0-9]*) ;; *) echo "maxrss $rss" ;; esac
	[ -z "$detail" ] || echo "detail $detail"
} >"$out/boot.txt.tmp"
mv "$out/boot.txt.tmp" "$out/boot.txt"
echo "status $result"
