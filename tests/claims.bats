#!/usr/bin/env bats
# The claims checker: errno claims read from the pages and run
# (the page reader's claims, claims-run, claims-exec), the header constants
# (scripts/claims/header.sh), the privilege contexts, and scripts/claims/claims.sh.
# bats sets stderr and stderr_lines (run --separate-stderr):
# shellcheck disable=SC2154

load helper

bats_require_minimum_version 1.5.0

# check.sh: builds in the tree (it runs make or the tools in the source
# tree itself), so it runs apart from the suites that run beside each other.
setup() {
	cd "$ROOT" || return 1
	CF=tests/fixtures/claims
	B=$BATS_FILE_TMPDIR/build
}

teardown() {
	if [ -n "${NOBODY_DIR:-}" ]; then
		rm -rf "$NOBODY_DIR"
	fi
}

# has_line LINE: $output has this line.
has_line() {
	printf '%s\n' "$output" | grep -F -x -q -- "$1" || {
		printf 'no line: %s\n--- output:\n%s\n' "$1" "$output"
		return 1
	}
}

need_root() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to change vm.unprivileged_userfaultfd and the user"
	[ -w /proc/sys/vm/unprivileged_userfaultfd ] || skip "cannot write /proc/sys/vm/unprivileged_userfaultfd"
}

# --- the list of claims ---------------------------------------------------

@test "claims-list finds errno entries in ERRORS and in an ioctl's list, with their comments" {
	run claims-list "$CF/errors.2"
	[ "$status" -eq 0 ]
	tab=$(printf '\t')
	[ "${lines[0]}" = "check${tab}$CF/errors.2${tab}10${tab}-${tab}uffd-statement" ]
	[ "${lines[1]}" = "entry${tab}$CF/errors.2${tab}14${tab}EBUSY${tab}UFFDIO_THING" ]
	[ "${lines[2]}" = "nocheck${tab}$CF/errors.2${tab}16${tab}14${tab}needs two processes racing for the thing" ]
	[ "${lines[3]}" = "entry${tab}$CF/errors.2${tab}19${tab}EINVAL${tab}ERRORS" ]
	[ "${lines[4]}" = "check${tab}$CF/errors.2${tab}22${tab}19${tab}uffd-bad-flags" ]
	[ "${lines[8]}" = "entry${tab}$CF/errors.2${tab}34${tab}EAGAIN/EWOULDBLOCK${tab}ERRORS" ]
	# A NOCHECK may come before the text of its entry.
	[ "${lines[11]}" = "nocheck${tab}$CF/errors.2${tab}39${tab}38${tab}needs a device this machine lacks" ]
	# A .TP whose tag is not an errno (EPOLLIN) is no claim.
	[[ "$output" != *EPOLLIN* ]]
	# Then the behaviour statements, each with its mark.
	[ "${lines[13]}" = "statement${tab}$CF/errors.2${tab}6${tab}DESCRIPTION${tab}none${tab}0" ]
	[ "${lines[14]}" = "statement${tab}$CF/errors.2${tab}8${tab}DESCRIPTION${tab}check${tab}10" ]
	[ "${lines[16]}" = "statement${tab}$CF/errors.2${tab}14${tab}UFFDIO_THING${tab}nocheck${tab}16" ]
	[ "${lines[17]}" = "statement${tab}$CF/errors.2${tab}42${tab}NOTES${tab}check${tab}43" ]
	[ "${#lines[@]}" -eq 18 ]
}

@test "claims-list: NOCLAIM marks a statement; an unknown or glued annotation is an error at its line" {
	cat >"$BATS_TEST_TMPDIR/p.2" <<-'EOF'
	.TH P 2 2025-01-01 "Linux man-pages (unreleased)"
	.SH DESCRIPTION
	A definition, nothing the kernel does.
	.\" NOCLAIM a definition
	.PP
	Another paragraph.
	.\" NOCHEK a typo
	.PP
	A third.
	'\"CHECKS glued
	EOF
	run --separate-stderr claims-list "$BATS_TEST_TMPDIR/p.2"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "${stderr_lines[0]}" = "$BATS_TEST_TMPDIR/p.2:7: unknown annotation \"NOCHEK\" (SRC, RUN, VARY, CHECK, NOCHECK, NOCLAIM, SINCE)" ]
	[ "${stderr_lines[1]}" = "$BATS_TEST_TMPDIR/p.2:10: unknown annotation \"CHECKS\" (SRC, RUN, VARY, CHECK, NOCHECK, NOCLAIM, SINCE)" ]
	sed -i '7d;10d' "$BATS_TEST_TMPDIR/p.2"
	run claims-list "$BATS_TEST_TMPDIR/p.2"
	[ "$status" -eq 0 ]
	tab=$(printf '\t')
	[ "${lines[0]}" = "noclaim${tab}$BATS_TEST_TMPDIR/p.2${tab}4${tab}a definition" ]
	[ "${lines[1]}" = "statement${tab}$BATS_TEST_TMPDIR/p.2${tab}3${tab}DESCRIPTION${tab}noclaim${tab}4" ]
	[ "${lines[2]}" = "statement${tab}$BATS_TEST_TMPDIR/p.2${tab}6${tab}DESCRIPTION${tab}none${tab}0" ]
}

