#!/usr/bin/env bats
# The renderings (scripts/render/*): HTML with links between our pages,
# its stylesheet and the index, the PDF, the 80-column text; each is
# looked at, not only produced (in a browser: tests/browser.bats).
# The clean fixture pair (tests/fixtures/lint/clean.2, clean_ioctl.2)
# refer to each other; the real pages are rendered too when they exist.

# check.sh: builds in the tree (it runs make or the tools in the source
# tree itself), so it runs apart from the suites that run beside each other.
setup_file() {
	ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	OUT=$BATS_FILE_TMPDIR/out
	export ROOT OUT
	cd "$ROOT" || return 1
	local lint=tests/fixtures/lint
	scripts/render/html.sh "$OUT/html/clean.2.html" "$lint/clean.2" "$lint/clean.2" "$lint/clean_ioctl.2"
	scripts/render/html.sh "$OUT/html/clean_ioctl.2.html" "$lint/clean_ioctl.2" "$lint/clean.2" "$lint/clean_ioctl.2"
	scripts/render/index.sh "$OUT/html/index.html" "$lint/clean.2" "$lint/clean_ioctl.2"
	scripts/render/pdf.sh "$OUT/pdf/book.pdf" "$lint/clean.2" "$lint/clean_ioctl.2"
	scripts/render/man.sh "$OUT/man/clean.2.txt" "$lint/clean.2"
}

setup() {
	cd "$ROOT" || return 1
	LINT=tests/fixtures/lint
}

# The text of an HTML file, tags removed and entities decoded.
html_text() {
	sed -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' \
		-e 's/&#x00A0;/ /g' -e 's/&amp;/\&/g' "$1"
}

