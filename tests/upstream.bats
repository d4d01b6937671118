#!/usr/bin/env bats
# make upstream and make upstream-check: the pages as a man-pages patch
# series, and the series tried on a man-pages tree.  Two stand-in pages,
# with every marker, play the real ones (tests/fixtures/upstream/pages,
# with a .2const page for the tests that send one); a small tree with
# man-pages' layout and target names plays man-pages
# (tests/fixtures/upstream/manpages, made a git repository here); a
# correction, a commits file and two claim programs play the project's
# (tests/fixtures/upstream/corrections, commits, claims); stand-in
# clang-tidy programs play a tool that passes, one too old for man-pages'
# options and one that finds a fault (tests/fixtures/upstream/tools).

bats_require_minimum_version 1.5.0

load helper

UP=$ROOT/tests/fixtures/upstream

# One project, built once: the pipeline's results are what make upstream
# waits for.  Each test works on a copy of it.
setup_file() {
	local p=$BATS_FILE_TMPDIR/proj
	mkdir -p "$p/man2"
	cp -R "$ROOT/Makefile" "$ROOT/scripts" "$p/"
	cp "$UP/CHANGES" "$p/"
	cp "$UP/pages/userfaultfd.2" "$UP/pages/ioctl_userfaultfd.2" "$p/man2/"
	# The fixture's corrections, commits and claims in place of the real.
	rm -rf "$p/scripts/upstream/corrections"
	cp -R "$UP/corrections" "$p/scripts/upstream/corrections"
	cp "$UP/commits" "$p/scripts/upstream/commits"
	mkdir -p "$p/tests"
	cp -R "$UP/claims" "$p/tests/claims"
	make --no-print-directory -s -C "$p" compile results >"$BATS_FILE_TMPDIR/results.log" 2>&1 || {
		cat "$BATS_FILE_TMPDIR/results.log" >&3
		return 1
	}
}

setup() {
	P=$BATS_TEST_TMPDIR/proj
	cp -a "$BATS_FILE_TMPDIR/proj" "$P"
	# A git of our own: this identity, no other configuration.
	export HOME=$BATS_TEST_TMPDIR/home XDG_CONFIG_HOME=$BATS_TEST_TMPDIR/home/.config
	export GIT_CONFIG_NOSYSTEM=1
	unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL EMAIL
	mkdir -p "$HOME"
	printf '[user]\n\tname = Test Sender\n\temail = sender@example.org\n' >"$HOME/.gitconfig"
	# man-pages' clang-tidy step runs a stand-in that passes.
	export CLANG_TIDY=$UP/tools/clang-tidy-ok
}

mk() {
	make --no-print-directory -C "$P" "$@"
}

# manpages_tree DIR [no-makefile]: the fixture tree as a git repository.
manpages_tree() {
	cp -R "$UP/manpages" "$1"
	[ "${2:-}" != no-makefile ] || rm "$1/GNUmakefile"
	git -C "$1" init -q
	git -C "$1" add -A
	git -C "$1" -c user.name=fixture -c user.email=fixture@invalid commit -q -m "fixture base"
}

@test "make upstream writes a cover letter and one patch per page" {
	run mk upstream
	echo "$output"
	[ "$status" -eq 0 ]
	run ls "$P/build/upstream"
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[0]}" = 0000-cover-letter.patch ]
	[[ "${lines[1]}" == 0001-man-man2-userfaultfd.2-*.patch ]]
	[[ "${lines[2]}" == 0002-man-man2-ioctl_userfaultfd.2-*.patch ]]
}