@test "comments between a .TP and its tag belong to the entry the tag starts; .TQ adds a tag" {
	run claims-list "$CF/order.2"
	[ "$status" -eq 0 ]
	tab=$(printf '\t')
	[ "${lines[0]}" = "entry${tab}$CF/order.2${tab}7${tab}EINVAL${tab}ERRORS" ]
	[ "${lines[1]}" = "check${tab}$CF/order.2${tab}5${tab}7${tab}uffd-bad-flags" ]
	[ "${lines[2]}" = "nocheck${tab}$CF/order.2${tab}6${tab}7${tab}another condition needs special hardware" ]
	[ "${lines[3]}" = "entry${tab}$CF/order.2${tab}10${tab}EAGAIN/EWOULDBLOCK${tab}ERRORS" ]
	[ "${lines[4]}" = "check${tab}$CF/order.2${tab}14${tab}10${tab}uffd-untestable" ]
	[ "${lines[5]}" = "check${tab}$CF/order.2${tab}16${tab}-${tab}uffd-statement" ]
	[ "${#lines[@]}" -eq 6 ]
}

@test "a malformed CHECK or NOCHECK is an error at its page and line, with nothing on stdout" {
	run --separate-stderr claims-list "$CF/malformed.2"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "${stderr_lines[0]}" = "$CF/malformed.2:3: NOCHECK outside an errno entry (it belongs after the .B EXXX line of one)" ]
	[ "${stderr_lines[1]}" = "$CF/malformed.2:8: malformed CHECK: want .\\\" CHECK name, name of [A-Za-z0-9_.-]" ]
	[ "${stderr_lines[2]}" = "$CF/malformed.2:12: NOCHECK without a reason" ]
}

# --- running the checks ---------------------------------------------------

@test "each claim is run: PASS, FAIL with page:line, SKIP with the reason; UNCHECKED and NOCHECK listed; coverage" {
	run claims-run -d "$CF/progs" -b "$B" "$CF/errors.2"
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "PASS $CF/errors.2:10 uffd-statement" ]
	[ "${lines[1]}" = "NOCHECK $CF/errors.2:14 EBUSY: needs two processes racing for the thing" ]
	[ "${lines[2]}" = "PASS $CF/errors.2:19 EINVAL uffd-bad-flags" ]
	[ "${lines[3]}" = "FAIL $CF/errors.2:24 ENOMEM uffd-bad-flags-enomem: userfaultfd(1 | 2) failed with EINVAL, not ENOMEM" ]
	[ "${lines[4]}" = "UNCHECKED $CF/errors.2:30 EMFILE (ERRORS)" ]
	[ "${lines[5]}" = "SKIP $CF/errors.2:34 EAGAIN/EWOULDBLOCK uffd-untestable: needs UFFD_FEATURE_IMAGINARY, which this kernel lacks" ]
	[ "${lines[6]}" = "NOCHECK $CF/errors.2:38 ENODEV: needs a device this machine lacks" ]
	[ "${lines[7]}" = "PASS $CF/errors.2:43 uffd-statement" ]
	[ "${lines[8]}" = "UNUSED $CF/progs/uffd-hang.c: no page names it" ]
	[ "${lines[9]}" = "UNUSED $CF/progs/uffd-unused.c: no page names it" ]
	[ "${lines[10]}" = "UNMARKED $CF/errors.2:6 (DESCRIPTION)" ]
	[ "${lines[11]}" = "UNMARKED $CF/errors.2:12 (UFFDIO_THING)" ]
	[ "${lines[12]}" = "2 of 5 behaviour statements checked, 1 marked NOCHECK, 2 unmarked; 0 paragraphs state no behaviour (NOCLAIM)" ]
	[ "${lines[13]}" = "3 of 6 errno claims checked, 2 marked NOCHECK, 1 unchecked" ]
	[ "${lines[14]}" = "3 passed, 1 failed, 1 skipped" ]
	[ "${#lines[@]}" -eq 15 ]
}

