# Common set-up of the bats suites: ROOT is the project, FIXTURES the
# fixture pages, and each test works in its own $BATS_TEST_TMPDIR.
ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIXTURES=$ROOT/tests/fixtures/pages
PATH=$ROOT/scripts:$PATH
export ROOT FIXTURES PATH

# A probe report for this machine, made once per suite.
probe_report() {
	if [ ! -f "$BATS_FILE_TMPDIR/probe.txt" ]; then
		gcc -O2 -o "$BATS_FILE_TMPDIR/probe" "$ROOT/scripts/probe.c"
		"$BATS_FILE_TMPDIR/probe" >"$BATS_FILE_TMPDIR/probe.txt"
	fi
	echo "$BATS_FILE_TMPDIR/probe.txt"
}

# pipeline PAGE PROGRAM: extract, compile, run and compare one session of
# a fixture page, the way the Makefile does; $output is compare's report.
pipeline() {
	local dir=$BATS_TEST_TMPDIR/build
	extract "$FIXTURES/$1" "$dir"
	compile gcc "$dir/$2.gcc" "$dir/$2.c" -Wall -Wextra -Werror -pthread
	run-session "$dir/$2.run" "$dir/$2.gcc" "$(probe_report)" "$dir/$2.out"
	run compare "$dir/$2.run" "$dir/$2.out"
}
