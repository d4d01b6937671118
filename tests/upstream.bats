#!/usr/bin/env bats
# make upstream and make upstream-check: the pages as a man-pages patch
# series, and the series tried on a man-pages tree.  Two stand-in pages,
# with every marker, play the real ones (tests/fixtures/upstream/pages);
# a small tree with man-pages' layout and target names plays man-pages
# (tests/fixtures/upstream/manpages, made a git repository here).

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
	grep -qx 'A second line that goes into the body only,' 0001-*.patch
	grep -qx 'EBUSY, and an example that needs a feature that no kernel has; this' 0002-*.patch
	run ! grep -q 'EBUSY' 0001-*.patch
	run ! grep -q 'names no page' 0001-*.patch 0002-*.patch
	for p in 0001-*.patch 0002-*.patch; do
		grep -qx 'Signed-off-by: Test Sender <sender@example.org>' "$p"
		grep -qx 'From: Test Sender <sender@example.org>' "$p"
		grep -q '^To: Alejandro Colomar <alx@kernel.org>$' "$p"
		grep -q '^Cc: linux-man@vger.kernel.org$' "$p"
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
		run ! grep -E '^\.\\" (RUN BEGIN|RUN END|VARY|CHECK|NOCHECK|SINCE)' "$sent"
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
	[ "$(printf '%s\n' "$output" | grep -c '^<')" -eq 6 ]
	[ "$(printf '%s\n' "$output" | grep -c '^>')" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep '^<' | grep -c -v -E '^< \.\\" (RUN BEGIN|RUN END|VARY|CHECK|NOCHECK|SINCE) ?')" -eq 0 ]
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
	grep -qx -- '--- a/man/man2/userfaultfd.2' 0001-*.patch
	grep -qx 'new file mode 100644' 0002-*.patch
	grep -qx 'Subject: \[PATCH 1/2\] man/man2/userfaultfd.2: Describe the stand-in system call' 0001-*.patch
}

@test "make upstream-check applies the series to a clone and runs the tree's own lint and example build" {
	local m=$BATS_TEST_TMPDIR/man-pages head
	manpages_tree "$m"
	head=$(git -C "$m" rev-parse HEAD)
	run mk upstream-check MANPAGES="$m"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"PASS upstream-check: git am applies the 2 patches to ${head:0:8}"* ]]
	for t in userfaultfd.2.lint-man.mandoc.touch userfaultfd.2.lint-man.groff.touch \
		ioctl_userfaultfd.2.lint-man.mandoc.touch userfaultfd.2.d/fixture_count \
		ioctl_userfaultfd.2.d/fixture_skip ioctl_userfaultfd.2.d/fixture_quiet; do
		[[ "$output" == *"PASS man/man2/${t%%.2*}.2: "*": make -R .tmp/man/man2/$t"* ]]
	done
	[[ "$output" != *"intro.2"* ]]
	[[ "$output" == *"8 passed, 0 failed, 0 skipped"* ]]
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
	[[ "$output" == *"8 passed, 0 failed, 0 skipped"* ]]
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

@test "the upstreaming scripts are shellcheck-clean" {
	command -v shellcheck >/dev/null || skip "shellcheck is not installed"
	shellcheck "$ROOT"/scripts/upstream/*.sh
}
