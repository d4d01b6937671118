#!/bin/sh
# kernel-tools ARCH CACHEDIR
#
# The guest's static busybox and bash for ARCH, from Debian's
# busybox-static and bash-static of that architecture
# (scripts/kernels/fetch.sh, cached in CACHEDIR).  Prints two lines:
#     busybox PATH
#     sh PATH
# Exit status 0; 77 when one cannot be had (stdout: the reason, one
# line); 2 on a usage error.
set -eu

me='kernel-tools'
[ $# -eq 2 ] || { echo "usage: $me ARCH CACHEDIR" >&2; exit 2; }
arch=$1 cache=$2
here=$(cd "$(dirname "$0")" && pwd)

# find PACKAGE NAME: the file NAME in PACKAGE's tree, /bin or /usr/bin.
find_in() {
	set +e
	dir=$("$here/fetch.sh" -a "$arch" "$1" "$cache")
	status=$?
	set -e
	case $status in
	0) ;;
	77) echo "$1 for $arch: $dir"; exit 77 ;;
	*) echo "$1 for $arch: kernel-fetch failed (status $status)"; exit 77 ;;
	esac
	for f in "$dir/root/bin/$2" "$dir/root/usr/bin/$2"; do
		if [ -f "$f" ]; then
			echo "$f"
			return 0
		fi
	done
	echo "$1 for $arch: no /bin/$2 in the package"
	exit 77
}

busybox=$(find_in busybox-static busybox) || { echo "$busybox"; exit 77; }
shell=$(find_in bash-static bash-static) || { echo "$shell"; exit 77; }
printf 'busybox %s\nsh %s\n' "$busybox" "$shell"
