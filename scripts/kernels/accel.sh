#!/bin/sh
# kernel-accel VMLINUZ INITRAMFS
#
# Prints the accelerator that QEMU should boot the kernel matrix with: kvm
# when a trial boot of VMLINUZ with INITRAMFS under KVM ends as it should
# (the guest's /init, told uffd_trial=1, ends QEMU at once with status 35),
# else tcg, with the reason on stderr.  /dev/kvm that opens is not enough:
# a nested or half-working KVM may still fail to run a guest, or hang one.
#
# Environment: KERNELS_ACCEL (auto; kvm or tcg to choose without a trial),
# KERNELS_QEMU (qemu-system-x86_64).
set -eu

me='kernel-accel'
[ $# -eq 2 ] || { echo "usage: $me VMLINUZ INITRAMFS" >&2; exit 2; }
kernel=$1 initrd=$2
case ${KERNELS_ACCEL:-auto} in
kvm | tcg) echo "$KERNELS_ACCEL"; exit 0 ;;
auto) ;;
*) echo "$me: KERNELS_ACCEL=$KERNELS_ACCEL: auto, kvm or tcg" >&2; exit 2 ;;
esac
qemu=${KERNELS_QEMU:-qemu-system-x86_64}

if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
	echo "$me: no usable /dev/kvm: using TCG" >&2
	echo tcg
	exit 0
fi
err=$(mktemp "${TMPDIR:-/tmp}/kernel-accel.XXXXXX")
trap 'rm -f "$err"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
set +e
timeout -k 2 20 "$qemu" -accel kvm -cpu host -m 256 -smp 1 -nodefaults \
	-no-user-config -display none -no-reboot -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 quiet uffd_trial=1" -serial null \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 </dev/null >"$err" 2>&1
status=$?
set -e
if [ $status -eq 35 ]; then
	echo kvm
	exit 0
fi
case $status in
124 | 137) why="the trial boot hung" ;;
*) why="the trial boot failed (status $status)$(grep -v ': warning:' "$err" | head -n 1 | sed 's/^/: /')" ;;
esac
echo "$me: KVM does not work here, $why: using TCG" >&2
echo tcg
