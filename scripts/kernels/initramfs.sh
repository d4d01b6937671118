#!/bin/sh
# kernel-initramfs [-i INIT] ROOT OUT PROBE HELPER READER [ITEM...]
#
# Builds the tree ROOT (afresh) and the initramfs OUT (a newc cpio archive
# of it) that the kernel matrix boots.  Not compressed: static programs
# are large (some 700 kB each), and under TCG the kernel unpacks 80 MB
# in two seconds less than it inflates them.
#     /init                     INIT (default scripts/kernels/init.sh)
#     /bin/sh                   static bash ($KERNELS_SH, /bin/bash-static):
#                               busybox's own shell runs its applets rather
#                               than the timeout and setpriv below
#     /bin/busybox              static busybox ($KERNELS_BUSYBOX, /bin/busybox),
#                               and a link to it for each of its applets
#     /bin/kernel-helper        HELPER (static scripts/kernels/helper.c), also
#                               as /bin/timeout and /bin/setpriv
#     /uffd/probe               PROBE (static scripts/run/probe.c)
#     /uffd/page                READER (the page reader, static: make's
#                               build/page-static), which session.sh asks
#     /uffd/scripts/            lib.sh, and in STAGE/ kernels/guest.sh,
#                               run/session.sh, claims/exec.sh, page/page.sh
#     /uffd/sessions/PAGE/P.run a session, and P.bin its static program
#     /uffd/claims/src/N.c      a claim (for its claims-context line) and the
#                               headers beside it; /uffd/claims/bin/N its program
#     /uffd/claims/context      the claims that ask for a context, a line
#                               each: NAME and its claims-context words
# An ITEM is RUNFILE=BINARY (a session file from scripts/page/extract.sh, as
# build/PAGE/PROG.run, and its static program) or CLAIM.c=BINARY.
# ROOT/uffd is what scripts/kernels/guest.sh runs on the running kernel too.
#
# Exit status 0; 77 when a tool is missing (busybox-static, bash-static,
# cpio: stdout says which); 1 on an error (a missing file, a program that
# is not static), with nothing written; 2 on a usage error.
set -eu

me='kernel-initramfs'
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
init=$here/init.sh
synopsis="$me [-i INIT] ROOT OUT PROBE HELPER READER [RUNFILE=BINARY | CLAIM.c=BINARY]..."
lib_options 'i=init' "$@"
shift $((OPTIND - 1))
[ $# -ge 5 ] || usage
root=$1 out=$2 probe=$3 helper=$4 reader=$5
shift 5
busybox=${KERNELS_BUSYBOX:-/bin/busybox}
shell=${KERNELS_SH:-/bin/bash-static}

fail() {
	echo "$me: $*" >&2
	exit 1
}

# missing REASON: a tool this machine lacks; the matrix is skipped.
missing() {
	echo "$*"
	exit 77
}
command -v cpio >/dev/null 2>&1 || missing "cpio is missing (install cpio)"
[ -f "$busybox" ] || missing "$busybox is missing (install busybox-static)"
[ -f "$shell" ] || missing "$shell is missing (install bash-static)"
for f in "$init" "$probe" "$helper" "$reader"; do
	[ -f "$f" ] || fail "$f: no such file"
done

# static FILE: fails unless FILE is a program that needs no shared library
# (a script, as kernel-cc writes for what does not compile, is fine).
static() {
	command -v readelf >/dev/null 2>&1 || return 0
	if readelf -l "$1" 2>/dev/null | grep -q 'program interpreter'; then
		fail "$1: not a static program${2:+ ($2)}"
	fi
}
static "$busybox" "install busybox-static"
static "$shell" "install bash-static"
static "$probe"
static "$helper"
static "$reader" "make page-static"

tmp=$root.tmp
rm -rf "$tmp"
trap 'rm -rf "$tmp" "$out.tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$tmp/bin" "$tmp/proc" "$tmp/sys" "$tmp/dev" "$tmp/tmp" \
	"$tmp/uffd/scripts" "$tmp/uffd/sessions" "$tmp/uffd/claims/src" \
	"$tmp/uffd/claims/bin"
cp "$init" "$tmp/init"
chmod 755 "$tmp/init"
cp "$busybox" "$tmp/bin/busybox"
cp "$shell" "$tmp/bin/bash"
cp "$helper" "$tmp/bin/kernel-helper"
chmod 755 "$tmp/bin/busybox" "$tmp/bin/bash" "$tmp/bin/kernel-helper"
ln -s bash "$tmp/bin/sh"
ln -s kernel-helper "$tmp/bin/timeout"
ln -s kernel-helper "$tmp/bin/setpriv"
# A busybox of another architecture (arm64's) cannot list its applets
# here: the host's busybox-static (/bin/busybox) lists them, near enough,
# as the guest's tools need only common ones.
if ! "$busybox" --list >"$tmp/applets" 2>/dev/null; then
	[ -f /bin/busybox ] || missing "/bin/busybox is missing (install busybox-static)"
	/bin/busybox --list >"$tmp/applets" || fail "/bin/busybox --list failed"
fi
while IFS= read -r applet; do
	case $applet in
	*/* | '' | .*) continue ;;
	esac
	[ -e "$tmp/bin/$applet" ] || [ -L "$tmp/bin/$applet" ] || ln -s busybox "$tmp/bin/$applet"
done <"$tmp/applets"
rm "$tmp/applets"
cp "$probe" "$tmp/uffd/probe"
cp "$reader" "$tmp/uffd/page"
chmod 755 "$tmp/uffd/page"
# In the guest they keep the paths that init.sh, guest.sh and session.sh
# call them by.
for s in lib.sh kernels/guest.sh run/session.sh claims/exec.sh page/page.sh; do
	src=$here/../$s
	[ -f "$src" ] || fail "$src: no such file"
	mkdir -p "$(dirname "$tmp/uffd/scripts/$s")"
	cp "$src" "$tmp/uffd/scripts/$s"
done

for item in "$@"; do
	case $item in
	*=*) src=${item%%=*} bin=${item#*=} ;;
	*) fail "$item: not SOURCE=BINARY" ;;
	esac
	[ -f "$src" ] || fail "$src: no such file"
	[ -f "$bin" ] || fail "$bin: no such file (the program of $src)"
	static "$bin"
	name=$(basename "$src")
	case $src in
	*.run)
		page=$(basename "$(dirname "$src")")
		mkdir -p "$tmp/uffd/sessions/$page"
		cp "$src" "$tmp/uffd/sessions/$page/$name"
		cp "$bin" "$tmp/uffd/sessions/$page/${name%.run}.bin"
		;;
	*.c)
		cp "$src" "$tmp/uffd/claims/src/$name"
		for h in "$(dirname "$src")"/*.h; do
			[ ! -f "$h" ] || cp "$h" "$tmp/uffd/claims/src/"
		done
		cp "$bin" "$tmp/uffd/claims/bin/${name%.c}"
		context=$(sed -n 's/^.*claims-context:[[:space:]]*//p' "$src" | head -n 1)
		if [ -n "$context" ]; then
			echo "${name%.c} $context" >>"$tmp/uffd/claims/context"
		fi
		;;
	*) fail "$src: neither a session file (.run) nor a claim (.c)" ;;
	esac
done

(cd "$tmp" && find . | sort | cpio -o -H newc -R 0:0 --quiet) >"$out.tmp" ||
	fail "cannot write $out"
rm -rf "$root"
mv "$tmp" "$root"
mv "$out.tmp" "$out"
