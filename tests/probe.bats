#!/usr/bin/env bats
# probe: what the running kernel offers, as the sessions' needs= read it.

load helper

setup_file() {
	gcc -O2 -Wall -Wextra -Werror -o "$BATS_FILE_TMPDIR/probe" "$ROOT/scripts/run/probe.c"
}

@test "the probe names the running kernel" {
	run "$BATS_FILE_TMPDIR/probe"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "release $(uname -r)" ]
}

@test "every line is a fact of a known kind" {
	run "$BATS_FILE_TMPDIR/probe"
	printf '%s\n' "$output" | {
		while read -r kind rest; do
			case $kind in
			release | access | privileged | have | feature | ioctl) ;;
			*) echo "unknown line: $kind $rest"; return 1 ;;
			esac
		done
	}
}

@test "each feature and ioctl it names is one the kernel's header defines" {
	local header
	header=$(find /usr/src -path "*-common/include/uapi/linux/userfaultfd.h" 2>/dev/null | sort -V | tail -n 1)
	[ -n "$header" ] || skip "no kernel header newer than the C library's is installed"
	run "$BATS_FILE_TMPDIR/probe"
	printf '%s\n' "$output" | awk '$1 == "feature" || $1 == "ioctl" { print $2 }' |
	while read -r name; do
		grep -q "#define ${name}[[:space:]]" "$header" || { echo "$name is not in $header"; exit 1; }
	done
}

@test "a kernel that can create a userfaultfd offers at least the handshake" {
	run "$BATS_FILE_TMPDIR/probe"
	[[ "$output" == *"access syscall yes"* ]] || [[ "$output" == *"access user-mode-only yes"* ]] ||
		skip "this user cannot create a userfaultfd here"
	[[ "$output" == *"ioctl UFFDIO_API"* ]]
	[[ "$output" == *"ioctl UFFDIO_REGISTER"* ]]
}

@test "an unprivileged user is told apart from root" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to become another user"
	command -v setpriv >/dev/null || skip "setpriv is missing"
	cp "$BATS_FILE_TMPDIR/probe" "$BATS_TEST_TMPDIR/probe"
	chmod 755 "$BATS_TEST_TMPDIR" "$BATS_TEST_TMPDIR/probe"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$BATS_TEST_TMPDIR/probe"
	echo "$output"
	[[ "$output" == *"privileged no"* ]]
	[[ "$output" != *"have root"* ]]
	# /dev/userfaultfd is root's alone unless its mode says otherwise.
	if [ "$(stat -c %a /dev/userfaultfd 2>/dev/null)" = 600 ]; then
		[[ "$output" == *"access dev no"* ]]
	fi
	if [ "$(cat /proc/sys/vm/unprivileged_userfaultfd 2>/dev/null)" = 0 ]; then
		[[ "$output" == *"access syscall no"* ]]
	fi
}

@test "the reader reads a report: its release, each line's last word once, access-X for access X yes" {
	printf '%s\n' 'release 9.9.0-test' 'access syscall yes' 'access dev no' \
		'feature UFFD_FEATURE_MINOR_SHMEM' 'ioctl UFFDIO_MOVE' 'privileged yes' \
		>"$BATS_TEST_TMPDIR/report"
	run page offers "$BATS_TEST_TMPDIR/report"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "release 9.9.0-test" ]
	printf '%s\n' "${lines[@]:1}" | sort >"$BATS_TEST_TMPDIR/got"
	printf 'offers %s\n' 9.9.0-test UFFDIO_MOVE UFFD_FEATURE_MINOR_SHMEM \
		access-syscall no yes | sort >"$BATS_TEST_TMPDIR/want"
	diff "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
	run page offers "$BATS_TEST_TMPDIR/none"
	[ "$status" -eq 2 ]
	[ "$output" = "offers: $BATS_TEST_TMPDIR/none: cannot read: No such file or directory" ]
}

@test "every name the probe reports here is one the reader offers" {
	"$BATS_FILE_TMPDIR/probe" >"$BATS_TEST_TMPDIR/report"
	page offers "$BATS_TEST_TMPDIR/report" >"$BATS_TEST_TMPDIR/offers"
	grep -qx "release $(uname -r)" "$BATS_TEST_TMPDIR/offers"
	awk '$1 == "feature" || $1 == "ioctl" { print "offers " $2 }' "$BATS_TEST_TMPDIR/report" |
		while IFS= read -r line; do
			grep -qxF "$line" "$BATS_TEST_TMPDIR/offers" || { echo "missing: $line"; exit 1; }
		done
	[ "$(grep -c '^offers UFFD' "$BATS_TEST_TMPDIR/offers")" -gt 0 ]
}
