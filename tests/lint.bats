#!/usr/bin/env bats
# The lint tools (scripts/lint/): each fixture in tests/fixtures/lint
# breaks one rule, at the lines marked by an EXPECT comment just before
# them; every tool must report exactly those lines, as
# "FILE:LINE: RULE: message", and fail.  The clean fixtures, and the
# real pages, must pass every tool.

# check.sh: builds in the tree (it runs make or the tools in the source
# tree itself), so it runs apart from the suites that run beside each other.
setup() {
	ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	LINT=tests/fixtures/lint
	cd "$ROOT" || return 1
}

# expected FILE RULE...: "LINE RULE" for each line of FILE that follows
# an EXPECT comment (.\" EXPECT r, /* EXPECT r */, # EXPECT r) naming one
# of the RULEs.
expected() {
	local file=$1
	shift
	awk -v rules=" $* " '
		/^(\.\\" |[ \t]*\/\* |[ \t]*# )EXPECT [a-z-]+/ {
			r = $0
			sub(/.*EXPECT /, "", r)
			sub(/[^a-z-].*/, "", r)
			pending[r] = 1
			next
		}
		{
			for (r in pending)
				if (index(rules, " " r " ")) print FNR, r
			split("", pending)
		}' "$file" | sort -u
}

# reported FILE: "LINE RULE" for each message of $output about FILE;
# fails if a line of $output is not a message "FILE:LINE: RULE: text".
reported() {
	local pairs
	pairs=$(printf '%s\n' "$output" | awk -v file="$1" '
		$0 == "" { next }
		index($0, file ":") != 1 || !match($0, /^[^:]+:[0-9]+: [a-z-]+: ./) {
			print "not a message about " file ": " $0 >"/dev/stderr"
			bad = 1
			next
		}
		{
			rest = substr($0, length(file) + 2)
			line = rest
			sub(/:.*/, "", line)
			rule = rest
			sub(/^[0-9]+: /, "", rule)
			sub(/:.*/, "", rule)
			print line, rule
		}
		END { exit bad }') || return 1
	[ -z "$pairs" ] || printf '%s\n' "$pairs" | sort -u
}

# check TOOL FILE RULE...: scripts/lint/TOOL.sh FILE reports exactly the
# expected lines of the RULEs, and its status says so.
check() {
	local tool=$1 file=$2
	shift 2
	local want got
	want=$(expected "$file" "$@")
	run "scripts/lint/$tool.sh" "$file"
	got=$(reported "$file") || { echo "$output"; return 1; }
	if [ "$want" != "$got" ]; then
		echo "lint-$tool $file: expected (line rule):"
		echo "${want:-  nothing}"
		echo "reported:"
		echo "${output:-  nothing}"
		return 1
	fi
	if [ -n "$want" ]; then
		[ "$status" -eq 1 ] || { echo "lint-$tool $file: status $status, not 1"; return 1; }
	else
		[ "$status" -eq 0 ] || { echo "lint-$tool $file: status $status, not 0: $output"; return 1; }
	fi
}

STYLE_RULES="th section-order semantic-newline trailing-space function-ref constant-bold file-italic tbl-hint"

# check_page FIXTURE: every page tool on a fixture page.
check_page() {
	local page=$1
	# shellcheck disable=SC2086 # one word per rule
	check style "$page" $STYLE_RULES
	check mandoc "$page" mandoc
	check groff "$page" groff
	check width "$page" width
	check spell "$page" codespell
}

# check_program FIXTURE: every C tool on a fixture program.
check_program() {
	check tidy "$1" clang-tidy
	check cppcheck "$1" cppcheck
	check analyzer "$1" analyzer
}

@test "the fixtures mark what they break" {
	local f rules marks
	rules="$STYLE_RULES mandoc groff width codespell clang-tidy cppcheck analyzer shellcheck"
	for f in "$LINT"/*.2 "$LINT"/c/*.c "$LINT"/sh/*; do
		# shellcheck disable=SC2086 # one word per rule
		marks=$(expected "$f" $rules)
		case $f in
		*/clean*) [ -z "$marks" ] || { echo "$f is clean but marks $marks"; return 1; } ;;
		*) [ -n "$marks" ] || { echo "$f marks nothing"; return 1; } ;;
		esac
	done
}

