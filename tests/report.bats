#!/usr/bin/env bats
# The verification report: report-html (the table of checked items by
# cell) and report-browser (the table in headless Chromium).

# bats sets stderr (run --separate-stderr):
# shellcheck disable=SC2154
bats_require_minimum_version 1.5.0
load helper

RFIX=$ROOT/tests/fixtures/report

# The fixture matrix, with the page's path where the SINCE items name it.
matrix() {
	K=$BATS_TEST_TMPDIR/k
	mkdir -p "$K"
	sed "s|DIR/|$RFIX/|" "$RFIX/matrix.txt" >"$K/matrix.txt"
	cp "$RFIX/cells.txt" "$K/cells.txt"
}

# cell ROW-ID N: the class and text of the Nth result cell of a row.
cell() {
	grep "<tr id=\"$1\">" "$BATS_TEST_TMPDIR/out/verification.html" |
		grep -o '<td class="r [A-Z]*"[^>]*>[^<]*\(<small>[^<]*\)\?' | sed -n "${2}p" |
		sed 's/<td class="r \([A-Z]*\)"[^>]*>[A-Z]*/\1/; s/<small>/ | /'
}

@test "report: a row per checked item, its id verify-PAGE-LINE, grouped by page and section" {
	matrix
	run report-html "$BATS_TEST_TMPDIR/out/verification.html" "$K" "$RFIX/demo.2"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "report: $BATS_TEST_TMPDIR/out/verification.html: 8 rows, 2 cells: 5 passed, 1 failed, 10 skipped" ]
	html=$BATS_TEST_TMPDIR/out/verification.html
	ids=$(grep -o '<tr id="[^"]*"' "$html" | sed 's/<tr id="//; s/"$//' | tr '\n' ' ')
	[ "$ids" = "verify-demo.2-6 verify-demo.2-7 verify-demo.2-16 verify-demo.2-21 verify-demo.2-29 verify-boot verify-probe verify-claim-orphan " ]
	grep -q '<tr class="group"><th colspan="5">DESCRIPTION — Features</th></tr>' "$html"
	grep -q '<tr class="group"><th colspan="5">ERRORS</th></tr>' "$html"
	grep -q '<span class="kind">errno</span> EINVAL: The flags are wrong.' "$html"
	grep -q '<span class="kind">statement</span> A descriptor wakes its threads once, and only once.' "$html"
	grep -q '<span class="kind">example</span> ./hello' "$html"
	# A CHECK inside a program is code, not an annotation.
	run grep -c 'not-a-check-inside-a-program' "$html"
	[ "$output" = 0 ]
}

@test "report: each cell PASS, FAIL or SKIP with the reason; two claims show the worst, a skipped cell its reason" {
	matrix
	report-html "$BATS_TEST_TMPDIR/out/verification.html" "$K" "$RFIX/demo.2"
	[ "$(cell verify-demo.2-6 1)" = PASS ]
	[ "$(cell verify-demo.2-7 1)" = "SKIP | about arm64, and this kernel is amd64" ]
	[ "$(cell verify-demo.2-16 1)" = "FAIL | wakes-once: woken once; wakes-twice: woken twice" ]
	[ "$(cell verify-demo.2-21 1)" = "SKIP | needs root" ]
	[ "$(cell verify-demo.2-29 1)" = PASS ]
	for id in verify-demo.2-6 verify-demo.2-16 verify-boot; do
		[ "$(cell "$id" 2)" = "SKIP | qemu-system-aarch64 is missing (install qemu-system-arm)" ]
	done
	# An item a cell did not report is a skip that says so, never a pass.
	sed -i '/claim einval-flags/d' "$K/matrix.txt"
	report-html "$BATS_TEST_TMPDIR/out/verification.html" "$K" "$RFIX/demo.2"
	[ "$(cell verify-demo.2-21 1)" = "SKIP | not in this cell's results" ]
}

@test "report: a missing matrix is an error naming the file, and nothing is written" {
	run --separate-stderr report-html "$BATS_TEST_TMPDIR/out/verification.html" "$BATS_TEST_TMPDIR/none" "$RFIX/demo.2"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ "$stderr" = "report-html: $BATS_TEST_TMPDIR/none/matrix.txt: cannot read" ]
	[ ! -e "$BATS_TEST_TMPDIR/out" ]
}

@test "browser: the report renders in Chromium as made, its links resolve, a picture is kept" {
	command -v chromium >/dev/null 2>&1 || skip "chromium is missing (install chromium)"
	matrix
	out=$BATS_TEST_TMPDIR/out
	mkdir -p "$out"
	# The page's HTML, with the section that a row links to.
	printf '<html><body><h1 id="Features">Features</h1><h1 id="ERRORS">ERRORS</h1><h1 id="EXAMPLES">EXAMPLES</h1></body></html>\n' >"$out/demo.2.html"
	report-html "$out/verification.html" "$K" "$RFIX/demo.2"
	grep -q 'href="demo.2.html#Features"' "$out/verification.html"
	run report-browser -s "$out/shot.png" "$out/verification.html"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "$out/verification.html: shown in Chromium: Shown: 5 passed, 1 failed, 10 skipped; as counted; 0 broken links." ]
	[ "$(head -c 8 "$out/shot.png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]
}

@test "browser: a broken link, a count the page does not show, or no script run, fails" {
	command -v chromium >/dev/null 2>&1 || skip "chromium is missing (install chromium)"
	matrix
	out=$BATS_TEST_TMPDIR/out
	mkdir -p "$out"
	printf '<html><body><h1 id="Features">Features</h1></body></html>\n' >"$out/demo.2.html"
	report-html "$out/verification.html" "$K" "$RFIX/demo.2"
	# ERRORS is no id of demo.2.html; a row's link to itself is cut.
	sed -i 's|href="#verify-demo.2-6"|href="#verify-nowhere"|; s|data-pass="5"|data-pass="6"|' "$out/verification.html"
	run report-browser "$out/verification.html"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"browser: the page shows other counts than it was made with: "* ]]
	[[ "$output" == *"browser: links inside the page that lead nowhere: "*"#verify-nowhere"* ]]
	[[ "$output" == *"browser: a link to an id that demo.2.html lacks: demo.2.html#ERRORS"* ]]
	sed -i 's|<script>|<script>throw 1;|' "$out/verification.html"
	run report-browser "$out/verification.html"
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "$out/verification.html: browser: the page's script did not run (no tally)" ]
}