@test "with CLAIMS_STRICT=1 an unchecked claim and an unmarked statement fail the run" {
	CLAIMS_STRICT=1 run claims-run -d "$CF/progs" -b "$B" "$CF/errors.2"
	[ "$status" -eq 1 ]
	[ "${lines[-1]}" = "3 passed, 4 failed, 1 skipped" ]
}

@test "without CLAIMS_STRICT an unmarked statement is listed, and fails nothing" {
	printf '%s\n' '.TH P 2 2025-01-01 "Linux man-pages (unreleased)"' \
		'.SH DESCRIPTION' 'A statement nobody marked.' '.SH ERRORS' '.TP' \
		'.B EINVAL' 'Bad flags.' '.\" CHECK uffd-bad-flags' >"$BATS_TEST_TMPDIR/p.2"
	run claims-run -d "$CF/progs" -b "$B" "$BATS_TEST_TMPDIR/p.2"
	[ "$status" -eq 0 ]
	[ "${lines[-4]}" = "UNMARKED $BATS_TEST_TMPDIR/p.2:3 (DESCRIPTION)" ]
	[ "${lines[-3]}" = "0 of 1 behaviour statements checked, 0 marked NOCHECK, 1 unmarked; 0 paragraphs state no behaviour (NOCLAIM)" ]
	[ "${lines[-1]}" = "1 passed, 0 failed, 0 skipped" ]
}

@test "a paragraph marked NOCLAIM is not counted among the behaviour statements" {
	printf '%s\n' '.TH P 2 2025-01-01 "Linux man-pages (unreleased)"' \
		'.SH DESCRIPTION' 'A definition of a word.' '.\" NOCLAIM a definition' \
		'.PP' 'A statement nobody marked.' '.SH ERRORS' '.TP' \
		'.B EINVAL' 'Bad flags.' '.\" CHECK uffd-bad-flags' >"$BATS_TEST_TMPDIR/p.2"
	run claims-run -d "$CF/progs" -b "$B" "$BATS_TEST_TMPDIR/p.2"
	[ "$status" -eq 0 ]
	[ "${lines[-4]}" = "UNMARKED $BATS_TEST_TMPDIR/p.2:6 (DESCRIPTION)" ]
	[ "${lines[-3]}" = "0 of 1 behaviour statements checked, 0 marked NOCHECK, 1 unmarked; 1 paragraphs state no behaviour (NOCLAIM)" ]
}

@test "a CHECK naming a missing program is an error at its page and line, and nothing runs" {
	run --separate-stderr claims-run -d "$CF/progs" -b "$BATS_TEST_TMPDIR/b" "$CF/missing.2"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "$stderr" = "$CF/missing.2:10: CHECK names $CF/progs/uffd-no-such-program.c, which does not exist" ]
	[ ! -e "$BATS_TEST_TMPDIR/b/uffd-bad-flags" ]
}

@test "a check that does not end is stopped by the timeout and fails" {
	CLAIMS_TIMEOUT=1 run claims-run -d "$CF/progs" -b "$B" "$CF/timeout.2"
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "FAIL $CF/timeout.2:4 EINTR uffd-hang: timed out after 1 s" ]
	[ "${lines[-1]}" = "0 passed, 1 failed, 0 skipped" ]
}

@test "a claim program that does not compile fails, with the compiler's words" {
	mkdir "$BATS_TEST_TMPDIR/d"
	printf 'int main(void) { return undeclared; }\n' >"$BATS_TEST_TMPDIR/d/uffd-broken.c"
	run claims-exec -d "$BATS_TEST_TMPDIR/d" -b "$BATS_TEST_TMPDIR/b" uffd-broken
	[ "$status" -eq 1 ]
	[[ "$output" == "FAIL	$BATS_TEST_TMPDIR/d/uffd-broken.c does not compile: $BATS_TEST_TMPDIR/d/uffd-broken.c:1:25: error: "*"undeclared (first use in this function)" ]]
}