@test "each patch has a man-pages subject, its page's text from CHANGES, and a Signed-off-by" {
	mk upstream
	cd "$P/build/upstream"
	grep -qx 'Subject: \[PATCH 1/2\] man/man2/userfaultfd.2: Describe the stand-in system call' 0001-*.patch
	grep -qx 'Subject: \[PATCH 2/2\] man/man2/ioctl_userfaultfd.2: Add page' 0002-*.patch
	grep -qx 'A second line that goes into the body only, and a third.' 0001-*.patch
	grep -qx 'EBUSY, and an example that needs a feature that no kernel has; this' 0002-*.patch
	run ! grep -q 'EBUSY' 0001-*.patch
	run ! grep -q 'names no page' 0001-*.patch 0002-*.patch
	for p in 0001-*.patch 0002-*.patch; do
		grep -qx 'Signed-off-by: Test Sender <sender@example.org>' "$p"
		grep -qx 'From: Test Sender <sender@example.org>' "$p"
		grep -q '^To: Alejandro Colomar <alx@kernel.org>$' "$p"
		grep -q '^Cc: linux-man@vger.kernel.org,$' "$p"
	done
	# Each patch adds its page only, at man-pages' place.
	[ "$(grep -c '^+++ b/' 0001-*.patch)" -eq 1 ]
	[ "$(grep -c '^+++ b/' 0002-*.patch)" -eq 1 ]
	grep -qx '+++ b/man/man2/userfaultfd.2' 0001-*.patch
	grep -qx '+++ b/man/man2/ioctl_userfaultfd.2' 0002-*.patch
}

@test "the cover letter tells what each example verifies and on which kernel it ran" {
	mk upstream
	local c=$P/build/upstream/0000-cover-letter.patch r
	# The kernel's own word, not what the code under test read.
	r=$(uname -r)
	[ -n "$r" ]
	cat "$c"
	run ! grep -q '\*\*\*' "$c"
	grep -qx 'Subject: \[PATCH 0/2\] userfaultfd.2, ioctl_userfaultfd.2: examples compiled and run' "$c"
	grep -qx '    fixture_count.c' "$c"
	grep -qx '        runs:    ./fixture_count 3' "$c"
	grep -q 'the 2 lines of$' "$c"
	grep -qx "        result:  passed on Linux $r, as built" "$c"
	grep -qx '        needs:   UFFD_FEATURE_NO_KERNEL_HAS_THIS' "$c"
	grep -qx "        result:  skipped on Linux $r:" "$c"
	grep -qx '    compiled only (no session shown): fixture_quiet.c' "$c"
	grep -q "^Run on Linux $r only" "$c"
}

@test "a kernel matrix, where there is one, goes into the cover letter as it is" {
	mkdir -p "$P/build/kernels"
	printf 'kernel   fixture_count  fixture_skip\n6.1.0    PASS           SKIP\n6.18     PASS           SKIP\n' \
		>"$P/build/kernels/matrix.txt"
	mk upstream
	local c=$P/build/upstream/0000-cover-letter.patch
	grep -qx 'kernel   fixture_count  fixture_skip' "$c"
	grep -qx '6.1.0    PASS           SKIP' "$c"
	run ! grep -q '^Run on Linux' "$c"
}

@test "the pages sent carry no uffd-man marker, keep SRC, and render byte for byte as ours" {
	mk upstream
	local g=$BATS_TEST_TMPDIR/applied
	git init -q "$g"
	git -C "$g" am -q "$P"/build/upstream/000[1-9]-*.patch
	for name in userfaultfd.2 ioctl_userfaultfd.2; do
		local ours=$P/man2/$name sent=$g/man/man2/$name
		[ -f "$sent" ]
		run ! grep -E '^\.\\" (RUN BEGIN|RUN END|VARY|CHECK|NOCHECK|NOCLAIM|SINCE)' "$sent"
		[ "$(grep -c '^\.\\" SRC BEGIN (' "$sent")" -eq "$(grep -c '^\.\\" SRC BEGIN (' "$ours")" ]
		[ "$(grep -c '^\.\\" SRC END$' "$sent")" -eq "$(grep -c '^\.\\" SRC END$' "$ours")" ]
		cmp <(mandoc -Tutf8 "$ours") <(mandoc -Tutf8 "$sent")
		cmp <(groff -man -Tutf8 "$ours" 2>/dev/null) <(groff -man -Tutf8 "$sent" 2>/dev/null)
	done
}

@test "upstream-strip removes exactly uffd-man's markers, and nothing else" {
	run upstream-strip "$UP/pages/userfaultfd.2"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/stripped"
	run diff "$UP/pages/userfaultfd.2" "$BATS_TEST_TMPDIR/stripped"
	echo "$output"
	[ "$(printf '%s\n' "$output" | grep -c '^<')" -eq 7 ]
	[ "$(printf '%s\n' "$output" | grep -c '^>')" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep '^<' | grep -c -v -E '^< \.\\" (RUN BEGIN|RUN END|VARY|CHECK|NOCHECK|NOCLAIM|SINCE) ?')" -eq 0 ]
}

@test "upstream-strip refuses, writing nothing, when the rendering would change" {
	printf '.TH t 2 2026-01-01 x\n.SH NAME\nt \\- t\n.SH DESCRIPTION\nSome text \\\n.\\" SINCE X 1.0\nmore text.\n' \
		>"$BATS_TEST_TMPDIR/t.2"
	run upstream-strip "$BATS_TEST_TMPDIR/t.2" "$BATS_TEST_TMPDIR/out.2"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"t.2: without uffd-man's markers it would render differently"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/out.2" ]
}

@test "make upstream refuses when an example fails, and says which" {
	sed -i 's/^counted to 3$/counted to 4/' "$P/man2/userfaultfd.2"
	run mk upstream
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"refusing to make the series"* ]]
	[[ "$output" == *"FAIL man2/userfaultfd.2:"*"fixture_count: output differs from the page"* ]]
	[ ! -e "$P/build/upstream" ]
}

