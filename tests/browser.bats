#!/usr/bin/env bats
# The HTML pages in a real browser (scripts/render/browser.sh, headless
# Chromium): every page of build/html shows each section of its page,
# every link of it resolves, no code block is wider than its box (at
# 800 px, Chromium's window, and at 1280 px, where the column has its
# full 80 characters), and a picture of it is kept for review.  Then the
# harness itself, on the clean fixture page broken one way per test.

load helper

# check.sh: builds in the tree (it runs make or the tools in the source
# tree itself), so it runs apart from the suites that run beside each other.
setup_file() {
	cd "$ROOT" || return 1
	# deps installs Chromium when it can (as root); only a user who
	# cannot install it is told so, by a skip.
	if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" -ne 0 ]; then
		NO_CHROMIUM="chromium is not installed and user $(id -un) cannot install it (as root: scripts/deps.sh)"
		export NO_CHROMIUM
		return 0
	fi
	local lint=tests/fixtures/lint
	render-html "$BATS_FILE_TMPDIR/clean.2.html" "$lint/clean.2" "$lint/clean.2" "$lint/clean_ioctl.2"
	render-html "$BATS_FILE_TMPDIR/clean_ioctl.2.html" "$lint/clean_ioctl.2" "$lint/clean.2" "$lint/clean_ioctl.2"
	render-expect page "$lint/clean.2" >"$BATS_FILE_TMPDIR/clean.expect"
	# Every page of build/html, checked afresh.
	rm -rf build/html-check
	local status=0
	make --no-print-directory -s html-check >"$BATS_FILE_TMPDIR/html-check.out" 2>&1 || status=$?
	echo "$status" >"$BATS_FILE_TMPDIR/html-check.status"
}

setup() {
	[ -z "${NO_CHROMIUM:-}" ] || skip "$NO_CHROMIUM"
	cd "$ROOT" || return 1
	CLEAN=$BATS_FILE_TMPDIR/clean.2.html
	EXPECT=$BATS_FILE_TMPDIR/clean.expect
}

# A broken copy of the clean page, next to the real ones so that its
# other links still resolve: broken SED_EXPRESSION.
broken() {
	sed "$1" "$CLEAN" >"$BATS_FILE_TMPDIR/broken.2.html"
	echo "$BATS_FILE_TMPDIR/broken.2.html"
}

@test "make html-check: every page of build/html shows each section of its page, its links resolve, its code fits" {
	cat "$BATS_FILE_TMPDIR/html-check.out"
	[ "$(cat "$BATS_FILE_TMPDIR/html-check.status")" -eq 0 ]
	local html name page sections blocks n=0
	for html in build/html/*.html; do
		name=${html##*/}
		name=${name%.html}
		if [ "$name" = index ]; then
			grep -qF "$html: browser: " "$BATS_FILE_TMPDIR/html-check.out"
		else
			page=man2/$name
			[ -f "$page" ] || page=man2const/$name
			[ -f "$page" ] || { echo "$html: no page $name in man2/ or man2const/"; return 1; }
			sections=$(grep -c '^\.SH' "$page")
			blocks=$(grep -o '<pre>' "$html" | wc -l)
			grep -qE "^$html: browser: $sections sections, [0-9]+ links, $blocks code blocks checked at 800, 1280 px$" \
				"$BATS_FILE_TMPDIR/html-check.out" || { echo "$html: not $sections sections and $blocks code blocks checked"; return 1; }
		fi
		n=$((n + 1))
	done
	[ "$n" -ge 2 ]
}

@test "make html-check keeps a picture of each page of build/html, light and dark side by side" {
	local html shot width
	for html in build/html/*.html; do
		shot=build/html/screenshots/$(basename "$html" .html).png
		[ -s "$shot" ] || { echo "no picture $shot"; return 1; }
		# A PNG: its signature, then the width in its header (IHDR).
		[ "$(od -An -tx1 -N8 "$shot" | tr -d ' ')" = 89504e470d0a1a0a ] || { echo "$shot: not a PNG"; return 1; }
		width=$(od -An -tu1 -j16 -N4 "$shot" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }')
		# 800 px a column, as many light columns as dark ones.
		[ $((width % 1600)) -eq 0 ] || { echo "$shot: $width px wide"; return 1; }
	done
}

@test "browser: the clean fixture page passes every check" {
	run render-browser "$CLEAN" "$EXPECT"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$CLEAN: browser: $(grep -c '^\.SH' tests/fixtures/lint/clean.2) sections, $(grep -o 'href="[^"]*"' "$CLEAN" | wc -l) links, $(grep -o '<pre>' "$CLEAN" | wc -l) code blocks checked at 800, 1280 px" ]
}

@test "browser: a code line wider than its box fails, naming the line" {
	local long
	long="/* $(printf 'x%.0s' $(seq 1 110)) */"
	run render-browser "$(broken "s|exit(EXIT_SUCCESS);|& $long|")" "$EXPECT"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *'browser: at 800 px, code block '*' overflows its box ('*' px in '*' px): "'*'exit(EXIT_SUCCESS); /* xxx'* ]]
	[[ "$output" == *"browser: at 1280 px, code block "*" overflows its box"* ]]
}