@test "a claim program killed by a signal fails, naming the signal" {
	mkdir "$BATS_TEST_TMPDIR/d"
	printf '#include <signal.h>\nint main(void) { raise(SIGSEGV); return 0; }\n' >"$BATS_TEST_TMPDIR/d/uffd-crash.c"
	run --separate-stderr claims-exec -d "$BATS_TEST_TMPDIR/d" -b "$BATS_TEST_TMPDIR/b" uffd-crash
	[ "$status" -eq 1 ]
	[ "$output" = "FAIL	killed by signal 11" ]
	[ "$stderr" = "" ]
}

@test "a claim program is compiled once, and again when its source or header changes" {
	d=$BATS_TEST_TMPDIR/d b=$BATS_TEST_TMPDIR/b
	mkdir "$d"
	printf '#define X 0\n' >"$d/x.h"
	printf '#include "x.h"\nint main(void) { return X; }\n' >"$d/uffd-x.c"
	touch -d '2 minutes ago' "$d/x.h" "$d/uffd-x.c"
	run claims-exec -d "$d" -b "$b" uffd-x
	[ "$output" = "PASS	" ]
	first=$(stat -c %Y.%y "$b/uffd-x")
	sleep 1
	run claims-exec -d "$d" -b "$b" uffd-x
	[ "$(stat -c %Y.%y "$b/uffd-x")" = "$first" ]
	printf '#define X 77\n' >"$d/x.h"
	run claims-exec -d "$d" -b "$b" uffd-x
	[ "$status" -eq 77 ]
	[ "$output" = "SKIP	" ]
	sleep 1
	printf '#include "x.h"\nint main(void) { return X - 76; }\n' >"$d/uffd-x.c"
	run claims-exec -d "$d" -b "$b" uffd-x
	[ "$status" -eq 1 ]
	[ "$output" = "FAIL	" ]
}

# --- the header -----------------------------------------------------------

@test "every header constant documented, values in each form right: all pass" {
	run claims-header -H "$CF/userfaultfd.h" "$CF/header-ok.2"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "PASS USERFAULTFD_IOC_NEW (header line 8) in $CF/header-ok.2:32" ]
	[ "${lines[5]}" = "PASS UFFD_FEATURE_EVENT_FORK (header line 18) in $CF/header-ok.2:18" ]
	# A table with a Bit column, (0x12) and (1 << 0) after the name, a #define.
	[ "${lines[9]}" = "PASS $CF/header-ok.2:18 UFFD_FEATURE_EVENT_FORK = 0x2" ]
	[ "${lines[10]}" = "PASS $CF/header-ok.2:19 UFFD_FEATURE_MOVE = 0x10000" ]
	[ "${lines[11]}" = "PASS $CF/header-ok.2:22 UFFD_EVENT_PAGEFAULT = 0x12" ]
	[ "${lines[12]}" = "PASS $CF/header-ok.2:27 UFFDIO_REGISTER_MODE_MISSING = 0x1" ]
	[ "${lines[13]}" = "PASS $CF/header-ok.2:37 USERFAULTFD_IOC_NEW = 0xaa00" ]
	[ "${lines[14]}" = "14 passed, 0 failed, 0 skipped" ]
	[ "${#lines[@]}" -eq 15 ]
}

@test "a constant missing from the pages fails naming it and its header line" {
	run claims-header -H "$CF/userfaultfd.h" "$CF/header-bad.2"
	[ "$status" -eq 1 ]
	has_line "FAIL $CF/userfaultfd.h:19 UFFD_FEATURE_MOVE: in no page"
	has_line "FAIL $CF/userfaultfd.h:8 USERFAULTFD_IOC_NEW: in no page"
}

@test "a wrong value fails naming the page and line, both values and the header line" {
	run claims-header -H "$CF/userfaultfd.h" "$CF/header-bad.2"
	has_line "FAIL $CF/header-bad.2:5 UFFD_FEATURE_EVENT_FORK: the page gives 0x4 (1 << 2), the header 0x2 ($CF/userfaultfd.h:18)"
	has_line "FAIL $CF/header-bad.2:15 UFFD_EVENT_PAGEFAULT: the value \"BIT(18)\" does not compile with the header"
}

@test "a name the header does not define fails (typo guard); (since ...) is not a value" {
	run claims-header -H "$CF/userfaultfd.h" "$CF/header-bad.2"
	has_line "FAIL $CF/header-bad.2:8 UFFD_FEATUR_MOVE: not defined by $CF/userfaultfd.h"
	[[ "$output" != *"header-bad.2:8 UFFD_FEATUR_MOVE: the"* ]]
	[ "${lines[-1]}" = "3 passed, 9 failed, 0 skipped" ]
}