@test "without a git identity, make upstream fails and says how to set one" {
	rm "$HOME/.gitconfig"
	run mk upstream
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"git has no identity (user.name and user.email)"* ]]
	[[ "$output" == *"git config --global user.email"* ]]
	[ ! -e "$P/build/upstream" ]
}

@test "a page that CHANGES does not name fails make upstream, naming it" {
	awk '/^ioctl_userfaultfd.2$/ { skip = 1; next } skip && /^    / { next } { skip = 0; print }' \
		"$UP/CHANGES" >"$P/CHANGES"
	run mk upstream
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"CHANGES: no entry names ioctl_userfaultfd.2"* ]]
	[ ! -e "$P/build/upstream" ]
}

@test "MANPAGES that is not a git checkout fails clearly" {
	mkdir "$BATS_TEST_TMPDIR/plain"
	run mk upstream MANPAGES="$BATS_TEST_TMPDIR/plain"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"MANPAGES=$BATS_TEST_TMPDIR/plain: not a git checkout"* ]]
	[ ! -e "$P/build/upstream" ]
	mk upstream
	run upstream-check "$BATS_TEST_TMPDIR/plain" "$P/build/upstream" userfaultfd.2
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"not a git checkout"* ]]
	run mk upstream MANPAGES="$BATS_TEST_TMPDIR/nowhere"
	[ "$status" -ne 0 ]
	[[ "$output" == *"MANPAGES=$BATS_TEST_TMPDIR/nowhere: no such directory"* ]]
}

@test "with MANPAGES the series is based on its HEAD and replaces the page it has" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	mk upstream MANPAGES="$m"
	cd "$P/build/upstream"
	grep -qx "base-commit: $(git -C "$m" rev-parse HEAD)" 0000-cover-letter.patch
	grep -q '^    man/man2/userfaultfd.2 *replaced$' 0000-cover-letter.patch
	grep -q '^    man/man2/ioctl_userfaultfd.2 *new$' 0000-cover-letter.patch
	grep -qx -- '--- a/man/man2/userfaultfd.2' 0002-*.patch
	grep -qx 'new file mode 100644' 0003-*.patch
	grep -qx 'Subject: \[PATCH 2/3\] man/man2/userfaultfd.2: Describe the stand-in system call' 0002-*.patch
}

