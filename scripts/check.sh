#!/bin/sh
# check.sh [RUNNER...]
#
# The test suite.  First the main job, make, in a fresh copy of the tree;
# then every bats suite in tests/; then each RUNNER (a make target whose
# recipe prints PASS, FAIL and SKIP lines; one that prints none counts as
# one test, passed or failed by its status).  All of it runs with a PATH
# of exactly the commands of Debian's essential and required packages and
# those scripts/deps.list declares (scripts/pathdir.sh), so that a tool
# used but not declared fails here, by name, as it would on a new
# machine.  Prints one line per test and, last, "N passed, N failed, N
# skipped" over all of them.  CHECK_FULL_PATH=1 keeps the caller's PATH.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
command -v bats >/dev/null 2>&1 || { echo "check: bats is missing (run scripts/deps.sh)" >&2; exit 1; }
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"
lib_tmpdir check
: >"$tmp/results"

if [ "${CHECK_FULL_PATH:-0}" != 1 ]; then
	# The tests that run as another user need to reach the commands too.
	chmod 755 "$tmp"
	scripts/pathdir.sh "$tmp/bin" || exit 1
	PATH=$tmp/bin
	export PATH
fi

# The main job as a new clone would run it: tracked files and the working
# tree's changes to them, nothing that an earlier build left.
mkdir "$tmp/tree"
git ls-files -z --cached --others --exclude-standard |
	tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$tmp/tree" -xf -
if (cd "$tmp/tree" && timeout 600 make --no-print-directory) >"$tmp/main" 2>&1; then
	echo "PASS make: the main job, in a fresh copy of the tree" | tee -a "$tmp/results"
else
	sed 's/^/    /' "$tmp/main"
	echo "FAIL make: the main job, in a fresh copy of the tree" | tee -a "$tmp/results"
fi
rm -rf "$tmp/tree"

# The suites run in two lanes at once: those that build in the source tree
# itself (a line "check.sh: builds in the tree" says so) one after another,
# the others beside them; the results are then read in the suites' order.
run_suite() {
	set +e
	bats --tap "$1" >"$tmp/tap.$(basename "$1" .bats)" 2>&1
	echo $? >"$tmp/status.$(basename "$1" .bats)"
	set -e
}
tree_suites='' free_suites=''
for suite in tests/*.bats; do
	[ -e "$suite" ] || continue
	if grep -q 'check.sh: builds in the tree' "$suite"; then
		tree_suites="$tree_suites $suite"
	else
		free_suites="$free_suites $suite"
	fi
done
(for suite in $free_suites; do run_suite "$suite"; done) &
lane=$!
# shellcheck disable=SC2064 # $tmp and $lane are fixed now, on purpose
trap "kill $lane 2>/dev/null; rm -rf '$tmp'" EXIT
for suite in $tree_suites; do run_suite "$suite"; done
wait "$lane" || :
# shellcheck disable=SC2064
trap "rm -rf '$tmp'" EXIT

for suite in tests/*.bats; do
	[ -e "$suite" ] || continue
	name=$(basename "$suite" .bats)
	status=$(cat "$tmp/status.$name" 2>/dev/null || echo 1)
	awk -v suite="$name" '
		/^ok [0-9]+ .* # [Ss][Kk][Ii][Pp]/ {
			line = $0; sub(/^ok [0-9]+ /, "", line)
			reason = line; sub(/.* # [Ss][Kk][Ii][Pp] ?/, "", reason)
			sub(/ # [Ss][Kk][Ii][Pp].*/, "", line)
			printf "SKIP %s: %s: %s\n", suite, line, reason; next
		}
		/^ok [0-9]+ / { sub(/^ok [0-9]+ /, ""); printf "PASS %s: %s\n", suite, $0; next }
		/^not ok [0-9]+ / { sub(/^not ok [0-9]+ /, ""); printf "FAIL %s: %s\n", suite, $0; next }
		/^#/ { print "    " $0 }
		/^1\.\.[0-9]+$/ || /^$/ { next }
		!/^(ok|not ok|#)/ { print "    " $0 }' "$tmp/tap.$name" | tee -a "$tmp/results"
	if [ "$status" -ne 0 ] && ! grep -q "^FAIL $name: " "$tmp/results"; then
		echo "FAIL $name: bats exited with status $status" | tee -a "$tmp/results"
	fi
done

# The runners' many small steps (compiling, linting a file) run on every
# processor.
jobs=$(nproc 2>/dev/null || echo 1)
for runner in "$@"; do
	set +e
	make --no-print-directory -s -j"$jobs" "$runner" >"$tmp/runner" 2>&1
	status=$?
	set -e
	grep -v -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$tmp/runner" |
		tee -a "$tmp/results" || :
	if grep -q -E '^(PASS|FAIL|SKIP) ' "$tmp/runner"; then
		if [ "$status" -ne 0 ] && ! grep -q '^FAIL ' "$tmp/runner"; then
			echo "FAIL make $runner: exited with status $status" | tee -a "$tmp/results"
		fi
	elif [ "$status" -eq 0 ]; then
		echo "PASS make $runner" | tee -a "$tmp/results"
	else
		echo "FAIL make $runner: exited with status $status" | tee -a "$tmp/results"
	fi
done

awk '
	/^PASS / { pass++ } /^FAIL / { fail++ } /^SKIP / { skip++ }
	END {
		printf "%d passed, %d failed, %d skipped\n", pass, fail, skip
		exit fail > 0
	}' "$tmp/results"
