#!/usr/bin/env bats
# The Makefile: the main job's wiring, its dependencies and install.

load helper

# check.sh: builds in the tree (it runs make or the tools in the source
# tree itself), so it runs apart from the suites that run beside each other.

# A project of two fixture pages, built in its own directory.
setup() {
	P=$BATS_TEST_TMPDIR/proj
	mkdir -p "$P/man2"
	cp -R "$ROOT/Makefile" "$ROOT/scripts" "$P/"
	cp "$ROOT/tests/fixtures/make/alpha.2" "$ROOT/tests/fixtures/make/beta.2" "$P/man2/"
}

mk() {
	make --no-print-directory -C "$P" "$@"
}

@test "make runs every session and prints a line each and the summary" {
	run mk results
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"PASS man2/alpha.2: greet_alpha"* ]]
	[[ "$output" == *"PASS man2/beta.2: greet_beta"* ]]
	[ "${lines[-1]}" = "2 passed, 0 failed, 0 skipped" ]
}

@test "a page that lies fails make at its line" {
	sed -i 's/^hello, world, from alpha$/hello, moon, from alpha/' "$P/man2/alpha.2"
	run mk results
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"FAIL man2/alpha.2:11: greet_alpha: output differs from the page"* ]]
	[ "${lines[-1]}" = "1 passed, 1 failed, 0 skipped" ] ||
		[[ "$output" == *"1 passed, 1 failed, 0 skipped"* ]]
}

@test "a second make runs no command and rewrites nothing" {
	mk results
	touch "$BATS_TEST_TMPDIR/after-first-make"
	run mk V=1 results
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep -c -v -E '^(PASS|[0-9]+ passed)')" -eq 0 ]
	[ -z "$(find "$P/build" -type f -newer "$BATS_TEST_TMPDIR/after-first-make")" ]
}

@test "touching one page re-extracts that page only, and rebuilds nothing" {
	mk results
	touch "$P/man2/alpha.2"
	run mk V=1 results
	echo "$output"
	[[ "$output" == *"build/page extract man2/alpha.2 build/alpha.2"* ]]
	[[ "$output" != *"man2/beta.2 build"* ]]
	[[ "$output" != *"scripts/run/compile.sh"* ]]
}

@test "changing one page's program rebuilds that program only" {
	mk results
	sed -i 's/hello, %s/hello,  %s/' "$P/man2/beta.2"
	run mk V=1 results
	echo "$output"
	[[ "$output" == *"scripts/run/compile.sh gcc build/beta.2/greet_beta.gcc"* ]]
	[[ "$output" != *"build/alpha.2/greet_alpha.gcc"* ]]
	[[ "$output" == *"FAIL man2/beta.2"* ]]
}

@test "make -j2 gives what make -j1 gives" {
	run mk -j2 results
	[ "$status" -eq 0 ]
	local parallel=$output
	mk clean
	run mk -j1 results
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$parallel" | grep -E '^(PASS|FAIL|SKIP|[0-9]+ passed)')" = \
	  "$(printf '%s\n' "$output" | grep -E '^(PASS|FAIL|SKIP|[0-9]+ passed)')" ]
}

@test "a program that does not compile stops make at the page's line" {
	sed -i 's/argc > 1/argc >/' "$P/man2/alpha.2"
	run mk results
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"man2/alpha.2:23:"*"error"* ]]
}

@test "examples/ must hold the programs as extracted" {
	run mk examples-check
	[ "$status" -ne 0 ]
	[[ "$output" == *"examples/alpha.2/greet_alpha.c: missing"* ]]
	mk examples
	cmp "$P/examples/alpha.2/greet_alpha.c" "$P/build/alpha.2/greet_alpha.c"
	mk examples-check
	echo '/* edited by hand */' >>"$P/examples/beta.2/greet_beta.c"
	run mk examples-check
	[ "$status" -ne 0 ]
	[[ "$output" == *"examples/beta.2/greet_beta.c: differs from man2/beta.2"* ]]
}

@test "a clean make prints the result lines and nothing else" {
	run mk results
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	[ "$(printf '%s\n' "$output" | grep -c -v -E '^(PASS man2/|[0-9]+ passed, )')" -eq 0 ]
}

@test "make V=1 shows each command" {
	run mk V=1 results
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"build/page extract man2/alpha.2 build/alpha.2"* ]]
	[[ "$output" == *"scripts/run/compile.sh gcc build/alpha.2/greet_alpha.gcc"* ]]
	[[ "$output" == *"scripts/run/session.sh build/alpha.2/greet_alpha.run"* ]]
}

@test "make bless rewrites the output a page shows" {
	sed -i 's/^hello, world, from alpha$/stale/' "$P/man2/alpha.2"
	mk bless
	grep -q '^hello, world, from alpha$' "$P/man2/alpha.2"
	run mk results
	[ "$status" -eq 0 ]
}

