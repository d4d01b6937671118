#!/usr/bin/env bats
# extract: programs and sessions out of a page, and every way a page can
# get its markers wrong.

load helper

@test "a program comes out as the page renders it, escapes undone" {
	# good.c.expected is written by hand: \e a backslash, \(aq a quote,
	# \& nothing, \- a hyphen, tabs kept.
	extract "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/out"
	cmp "$FIXTURES/good.c.expected" "$BATS_TEST_TMPDIR/out/hello.c"
}

@test "each program line knows its page line" {
	extract "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/out"
	run sed -n 1p "$BATS_TEST_TMPDIR/out/hello.c.lines"
	[ "$output" = "$FIXTURES/good.2 21" ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/out/hello.c.lines")" -eq "$(wc -l <"$BATS_TEST_TMPDIR/out/hello.c")" ]
}

@test "a session records its needs, timeout, commands and output with page lines" {
	extract "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out/hello.run"
	[[ "$output" == *"needs root"* ]]
	[[ "$output" == *"timeout 5"* ]]
	[[ "$output" == *"cmd 10 ./hello a-b"* ]]
	[[ "$output" == *"out 12 .dot"* ]]
	[[ "$output" == *"vary addr=[0-9]+"* ]]
}

@test "an unchanged program is not rewritten, so make rebuilds nothing" {
	extract "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/out"
	touch -d '2000-01-01' "$BATS_TEST_TMPDIR/out/hello.c"
	extract "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/out"
	[ -z "$(find "$BATS_TEST_TMPDIR/out/hello.c" -newer "$FIXTURES/good.2")" ]
}

# expect_error PAGE LINE MESSAGE: extract fails, naming page and line, and
# writes nothing.
expect_error() {
	run extract "$FIXTURES/$1" "$BATS_TEST_TMPDIR/out"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"$FIXTURES/$1:$2: "*"$3"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/out" ]
}

@test "a block without its end is an error at its BEGIN" {
	expect_error no-end.2 5 "has no SRC END"
}

@test "a block inside another is an error" {
	expect_error nested.2 9 "inside the SRC block opened at line 5"
}

@test "two programs with one name are an error" {
	expect_error duplicate.2 10 "already defined at line 5"
}

@test "a name with a slash is refused" {
	expect_error bad-name-slash.2 5 "not a plain file name"
}

@test "a name with .. is refused" {
	expect_error bad-name-dotdot.2 5 "not a plain file name"
}

@test "a name with another character is refused" {
	expect_error bad-name-char.2 5 "not a plain file name"
}

@test "a session of a program the page lacks is an error" {
	expect_error run-no-program.2 5 "no program ghost.c"
}

@test "a block outside EXAMPLES is an error" {
	expect_error outside-examples.2 5 "outside EXAMPLES"
}

@test "a missing page is an error" {
	run extract "$FIXTURES/no-such-page.2" "$BATS_TEST_TMPDIR/out"
	[ "$status" -ne 0 ]
	[[ "$output" == *"no such page"* ]]
}

@test "an unknown attribute is an error" {
	sed 's/needs=root/nedds=root/' "$FIXTURES/good.2" >"$BATS_TEST_TMPDIR/typo.2"
	run extract "$BATS_TEST_TMPDIR/typo.2" "$BATS_TEST_TMPDIR/out"
	[ "$status" -ne 0 ]
	[[ "$output" == *"typo.2:7: unknown attribute \"nedds\""* ]]
}

@test "an unescaped request line inside a program is an error" {
	sed 's/^\\&$/.br/' "$FIXTURES/good.2" >"$BATS_TEST_TMPDIR/dot.2"
	run extract "$BATS_TEST_TMPDIR/dot.2" "$BATS_TEST_TMPDIR/out"
	[ "$status" -ne 0 ]
	[[ "$output" == *"dot.2:22: "*"escaped"* ]]
}

@test "a program that the page no longer has is removed from the output" {
	extract "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/out"
	touch "$BATS_TEST_TMPDIR/out/gone.c"
	extract "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/out"
	[ ! -e "$BATS_TEST_TMPDIR/out/gone.c" ]
	[ -e "$BATS_TEST_TMPDIR/out/hello.c" ]
}
