#!/bin/sh
# claims-exec [-d CLAIMSDIR] [-b BUILDDIR] NAME: compile the claim program
# CLAIMSDIR/NAME.c (default tests/claims) into BUILDDIR/NAME (default
# build/claims) unless that is up to date, run it under a timeout, and
# print one line:
#
#   PASS|FAIL|SKIP<tab>what the program printed, or why
#
# The exit status is the program's: 0 (the claim holds), 1 (contradicted),
# 77 (cannot be tested here); 2 on a usage error.
#
# A line "claims-context: KEY=VALUE..." in the program's source asks for a
# context (see tests/claims/priv.h):
#   sysctl=0,1      run once with vm.unprivileged_userfaultfd at each value;
#                   the value it had is put back whatever happens
#   user=nobody     run as user and group 65534, no supplementary groups
#   user=root       run as root (the program may drop privileges itself)
#   caps=sys_ptrace keep these capabilities as user nobody (ambient)
#   hugepages=N     at least N free default-size huge pages; root reserves
#                   the missing ones in vm.nr_hugepages and gives them back
# Without root the sysctls cannot be changed: a value other than the current
# one is skipped, and so is user=root; user=nobody then runs as the caller;
# huge pages are what the system has (the program skips if too few).
#
# Environment: CC (gcc), CLAIMS_CFLAGS (-Wall -Wextra -Werror -pthread -O2),
# CLAIMS_TIMEOUT (10 seconds), CLAIMS_SYSCTL (/proc/sys/vm/unprivileged_userfaultfd),
# CLAIMS_HUGEPAGES (/proc/sys/vm/nr_hugepages).
set -eu

prog=claims-exec
dir=tests/claims
build=build/claims
while getopts d:b: opt; do
	case $opt in
	d) dir=$OPTARG ;;
	b) build=$OPTARG ;;
	*) echo "usage: $prog [-d CLAIMSDIR] [-b BUILDDIR] NAME" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -ne 1 ]; then
	echo "usage: $prog [-d CLAIMSDIR] [-b BUILDDIR] NAME" >&2
	exit 2
fi
name=$1
src=$dir/$name.c
bin=$build/$name
cc=${CC:-gcc}
cflags=${CLAIMS_CFLAGS:--Wall -Wextra -Werror -pthread -O2}
limit=${CLAIMS_TIMEOUT:-10}
sysctl=${CLAIMS_SYSCTL:-/proc/sys/vm/unprivileged_userfaultfd}
nr_hugepages=${CLAIMS_HUGEPAGES:-/proc/sys/vm/nr_hugepages}
nobody=65534

if [ ! -r "$src" ]; then
	echo "$prog: $src: no such claim program" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/claims.XXXXXX")
saved=""
saved_huge=""
child=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [ -n "$child" ]; then
		kill "$child" 2>/dev/null || true
		wait "$child" 2>/dev/null || true
	fi
	if [ -n "$saved" ]; then
		printf '%s\n' "$saved" >"$sysctl" ||
			echo "$prog: could not restore $sysctl to $saved" >&2
	fi
	if [ -n "$saved_huge" ]; then
		printf '%s\n' "$saved_huge" >"$nr_hugepages" ||
			echo "$prog: could not restore $nr_hugepages to $saved_huge" >&2
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# One line of a program's output, for a result line.
oneline() {
	tr '\n\t' '  ' <"$1" | sed 's/  *$//; s/   */ /g'
}

# Compile unless the binary is newer than what it was made from: the files
# its .d (written by gcc -MMD) lists, or else its source and the headers
# beside it.
if [ -r "$bin.d" ]; then
	# The target and the -MP phony targets are among the words: harmless.
	deps=$(sed 's/[\\:]/ /g' "$bin.d")
else
	deps="$src $(find "$dir" -maxdepth 1 -name '*.h')"
fi
stale=no
if [ ! -x "$bin" ]; then
	stale=yes
else
	for d in $deps; do
		if [ ! -e "$d" ] || [ -n "$(find "$d" -newer "$bin")" ]; then
			stale=yes
			break
		fi
	done
fi
if [ $stale = yes ]; then
	mkdir -p "$build"
	# shellcheck disable=SC2086 # CLAIMS_CFLAGS is a list of words
	if ! $cc $cflags -MMD -MP -MF "$bin.d" -o "$bin" "$src" >"$tmp/cc" 2>&1; then
		rm -f "$bin" "$bin.d"
		grep -m 3 'error' "$tmp/cc" >"$tmp/errors" || cp "$tmp/cc" "$tmp/errors"
		printf 'FAIL\t%s does not compile: %s\n' "$src" "$(oneline "$tmp/errors")"
		exit 1
	fi
fi

context=$(sed -n 's/^.*claims-context:[[:space:]]*//p' "$src" | head -n 1)
want_sysctl=""
user=""
caps=""
want_huge=""
for kv in $context; do
	case $kv in
	sysctl=*) want_sysctl=$(printf '%s' "${kv#sysctl=}" | tr ',' ' ') ;;
	user=nobody | user=root) user=${kv#user=} ;;
	caps=*) caps=${kv#caps=} ;;
	hugepages=[1-9] | hugepages=[1-9][0-9]) want_huge=${kv#hugepages=} ;;
	*)
		line=$(grep -n 'claims-context:' "$src" | head -n 1 | cut -d: -f1)
		echo "$src:$line: claims-context: unknown $kv" >&2
		exit 2
		;;
	esac