@test "make upstream-check applies the series to a clone and runs the tree's own lint and example build" {
	local m=$BATS_TEST_TMPDIR/man-pages head
	manpages_tree "$m"
	head=$(git -C "$m" rev-parse HEAD)
	run mk upstream-check MANPAGES="$m"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"PASS upstream-check: git am applies the 3 patches to ${head:0:8}"* ]]
	for t in userfaultfd.2.lint-man.mandoc.touch userfaultfd.2.lint-man.groff.touch \
		ioctl_userfaultfd.2.lint-man.mandoc.touch userfaultfd.2.d/fixture_count \
		ioctl_userfaultfd.2.d/fixture_skip ioctl_userfaultfd.2.d/fixture_quiet; do
		[[ "$output" == *"PASS man/man2/${t%%.2*}.2: "*": make -R .tmp/man/man2/$t"* ]]
	done
	[[ "$output" != *"intro.2"* ]]
	# git am; 2 lint-man, check-catman each of 3 pages; 3 programs built and linted.
	[[ "$output" == *"16 passed, 0 failed, 0 skipped"* ]]
	# The checkout given is only read.
	[ "$(git -C "$m" rev-parse HEAD)" = "$head" ]
	[ -z "$(git -C "$m" status --porcelain --ignored)" ]
}

@test "make upstream-check fails at the tree's lint when a page does not pass it" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	# Renders (our pipeline does not mind), but mandoc warns of it.
	sed -i 's/^A flag that the kernel does not know was given\.$/&\n.B/' "$P/man2/userfaultfd.2"
	run mk upstream-check MANPAGES="$m"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"FAIL man/man2/userfaultfd.2: lint-man: make -R .tmp/man/man2/userfaultfd.2.lint-man.mandoc.touch"* ]]
	[[ "$output" == *"WARNING: line scope broken"* ]]
	[[ "$output" == *"PASS man/man2/ioctl_userfaultfd.2: lint-man: "* ]]
}

@test "where the tree has no such targets, mandoc, groff and a compiler check the pages" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m" no-makefile
	run mk upstream-check MANPAGES="$m"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"PASS man/man2/userfaultfd.2: mandoc -Tlint -Wwarning (the tree has no lint-man target for it)"* ]]
	[[ "$output" == *"PASS man/man2/userfaultfd.2: groff -man -ww (the tree has no lint-man target for it)"* ]]
	[[ "$output" == *"PASS man/man2/userfaultfd.2: fixture_count.c compiles (the tree has no build-ex target for it)"* ]]
	[[ "$output" == *"PASS man/man2/ioctl_userfaultfd.2: fixture_quiet.c compiles"* ]]
	[[ "$output" == *"PASS man/man2const/UFFDIO_FIXTURE.2const: mandoc -Tlint -Wwarning (the tree has no lint-man target for it)"* ]]
	[[ "$output" == *"10 passed, 0 failed, 0 skipped"* ]]
}

@test "a series that does not apply is a FAIL, with git am's words" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	mk upstream # without MANPAGES: it creates userfaultfd.2, which the tree has
	run upstream-check "$m" "$P/build/upstream" userfaultfd.2 ioctl_userfaultfd.2
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"note: the series was made without a man-pages base"* ]]
	[[ "$output" == *"FAIL upstream-check: git am does not apply the series"* ]]
	[[ "$output" == *"man/man2/userfaultfd.2: already exists"* ]]
	[ "${lines[-1]}" = "0 passed, 1 failed, 0 skipped" ]
}

@test "make upstream-check without MANPAGES says it skips" {
	run mk upstream-check
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"SKIP upstream-check: no man-pages checkout given"* ]]
	[ "${lines[-1]}" = "0 passed, 0 failed, 1 skipped" ]
}

# subject_of PATCH: its Subject: header, unfolded.
subject_of() {
	awk '/^Subject: / { s = $0; while ((getline l) > 0 && l ~ /^[ \t]/) s = s l; print s; exit }' "$1"
}

# with_fixture_const: the project sends the stand-in .2const page too.
with_fixture_const() {
	mkdir -p "$P/man2const" "$P/build/UFFDIO_FIXTURE.2const"
	cp "$UP/pages/UFFDIO_FIXTURE.2const" "$P/man2const/"
	PAGES3="man2/userfaultfd.2 man2/ioctl_userfaultfd.2 man2const/UFFDIO_FIXTURE.2const"
}