@test "the clean pages pass every page check" {
	check_page "$LINT/clean.2"
	check_page "$LINT/clean_ioctl.2"
}

@test "th: a title other than the file's name fails at the .TH line" {
	check_page "$LINT/th.2"
	run scripts/lint/style.sh "$LINT/th.2"
	[[ "$output" == "$LINT/th.2:5: th: title \"wrong\" is not the file's name \"th\"" ]]
}

@test "th: a date other than YYYY-MM-DD fails at the .TH line" {
	check_page "$LINT/th-date.2"
}

@test "th: a source other than Linux man-pages fails at the .TH line" {
	check_page "$LINT/th-source.2"
}

@test "section-order: missing, misplaced, unknown, lower-case and repeated sections fail at their .SH" {
	check_page "$LINT/section-order.2"
	run scripts/lint/style.sh "$LINT/section-order.2"
	[[ "$output" == *":8: section-order: section LIBRARY is missing before SYNOPSIS"* ]]
	[[ "$output" == *":17: section-order: section RETURN VALUE must come before ERRORS (line 14)"* ]]
}

@test "section-order: a page without DESCRIPTION fails at its last line" {
	printf '%s\n' '.TH short 2 2025-06-01 "Linux man-pages (unreleased)"' \
		'.SH NAME' 'short \- a page' '.SH LIBRARY' 'Standard C library' \
		'.SH SYNOPSIS' '.B int short(void);' >"$BATS_TEST_TMPDIR/short.2"
	run scripts/lint/style.sh "$BATS_TEST_TMPDIR/short.2"
	[ "$status" -eq 1 ]
	[ "$output" = "$BATS_TEST_TMPDIR/short.2:7: section-order: section DESCRIPTION is missing" ]
}

@test "semantic-newline: sentence ends and clause breaks inside a line fail at their lines" {
	check_page "$LINT/semantic-newline.2"
}

@test "trailing-space: a trailing space or tab fails, also inside .EX" {
	check_page "$LINT/trailing-space.2"
}

@test "function-ref: name(N) in text, in \\fB, in .IR and in .B fails" {
	check_page "$LINT/function-ref.2"
	run scripts/lint/style.sh "$LINT/function-ref.2"
	[[ "$output" == *'"read(2)": write a page reference as ".BR read (2)"'* ]]
}

@test "constant-bold: constants in roman or italics fail" {
	check_page "$LINT/constant-bold.2"
}

@test "file-italic: path names and headers not in italics fail" {
	check_page "$LINT/file-italic.2"
}

@test "tbl-hint: a table without '\\\" t on the first line fails at .TS" {
	check_page "$LINT/tbl-hint.2"
}

@test "mandoc: a mandoc warning fails at its line" {
	check_page "$LINT/mandoc.2"
	run scripts/lint/mandoc.sh "$LINT/mandoc.2"
	[[ "$output" == "$LINT/mandoc.2:18: mandoc: WARNING: skipping paragraph macro: PP after SH" ]]
}

@test "groff: a groff warning fails at its line" {
	check_page "$LINT/groff.2"
	run scripts/lint/groff.sh "$LINT/groff.2"
	[[ "$output" == "$LINT/groff.2:18: groff: warning: number register 'nosuch' not defined" ]]
}

@test "width: a line wider than 80 columns fails in man-db's and mandoc's rendering, at its source line" {
	check_page "$LINT/width.2"
	run scripts/lint/width.sh "$LINT/width.2"
	[[ "$output" == *"$LINT/width.2:21: width: man-db: rendered line 17 is 94 columns wide (> 80): static const char"* ]]
	[[ "$output" == *"$LINT/width.2:21: width: mandoc: rendered line 17 is 94 columns wide (> 80): static const char"* ]]
}

