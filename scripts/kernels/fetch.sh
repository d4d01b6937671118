#!/bin/sh
# kernel-fetch [-a ARCH] SERIES CACHEDIR
#
# Finds Debian's newest packaged kernel of SERIES for ARCH (amd64, the
# default, or arm64): the package linux-image-X.Y.0-N-FLAVOUR or
# linux-image-X.Y.N+debM-FLAVOUR that the private lists of
# scripts/kernels/apt.sh offer (bullseye's 5.10, bookworm's 6.1,
# bookworm-backports' and trixie's 6.12, sid's 7.x); or SERIES is a package
# name, linux-image-...  It downloads the package with apt-get download
# (the private configuration, never the machine's) unless CACHEDIR
# already holds it, and extracts its kernel and configuration into
# CACHEDIR/PACKAGE_VERSION/:
#     vmlinuz   the kernel
#     config    its configuration
#     release   the kernel's release (uname -r), one line
#     package   the package and its version
# Prints that directory.  Without network (or lists), the newest kernel of
# SERIES already in CACHEDIR does.
#
# SERIES may also be busybox-static or bash-static (the guest's tools for
# ARCH): the package's files go to CACHEDIR/PACKAGE_ARCH_VERSION/root/.
#
# Exit status: 0; 77 when the kernel cannot be had (stdout: the reason, one
# line); 2 on a usage error.
#
# Environment: KERNELS_FLAVOUR (cloud-ARCH), and scripts/kernels/apt.sh's.
set -eu

me='kernel-fetch'
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
arch=amd64
synopsis="$me [-a ARCH] SERIES CACHEDIR"
lib_options 'a=arch' "$@"
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
series=$1 cache=$2
case $arch in
amd64 | arm64) ;;
*) echo "$me: -a $arch: amd64 or arm64" >&2; exit 2 ;;
esac
flavour=${KERNELS_FLAVOUR:-cloud-$arch}
tool=""

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
	re="^linux-image-$v\\.[0-9]+(-[0-9]+|\\+deb[0-9.]+)-$flavour\$"
	;;
busybox-static | bash-static)
	tool=$series
	re="^$series\$"
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

# The directory of a package in the cache: PACKAGE_VERSION for a kernel
# (whose name says its architecture), PACKAGE_ARCH_VERSION for a tool.
key() {
	if [ -n "$tool" ]; then
		printf '%s_%s_%s\n' "$1" "$arch" "$2"
	else
		printf '%s_%s\n' "$1" "$2"
	fi
}
# What a whole directory of the cache holds.
whole() {
	if [ -n "$tool" ]; then
		[ -d "$1/root" ] && [ -f "$1/package" ]
	else
		[ -f "$1/vmlinuz" ] && [ -f "$1/release" ]
	fi
}

# The newest package of the series already in the cache, if any.
cached() {
	[ -d "$cache" ] || return 0
	for d in "$cache"/*/; do
		d=${d%/}
		whole "$d" || continue
		printf '%s\n' "${d##*/}"
	done | awk -v re="$re" -v tool="$tool" -v arch="$arch" '
		{ p = $0; sub(/_[^_]*$/, "", p) }
		tool != "" { if (p !~ ("_" arch "$")) next; sub(/_[^_]*$/, "", p) }
		p ~ re' | sort -V | tail -n 1
}

# fallback REASON: the cached package, else skipped with REASON.
fallback() {
	old=$(cached)
	[ -z "$old" ] || { echo "$cache/$old"; exit 0; }
	skip "$*"
}

command -v apt-cache >/dev/null 2>&1 || fallback "apt-cache is missing: not a Debian system"

# A choice made since the private lists were last updated still holds:
# apt-cache reads some 200 MB of lists' cache each time, which is seconds.
"$here/apt.sh" "$cache" >/dev/null 2>&1 || :
memo=$cache/apt/chosen
if [ -f "$memo" ] && [ -f "$cache/apt/updated" ] &&
	[ -n "$(find "$memo" -newer "$cache/apt/updated" 2>/dev/null)" ]; then
	old=$(awk -v a="$arch" -v s="$series" '$1 == a && $2 == s { d = $3 } END { print d }' "$memo")
	if [ -n "$old" ] && whole "$cache/$old"; then
		echo "$cache/$old"
		exit 0
	fi
fi
# remember DIR: the choice for this series, and DIR printed.
remember() {
	printf '%s %s %s\n' "$arch" "$series" "${1##*/}" >>"$memo" 2>/dev/null || :
	echo "$1"
}