@test "with MANPAGES the corrections come first, one patch each, on upstream's own text" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	mk upstream MANPAGES="$m"
	cd "$P/build/upstream"
	[ "$(subject_of 0001-*.patch)" = 'Subject: [PATCH 1/3] man/man2const/UFFDIO_FIXTURE.2const: DESCRIPTION: A second call fails' ]
	[ "$(grep -c '^+++ b/' 0001-*.patch)" -eq 1 ]
	grep -qx -- '-A second call is explicitly allowed.' 0001-*.patch
	grep -qx '+A second call fails.' 0001-*.patch
	# The page patches come after it.
	[[ "$(subject_of 0002-*.patch)" == 'Subject: [PATCH 2/3] man/man2/userfaultfd.2: '* ]]
}

@test "a correction's message says what its claim showed, cites its kernel commits, and carries its Fixes: and Cc:" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	mk upstream MANPAGES="$m"
	local c
	c=$(echo "$P"/build/upstream/0001-*.patch)
	cat "$c"
	grep -qx 'The page says that a second call is allowed.  The fixture kernel refuses' "$c"
	grep -q "^Checked on Linux .* by uffd-man's$" "$c"
	grep -qx 'tests/claims/fixture-holds.c: the fixture claim holds.' "$c"
	grep -qx -- '- linux.git 0123456789ab ("fixture: refuse a second call"), Linux 4.3' "$c"
	grep -qx 'Fixes: 0123456789ab ("UFFDIO_FIXTURE.2const: Allow a second call")' "$c"
	grep -qx 'Cc: Fixture Author <author@example.org>' "$c"
}

@test "a correction whose claim does not hold refuses the series, naming both" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	sed -i 's/^# claims: fixture-holds$/# claims: fixture-contradicted/' \
		"$P/scripts/upstream/corrections/01-fixture-second-call.sed"
	run mk upstream MANPAGES="$m"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"refusing to make the series: 01-fixture-second-call.sed: the claim fixture-contradicted does not hold here"* ]]
	[[ "$output" == *"the fixture claim is contradicted"* ]]
	[ ! -e "$P/build/upstream" ]
}

@test "a correction that no longer changes its page fails, naming it" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	sed -i 's/^A second call is explicitly allowed\.$/A second call fails./' "$m/man/man2const/UFFDIO_FIXTURE.2const"
	git -C "$m" -c user.name=fixture -c user.email=fixture@invalid commit -q -am "fixed upstream"
	run mk upstream MANPAGES="$m"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"01-fixture-second-call.sed: it no longer changes man/man2const/UFFDIO_FIXTURE.2const (upstream changed that text)"* ]]
	[ ! -e "$P/build/upstream" ]
}

@test "a page's patch cites the kernel commit of each fact that its added lines state, and only those" {
	mk upstream
	cd "$P/build/upstream"
	grep -qx 'The kernel commits behind the facts it states:' 0001-*.patch
	grep -qx -- '- linux.git 1234567890ab ("fixture: the stand-in system call"),' 0001-*.patch
	grep -qx -- '  Linux 2.0' 0001-*.patch
	run ! grep -q 'abcdef012345' 0001-*.patch
	run ! grep -q 'linux.git' 0002-*.patch
}

@test "a page's patch names the \"since\" versions that it corrects" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	with_fixture_const
	mk upstream MANPAGES="$m" UPSTREAM_PAGES="$PAGES3"
	local c
	c=$(echo "$P"/build/upstream/0004-*.patch)
	cat "$c"
	[[ "$(subject_of "$c")" == 'Subject: [PATCH 4/4] man/man2const/UFFDIO_FIXTURE.2const: '* ]]
	grep -qx 'Versions it corrects (the first release with each):' "$c"
	grep -qx -- '- UFFD_FEATURE_FIXTURE: 1.0, not 9.9' "$c"
	grep -qx -- '- linux.git abcdef012345 ("fixture: add UFFD_FEATURE_FIXTURE"),' "$c"
	grep -qx -- '  Linux 1.0' "$c"
}

@test "a .2const page goes to man/man2const/ in the series" {
	with_fixture_const
	mk upstream UPSTREAM_PAGES="$PAGES3"
	cd "$P/build/upstream"
	grep -qx '+++ b/man/man2const/UFFDIO_FIXTURE.2const' 0003-*.patch
	[ "$(subject_of 0003-*.patch)" = 'Subject: [PATCH 3/3] man/man2const/UFFDIO_FIXTURE.2const: New page for the stand-in operation' ]
	run ! grep -q 'NOCLAIM\|SINCE' 0003-*.patch
}