@test "codespell: a misspelling fails at its line" {
	check_page "$LINT/codespell.2"
	run scripts/lint/spell.sh "$LINT/codespell.2"
	[[ "$output" == "$LINT/codespell.2:19: codespell: occu""red ==> occurred" ]]
}

@test "the clean program passes clang-tidy, cppcheck and gcc -fanalyzer" {
	check_program "$LINT/c/clean.c"
}

@test "clang-tidy: a finding of the checked-in .clang-tidy fails at its line" {
	check_program "$LINT/c/clang-tidy.c"
	run scripts/lint/tidy.sh "$LINT/c/clang-tidy.c"
	[[ "$output" == "$LINT/c/clang-tidy.c:16: clang-tidy: 'atoi' used to convert"*"[cert-err34-c]" ]]
}

@test "cppcheck: a style finding fails at its line" {
	check_program "$LINT/c/cppcheck.c"
}

@test "gcc -fanalyzer: a leak fails at its line" {
	check_program "$LINT/c/analyzer.c"
}

@test "shellcheck: sh and bats scripts fail at their lines; a clean script passes" {
	check shell "$LINT/sh/clean.sh" shellcheck
	check shell "$LINT/sh/shellcheck.sh" shellcheck
	check shell "$LINT/sh/shellcheck.bats" shellcheck
}

@test "lint-shell -l picks the shell scripts, bats suites included" {
	run scripts/lint/shell.sh -l "$LINT/sh/clean.sh" "$LINT/sh/shellcheck.bats" "$LINT/c/clean.c" \
		scripts/lint/style.awk scripts/lint/style.sh
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' "$LINT/sh/clean.sh" "$LINT/sh/shellcheck.bats" scripts/lint/style.sh)" ]
}

@test "scripts/lint/ignored-warnings is well formed, and every record gives a reason" {
	run scripts/lint/filter.sh </dev/null
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# Each record: rule, match, reason, all non-empty.
	run awk '
		/^#/ { next }
		/^$/ { if (n) { if (!(r && m && why)) bad = 1 } n = r = m = why = 0; next }
		{ n = 1 }
		/^rule: [a-z-]+$/ { r = 1 }
		/^match: ./ { m = 1 }
		/^reason: ./ { why = 1 }
		END { if (n && !(r && m && why)) bad = 1; exit bad }' scripts/lint/ignored-warnings
	[ "$status" -eq 0 ]
}

@test "lint-filter drops what the ignore file names, and nothing else" {
	cat >"$BATS_TEST_TMPDIR/ignore" <<-'EOF'
		rule: mandoc
		match: : mandoc: STYLE: something harmless$
		reason: a test.
	EOF
	LINT_IGNORE=$BATS_TEST_TMPDIR/ignore run scripts/lint/filter.sh <<-'EOF'
		a.2:3: mandoc: STYLE: something harmless
		a.2:4: mandoc: STYLE: something harmless, and more
		a.2:5: groff: STYLE: something harmless
	EOF
	[ "$status" -eq 1 ]
	[ "$output" = "$(printf '%s\n' 'a.2:4: mandoc: STYLE: something harmless, and more' 'a.2:5: groff: STYLE: something harmless')" ]
}

@test "lint-filter refuses a record without a reason, naming its line, and prints no message" {
	printf 'rule: mandoc\nmatch: x\n\nrule: groff\nmatch: y\nreason: z\n' >"$BATS_TEST_TMPDIR/ignore"
	LINT_IGNORE=$BATS_TEST_TMPDIR/ignore run scripts/lint/filter.sh <<<'a.2:1: mandoc: x'
	[ "$status" -eq 2 ]
	[ "$output" = "$BATS_TEST_TMPDIR/ignore:1: ignored-warnings: the record needs a rule:, a match: and a reason: line" ]
}