@test "make install honours DESTDIR and prefix, and uninstall undoes it" {
	mk install DESTDIR="$BATS_TEST_TMPDIR/root" prefix=/opt/u
	[ -f "$BATS_TEST_TMPDIR/root/opt/u/share/man/man2/alpha.2" ]
	mk install DESTDIR="$BATS_TEST_TMPDIR/root2" mandir=/m
	[ -f "$BATS_TEST_TMPDIR/root2/m/man2/beta.2" ]
	mk uninstall DESTDIR="$BATS_TEST_TMPDIR/root" prefix=/opt/u
	[ ! -e "$BATS_TEST_TMPDIR/root/opt/u/share/man/man2/alpha.2" ]
}

@test "after make install, man userfaultfd shows our page" {
	[ -f "$ROOT/man2/userfaultfd.2" ] || skip "man2/userfaultfd.2 is not written yet"
	command -v man >/dev/null || skip "man-db is not installed"
	make --no-print-directory -C "$ROOT" install DESTDIR="$BATS_TEST_TMPDIR/root" prefix=/usr
	local mp=$BATS_TEST_TMPDIR/root/usr/share/man
	run env MANPATH="$mp" man -w userfaultfd
	[ "$output" = "$mp/man2/userfaultfd.2" ]
	run env MANPATH="$mp" MANWIDTH=80 man -P cat userfaultfd
	[ "$status" -eq 0 ]
	[[ "$output" == *"userfaultfd - create a file descriptor for handling page faults"* ]]
	[[ "$output" == *"UFFDIO_WRITEPROTECT"* ]]
	run env MANPATH="$mp" man -w ioctl_userfaultfd
	[ "$output" = "$mp/man2/ioctl_userfaultfd.2" ]
}

@test "the installed page names its date and version, not the placeholders" {
	[ -f "$ROOT/man2/userfaultfd.2" ] || skip "man2/userfaultfd.2 is not written yet"
	make --no-print-directory -C "$ROOT" install DESTDIR="$BATS_TEST_TMPDIR/root" prefix=/usr
	local page=$BATS_TEST_TMPDIR/root/usr/share/man/man2/userfaultfd.2
	run env MANWIDTH=80 man -l -P cat "$page"
	echo "$output"
	[ "$status" -eq 0 ]
	want_date=$(git -C "$ROOT" log -1 --format=%cs -- man2/userfaultfd.2)
	[[ "${lines[-1]}" =~ ^uffd-man\ [0-9a-z.+-]+\ +([0-9]{4}-[0-9]{2}-[0-9]{2})\ +userfaultfd\(2\)$ ]]
	[ "${BASH_REMATCH[1]}" = "$want_date" ]
	[[ "${lines[-1]}" != *"(date)"* ]]
	[[ "${lines[-1]}" != *"unreleased"* ]]
	# The source keeps man-pages' placeholders.
	grep -q '^\.TH userfaultfd 2 (date) "Linux man-pages (unreleased)"$' "$ROOT/man2/userfaultfd.2"
}

@test "outside git, the date is the page's and the version the one CHANGES starts with" {
	printf 'uffd-man 9.9\n=======\n' >"$P/CHANGES"
	sed -i '1s/.*/.TH alpha 2 (date) "Linux man-pages (unreleased)"/' "$P/man2/alpha.2"
	touch -d 2021-03-04T12:00:00Z "$P/man2/alpha.2"
	mk install DESTDIR="$BATS_TEST_TMPDIR/root"
	run grep '^\.TH' "$BATS_TEST_TMPDIR/root/usr/local/share/man/man2/alpha.2"
	[ "$output" = '.TH alpha 2 2021-03-04 "uffd-man 9.9"' ]
}

@test "make install puts every page where man finds it, and uninstall removes them" {
	command -v man >/dev/null || skip "man-db is not installed"
	local dest=$BATS_TEST_TMPDIR/dest mp page name sect n=0
	make --no-print-directory -C "$ROOT" install DESTDIR="$dest" prefix=/usr
	mp=$dest/usr/share/man
	for page in "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const; do
		[ -e "$page" ] || continue
		name=${page##*/}
		sect=${name##*.}
		name=${name%.*}
		# man NAME, and man SECTION NAME as the page's references say.
		run env MANPATH="$mp" man -w "$name"
		echo "man -w $name: $output"
		[ "$output" = "$mp/man$sect/$name.$sect" ]
		run env MANPATH="$mp" man -w "$sect" "$name"
		echo "man -w $sect $name: $output"
		[ "$output" = "$mp/man$sect/$name.$sect" ]
		run env MANPATH="$mp" MANWIDTH=80 man -P cat "$sect" "$name"
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "$name($sect)"* ]]
		n=$((n + 1))
	done
	[ "$n" -ge 2 ]
	make --no-print-directory -C "$ROOT" uninstall DESTDIR="$dest" prefix=/usr
	[ -z "$(find "$mp" -type f)" ]
	[ ! -e "$mp/man2const" ]
}
