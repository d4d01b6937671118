#!/bin/sh
# kernel-guest DIR
#
# Runs everything that scripts/kernels/initramfs.sh put in DIR (/uffd in the
# guest; build/kernels/root/uffd for the running kernel) on the kernel
# that runs it, and prints the results between markers, for
# scripts/kernels/results.sh to read back from the serial log:
#
#   @@uffd-kernel start RELEASE
#   @@uffd-kernel begin ITEM
#   ...what ITEM printed...
#   @@uffd-kernel stderr LINE        (what it printed on stderr)
#   @@uffd-kernel end ITEM STATUS
#   ...
#   @@uffd-kernel done
#
# ITEM is one of
#   probe              DIR/probe; the payload is its report
#   session PAGE/PROG  DIR/sessions/PAGE/PROG.run, run by scripts/run/session.sh
#                      with PROG.bin, which asks the reader DIR/page (as
#                      UFFD_PAGE) for the needs; the payload is its .out file
#   claim NAME         a claim program, DIR/claims/bin/NAME, whose source
#                      asks for a context (it is listed in
#                      DIR/claims/context), run by scripts/claims/exec.sh; the
#                      payload is its result line.  A context of huge pages
#                      alone, when enough are free, is a run instead
#   run NAME           any other claim program, run here in an empty
#                      directory under a timeout of CLAIMS_TIMEOUT seconds
#                      (10), as claims-exec would, with a dozen fewer
#                      processes (which counts under TCG); the payload is
#                      what it printed, the status its own
# A begin without its end is an item that never finished.
#
# The programs were built on the host: CC=: turns claims-exec's rebuild
# of a program it finds out of date into nothing.  Nothing here starts a
# process that the shell can do itself: under TCG each one costs.
set -u

me='kernel-guest'
[ $# -eq 1 ] || { echo "usage: $me DIR" >&2; exit 2; }
dir=$1
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
for f in "$dir/probe" "$dir/page" "$dir/scripts/run/session.sh" "$dir/scripts/claims/exec.sh"; do
	[ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 1; }
done
limit=${CLAIMS_TIMEOUT:-10}
# The reader built for this tree, whatever UFFD_PAGE the host had.
UFFD_PAGE=$dir/page
export UFFD_PAGE

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-guest.XXXXXX") || exit 1
trap 'cd / && rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

mark() {
	printf '@@uffd-kernel %s\n' "$*"
}

# emit ITEM STATUS: the payload ($tmp/out), its stderr ($tmp/err), the
# end.  A last line without its newline still ends before the marker.
emit() {
	while IFS= read -r line || [ -n "$line" ]; do
		printf '%s\n' "$line"
	done <"$tmp/out"
	while IFS= read -r line || [ -n "$line" ]; do
		printf '@@uffd-kernel stderr %s\n' "$line"
	done <"$tmp/err"
	mark end "$1" "$2"
}

read -r release _ </proc/sys/kernel/osrelease 2>/dev/null || release=unknown
mark start "$release"

mark begin probe
"$dir/probe" >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
cp "$tmp/out" "$tmp/probe.txt"
emit probe $status

if [ -d "$dir/sessions" ]; then
	find "$dir/sessions" -name '*.run' | sort >"$tmp/runs"
	while IFS= read -r run; do
		id=${run#"$dir/sessions/"}
		id=${id%.run}
		mark begin "session $id"
		: >"$tmp/out"
		"$dir/scripts/run/session.sh" "$run" "${run%.run}.bin" "$tmp/probe.txt" \
			"$tmp/session.out" >"$tmp/err" 2>&1 </dev/null
		status=$?
		[ ! -f "$tmp/session.out" ] || mv "$tmp/session.out" "$tmp/out"
		emit "session $id" $status
	done <"$tmp/runs"
fi

# The free huge pages, read by the shell: a claim that asks only for
# huge pages, and finds them (the guests get KERNELS_HUGEPAGES at boot),
# needs no claims-exec.
huge_free=0
while read -r key value _; do
	[ "$key" = HugePages_Free: ] && huge_free=$value
done </proc/meminfo

context=" "
if [ -f "$dir/claims/context" ]; then
	while read -r name words; do
		case $words in
		*[[:space:]]*) ;;
		hugepages=[0-9]*)
			[ "$huge_free" -lt "${words#hugepages=}" ] 2>/dev/null || continue
			;;
		esac
		context="$context$name "
	done <"$dir/claims/context"
fi
if [ -d "$dir/claims/bin" ]; then
	find "$dir/claims/bin" -type f | sed 's|.*/||' | sort >"$tmp/claims"
	mkdir "$tmp/cwd"
	while IFS= read -r name; do
		case $context in
		*" $name "*)
			mark begin "claim $name"
			CC=: "$dir/scripts/claims/exec.sh" -d "$dir/claims/src" \
				-b "$dir/claims/bin" "$name" >"$tmp/out" 2>"$tmp/err" </dev/null
			status=$?
			emit "claim $name" $status
			;;
		*)
			mark begin "run $name"
			: >"$tmp/err"
			# An empty directory, as claims-exec gives each program.
			set -- "$tmp/cwd"/* "$tmp/cwd"/.[!.]*
			if [ -e "$1" ] || [ -e "$2" ]; then
				rm -rf "$tmp/cwd" && mkdir "$tmp/cwd"
			fi
			cd "$tmp/cwd" || exit 1
			timeout -k 2 "$limit" "$dir/claims/bin/$name" >"$tmp/out" 2>&1 </dev/null
			status=$?
			cd / || exit 1
			emit "run $name" $status
			;;
		esac
	done <"$tmp/claims"
fi

mark "done"