@test "html: every section and subsection of the page is a heading" {
	local title
	while read -r title; do
		grep -q "<h1 class=\"Sh\" id=\"${title// /_}\">" "$OUT/html/clean.2.html" ||
			{ echo "no heading for $title"; return 1; }
	done < <(sed -n 's/^\.SH //p' "$LINT/clean.2")
	grep -q '<h2 class="Ss" id="A_subsection">' "$OUT/html/clean.2.html"
	run scripts/render/verify.sh html "$LINT/clean.2" "$OUT/html/clean.2.html"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "html: the example program is there line for line, blank lines and indented lines kept" {
	local text=$BATS_TEST_TMPDIR/text
	html_text "$OUT/html/clean.2.html" >"$text"
	grep -qxF '	printf("%s\n", path);	/* one; two: three */' "$text"
	grep -qxF '   read(2), UFFDIO_API and /dev/userfaultfd stand as C has them. */' "$text"
	# The blank line after the includes (\& in the page) and the one in
	# main() (an empty line in the page) are in the HTML.
	grep -A1 -xF '#include <stdlib.h>' "$text" | tail -n 1 | grep -qx ''
	grep -A1 -xF '	const char *path = "/dev/userfaultfd";' "$text" | tail -n 1 | grep -qx ''
	# No extra line inside the comment that starts with blanks.
	grep -A1 -F '/* clean_demo.c:' "$text" | tail -n 1 | grep -qF 'read(2), UFFDIO_API'
	# The session: its command and output.
	grep -qxF '$ ./clean_demo' "$text"
}

@test "html: the pages link to each other, and to nothing outside the set" {
	grep -qF '<a class="Xr" href="clean_ioctl.2.html"><b>clean_ioctl</b>(2)</a>' "$OUT/html/clean.2.html"
	grep -qF '<a class="Xr" href="clean.2.html"><b>clean</b>(2)</a>' "$OUT/html/clean_ioctl.2.html"
	# read(2) is not one of ours: text, not a link.
	grep -qF '<b>read</b>(2)' "$OUT/html/clean.2.html"
	run grep -c 'href="read.2.html"' "$OUT/html/clean.2.html"
	[ "$output" = 0 ]
	# Every link to a page resolves to a file that was rendered.
	local href n=0
	while read -r href; do
		[ -f "$OUT/html/$href" ] || { echo "dangling link $href"; return 1; }
		n=$((n + 1))
	done < <(grep -ho 'href="[^"#]*\.html"' "$OUT/html/"*.html | sed 's/.*href="//; s/"$//' | sort -u)
	[ "$n" -eq 2 ]
}

@test "html: the index lists both pages with their NAME lines" {
	grep -qF '<a href="clean.2.html">clean(2)</a>' "$OUT/html/index.html"
	grep -qF '<a href="clean_ioctl.2.html">clean_ioctl(2)</a>' "$OUT/html/index.html"
	grep -qF '<dd>a fixture page that every lint passes</dd>' "$OUT/html/index.html"
}

@test "html: the stylesheet is in the page, mandoc's own is not, and nothing is loaded from outside" {
	grep -qF 'color-scheme: light dark;' "$OUT/html/clean.2.html"
	grep -qF '@media (prefers-color-scheme: dark)' "$OUT/html/clean.2.html"
	run grep -c 'td.head-vol, td.foot-date { text-align: center; }$' "$OUT/html/clean.2.html"
	[ "$output" = 1 ]
	# mandoc's embedded rules are gone (html.css has its own).
	run grep -cF 'td.head-rtitle, td.foot-os { text-align: right; }' "$OUT/html/clean.2.html"
	[ "$output" = 0 ]
	run grep -cE '<link|src=|@import|https?:' "$OUT/html/clean.2.html"
	[ "$output" = 0 ]
	grep -qF '<html lang="en">' "$OUT/html/clean.2.html"
}

@test "html: the footer in man(1)'s order: source, date, title" {
	run grep -A4 '<table class="foot">' "$OUT/html/clean.2.html"
	[ "$output" = '<table class="foot">
  <tr>
    <td class="foot-os">Linux man-pages (unreleased)</td>
    <td class="foot-date">2025-06-01</td>
    <td class="foot-title">clean(2)</td>' ]
}

@test "html: the empty paragraph mandoc sets before an indented example is dropped" {
	# The session of clean.2 is indented (.in +4n): mandoc gives
	# <p class="Pp"><br/></p> before its <pre>, a blank gap in the browser.
	run grep -c '<br/>' "$OUT/html/clean.2.html"
	[ "$output" = 0 ]
	grep -qF '<pre>$<b> ./clean_demo</b>' "$OUT/html/clean.2.html"
}

@test "html: the index says what the pages are, grouped: system call, overview of the operations, one page per operation" {
	local fix=tests/fixtures/render index=$BATS_TEST_TMPDIR/index.html
	scripts/render/index.sh "$index" "$fix/UFFDIO_FIXTURE.2const" "$LINT/clean.2" "$fix/ioctl_fixture.2"
	grep -qF 'THE USERFAULTFD MANUAL PAGES' "$index"
	# The groups in this order, each page under its group.
	run grep -oE 'THE SYSTEM CALL|OVERVIEW OF THE OPERATIONS|ONE PAGE PER OPERATION|href="[^"#]*\.html"' "$index"
	[ "$output" = 'THE SYSTEM CALL
href="clean.2.html"
OVERVIEW OF THE OPERATIONS
href="ioctl_fixture.2.html"
ONE PAGE PER OPERATION
href="UFFDIO_FIXTURE.2const.html"' ]
	# The title from .TH; the description from NAME, its macros read.
	grep -qF '<dt><a href="UFFDIO_FIXTURE.2const.html">UFFDIO_FIXTURE(2const)</a></dt>' "$index"
	grep -qF '<dd>a fixture operation on a userfaultfd file descriptor</dd>' "$index"
	grep -qF '<dd>the operations on a fixture file descriptor</dd>' "$index"
}

@test "html: an index of two system calls says so" {
	run grep -c 'THE SYSTEM CALLS' "$OUT/html/index.html"
	[ "$output" = 1 ]
}

@test "html: a page without a NAME section is an error naming it, and no index is written" {
	printf '.TH bad 2 2025-06-01 "Linux man-pages (unreleased)"\n.SH DESCRIPTION\nNothing.\n' >"$BATS_TEST_TMPDIR/bad.2"
	run scripts/render/index.sh "$BATS_TEST_TMPDIR/index.html" "$LINT/clean.2" "$BATS_TEST_TMPDIR/bad.2"
	[ "$status" -eq 1 ]
	[ "$output" = "$BATS_TEST_TMPDIR/bad.2:1: render-index: no NAME section" ]
	[ ! -e "$BATS_TEST_TMPDIR/index.html" ]
}

@test "html: a link to a 2const page resolves to its file name" {
	local fix=tests/fixtures/render
	scripts/render/html.sh "$BATS_TEST_TMPDIR/ioctl_fixture.2.html" "$fix/ioctl_fixture.2" "$fix/ioctl_fixture.2" "$fix/UFFDIO_FIXTURE.2const" "$LINT/clean.2"
	grep -qF '<a class="Xr" href="UFFDIO_FIXTURE.2const.html"><b>UFFDIO_FIXTURE</b>(2const)</a>' "$BATS_TEST_TMPDIR/ioctl_fixture.2.html"
}

@test "stamp: the .TH placeholders filled in, the page's last commit date and the project's version" {
	local page=tests/fixtures/render/UFFDIO_FIXTURE.2const
	scripts/render/stamp.sh "$page" "$BATS_TEST_TMPDIR/stamped"
	date=$(git log -1 --format=%cs -- "$page")
	version=$(git describe --tags --always --dirty)
	[ -n "$date" ]
	diff <(sed "s/^\.TH .*/.TH UFFDIO_FIXTURE 2const $date \"uffd-man $version\"/" "$page") "$BATS_TEST_TMPDIR/stamped"
}

@test "stamp: a .TH with a date and a source of its own keeps them" {
	scripts/render/stamp.sh "$LINT/clean_ioctl.2" "$BATS_TEST_TMPDIR/stamped"
	grep -qx '\.TH clean_ioctl 2 2025-06-01 "Linux man-pages 6.9"' "$BATS_TEST_TMPDIR/stamped"
	cmp "$LINT/clean_ioctl.2" "$BATS_TEST_TMPDIR/stamped"
}

@test "render-verify html catches a missing section and a damaged example" {
	sed '/id="ERRORS"/d' "$OUT/html/clean.2.html" >"$BATS_TEST_TMPDIR/nosection.html"
	run scripts/render/verify.sh html "$LINT/clean.2" "$BATS_TEST_TMPDIR/nosection.html"
	[ "$status" -eq 1 ]
	[ "$output" = "$LINT/clean.2:67: render-html: section \"ERRORS\" is not a heading of $BATS_TEST_TMPDIR/nosection.html" ]
	sed '/exit(EXIT_SUCCESS);/d' "$OUT/html/clean.2.html" >"$BATS_TEST_TMPDIR/noline.html"
	run scripts/render/verify.sh html "$LINT/clean.2" "$BATS_TEST_TMPDIR/noline.html"
	[ "$status" -eq 1 ]
	[ "$output" = "$LINT/clean.2:80: render-html: example clean_demo.c is not in $BATS_TEST_TMPDIR/noline.html as the page has it" ]
}

@test "render-verify html reads the example as man-pages writes it today, \\[rs] and \\[aq]" {
	local page=$BATS_TEST_TMPDIR/clean.2
	sed -e 's/\\e/\\[rs]/g' -e 's|/\* one; two: three \*/|/* it\\[aq]s one */|' "$LINT/clean.2" >"$page"
	grep -qF '\[rs]n' "$page"
	grep -qF '\[aq]s one' "$page"
	scripts/render/html.sh "$BATS_TEST_TMPDIR/clean.2.html" "$page"
	grep -qF "/* it's one */" "$BATS_TEST_TMPDIR/clean.2.html"
	run scripts/render/verify.sh html "$page" "$BATS_TEST_TMPDIR/clean.2.html"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "pdf: one document with a page per manual page at least, and each page's title and sections in its text" {
	run pdfinfo "$OUT/pdf/book.pdf"
	[ "$status" -eq 0 ]
	local pages
	pages=$(printf '%s\n' "$output" | awk '$1 == "Pages:" { print $2 }')
	[ "$pages" -ge 2 ]
	pdftotext -layout "$OUT/pdf/book.pdf" "$BATS_TEST_TMPDIR/book.txt"
	grep -qF 'clean(2)' "$BATS_TEST_TMPDIR/book.txt"
	grep -qF 'clean_ioctl(2)' "$BATS_TEST_TMPDIR/book.txt"
	grep -q '^ *NAME *$' "$BATS_TEST_TMPDIR/book.txt"
	grep -qF 'a fixture page that every lint passes' "$BATS_TEST_TMPDIR/book.txt"
	run scripts/render/verify.sh pdf "$OUT/pdf/book.pdf" "$LINT/clean.2" "$LINT/clean_ioctl.2"
	[ "$status" -eq 0 ]
}

@test "render-verify pdf catches a page missing from the PDF" {
	scripts/render/pdf.sh "$BATS_TEST_TMPDIR/one.pdf" "$LINT/clean_ioctl.2"
	run scripts/render/verify.sh pdf "$BATS_TEST_TMPDIR/one.pdf" "$LINT/clean.2" "$LINT/clean_ioctl.2"
	[ "$status" -eq 1 ]
	[[ "$output" == *"$LINT/clean.2:1: render-pdf: the title clean(2) is not in $BATS_TEST_TMPDIR/one.pdf"* ]]
}

@test "man: the page as man(1) shows it, every section there, no line over 80 columns" {
	grep -qx 'NAME' "$OUT/man/clean.2.txt"
	grep -qx 'SEE ALSO' "$OUT/man/clean.2.txt"
	grep -qF 'clean - a fixture page that every lint passes' "$OUT/man/clean.2.txt"
	[ "$(LC_ALL=C.UTF-8 awk 'length > 80' "$OUT/man/clean.2.txt" | wc -l)" -eq 0 ]
	run scripts/render/verify.sh man "$LINT/clean.2" "$OUT/man/clean.2.txt"
	[ "$status" -eq 0 ]
}

@test "the real pages render, and every rendering holds what the page holds" {
	local pages page
	pages=$(ls man2/*.2 man2const/*.2const 2>/dev/null) || skip "no pages in man2/ yet"
	for page in $pages; do
		# shellcheck disable=SC2086 # one word per page
		scripts/render/html.sh "$BATS_TEST_TMPDIR/${page##*/}.html" "$page" $pages
		scripts/render/verify.sh html "$page" "$BATS_TEST_TMPDIR/${page##*/}.html"
		scripts/render/man.sh "$BATS_TEST_TMPDIR/${page##*/}.txt" "$page"
		scripts/render/verify.sh man "$page" "$BATS_TEST_TMPDIR/${page##*/}.txt"
	done
	# shellcheck disable=SC2086 # one word per page
	scripts/render/pdf.sh "$BATS_TEST_TMPDIR/book.pdf" $pages
	# shellcheck disable=SC2086 # one word per page
	scripts/render/verify.sh pdf "$BATS_TEST_TMPDIR/book.pdf" $pages
}