@test "the 6.12 header: its 51 constants are the ones required" {
	header=$(find /usr/src -path '/usr/src/linux-headers-6.12*/include/uapi/linux/userfaultfd.h' 2>/dev/null | sort -V | tail -n 1)
	[ -n "$header" ] || skip "no Linux 6.12 headers (scripts/deps.sh)"
	export CLAIMS_HEADER=$header
	run claims-header "$CF/header-ok.2"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c -e ' in no page$' -e ') in ')" -eq 51 ]
	has_line "PASS UFFD_FEATURE_MOVE (header line 250) in $CF/header-ok.2:19"
	[[ "$output" == *"UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES: in no page"* ]]
	[[ "$output" == *"UFFD_USER_MODE_ONLY (header line "* ]]
}

# --- privilege contexts ---------------------------------------------------

@test "user=nobody runs as 65534:65534 with no group and no capability" {
	need_root
	run claims-exec -d "$CF/priv" -b "$B" priv-whoami
	[ "$status" -eq 0 ]
	[ "$output" = "PASS	uid 65534 gid 65534 groups 0 CapEff 0000000000000000" ]
}

@test "caps=sys_ptrace keeps CAP_SYS_PTRACE for user nobody" {
	need_root
	run claims-exec -d "$CF/priv" -b "$B" priv-caps
	[ "$status" -eq 0 ]
	[ "$output" = "PASS	uid 65534 CapEff 80000" ]
}

@test "sysctl=0,1 runs with each value and puts the old one back" {
	need_root
	before=$(cat /proc/sys/vm/unprivileged_userfaultfd)
	run claims-exec -d "$CF/priv" -b "$B" priv-sysctl-both
	[ "$status" -eq 0 ]
	[ "$output" = "PASS	with vm.unprivileged_userfaultfd=0: saw 0; with vm.unprivileged_userfaultfd=1: saw 1" ]
	[ "$(cat /proc/sys/vm/unprivileged_userfaultfd)" = "$before" ]
}

@test "the sysctl is put back when the check times out" {
	need_root
	before=$(cat /proc/sys/vm/unprivileged_userfaultfd)
	# The hanging check runs with 1: only from 0 is the restoring seen.
	[ "$before" = 0 ] || skip "vm.unprivileged_userfaultfd is $before, not 0"
	CLAIMS_TIMEOUT=1 run claims-exec -d "$CF/priv" -b "$B" priv-sysctl-hang
	[ "$status" -eq 1 ]
	[ "$output" = "FAIL	with vm.unprivileged_userfaultfd=1: timed out after 1 s" ]
	[ "$(cat /proc/sys/vm/unprivileged_userfaultfd)" = "$before" ]
}

@test "the sysctl is put back when the runner is killed" {
	need_root
	before=$(cat /proc/sys/vm/unprivileged_userfaultfd)
	[ "$before" = 0 ] || skip "vm.unprivileged_userfaultfd is $before, not 0"
	claims-exec -d "$CF/priv" -b "$B" priv-sysctl-both >/dev/null # compiled
	CLAIMS_TIMEOUT=30 "$ROOT/scripts/claims/exec.sh" -d "$CF/priv" -b "$B" priv-sysctl-hang >/dev/null 3>&- &
	pid=$!
	for _ in $(seq 50); do
		[ "$(cat /proc/sys/vm/unprivileged_userfaultfd)" = 1 ] && break
		sleep 0.1
	done
	# The runner did change it, and is killed while it holds.
	[ "$(cat /proc/sys/vm/unprivileged_userfaultfd)" = 1 ]
	kill -TERM "$pid"
	wait "$pid" || true
	[ "$(cat /proc/sys/vm/unprivileged_userfaultfd)" = "$before" ]
}

@test "hugepages=2 reserves the missing huge pages and gives them back" {
	need_root
	[ -w /proc/sys/vm/nr_hugepages ] || skip "cannot write /proc/sys/vm/nr_hugepages"
	before=$(cat /proc/sys/vm/nr_hugepages)
	run claims-exec -d "$CF/priv" -b "$B" priv-hugepages
	[ "$status" -eq 0 ]
	[ "$output" = "PASS	at least 2 free huge pages" ]
	[ "$(cat /proc/sys/vm/nr_hugepages)" = "$before" ]
}