@test "lint-filter gives the page line of an extracted program's finding" {
	mkdir -p "$BATS_TEST_TMPDIR/build/demo.2"
	printf 'man2/demo.2 %s\n' 40 41 42 >"$BATS_TEST_TMPDIR/build/demo.2/prog.c.lines"
	LINT_BUILD=$BATS_TEST_TMPDIR/build run scripts/lint/filter.sh <<<'examples/demo.2/prog.c:2: cppcheck: style: x [y]'
	[ "$status" -eq 1 ]
	[ "$output" = "examples/demo.2/prog.c:2: cppcheck: style: x [y] (man2/demo.2:41)" ]
}

@test "the real pages pass every page check" {
	local pages page
	pages=$(ls man2/*.2 man2const/*.2const 2>/dev/null) || skip "no pages in man2/ yet"
	for page in $pages; do
		check_page "$page"
	done
}

@test "make lint runs each tool once per file, and a second make does nothing" {
	local mk=$BATS_TEST_TMPDIR/Makefile build=$BATS_TEST_TMPDIR/build
	printf 'include scripts/lint/lint.mk\n' >"$mk"
	set -- -f "$mk" BUILD="$build" LINT_PAGE_DIR="$LINT" \
		PAGES="$LINT/clean.2 $LINT/clean_ioctl.2" LINT_C="$LINT/c/clean.c" LINT_H= \
		LINT_SH="$LINT/sh/clean.sh" LINT_TEXT="$LINT/clean.2 $LINT/c/clean.c"
	run make -j2 V=1 "$@" lint
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	# Each tool once per file it checks: 2 pages, 1 program, 1 script;
	# codespell once for both texts.
	for want in style:2 mandoc:2 groff:2 width:2 spell:1 tidy:1 cppcheck:1 \
		analyzer:1 shell:1; do
		n=$(printf '%s\n' "$output" | grep -c "^scripts/lint/${want%:*}.sh ") || true
		[ "$n" -eq "${want#*:}" ] || { echo "lint/${want%:*}.sh ran $n times"; return 1; }
	done
	[ -f "$build/lint/style/$LINT/clean.2.ok" ]
	[ -f "$build/lint/analyzer/$LINT/c/clean.c.ok" ]
	[ -f "$build/lint/shellcheck/$LINT/sh/clean.sh.ok" ]
	run make "$@" -q lint
	[ "$status" -eq 0 ]
	# A changed page is linted again, and only that page.
	touch -d '2000-01-01' "$build/lint/style/$LINT/clean.2.ok"
	run make "$@" -n lint
	[[ "$output" == *"scripts/lint/style.sh $LINT/clean.2"* ]]
	[[ "$output" != *"scripts/lint/style.sh $LINT/clean_ioctl.2"* ]]
	[[ "$output" != *"scripts/lint/mandoc.sh"* ]]
}

@test "codespell runs once, then again only on the texts changed since" {
	local mk=$BATS_TEST_TMPDIR/Makefile a=$BATS_TEST_TMPDIR/a.txt b=$BATS_TEST_TMPDIR/b.txt
	printf 'include scripts/lint/lint.mk\n' >"$mk"
	echo 'one text' >"$a"
	echo 'another text' >"$b"
	set -- -f "$mk" BUILD="$BATS_TEST_TMPDIR/build" LINT_TEXT="$a $b"
	run make V=1 "$@" lint-spell
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	[ "$(grep -c '^scripts/lint/spell.sh ' <<<"$output")" -eq 1 ]
	touch -d '+1 minute' "$b"
	run make "$@" -n lint-spell
	[[ "$output" == *"scripts/lint/spell.sh $b"* ]]
	[[ "$output" != *"$a"* ]]
}

@test "make lint fails on a broken page, naming file and line" {
	local mk=$BATS_TEST_TMPDIR/Makefile
	printf 'include scripts/lint/lint.mk\n' >"$mk"
	run make -f "$mk" BUILD="$BATS_TEST_TMPDIR/build" PAGES="$LINT/semantic-newline.2" \
		LINT_C= LINT_H= LINT_SH= LINT_TEXT= lint-pages
	[ "$status" -ne 0 ]
	[[ "$output" == *"$LINT/semantic-newline.2:18: semantic-newline: sentence ends inside the line"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/build/lint/style/$LINT/semantic-newline.2.ok" ]
}
