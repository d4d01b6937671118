#!/bin/sh
# kernel-init: /init of the kernel matrix's guest (see scripts/kernels/initramfs.sh).
#
# Mounts what the programs need, runs scripts/kernels/guest.sh with its results
# on the second serial port (ttyS1; the console, ttyS0, keeps the kernel's
# messages), then ends QEMU through isa-debug-exit with code 16 (QEMU's
# status 33): "finished".  The kernel's command line may say
#   uffd_trial=1     end at once, with code 17 (QEMU's status 35): a trial
#                    of the accelerator
#   uffd_results=DEV the results' port instead of ttyS1 (arm64's virt
#                    machine has one serial port, /dev/ttyAMA0)
PATH=/bin
export PATH

if [ "${uffd_trial:-}" = 1 ]; then
	exec /bin/kernel-helper poweroff 17
fi

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# The initramfs has no /dev/console: the kernel started this with no
# standard streams.
exec </dev/console >/dev/console 2>&1
mkdir -p /dev/shm /dev/hugepages
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
# A file system that is not shared memory, for the claims about file
# mappings: tmpfs files count as shmem, ramfs ones do not.
mkdir -p /var/tmp
mount -t ramfs -o mode=1777 ramfs /var/tmp
mount -t hugetlbfs hugetlbfs /dev/hugepages 2>/dev/null
# Below 512 MiB of memory Linux turns transparent huge pages off at boot,
# whatever the command line says; the claims about them need MADV_HUGEPAGE.
echo madvise >/sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null
# The ENOMEM claims fill the address space up to this limit, one mapping
# at a time: 65530 of them take seconds under TCG, 4096 a tenth of one.
echo 4096 >/proc/sys/vm/max_map_count
TMPDIR=/tmp HOME=/tmp
export TMPDIR HOME

results=${uffd_results:-/dev/ttyS1}
# Bytes as written: no \r added before each \n.
stty -F "$results" raw -echo
/uffd/scripts/kernels/guest.sh /uffd >"$results" 2>/dev/console
echo "@@uffd-kernel exit $?" >"$results"
exec /bin/kernel-helper poweroff 16