# scripts/kernels/apt.sh, whose own reasons (no mirror) are a skip.
papt() {
	"$here/apt.sh" "$cache" "$@"
}
set +e
found=$(papt apt-cache search --names-only "$re" 2>/dev/null)
status=$?
set -e
[ $status -ne 77 ] || fallback "$found"
if [ -n "$tool" ]; then
	pkg=$tool
	version=$(papt apt-cache show --no-all-versions "$pkg:$arch" 2>/dev/null |
		awk '$1 == "Version:" { print $2; exit }')
	[ -n "$version" ] || fallback "apt's lists offer no $pkg for $arch"
else
	# The architecture is in the flavour (cloud-arm64); the signed
	# packages of amd64 hold the same kernel as the -unsigned ones.
	pkg=$(printf '%s\n' "$found" | awk -v re="$re" '$1 ~ re { print $1 }' | sort -V | tail -n 1)
	[ -n "$pkg" ] || fallback "apt's lists offer no package matching $re (not packaged, or no network)"
	version=$(papt apt-cache show --no-all-versions "$pkg:$arch" 2>/dev/null |
		awk '$1 == "Version:" { print $2; exit }')
	[ -n "$version" ] || fallback "apt-cache knows no version of $pkg for $arch"
fi
dir=$cache/$(key "$pkg" "$version")
if whole "$dir"; then
	remember "$dir"
	exit 0
fi

mkdir -p "$cache" || skip "cannot create the cache $cache"
tmp=$(mktemp -d "$cache/.fetch.XXXXXX") || skip "cannot write to the cache $cache"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# Since Linux 7.x, Debian's linux-image-* holds no kernel: it depends on
# linux-binary-* (the kernel) and linux-base-* (its configuration), of the
# same version, which come along.
parts=$(papt apt-cache show --no-all-versions "$pkg:$arch" 2>/dev/null |
	awk -v arch="$arch" '$1 == "Depends:" { sub(/^Depends: */, ""); n = split($0, d, /, */)
		for (i = 1; i <= n; i++) if (d[i] ~ /^linux-(binary|base)-[^ ]+ \(= /) {
			split(d[i], w, /[ ()=]+/); print w[1] ":" arch "=" w[2] } }')
# apt-get download writes into the current directory; as root it warns
# that the _apt user cannot write there, which is harmless.
# shellcheck disable=SC2086 # one word per package
if ! (cd "$tmp" && papt apt-get download -q "$pkg:$arch=$version" $parts) >"$tmp/log" 2>&1; then
	why=$(grep -E '^(E|Err):' "$tmp/log" | head -n 1)
	fallback "cannot download $pkg: ${why:-apt-get download failed}"
fi
debs=$(find "$tmp" -maxdepth 1 -name '*.deb')
[ -n "$debs" ] || skip "apt-get download left no .deb for $pkg"
mkdir "$tmp/x"
for deb in $debs; do
	if ! dpkg-deb -x "$deb" "$tmp/x" 2>"$tmp/log"; then
		echo "$me: $deb: cannot extract: $(head -n 1 "$tmp/log")" >&2
		exit 1
	fi
done
mkdir "$tmp/out"
if [ -n "$tool" ]; then
	mv "$tmp/x" "$tmp/out/root"
else
	# /boot/vmlinuz-RELEASE and config-RELEASE, or since 7.x
	# /usr/lib/modules/RELEASE/vmlinuz and config.
	kernel=$(find "$tmp/x/boot" -maxdepth 1 -name 'vmlinuz-*' 2>/dev/null | head -n 1)
	if [ -n "$kernel" ]; then
		release=${kernel##*/vmlinuz-}
		config=$tmp/x/boot/config-$release
	else
		kernel=$(find "$tmp/x/usr/lib/modules" -mindepth 2 -maxdepth 2 -name vmlinuz 2>/dev/null | head -n 1)
		if [ -z "$kernel" ]; then
			echo "$me: $pkg: no /boot/vmlinuz-* or /usr/lib/modules/*/vmlinuz in its packages" >&2
			exit 1
		fi
		release=${kernel%/vmlinuz}
		release=${release##*/}
		config=${kernel%/vmlinuz}/config
	fi
	mv "$kernel" "$tmp/out/vmlinuz"
	[ ! -f "$config" ] || mv "$config" "$tmp/out/config"
	printf '%s\n' "$release" >"$tmp/out/release"
fi
printf '%s %s %s\n' "$pkg" "$version" "$arch" >"$tmp/out/package"
rm -rf "$dir"
mv "$tmp/out" "$dir"
remember "$dir"
