#!/usr/bin/env bats
# writeback and bless: from C files and real runs back into the page.

load helper

# roundtrip PAGE: every program of PAGE, written back and extracted again,
# comes out byte for byte.
roundtrip() {
	local page=$1 tmp=$BATS_TEST_TMPDIR n=0
	extract "$page" "$tmp/first"
	cp "$page" "$tmp/page"
	for c in "$tmp"/first/*.c; do
		[ -e "$c" ] || continue
		writeback "$tmp/page" "$c"
		n=$((n + 1))
	done
	extract "$tmp/page" "$tmp/second"
	for c in "$tmp"/first/*.c; do
		[ -e "$c" ] || continue
		cmp "$c" "$tmp/second/${c##*/}"
	done
	[ "$n" -gt 0 ]
}

@test "a program written back is extracted again byte for byte" {
	roundtrip "$FIXTURES/good.2"
}

@test "every program of every page survives the round trip" {
	local pages=0
	for page in "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const; do
		[ -e "$page" ] || continue
		# Most operations' pages have no program.
		grep -q '^\.\\" SRC BEGIN' "$page" || continue
		roundtrip "$page"
		pages=$((pages + 1))
	done
	[ "$pages" -gt 0 ] || skip "no page in man2/"
}

@test "the pages hold their programs in the canonical escaping" {
	local pages=0
	for page in "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const; do
		[ -e "$page" ] || continue
		extract "$page" "$BATS_TEST_TMPDIR/${page##*/}"
		cp "$page" "$BATS_TEST_TMPDIR/page"
		for c in "$BATS_TEST_TMPDIR/${page##*/}"/*.c; do
			[ -e "$c" ] || continue
			writeback "$BATS_TEST_TMPDIR/page" "$c"
		done
		diff -u "$page" "$BATS_TEST_TMPDIR/page"
		pages=$((pages + 1))
	done
	[ "$pages" -gt 0 ] || skip "no page in man2/"
}

@test "backslashes, quotes, hyphens and leading dots are escaped" {
	printf '%s\n' '.x' "'y" 'a\b-c' '	tab' >"$BATS_TEST_TMPDIR/in"
	run roff-escape "$BATS_TEST_TMPDIR/in"
	[ "${lines[0]}" = '\&.x' ]
	[ "${lines[1]}" = '\[aq]y' ]
	[ "${lines[2]}" = 'a\[rs]b\-c' ]
	[ "${lines[3]}" = "$(printf '\ttab')" ]
}

@test "writeback refuses trailing white space, which roff would lose" {
	cp "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/page"
	printf 'int x; \n' >"$BATS_TEST_TMPDIR/hello.c"
	run writeback "$BATS_TEST_TMPDIR/page" "$BATS_TEST_TMPDIR/hello.c"
	[ "$status" -ne 0 ]
	[[ "$output" == *"hello.c:1: trailing white space"* ]]
	cmp "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/page"
}

@test "writeback of a program the page lacks fails and leaves the page" {
	cp "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/page"
	printf 'int x;\n' >"$BATS_TEST_TMPDIR/other.c"
	run writeback "$BATS_TEST_TMPDIR/page" "$BATS_TEST_TMPDIR/other.c"
	[ "$status" -ne 0 ]
	[[ "$output" == *"no SRC block named other.c"* ]]
	cmp "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/page"
}

@test "bless rewrites a wrong output from a real run, and then it passes" {
	cp "$FIXTURES/wrong-output.2" "$BATS_TEST_TMPDIR/page.2"
	local b=$BATS_TEST_TMPDIR/b
	extract "$BATS_TEST_TMPDIR/page.2" "$b"
	compile gcc "$b/count.gcc" "$b/count.c"
	run-session "$b/count.run" "$b/count.gcc" "$(probe_report)" "$b/count.out"
	bless "$BATS_TEST_TMPDIR/page.2" count "$b/count.out"
	run diff "$FIXTURES/wrong-output.2" "$BATS_TEST_TMPDIR/page.2"
	[ "$output" = "$(printf '11c11\n< 4\n---\n> 3')" ]
	extract "$BATS_TEST_TMPDIR/page.2" "$b"
	run compare "$b/count.run" "$b/count.out"
	[ "$status" -eq 0 ]
}

@test "bless refuses a skipped run" {
	echo "skip needs X" >"$BATS_TEST_TMPDIR/x.out"
	cp "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/page"
	run bless "$BATS_TEST_TMPDIR/page" hello "$BATS_TEST_TMPDIR/x.out"
	[ "$status" -ne 0 ]
	[[ "$output" == *"skipped here, nothing to bless"* ]]
	cmp "$FIXTURES/good.2" "$BATS_TEST_TMPDIR/page"
}