@test "an unknown or out-of-range context is an error naming the file" {
	d=$BATS_TEST_TMPDIR/ctx
	mkdir -p "$d"
	sed 's/hugepages=2/hugepages=0/' "$CF/priv/priv-hugepages.c" >"$d/bad.c"
	run --separate-stderr claims-exec -d "$d" -b "$B" bad
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "$stderr" = "$d/bad.c:4: claims-context: unknown hugepages=0" ]
}

@test "without root a context that needs it is skipped with the reason" {
	need_root
	# claims-exec itself run as nobody: it cannot change the sysctl or the user.
	d=$(mktemp -d /tmp/claims-bats.XXXXXX)
	NOBODY_DIR=$d
	chmod 755 "$d"
	mkdir "$d/b"
	cp "$CF/priv/priv-sysctl-both.c" "$d/"
	chown 65534 "$d/b"
	other=$(( 1 - $(cat /proc/sys/vm/unprivileged_userfaultfd) ))
	run setpriv --reuid=65534 --regid=65534 --clear-groups env TMPDIR="$d/b" \
		"$ROOT/scripts/claims/exec.sh" -d "$d" -b "$d/b" priv-sysctl-both
	[ "$status" -eq 77 ]
	[[ "$output" == "SKIP	"*"with vm.unprivileged_userfaultfd=$other: needs root to set it"* ]]
}

@test "the privilege checks hold on this kernel" {
	need_root
	run claims-run -b "$B/real"
	[ "$status" -eq 0 ]
	for name in priv-sysctl0-eperm priv-user-mode-only priv-user-mode-only-kernel-efault \
		priv-sysctl1-kernel-faults priv-cap-sys-ptrace priv-dev-mode \
		priv-dev-nobody-eacces priv-dev-ioc-new priv-userns-eperm; do
		printf '%s\n' "$output" | grep -E -x "PASS $name \\(stated in no page\\)(: .*)?"
	done
}

# --- everything together --------------------------------------------------

@test "scripts/claims/claims.sh prints every result, the coverage, then one summary" {
	CLAIMS_DIR=$CF/progs CLAIMS_BUILD=$B CLAIMS_HEADER=$CF/userfaultfd.h \
		run claims "$CF/errors.2" "$CF/header-ok.2"
	[ "$status" -eq 1 ]
	[ "${lines[-2]}" = "3 of 6 errno claims checked, 2 marked NOCHECK, 1 unchecked" ]
	[ "${lines[-1]}" = "17 passed, 2 failed, 1 skipped" ]
	[ "$(printf '%s\n' "$output" | grep -c 'passed,')" -eq 1 ]
	# The typo guard sees the fixture's own UFFDIO_THING.
	[[ "$output" == *"FAIL $CF/errors.2:11 UFFDIO_THING: not defined by $CF/userfaultfd.h"* ]]
}

@test "scripts/claims/claims.sh stops at an error in the pages, with nothing on stdout" {
	CLAIMS_DIR=$CF/progs CLAIMS_BUILD=$B CLAIMS_HEADER=$CF/userfaultfd.h \
		run --separate-stderr claims "$CF/missing.2"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[[ "$stderr" == "$CF/missing.2:10: CHECK names"* ]]
}

@test "a claim program with a bad context stops the run at its line, with nothing on stdout" {
	d=$BATS_TEST_TMPDIR/progs
	cp -r "$CF/progs" "$d"
	# uffd-statement runs (and passes) first; uffd-untestable comes later.
	sed -i '1a /* claims-context: no-such-thing */' "$d/uffd-untestable.c"
	run --separate-stderr claims-run -d "$d" -b "$BATS_TEST_TMPDIR/b" "$CF/errors.2"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "$stderr" = "$d/uffd-untestable.c:2: claims-context: unknown no-such-thing" ]
}

@test "scripts/claims/claims.sh: a part that ends without its summary is an error, not a pass" {
	s=$BATS_TEST_TMPDIR/scripts
	cp -r "$ROOT/scripts" "$s"
	printf '#!/bin/sh\nexit 1\n' >"$s/claims/header.sh"
	CLAIMS_DIR=$CF/progs CLAIMS_BUILD=$B CLAIMS_HEADER=$CF/userfaultfd.h \
		run --separate-stderr "$s/claims/claims.sh" "$CF/errors.2"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "$stderr" = "claims: claims-header ended without its summary line" ]
}
