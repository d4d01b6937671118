#!/usr/bin/env bats
# The page reader (scripts/page/): one parser, one model of a page, every
# step of the toolchain asks it.  Its subcommands are tested where their
# stage is (extract.bats, claims.bats, ...); here: the program itself, the
# three places where the old readers disagreed, and the decoder against
# mandoc.

# bats sets stderr and stderr_lines (run --separate-stderr):
# shellcheck disable=SC2154

load helper
bats_require_minimum_version 1.5.0

PF=$ROOT/tests/fixtures/page

# Every page of the tree and every fixture page.
all_pages() {
	local p
	for p in "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const "$ROOT"/tests/fixtures/*/*.2 \
		"$ROOT"/tests/fixtures/*/pages/*; do
		[ -f "$p" ] && echo "$p"
	done
}

@test "the reader builds with gcc and with clang, warnings as errors" {
	CC=gcc "$ROOT/scripts/page/build.sh" "$BATS_TEST_TMPDIR/page-gcc"
	CC=clang "$ROOT/scripts/page/build.sh" "$BATS_TEST_TMPDIR/page-clang"
	"$BATS_TEST_TMPDIR/page-clang" dump "$FIXTURES/good.2" >/dev/null
}

@test "under ASan and UBSan every subcommand reads every page and fixture cleanly" {
	local reader=$BATS_TEST_TMPDIR/page-san n=0 p c rc
	PAGE_CFLAGS='-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		"$ROOT/scripts/page/build.sh" "$reader"
	for p in $(all_pages); do
		for c in dump list claims since names outline strip style words \
			head html checked versions; do
			rc=0
			"$reader" "$c" "$p" >/dev/null 2>"$BATS_TEST_TMPDIR/err" || rc=$?
			if [ "$rc" -gt 2 ] || grep -q 'runtime error\|Sanitizer' "$BATS_TEST_TMPDIR/err"; then
				echo "page $c $p: status $rc"
				cat "$BATS_TEST_TMPDIR/err"
				return 1
			fi
		done
		rc=0
		"$reader" stamp "$p" 2026-12-01 'uffd-man \ "x"' >/dev/null 2>"$BATS_TEST_TMPDIR/err" || rc=$?
		if [ "$rc" -gt 2 ] || grep -q 'runtime error\|Sanitizer' "$BATS_TEST_TMPDIR/err"; then
			cat "$BATS_TEST_TMPDIR/err"
			return 1
		fi
		rc=0
		"$reader" extract "$p" "$BATS_TEST_TMPDIR/x/${p##*/}" >/dev/null 2>"$BATS_TEST_TMPDIR/err" || rc=$?
		if [ "$rc" -gt 1 ] || grep -q 'runtime error\|Sanitizer' "$BATS_TEST_TMPDIR/err"; then
			cat "$BATS_TEST_TMPDIR/err"
			return 1
		fi
		n=$((n + 1))
	done
	[ "$n" -gt 30 ]
}

@test "the decoder agrees with mandoc: each program comes out as mandoc renders its lines" {
	local p c n=0 dir=$BATS_TEST_TMPDIR/x
	for p in $(all_pages); do
		rm -rf "$dir"
		page extract "$p" "$dir" >/dev/null 2>&1 || continue
		for c in "$dir"/*.c; do
			[ -e "$c" ] || continue
			# The page's own lines of the program (the reader says which),
			# between two sentinels, through mandoc.
			{
				printf '.TH T 7\n.SH T\n.EX\n\\[u2402]\n'
				awk '{ print $NF }' "$c.lines" | while read -r line; do
					sed -n "${line}{s/\t/\\\\[u2409]/g;p;}" "$p"
				done
				printf '\\[u2403]\n.EE\n'
			} >"$BATS_TEST_TMPDIR/t.man"
			LC_ALL=C.UTF-8 mandoc -Tutf8 "$BATS_TEST_TMPDIR/t.man" | LC_ALL=C.UTF-8 col -bx |
				LC_ALL=C awk '
					/^ *\342\220\202$/ { inside = 1; indent = length($0) - 3; next }
					/^ *\342\220\203$/ { inside = 0; next }
					inside { line = substr($0, indent + 1); gsub(/\342\220\211/, "\t", line); print line }' \
				>"$BATS_TEST_TMPDIR/mandoc.c"
			diff -u "$BATS_TEST_TMPDIR/mandoc.c" "$c" || { echo "$p: ${c##*/}"; return 1; }
			n=$((n + 1))
		done
	done
	[ "$n" -ge 10 ]
}

