#!/usr/bin/env bats
# scripts/deps.list, scripts/deps.sh and scripts/pathdir.sh: what a new
# machine is given, and the PATH of only those commands under which
# make check runs.

load helper

@test "the PATH holds the declared commands and the essential ones, not others" {
	run "$ROOT/scripts/pathdir.sh" "$BATS_TEST_TMPDIR/bin"
	[ "$status" -eq 0 ]
	for c in mandoc groff gcc clang bats make sh awk sed grep; do
		[ -x "$BATS_TEST_TMPDIR/bin/$c" ] || { echo "missing $c"; return 1; }
	done
	# Installed here, but neither essential nor declared.
	for c in python3 apt-utils vim gdb strace; do
		if command -v "$c" >/dev/null && [ -e "$BATS_TEST_TMPDIR/bin/$c" ]; then
			echo "undeclared $c is on the PATH"
			return 1
		fi
	done
}

@test "a declared command that is not installed is an error naming it" {
	printf 'make make\nno-such-tool-uffd no-such-package\n' >"$BATS_TEST_TMPDIR/list"
	run "$ROOT/scripts/pathdir.sh" "$BATS_TEST_TMPDIR/bin" "$BATS_TEST_TMPDIR/list"
	[ "$status" -eq 1 ]
	[[ "$output" == *"no-such-tool-uffd (from no-such-package) is not installed"* ]]
}

@test "a tool used by the build but not declared fails it, by name" {
	local t=$BATS_TEST_TMPDIR/tree
	mkdir "$t"
	(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -C "$t" -xf -
	sed -i '/^mandoc /d' "$t/scripts/deps.list"
	"$ROOT/scripts/pathdir.sh" "$BATS_TEST_TMPDIR/bin" "$t/scripts/deps.list"
	[ ! -e "$BATS_TEST_TMPDIR/bin/mandoc" ]
	PATH=$BATS_TEST_TMPDIR/bin run make --no-print-directory -C "$t" lint-pages
	echo "$output"
	[ "$status" -ne 0 ]
	[[ "$output" == *"mandoc is missing"* || "$output" == *"mandoc: not found"* ||
		"$output" == *"failed to run command 'mandoc'"* ]]
}

@test "with the tool declared, the same build passes under that PATH" {
	local t=$BATS_TEST_TMPDIR/tree
	mkdir "$t"
	(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -C "$t" -xf -
	"$ROOT/scripts/pathdir.sh" "$BATS_TEST_TMPDIR/bin" "$t/scripts/deps.list"
	PATH=$BATS_TEST_TMPDIR/bin run make --no-print-directory -C "$t" lint-pages
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "a malformed line of the list is an error naming the file and line" {
	printf 'make make\nmandoc\n' >"$BATS_TEST_TMPDIR/list"
	DEPS_LIST=$BATS_TEST_TMPDIR/list run deps
	[ "$status" -eq 2 ]
	[[ "$output" == *"$BATS_TEST_TMPDIR/list:2: not \"COMMAND PACKAGE\""* ]]
}

@test "as a user, deps names the packages to install and the command, and fails" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to become another user"
	command -v setpriv >/dev/null || skip "setpriv is missing"
	# Where user 65534 can read it.
	local d
	d=$(mktemp -d /tmp/deps-bats.XXXXXX)
	chmod 755 "$d"
	printf 'no-such-tool-uffd no-such-package\n' >"$d/list"
	chmod 644 "$d/list"
	DEPS_LIST=$d/list run setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$ROOT/scripts/deps.sh"
	echo "$output"
	[ "$status" -eq 1 ]
	rm -rf "$d"
	[[ "$output" == *"apt-get update && apt-get install -y "*"no-such-package"* ]]
}