@test "browser: a link to a file that does not exist fails" {
	run render-browser "$(broken 's|href="clean_ioctl.2.html"|href="gone.2.html"|')" "$EXPECT"
	echo "$output"
	[ "$status" -eq 1 ]
	[ "$output" = "$BATS_FILE_TMPDIR/broken.2.html: browser: link \"gone.2.html\": $BATS_FILE_TMPDIR/gone.2.html does not exist" ]
}

@test "browser: a link to an id that the page does not have fails" {
	run render-browser "$(broken 's|href="#ERRORS"|href="#ERRORZ"|')" "$EXPECT"
	echo "$output"
	[ "$status" -eq 1 ]
	[ "$output" = "$BATS_FILE_TMPDIR/broken.2.html: browser: link \"#ERRORZ\": no id \"ERRORZ\" in broken.2.html" ]
}

@test "browser: a link to an id that the other page does not have fails" {
	run render-browser "$(broken 's|href="clean_ioctl.2.html"|href="clean_ioctl.2.html#NOPE"|')" "$EXPECT"
	echo "$output"
	[ "$status" -eq 1 ]
	[ "$output" = "$BATS_FILE_TMPDIR/broken.2.html: browser: link \"clean_ioctl.2.html#NOPE\": no id \"NOPE\" in clean_ioctl.2.html" ]
}

@test "browser: a section of the page that is not a heading fails" {
	run render-browser "$(broken '/id="ERRORS"/d')" "$EXPECT"
	echo "$output"
	[ "$status" -eq 1 ]
	[ "$output" = "$BATS_FILE_TMPDIR/broken.2.html: browser: section \"ERRORS\" is not a heading of the page" ]
}

@test "browser: a section heading that the stylesheet hides fails" {
	run render-browser "$(broken 's|</style>|h1#SEE_ALSO { display: none; }\n&|')" "$EXPECT"
	echo "$output"
	[ "$status" -eq 1 ]
	[ "$output" = "$BATS_FILE_TMPDIR/broken.2.html: browser: section \"SEE ALSO\" is a heading that is not shown" ]
}

@test "browser: a stylesheet from outside fails" {
	run render-browser "$(broken 's|</head>|<link rel="stylesheet" href="http://example.invalid/man.css">\n&|')" "$EXPECT"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"browser: <link> refers to \"http://example.invalid/man.css\", outside"* ]]
}

@test "browser: any HTML file, with text and element expectations" {
	local html=$BATS_TEST_TMPDIR/report.html
	printf '<!DOCTYPE html>\n<title>r</title>\n<h1>Report</h1>\n<p class="total">3 passed</p>\n' >"$html"
	run render-browser "$html" - <<-'EOF'
		# a report, as another stage would check it
		heading Report
		text 3 passed
		element p.total
		local
	EOF
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$html: browser: 1 sections, 1 elements, 1 texts checked at 800, 1280 px" ]
	run render-browser "$html" - <<-'EOF'
		text 4 passed
		element table.results
	EOF
	echo "$output"
	[ "$status" -eq 1 ]
	[ "$output" = "$html: browser: the text \"4 passed\" is not shown
$html: browser: no element table.results is shown" ]
}

@test "browser: an unknown expectation is an error at its line, and no browser runs" {
	printf 'links\nshiny\n' >"$BATS_TEST_TMPDIR/bad.expect"
	run render-browser "$CLEAN" "$BATS_TEST_TMPDIR/bad.expect"
	[ "$status" -eq 2 ]
	[ "$output" = "$BATS_TEST_TMPDIR/bad.expect:2: unknown expectation \"shiny\"" ]
}