@test "disagreement 1: an annotation in any comment form is one to claims and to strip alike" {
	run claims-list "$PF/forms.2"
	[ "$status" -eq 0 ]
	tab=$(printf '\t')
	[ "${lines[0]}" = "check${tab}$PF/forms.2${tab}6${tab}-${tab}uffd-two-spaces" ]
	[ "${lines[1]}" = "check${tab}$PF/forms.2${tab}9${tab}-${tab}uffd-quote" ]
	[ "${lines[2]}" = "check${tab}$PF/forms.2${tab}12${tab}-${tab}uffd-glued" ]
	run upstream-strip "$PF/forms.2"
	[ "$status" -eq 0 ]
	[[ "$output" != *CHECK* ]]
	[[ "$output" != *NOCLAIM* ]]
	[[ "$output" == *'.\" SRC BEGIN  (spaced.c)'* ]]
	[ "$(grep -c '' "$PF/forms.2")" -eq $((${#lines[@]} + 5)) ]
}

@test "disagreement 2: a SRC BEGIN with two spaces is one program to extract, writeback and render-verify" {
	page extract "$PF/forms.2" "$BATS_TEST_TMPDIR/x" >/dev/null
	[ -f "$BATS_TEST_TMPDIR/x/spaced.c" ]
	cp "$PF/forms.2" "$BATS_TEST_TMPDIR/forms.2"
	writeback "$BATS_TEST_TMPDIR/forms.2" "$BATS_TEST_TMPDIR/x/spaced.c"
	cmp "$PF/forms.2" "$BATS_TEST_TMPDIR/forms.2"
	# An HTML rendering without that program does not pass for one with it.
	mandoc -Thtml "$PF/decode.2" >"$BATS_TEST_TMPDIR/other.html"
	run render-verify html "$PF/forms.2" "$BATS_TEST_TMPDIR/other.html"
	[ "$status" -eq 1 ]
	[[ "$output" == *"$PF/forms.2:22: render-html: example spaced.c is not in"* ]]
}

@test "disagreement 3: a text line decodes as mandoc renders it, for claims and render-verify alike" {
	# mandoc: don't 'x' UFFD-x
	heading=$(LC_ALL=C.UTF-8 mandoc -Tutf8 "$PF/decode.2" | LC_ALL=C.UTF-8 col -bx | sed -n 's/^   \(don.*\)/\1/p')
	[ "$heading" = "don't 'x' UFFD-x" ]
	run page dump "$PF/decode.2"
	[[ "$output" == *"5 subsection $heading"* ]]
	[[ "$output" == *"10 section $heading"* ]]
	run claims-run -d "$ROOT/tests/fixtures/claims/progs" -b "$BATS_TEST_TMPDIR/b" "$PF/decode.2"
	[[ "$output" == *"UNCHECKED $PF/decode.2:8 EBUSY ($heading)"* ]]
	render-man "$BATS_TEST_TMPDIR/decode.txt" "$PF/decode.2"
	run render-verify man "$PF/decode.2" "$BATS_TEST_TMPDIR/decode.txt"
	[ "$status" -eq 0 ]
}

@test "an unknown or glued annotation is an error at its line in every comment form, nothing on stdout" {
	printf '%s\n' '.TH u 2 (date) "Linux man-pages (unreleased)"' '.SH DESCRIPTION' \
		'Text.' '.\" NOCHEK typo' "'\\\" SINCEE X 1.2" '.\"VARRY x' '.\"   CHEK x' \
		'.\" CHECK: x' '.\" Copyright and SPDX and EXPECT are not ours' >"$BATS_TEST_TMPDIR/u.2"
	run --separate-stderr page claims "$BATS_TEST_TMPDIR/u.2"
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ "${#stderr_lines[@]}" -eq 5 ]
	[ "${stderr_lines[0]}" = "$BATS_TEST_TMPDIR/u.2:4: unknown annotation \"NOCHEK\" (SRC, RUN, VARY, CHECK, NOCHECK, NOCLAIM, SINCE)" ]
	[[ "${stderr_lines[1]}" == "$BATS_TEST_TMPDIR/u.2:5: unknown annotation \"SINCEE\""* ]]
	[[ "${stderr_lines[2]}" == "$BATS_TEST_TMPDIR/u.2:6: unknown annotation \"VARRY\""* ]]
	[[ "${stderr_lines[3]}" == "$BATS_TEST_TMPDIR/u.2:7: unknown annotation \"CHEK\""* ]]
	[ "${stderr_lines[4]}" = "$BATS_TEST_TMPDIR/u.2:8: malformed annotation: want CHECK followed by a space" ]
}

@test "SINCE takes an architecture as a fifth field, and refuses one it does not know" {
	run page since "$PF/arch.2"
	[ "$status" -eq 0 ]
	tab=$(printf '\t')
	[ "${lines[0]}" = "$PF/arch.2${tab}5${tab}UFFD_FEATURE_MINOR_SHMEM${tab}5.14" ]
	[ "${lines[1]}" = "$PF/arch.2${tab}6${tab}UFFD_FEATURE_MINOR_SHMEM${tab}5.16${tab}arm64" ]
	sed 's/ arm64$/ arm65/' "$PF/arch.2" >"$BATS_TEST_TMPDIR/arch.2"
	run --separate-stderr page since "$BATS_TEST_TMPDIR/arch.2"
	[ "$status" -eq 2 ]
	[ "$stderr" = "$BATS_TEST_TMPDIR/arch.2:6: SINCE UFFD_FEATURE_MINOR_SHMEM 5.16 arm65: not an architecture (amd64, arm64, ...)" ]
}

@test "any page path and section 2const are read the same way" {
	mkdir -p "$BATS_TEST_TMPDIR/man2const"
	sed -e 's/^\.TH good 2 /.TH UFFDIO_GOOD 2const /' "$FIXTURES/good.2" \
		>"$BATS_TEST_TMPDIR/man2const/UFFDIO_GOOD.2const"
	page extract "$BATS_TEST_TMPDIR/man2const/UFFDIO_GOOD.2const" "$BATS_TEST_TMPDIR/b/UFFDIO_GOOD.2const" \
		>"$BATS_TEST_TMPDIR/rules"
	cmp "$FIXTURES/good.c.expected" "$BATS_TEST_TMPDIR/b/UFFDIO_GOOD.2const/hello.c"
	grep -qx "EXAMPLE_SOURCES += $BATS_TEST_TMPDIR/b/UFFDIO_GOOD.2const/hello.c" "$BATS_TEST_TMPDIR/rules"
	run page style "$BATS_TEST_TMPDIR/man2const/UFFDIO_GOOD.2const"
	[[ "$output" != *"is not the file's section"* ]]
}

@test "dump: the model of a page, line by line (golden)" {
	cd "$ROOT"
	run page dump tests/fixtures/pages/good.2
	[ "$status" -eq 0 ]
	diff -u tests/fixtures/page/good.dump - <<<"$output"
}

@test "strip removes exactly the annotation lines, byte for byte otherwise" {
	run page strip "$PF/forms.2"
	[ "$status" -eq 0 ]
	diff <(grep -v -e '^\.\\"  CHECK' -e "^'\\\\\" CHECK" -e '^\.\\"CHECK' -e '^\.\\" NOCLAIM' \
		-e '^\.\\"	NOCHECK' "$PF/forms.2") - <<<"$output"
}

@test "no script reads a page of man2/ or man2const/ except through the reader" {
	# The marks of roff reading (readers.ere: a control line's macro, an
	# annotation, a roff comment) in the code, not the comments, of every
	# script outside scripts/page/.  What matches and is not a reader:
	# render/browser.sh escapes a string for JavaScript (its backslash and
	# quote look like a comment), and upstream/markers.txt is the cover
	# letter's prose, which names the markers.
	cd "$ROOT"
	run sh -c "grep -rnE -f '$PF/readers.ere' scripts | grep -v '^scripts/page/' |
		grep -vE '^[^:]+:[0-9]+:[[:space:]]*#' |
		grep -v -e '^scripts/render/browser.sh:' -e '^scripts/upstream/markers.txt:'"
	echo "$output"
	[ "$output" = "" ]
	# The marks are those of the readers there were: a line of each kind.
	printf '%s\n' "/^\\.\\\\\" (SRC|RUN) BEGIN/ {" '/^\.SH[ \t]/ {' \
		'/^[.\047][ \t]*TS/' 'sub(/^[.'"'"']?[ \t]*\\"/, "", s)' >"$BATS_TEST_TMPDIR/old.awk"
	[ "$(grep -cE -f "$PF/readers.ere" "$BATS_TEST_TMPDIR/old.awk")" -eq 4 ]
}

@test "a CHECK of two names is a check of each, on the same line" {
	printf '%s\n' '.TH two 2 (date) "Linux man-pages (unreleased)"' '.SH NAME' 'two \- two checks' \
		'.SH DESCRIPTION' 'It wakes once.' '.\" CHECK wakes-once wakes-twice' >"$BATS_TEST_TMPDIR/two.2"
	run page claims "$BATS_TEST_TMPDIR/two.2"
	[ "$status" -eq 0 ]
	tab=$(printf '\t')
	[ "${lines[0]}" = "check${tab}$BATS_TEST_TMPDIR/two.2${tab}6${tab}-${tab}wakes-once" ]
	[ "${lines[1]}" = "check${tab}$BATS_TEST_TMPDIR/two.2${tab}6${tab}-${tab}wakes-twice" ]
}

# A small page, placeholders and all, for the render subcommands.
tiny_page() {
	printf '%s\n' '.TH tiny 2 (date) "Linux man-pages (unreleased)"' '.SH NAME' \
		'tiny \- a small page' '.SH DESCRIPTION' 'Nothing.'
}

@test "head: each page's .TH fields and NAME's text, one record a page (golden)" {
	cd "$ROOT"
	run page head tests/fixtures/render/UFFDIO_FIXTURE.2const tests/fixtures/render/ioctl_fixture.2 \
		tests/fixtures/lint/clean_ioctl.2
	[ "$status" -eq 0 ]
	diff -u tests/fixtures/page/head.golden - <<<"$output"
}

@test "head: the .TH fields are decoded, and NAME's text runs on through its font macros" {
	printf '%s\n' '.TH "a\-b" 2 2026\-01\-02 "src \(aqx\(aq"' '.SH NAME' 'a\-b \- one' '.I two' \
		'.BR three (2)' '.SH DESCRIPTION' 'Nothing.' >"$BATS_TEST_TMPDIR/ab.2"
	run page head "$BATS_TEST_TMPDIR/ab.2"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\ta-b\t2\t2026-01-02\tsrc '\''x'\''\t\ta-b - one two three(2)' "$BATS_TEST_TMPDIR/ab.2")" ]
}

@test "head: a page without a NAME section has an empty NAME field" {
	printf '%s\n' '.TH bare 2 (date) "Linux man-pages (unreleased)"' '.SH DESCRIPTION' 'Nothing.' \
		>"$BATS_TEST_TMPDIR/bare.2"
	run page head "$BATS_TEST_TMPDIR/bare.2"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\tbare\t2\t(date)\tLinux man-pages (unreleased)\t\t' "$BATS_TEST_TMPDIR/bare.2")" ]
}

@test "head: a page without .TH is an error at its line 1, and no page is printed" {
	tiny_page >"$BATS_TEST_TMPDIR/tiny.2"
	printf '%s\n' '.SH NAME' 'no-th \- no .TH' >"$BATS_TEST_TMPDIR/no-th.2"
	run --separate-stderr page head "$BATS_TEST_TMPDIR/tiny.2" "$BATS_TEST_TMPDIR/no-th.2"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "$BATS_TEST_TMPDIR/no-th.2:1: no .TH line" ]
}

@test "stamp: the .TH date and source replaced, every other line byte for byte" {
	tiny_page >"$BATS_TEST_TMPDIR/tiny.2"
	run page stamp "$BATS_TEST_TMPDIR/tiny.2" 2026-12-01 "uffd-man 1.0"
	[ "$status" -eq 0 ]
	diff <(sed '1s/.*/.TH tiny 2 2026-12-01 "uffd-man 1.0"/' "$BATS_TEST_TMPDIR/tiny.2") - <<<"$output"
}

@test "stamp: a source with a quote and a backslash is written so that head reads it back" {
	tiny_page >"$BATS_TEST_TMPDIR/tiny.2"
	page stamp "$BATS_TEST_TMPDIR/tiny.2" 2026-12-01 'say "a\b"' >"$BATS_TEST_TMPDIR/stamped.2"
	[ "$(head -n 1 "$BATS_TEST_TMPDIR/stamped.2")" = '.TH tiny 2 2026-12-01 "say ""a\[rs]b"""' ]
	run page head "$BATS_TEST_TMPDIR/stamped.2"
	[ "$(cut -f5 <<<"$output")" = 'say "a\b"' ]
}

@test "stamp: a page without .TH is an error at its line 1, nothing on stdout" {
	printf '%s\n' '.SH NAME' 'no-th \- no .TH' >"$BATS_TEST_TMPDIR/no-th.2"
	run --separate-stderr page stamp "$BATS_TEST_TMPDIR/no-th.2" 2026-12-01 "uffd-man 1.0"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "$BATS_TEST_TMPDIR/no-th.2:1: no .TH line" ]
}

@test "html: in .EX, an empty line or \\& alone becomes .sp and a leading blank gets \\&; the rest byte for byte" {
	{
		tiny_page
		printf '%s\n' '' '  text' '.EX' 'a' '' '\&' '    b' '	c' '.EE' '' '  after'
	} >"$BATS_TEST_TMPDIR/ex.2"
	run page html "$BATS_TEST_TMPDIR/ex.2"
	[ "$status" -eq 0 ]
	diff <(tiny_page; printf '%s\n' '' '  text' '.EX' 'a' '.sp' '.sp' '\&    b' '\&	c' '.EE' '' '  after') - <<<"$output"
}

@test "checked: every checked item of the pages, one record a line (golden)" {
	cd "$ROOT"
	run page checked tests/fixtures/report/demo.2 tests/fixtures/lint/clean.2
	[ "$status" -eq 0 ]
	diff -u tests/fixtures/page/checked.golden - <<<"$output"
}

@test "checked: an errno entry's text starts with its errnos, its tag left out of the text" {
	printf '%s\n' '.TH e 2 (date) "Linux man-pages (unreleased)"' '.SH NAME' 'e \- errors' '.SH ERRORS' \
		'.TP' '.B EAGAIN' '.TQ' '.B EWOULDBLOCK' 'Try' '.I again' 'later.' '.\" CHECK again' >"$BATS_TEST_TMPDIR/e.2"
	run page checked "$BATS_TEST_TMPDIR/e.2"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s:12\terrno\tERRORS\t\tagain\tEAGAIN/EWOULDBLOCK: Try again later.' "$BATS_TEST_TMPDIR/e.2")" ]
}

@test "checked: a statement's text is its paragraph up to the CHECK, decoded" {
	printf '%s\n' '.TH s 2 (date) "Linux man-pages (unreleased)"' '.SH NAME' 's \- one' '.SH DESCRIPTION' \
		'.SS Waking' 'Before.' '.P' 'It wakes\(em' '.BR once ,' 'not twice.' '.\" CHECK run:demo wakes-once' \
		'After.' >"$BATS_TEST_TMPDIR/s.2"
	run page checked "$BATS_TEST_TMPDIR/s.2"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s:11\tstatement\tDESCRIPTION\tWaking\t%s\tIt wakes— once, not twice.' "$BATS_TEST_TMPDIR/s.2" 'run:demo wakes-once')" ]
}

@test "checked: a CHECK inside a program is the program's, not an item" {
	run page checked "$ROOT/tests/fixtures/report/demo.2"
	[ "$status" -eq 0 ]
	grep -q 'wakes-once' <<<"$output"
	[[ "$output" != *not-a-check-inside-a-program* ]]
}

@test "head, stamp, html, checked: a malformed page is an error at its line, nothing on stdout" {
	{
		tiny_page
		echo '.\" CHEK typo'
	} >"$BATS_TEST_TMPDIR/bad.2"
	local c
	for c in head html checked "stamp 2026-12-01 x"; do
		# shellcheck disable=SC2086 # the subcommand and its arguments
		run --separate-stderr page ${c%% *} "$BATS_TEST_TMPDIR/bad.2" ${c#"${c%% *}"}
		[ "$status" -eq 2 ]
		[ -z "$output" ]
		[ "$stderr" = "$BATS_TEST_TMPDIR/bad.2:6: unknown annotation \"CHEK\" (SRC, RUN, VARY, CHECK, NOCHECK, NOCLAIM, SINCE)" ]
	done
}

@test "stamp fills in the .TH line's date and source, every other byte as it was" {
	local p=$BATS_TEST_TMPDIR/stamp.2
	printf '%s\n' '.\" (date) stays in a comment' \
		'.TH stamp 2 (date) "Linux man-pages (unreleased)"' '.SH NAME' \
		'stamp \- (date) and "Linux man-pages (unreleased)" stay in text' >"$p"
	printf 'no newline at the end' >>"$p"
	page stamp "$p" 2025-01-31 'uffd-man 1.2' >"$BATS_TEST_TMPDIR/out"
	sed '2s/.*/.TH stamp 2 2025-01-31 "uffd-man 1.2"/' "$p" | cmp - "$BATS_TEST_TMPDIR/out"
}

@test "stamp refuses a date or a source of more than one line, and a page it cannot read, with nothing on stdout" {
	run --separate-stderr page stamp "$PF/forms.2" '2025-01-31
x' x
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ -n "$stderr" ]
	run --separate-stderr page stamp "$PF/forms.2" 2025-01-31 'uffd-man
1.2'
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[ -n "$stderr" ]
	run --separate-stderr page stamp "$BATS_TEST_TMPDIR/none.2" 2025-01-31 x
	[ "$status" -eq 2 ]
	[ "$output" = "" ]
	[[ "$stderr" == *"none.2: no such page" ]]
}

@test "versions: each name's \"(since Linux X.Y)\" on its .B or .BR line, whatever the quoting" {
	local p=$BATS_TEST_TMPDIR/versions.2
	printf '%s\n' '.TH versions 2 (date) "Linux man-pages (unreleased)"' '.SH DESCRIPTION' '.TP' \
		'.BR UFFD_ONE " (since Linux 4.3)"' '.TP' \
		'.BR  UFFD_TWO   " (since Linux 5.10)" \" a comment' '.TP' \
		'.B "UFFD_THREE" " (since Linux 6.1)"' \
		'UFFD_TEXT (since Linux 4.11) is prose, not a tag' \
		'.I UFFD_ITALIC " (since Linux 4.11)"' \
		'.BR lower " (since Linux 4.11)"' \
		'.BR UFFD_LATER " (since Linux 4.11) or later"' \
		'.BR UFFD_NOVERSION " (since Linux 4)"' >"$p"
	run page versions "$p"
	[ "$status" -eq 0 ]
	[ "$output" = "4 UFFD_ONE 4.3
6 UFFD_TWO 5.10
8 UFFD_THREE 6.1" ]
}
