#!/bin/sh
# kernel-fetch SERIES CACHEDIR
#
# Finds Debian's newest packaged kernel of SERIES (6.1, 6.12: the package
# linux-image-6.1.0-N-FLAVOUR or linux-image-6.12.N+debM-FLAVOUR that apt's
# lists offer; or SERIES is a package name, linux-image-...), downloads it
# with apt-get download unless CACHEDIR already holds it, and extracts its
# kernel and configuration into CACHEDIR/PACKAGE_VERSION/:
#     vmlinuz   the kernel
#     config    its configuration
#     release   the kernel's release (uname -r), one line
# Prints that directory.  Without network (or apt's lists), the newest
# kernel of SERIES already in CACHEDIR does.
#
# Exit status: 0; 77 when the kernel cannot be had (stdout: the reason, one
# line); 2 on a usage error.
#
# Environment: KERNELS_FLAVOUR (cloud-amd64).
set -eu

me='kernel-fetch'
[ $# -eq 2 ] || { echo "usage: $me SERIES CACHEDIR" >&2; exit 2; }
series=$1 cache=$2
flavour=${KERNELS_FLAVOUR:-cloud-amd64}

case $series in
linux-image-*)
	re="^$(printf '%s' "$series" | sed 's/[.+]/\\&/g')\$"
	;;
[0-9]*.[0-9]*)
	case $series in
	*[!0-9.]* | *.*.*)
		echo "$me: $series: not a series (X.Y) or a package name" >&2
		exit 2
		;;
	esac
	v=$(printf '%s' "$series" | sed 's/\./\\./g')
	re="^linux-image-$v\\.[0-9]+(-[0-9]+|\\+deb[0-9]+)-$flavour\$"
	;;
*)
	echo "$me: $series: not a series (X.Y) or a package name" >&2
	exit 2
	;;
esac

# skip REASON: the kernel cannot be had.
skip() {
	printf '%s\n' "$*"
	exit 77
}

# The newest kernel of the series already in the cache, if any.
cached() {
	[ -d "$cache" ] || return 0
	for d in "$cache"/*/; do
		if [ ! -f "$d/vmlinuz" ] || [ ! -f "$d/release" ]; then
			continue
		fi
		d=${d%/}
		printf '%s\n' "${d##*/}"
	done | awk -v re="$re" '{ p = $0; sub(/_[^_]*$/, "", p) } p ~ re' |
		sort -V | tail -n 1
}

command -v apt-cache >/dev/null 2>&1 || {
	old=$(cached)
	[ -z "$old" ] || { echo "$cache/$old"; exit 0; }
	skip "apt-cache is missing: not a Debian system"
}

pkg=$(apt-cache search --names-only "$re" 2>/dev/null | awk '{ print $1 }' | sort -V | tail -n 1)
if [ -z "$pkg" ]; then
	old=$(cached)
	[ -z "$old" ] || { echo "$cache/$old"; exit 0; }
	skip "apt's lists offer no package matching $re (not packaged, or run apt-get update)"
fi
version=$(apt-cache show --no-all-versions "$pkg" 2>/dev/null |
	awk '$1 == "Version:" { print $2; exit }')
[ -n "$version" ] || skip "apt-cache knows no version of $pkg"
dir=$cache/${pkg}_$version
if [ -f "$dir/vmlinuz" ] && [ -f "$dir/release" ]; then
	echo "$dir"
	exit 0
fi

mkdir -p "$cache" || skip "cannot create the cache $cache"
tmp=$(mktemp -d "$cache/.fetch.XXXXXX") || skip "cannot write to the cache $cache"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# apt-get download writes into the current directory; as root it warns
# that the _apt user cannot write there, which is harmless.
if ! (cd "$tmp" && apt-get download -q "$pkg=$version") >"$tmp/log" 2>&1; then
	old=$(cached)
	[ -z "$old" ] || { echo "$cache/$old"; exit 0; }
	why=$(grep -E '^(E|Err):' "$tmp/log" | head -n 1)
	skip "cannot download $pkg: ${why:-apt-get download failed}"
fi
deb=$(find "$tmp" -maxdepth 1 -name '*.deb' | head -n 1)
[ -n "$deb" ] || skip "apt-get download left no .deb for $pkg"
mkdir "$tmp/x"
if ! dpkg-deb -x "$deb" "$tmp/x" 2>"$tmp/log"; then
	echo "$me: $deb: cannot extract: $(head -n 1 "$tmp/log")" >&2
	exit 1
fi
kernel=$(find "$tmp/x/boot" -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | head -n 1)
if [ -z "$kernel" ]; then
	echo "$me: $deb: no /boot/vmlinuz-* in the package" >&2
	exit 1
fi
release=${kernel##*/vmlinuz-}
mkdir "$tmp/out"
mv "$kernel" "$tmp/out/vmlinuz"
if [ -f "$tmp/x/boot/config-$release" ]; then
	mv "$tmp/x/boot/config-$release" "$tmp/out/config"
fi
printf '%s\n' "$release" >"$tmp/out/release"
printf '%s %s\n' "$pkg" "$version" >"$tmp/out/package"
rm -rf "$dir"
mv "$tmp/out" "$dir"
echo "$dir"
