#!/bin/sh
# deps.sh
#
# Installs what the build and the tests need and this machine lacks, as
# scripts/deps.list declares it, with apt-get when run as root; otherwise
# prints the command to run and fails.  Silent when nothing is missing, so
# that make can call it every time.
set -eu
here=$(dirname "$0")
list=${DEPS_LIST:-$here/deps.list}
[ -r "$list" ] || { echo "deps: $list: cannot read the list" >&2; exit 2; }

awk -v list="$list" '
	/^[ \t]*(#|$)/ { next }
	NF != 2 { printf "deps: %s:%d: not \"COMMAND PACKAGE\"\n", list, FNR >"/dev/stderr"; bad = 1 }
	END { exit bad }' "$list" || exit 2
missing=$(grep -v -E '^[[:space:]]*(#|$)' "$list" | while read -r what pkg; do
	case $what in
	/*) [ -e "$what" ] || echo "$pkg" ;;
	*) command -v "$what" >/dev/null 2>&1 || echo "$pkg" ;;
	esac
done)
# busybox's dynamic build also installs /bin/busybox; the guests need the static one.
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
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp "${TMPDIR:-/tmp}/deps.XXXXXX")
trap 'rm -f "$log"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
# apt-get's lists may be absent or stale on a fresh machine.  Its output
# is shown only when it fails.
# shellcheck disable=SC2086 # one word per package
if ! apt-get install -y -q --no-install-recommends $missing >"$log" 2>&1; then
	# shellcheck disable=SC2086
	if ! { apt-get update -q && apt-get install -y -q --no-install-recommends $missing; } >"$log" 2>&1; then
		cat "$log" >&2
		echo "deps: apt-get could not install $missing" >&2
		exit 1
	fi
fi
