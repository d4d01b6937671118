#!/bin/sh
# deps
#
# Installs what the build and the tests need and this machine lacks, with
# apt-get when run as root; otherwise prints the command to run and fails.
# Silent when nothing is missing, so that make can call it every time.
set -eu

# command package
tools='
make make
gcc gcc
clang clang
mandoc mandoc
groff groff
man man-db
col bsdextrautils
timeout coreutils
bats bats
shellcheck shellcheck
codespell codespell
cppcheck cppcheck
clang-tidy clang-tidy
gnuplot gnuplot-nox
pdfinfo poppler-utils
qemu-system-x86_64 qemu-system-x86
cpio cpio
/bin/bash-static bash-static
setpriv util-linux
/usr/bin/time time
git git
afl-fuzz afl++
'
missing=$(echo "$tools" | while read -r cmd pkg; do
	[ -n "$cmd" ] || continue
	command -v "$cmd" >/dev/null 2>&1 || echo "$pkg"
done)
# Files rather than commands.
[ -e /usr/include/linux/userfaultfd.h ] || missing="$missing linux-libc-dev"
[ -e /usr/lib/x86_64-linux-gnu/libasan.so.8 ] || missing="$missing libasan8"
[ -e /usr/lib/x86_64-linux-gnu/libubsan.so.1 ] || missing="$missing libubsan1"
dpkg-query -W -f '${Status}\n' busybox-static 2>/dev/null | grep -q 'ok installed' ||
	missing="$missing busybox-static"
# The newest kernel headers Debian offers carry the newest userfaultfd.h.
if ! ls /usr/src/linux-headers-*-common/include/uapi/linux/userfaultfd.h >/dev/null 2>&1; then
	headers=$(apt-cache search --names-only '^linux-headers-[0-9.]+[-+].*-common$' 2>/dev/null |
		awk '{ print $1 }' | sort -V | tail -n 1)
	missing="$missing ${headers:-linux-headers-6.12.107+deb12-common}"
fi
missing=$(echo "$missing" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ')
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing packages; as root run:" >&2
	echo "    apt-get update && apt-get install -y $missing" >&2
	exit 1
fi
echo "deps: installing $missing" >&2
# apt-get's lists may be absent on a fresh machine.
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # one word per package
if ! apt-get install -y -q --no-install-recommends $missing >&2; then
	apt-get update -q >&2
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >&2
fi
