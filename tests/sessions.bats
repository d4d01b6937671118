#!/usr/bin/env bats
# compile, run-session and compare: what a page shows against what runs.

load helper

@test "a session that shows what the program prints passes" {
	pipeline good.2 hello
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "PASS $FIXTURES/good.2: hello" ]
}

@test "a wrong output fails at the page's line, with a diff and a way to reproduce it" {
	pipeline wrong-output.2 count
	echo "$output"
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "FAIL $FIXTURES/wrong-output.2:11: count: output differs from the page" ]
	[[ "$output" == *"-4"* ]]
	[[ "$output" == *"+3"* ]]
	[[ "$output" == *"reproduce: "*"(cd \"\$d\" && ./count 3)"* ]]
}

@test "a program that does not compile fails at the page's line" {
	extract "$FIXTURES/no-compile.2" "$BATS_TEST_TMPDIR/b"
	run compile gcc "$BATS_TEST_TMPDIR/b/broken.gcc" "$BATS_TEST_TMPDIR/b/broken.c" -Wall -Werror
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"$FIXTURES/no-compile.2:12:"*"undeclared_variable"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/b/broken.gcc" ]
}

@test "a hanging program fails by timeout, within its timeout" {
	SECONDS=0
	pipeline hang.2 hang
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "${lines[0]}" == "FAIL $FIXTURES/hang.2:"*": hang: timed out after 1 s: ./hang" ]]
	[ "$SECONDS" -lt 8 ]
}

@test "a session needing what the kernel lacks is skipped with the reason" {
	pipeline missing-feature.2 future
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == "SKIP $FIXTURES/missing-feature.2: future: needs UFFD_FEATURE_FROM_THE_FUTURE (Linux "*")" ]]
}

@test "a skipped session has not run the program" {
	pipeline missing-feature.2 future
	run cat "$BATS_TEST_TMPDIR/build/future.out"
	[ "${#lines[@]}" -eq 1 ]
	[[ "${lines[0]}" == "skip needs "* ]]
}

@test "an expected failure status passes, and its stderr is compared" {
	pipeline status.2 fails
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "an unexpected status fails" {
	sed 's/status=3/status=0/' "$FIXTURES/status.2" >"$BATS_TEST_TMPDIR/status-wrong.2"
	extract "$BATS_TEST_TMPDIR/status-wrong.2" "$BATS_TEST_TMPDIR/b"
	compile gcc "$BATS_TEST_TMPDIR/b/fails.gcc" "$BATS_TEST_TMPDIR/b/fails.c"
	run-session "$BATS_TEST_TMPDIR/b/fails.run" "$BATS_TEST_TMPDIR/b/fails.gcc" "$(probe_report)" "$BATS_TEST_TMPDIR/b/fails.out"
	run compare "$BATS_TEST_TMPDIR/b/fails.run" "$BATS_TEST_TMPDIR/b/fails.out"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "${lines[0]}" == *"exited with status 3, the page expects 0: ./fails" ]]
}

@test "addresses match when renamed consistently" {
	pipeline vary.2 addresses
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "two addresses shown equal but printed different fail" {
	pipeline vary-same.2 addresses
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "${lines[0]}" == "FAIL $FIXTURES/vary-same.2:10: addresses: output differs from the page" ]]
}

@test "each command runs in a fresh empty directory" {
	cat >"$BATS_TEST_TMPDIR/s.run" <<'RUN'
page x.2
program p
line 1
timeout 5
status 0
cmd 2 ls -A; touch mark
out 3 p
cmd 4 ls -A
out 5 p
RUN
	printf '#!/bin/sh\n' >"$BATS_TEST_TMPDIR/p"
	chmod +x "$BATS_TEST_TMPDIR/p"
	run-session "$BATS_TEST_TMPDIR/s.run" "$BATS_TEST_TMPDIR/p" "$(probe_report)" "$BATS_TEST_TMPDIR/s.out"
	run compare "$BATS_TEST_TMPDIR/s.run" "$BATS_TEST_TMPDIR/s.out"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "run-session refuses a file that is not a session" {
	echo nonsense >"$BATS_TEST_TMPDIR/bad.run"
	run run-session "$BATS_TEST_TMPDIR/bad.run" /bin/true "$(probe_report)" "$BATS_TEST_TMPDIR/x.out"
	[ "$status" -ne 0 ]
	[[ "$output" == *"bad.run: not a session file"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/x.out" ]
}

@test "run-session names every need the probe's report lacks, as the reader reads it" {
	printf '%s\n' 'release 9.9.0-test' 'access syscall yes' 'access dev no' \
		'feature UFFD_FEATURE_MINOR_SHMEM' >"$BATS_TEST_TMPDIR/probe.txt"
	cat >"$BATS_TEST_TMPDIR/s.run" <<'RUN'
page x.2
program p
line 1
needs UFFD_FEATURE_MINOR_SHMEM
needs UFFD_FEATURE_FROM_THE_FUTURE
needs access-syscall
needs access-dev
timeout 5
status 0
cmd 2 ./p
RUN
	run-session "$BATS_TEST_TMPDIR/s.run" /bin/true "$BATS_TEST_TMPDIR/probe.txt" "$BATS_TEST_TMPDIR/s.out"
	run cat "$BATS_TEST_TMPDIR/s.out"
	[ "$output" = "skip needs UFFD_FEATURE_FROM_THE_FUTURE, access-dev (Linux 9.9.0-test)" ]
}
