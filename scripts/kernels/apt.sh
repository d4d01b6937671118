#!/bin/sh
# kernel-apt [-u] CACHEDIR COMMAND [ARG...]
#
# Runs apt-get or apt-cache (COMMAND) with a private configuration kept in
# CACHEDIR/apt/, never the machine's: its own source list, lists, package
# cache and an empty dpkg status, and the architectures amd64 and arm64.
# The source list names the Debian mirror that the machine's own source
# lists (/etc/apt/sources.list, /etc/apt/sources.list.d/*.list and
# *.sources) use, with the suites that carry the kernels of the matrix:
#     bullseye bullseye-security             Linux 5.10
#     bookworm bookworm-security             Linux 6.1
#     bookworm-backports trixie trixie-security   Linux 6.12
#     sid                                    Linux 7.x
# (the security suites from the machine's security mirror, when it has
# one).  The private lists are fetched (apt-get update) when they are
# missing, older than KERNELS_APT_MAXAGE days (7), or with -u when older
# than a day; a failed update leaves the old lists, and says why on
# stderr.  Without COMMAND, only that.
#
# Exit status: COMMAND's; 77 when there is no apt or no mirror to use
# (stdout: the reason); 2 on a usage error.
#
# Environment: KERNELS_MIRROR (the mirror, instead of the machine's),
# KERNELS_APT_SOURCES (the machine's source lists: /etc/apt),
# KERNELS_APT_MAXAGE.
set -eu

me='kernel-apt'
update=0
if [ "${1:-}" = -u ]; then
	update=1
	shift
fi
[ $# -ge 1 ] || { echo "usage: $me [-u] CACHEDIR [apt-get|apt-cache ARG...]" >&2; exit 2; }
cache=$1
shift
case ${1:-apt-get} in
apt-get | apt-cache) ;;
*) echo "$me: $1: apt-get or apt-cache" >&2; exit 2 ;;
esac
maxage=${KERNELS_APT_MAXAGE:-7}
case $maxage in '' | *[!0-9]*) echo "$me: KERNELS_APT_MAXAGE=$maxage: not a number of days" >&2; exit 2 ;; esac
etc=${KERNELS_APT_SOURCES:-/etc/apt}

command -v apt-get >/dev/null 2>&1 || { echo "apt-get is missing: not a Debian system"; exit 77; }

# mirrors: the URIs of the machine's source lists, one a line, deb822 and
# one-line formats alike.
mirrors() {
	for f in "$etc/sources.list" "$etc"/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' "$f"
	done
	for f in "$etc"/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk 'tolower($1) == "enabled:" && tolower($2) == "no" { off = 1 }
			/^[ \t]*$/ { if (!off) for (i = 1; i <= n; i++) print u[i]; n = 0; off = 0; next }
			tolower($1) == "uris:" { for (i = 2; i <= NF; i++) u[++n] = $i }
			END { if (!off) for (i = 1; i <= n; i++) print u[i] }' "$f"
	done
}

dir=$cache/apt
if [ -n "${KERNELS_MIRROR:-}" ]; then
	main=$KERNELS_MIRROR security=""
else
	main=$(mirrors | sed 's|/*$||' | grep -E '/debian$' | head -n 1 || :)
	security=$(mirrors | sed 's|/*$||' | grep -E '/debian-security$' | head -n 1 || :)
fi
[ -n "$main" ] || { echo "no Debian mirror in $etc/sources.list*: set KERNELS_MIRROR"; exit 77; }

mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/parts" ||
	{ echo "cannot create $dir"; exit 77; }
[ -f "$dir/status" ] || : >"$dir/status"
keys=/usr/share/keyrings/debian-archive-keyring.gpg
{
	opts="[arch=amd64,arm64${keys:+ signed-by=$keys}]"
	for s in bullseye bookworm bookworm-backports trixie sid; do
		echo "deb $opts $main $s main"
	done
	if [ -n "$security" ]; then
		for s in bullseye-security bookworm-security trixie-security; do
			echo "deb $opts $security $s main"
		done
	fi
} >"$dir/sources.list.tmp"
if cmp -s "$dir/sources.list.tmp" "$dir/sources.list"; then
	rm -f "$dir/sources.list.tmp"
else
	# Another mirror: the old lists are not its lists.
	mv "$dir/sources.list.tmp" "$dir/sources.list"
	rm -f "$dir/updated"
fi

# private COMMAND ARG...: COMMAND with the private configuration.  The
# package cache is kept (some machines turn it off), or each apt-cache
# would read every list again.
private() {
	cmd=$1
	shift
	"$cmd" -o "Dir::Etc::sourcelist=$dir/sources.list" -o "Dir::Etc::sourceparts=$dir/parts" \
		-o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" \
		-o Dir::Cache::pkgcache=pkgcache.bin -o Dir::Cache::srcpkgcache=srcpkgcache.bin \
		-o "Dir::State::status=$dir/status" -o "Dir::Etc::preferences=$dir/preferences" \
		-o "Dir::Etc::preferencesparts=$dir/parts" \
		-o APT::Architectures::=amd64 -o APT::Architectures::=arm64 \
		-o Acquire::Languages=none \
		-o Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=false \
		-o Debug::NoLocking=1 "$@"
}

# Fresh enough: younger than the days allowed (one with -u).
age=$maxage
[ $update -eq 0 ] || age=1
if [ ! -f "$dir/updated" ] || [ -n "$(find "$dir/updated" -mtime +"$((age - 1))" 2>/dev/null)" ]; then
	if private apt-get update -q >"$dir/update.log" 2>&1 &&
		! grep -qE '^(E|Err):' "$dir/update.log"; then
		touch "$dir/updated"
	else
		echo "$me: apt-get update of the private lists in $dir failed: $(grep -E '^(E|Err|W):' "$dir/update.log" | head -n 1)" >&2
	fi
fi
[ $# -gt 0 ] || exit 0
private "$@"