@test "a page whose patch would be over the limit goes in parts, a section each, which make the page" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	# 4 KB of each patch go to the message: about 600 bytes of diff.
	mk upstream MANPAGES="$m" UPSTREAM_MAX_BYTES=4700
	cd "$P/build/upstream"
	ls
	# userfaultfd.2: its sections, one patch each, in the page's order.
	for p in 0*.patch; do subject_of "$p"; done >"$BATS_TEST_TMPDIR/subjects"
	cat "$BATS_TEST_TMPDIR/subjects"
	grep -q '^Subject: \[PATCH [0-9]*/[0-9]*\] man/man2/userfaultfd.2: NAME: Update the section$' "$BATS_TEST_TMPDIR/subjects"
	grep -q '^Subject: \[PATCH [0-9]*/[0-9]*\] man/man2/userfaultfd.2: SYNOPSIS: Add the section$' "$BATS_TEST_TMPDIR/subjects"
	grep -q '^Subject: \[PATCH [0-9]*/[0-9]*\] man/man2/userfaultfd.2: EXAMPLES: ' "$BATS_TEST_TMPDIR/subjects"
	grep -q '^Part 2 of [0-9]* of the change to this page' 000*.patch
	for p in 0*.patch; do
		[ "$(wc -c <"$p")" -le 4700 ] || [[ $p == *cover-letter* ]]
	done
	# Applied in order, they give the page.
	local patches=()
	for p in "$P"/build/upstream/*.patch; do
		[[ $p == *cover-letter* ]] || patches+=("$p")
	done
	git -C "$m" -c user.name=t -c user.email=t@invalid am -q "${patches[@]}"
	upstream-strip "$P/man2/userfaultfd.2" "$BATS_TEST_TMPDIR/ours.2"
	cmp "$BATS_TEST_TMPDIR/ours.2" "$m/man/man2/userfaultfd.2"
}

@test "upstream-steps refuses a part that alone is over the limit, naming it" {
	run upstream-steps /dev/null "$UP/pages/userfaultfd.2" 350 "$BATS_TEST_TMPDIR/steps"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *'userfaultfd.2: "EXAMPLES" alone makes a diff of '*' bytes, over the limit of 350: split it in the page'* ]]
	[ ! -e "$BATS_TEST_TMPDIR/steps/1" ]
}

@test "no line of a message's body is over 72 columns, trailers aside" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	mk upstream MANPAGES="$m"
	for p in "$P"/build/upstream/000[1-9]-*.patch; do
		awk '/^$/ && !body { body = 1; next } /^---$/ { exit } body && length($0) > 72 &&
			!/^(Fixes|Cc|Signed-off-by): / { print FILENAME ": " $0; bad = 1 } END { exit bad }' "$p"
	done
}

@test "the patches are sent to man-pages' maintainer and Cc'd to the userfaultfd maintainers, linux-mm, linux-api and linux-man" {
	mk upstream
	local c
	c=$(echo "$P"/build/upstream/0001-*.patch)
	grep -qx 'To: Alejandro Colomar <alx@kernel.org>' "$c"
	sed -n '/^Cc:/,/^$/p' "$c" >"$BATS_TEST_TMPDIR/cc"
	cat "$BATS_TEST_TMPDIR/cc"
	for a in 'linux-man@vger.kernel.org' 'Andrew Morton <akpm@linux-foundation.org>' \
		'Peter Xu <peterx@redhat.com>' 'linux-mm@kvack.org' 'linux-api@vger.kernel.org'; do
		grep -qF "$a" "$BATS_TEST_TMPDIR/cc"
	done
}

@test "-v N with a previous series makes [PATCH vN] and a range-diff against that series" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	mk upstream MANPAGES="$m"
	cp -R "$P/build/upstream" "$BATS_TEST_TMPDIR/v1"
	sed -i 's/^it carries every comment that uffd-man.s tools read\.$/it carries every comment that the tools read./' "$P/man2/userfaultfd.2"
	mk upstream MANPAGES="$m" UPSTREAM_REROLL=2 UPSTREAM_PREVIOUS="$BATS_TEST_TMPDIR/v1"
	local c=$P/build/upstream/v2-0000-cover-letter.patch
	grep -q '^Subject: \[PATCH v2 0/3\] ' "$c"
	grep -qx 'Range-diff against v1:' "$c"
	grep -q '^1:  [0-9a-f]* = 1:  [0-9a-f]* man/man2const/UFFDIO_FIXTURE.2const: ' "$c"
	grep -q '^2:  [0-9a-f]* ! 2:  [0-9a-f]* man/man2/userfaultfd.2: ' "$c"
}

@test "a previous series that is neither patches nor a range fails clearly" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	run mk upstream MANPAGES="$m" UPSTREAM_PREVIOUS=nothing-like-it
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"-p nothing-like-it: neither a directory of patches nor a range A..B"* ]]
	[ ! -e "$P/build/upstream" ]
}

@test "the kernel matrix's summary, where there is one, goes into the cover letter in place of the matrix" {
	mkdir -p "$P/build/kernels"
	printf 'matrix line\n' >"$P/build/kernels/matrix.txt"
	printf '12 kernels, 2 architectures: 24 cells, 480 passed\n' >"$P/build/kernels/summary.txt"
	mk upstream
	local c=$P/build/upstream/0000-cover-letter.patch
	grep -qx '12 kernels, 2 architectures: 24 cells, 480 passed' "$c"
	run ! grep -q 'matrix line' "$c"
}

@test "the cover letter lists the family's pages that no patch replaces" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	mk upstream MANPAGES="$m"
	local c=$P/build/upstream/0000-cover-letter.patch
	grep -qx 'Pages of the userfaultfd family that no patch replaces (the' "$c"
	grep -qx '    man/man2const/UFFDIO_FIXTURE.2const' "$c"
	run ! grep -qx '    man/man2/userfaultfd.2' "$c"
}

@test "make upstream-check checks every page the series touches, the corrected ones too" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	run mk upstream-check MANPAGES="$m"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"PASS man/man2const/UFFDIO_FIXTURE.2const: lint-man: make -R .tmp/man/man2const/UFFDIO_FIXTURE.2const.lint-man.mandoc.touch"* ]]
	[[ "$output" == *"PASS man/man2const/UFFDIO_FIXTURE.2const: check-catman: make -R .tmp/man/man2const/UFFDIO_FIXTURE.2const.check-catman.touch"* ]]
	[[ "$output" == *"PASS man/man2/userfaultfd.2: lint-c-clang-tidy: make -R .tmp/man/man2/userfaultfd.2.d/fixture_count.c.lint-c.clang-tidy.touch"* ]]
}

@test "make upstream-check skips a lint-c step whose tool is too old for man-pages' options, with the tool's words" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	CLANG_TIDY=$UP/tools/clang-tidy-old run mk upstream-check MANPAGES="$m"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"SKIP man/man2/userfaultfd.2: lint-c-clang-tidy: make -R .tmp/man/man2/userfaultfd.2.d/fixture_count.c.lint-c.clang-tidy.touch: Fixture LLVM version 1.0 is too old for man-pages' configuration: error: unknown warning option '-Wno-fixture-new-warning'"* ]]
	[[ "${lines[-1]}" == *" 0 failed, 3 skipped" ]]
}

@test "make upstream-check fails a lint-c step that finds a fault" {
	local m=$BATS_TEST_TMPDIR/man-pages
	manpages_tree "$m"
	CLANG_TIDY=$UP/tools/clang-tidy-finds run mk upstream-check MANPAGES="$m"
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"FAIL man/man2/userfaultfd.2: lint-c-clang-tidy: "* ]]
	[[ "$output" == *"warning: a fault the fixture finds [fixture-check]"* ]]
}

@test "the upstreaming scripts are shellcheck-clean" {
	command -v shellcheck >/dev/null || skip "shellcheck is not installed"
	shellcheck "$ROOT"/scripts/upstream/*.sh
}