done

root=no
[ "$(id -u)" -eq 0 ] && root=yes

# The binary, where user nobody may run it whatever the build tree allows.
run=$(cd "$build" && pwd)/$name
if [ "$user" = nobody ] && [ $root = yes ]; then
	chmod 755 "$tmp"
	cp "$bin" "$tmp/$name"
	run=$tmp/$name
fi

# run_once: run the program in its context, set status and write $tmp/out.
# In the background, so that a signal to this script is handled at once
# (the trap ends the program and puts the sysctl back).
run_once() {
	if [ "$user" = nobody ] && [ $root = yes ]; then
		capargs=""
		for c in $(printf '%s' "$caps" | tr ',' ' '); do
			capargs="$capargs --inh-caps=+$c --ambient-caps=+$c"
		done
		# shellcheck disable=SC2086 # capargs is a list of words
		(cd "$tmp" && exec timeout -k 2 "$limit" setpriv --reuid=$nobody \
			--regid=$nobody --clear-groups $capargs "$run") \
			>"$tmp/out" 2>&1 </dev/null 9>&- &
	else
		(cd "$tmp" && exec timeout -k 2 "$limit" "$run") \
			>"$tmp/out" 2>&1 </dev/null 9>&- &
	fi
	child=$!
	wait "$child" 2>/dev/null && status=0 || status=$?
	child=""
}

# verdict: the result of one run, from $status and $tmp/out.
verdict() {
	msg=$(oneline "$tmp/out")
	case $status in
	0) result=PASS ;;
	1) result=FAIL ;;
	77) result=SKIP ;;
	124 | 137) result=FAIL msg="timed out after $limit s${msg:+: $msg}" ;;
	12[5-7]) result=FAIL msg="could not run it (status $status)${msg:+: $msg}" ;;
	129 | 1[3-9][0-9]) result=FAIL msg="killed by signal $((status - 128))${msg:+: $msg}" ;;
	*) result=FAIL msg="exit status $status${msg:+: $msg}" ;;
	esac
}

if [ "$user" = root ] && [ $root = no ]; then
	printf 'SKIP\tneeds root\n'
	exit 77
fi
if [ -n "$caps" ] && [ $root = no ]; then
	printf 'SKIP\tneeds root to grant %s\n' "$caps"
	exit 77
fi

# One changer of the sysctls at a time: another run could save our value
# as its own.
if [ $root = yes ] && { [ -n "$want_sysctl" ] || [ -n "$want_huge" ]; } &&
	command -v flock >/dev/null 2>&1; then
	lockdir=/run/lock
	[ -w "$lockdir" ] || lockdir=${TMPDIR:-/tmp}
	exec 9>"$lockdir/uffd-man-claims-sysctl.lock"
	flock 9
fi

# Reserve the huge pages that are missing; the kernel may grant fewer
# (fragmented memory), and then the program says what it could not map.
if [ -n "$want_huge" ] && [ $root = yes ] && [ -w "$nr_hugepages" ]; then
	free=$(awk '$1 == "HugePages_Free:" { print $2 }' /proc/meminfo)
	if [ "${free:-0}" -lt "$want_huge" ]; then
		saved_huge=$(cat "$nr_hugepages")
		printf '%s\n' "$((saved_huge + want_huge - ${free:-0}))" \
			>"$nr_hugepages" 2>/dev/null || true
	fi
fi

if [ -z "$want_sysctl" ]; then
	run_once
	verdict
	printf '%s\t%s\n' "$result" "$msg"
	[ $result = PASS ] && exit 0
	[ $result = SKIP ] && exit 77
	exit 1
fi

if [ ! -r "$sysctl" ]; then
	printf 'SKIP\tno %s on this kernel\n' "$sysctl"
	exit 77
fi
current=$(cat "$sysctl")

# With several values: FAIL if one fails, PASS if all pass, else SKIP.
passed="" failed="" skipped=""
for v in $want_sysctl; do
	if [ "$v" != "$current" ] || [ -n "$saved" ]; then
		if [ $root = no ]; then
			skipped="${skipped:+$skipped; }with vm.unprivileged_userfaultfd=$v: needs root to set it"
			continue
		fi
		[ -n "$saved" ] || saved=$current
		if ! (printf '%s\n' "$v" >"$sysctl") 2>/dev/null; then
			skipped="${skipped:+$skipped; }with vm.unprivileged_userfaultfd=$v: cannot write $sysctl"
			continue
		fi
	fi
	run_once
	verdict
	case $result in
	PASS) passed="${passed:+$passed; }with vm.unprivileged_userfaultfd=$v: $msg" ;;
	FAIL) failed="${failed:+$failed; }with vm.unprivileged_userfaultfd=$v: $msg" ;;
	SKIP) skipped="${skipped:+$skipped; }with vm.unprivileged_userfaultfd=$v: $msg" ;;
	esac
done

if [ -n "$failed" ]; then
	printf 'FAIL\t%s\n' "$failed"
	exit 1
elif [ -z "$skipped" ]; then
	printf 'PASS\t%s\n' "$passed"
	exit 0
elif [ -n "$passed" ]; then
	printf 'SKIP\t%s; passed %s\n' "$skipped" "$passed"
	exit 77
else
	printf 'SKIP\t%s\n' "$skipped"
	exit 77
fi
