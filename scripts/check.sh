#!/bin/sh
# check [RUNNER...]
#
# The test suite: every bats suite in tests/, then each RUNNER (a make
# target whose recipe prints PASS, FAIL and SKIP lines).  Prints one line
# per test and, last, "N passed, N failed, N skipped" over all of them.
# A runner that fails without saying what failed counts as one failure.
set -eu

command -v bats >/dev/null 2>&1 || { echo "check: bats is missing (run scripts/deps.sh)" >&2; exit 1; }
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"
lib_tmpdir check
: >"$tmp/results"

for suite in tests/*.bats; do
	[ -e "$suite" ] || continue
	name=$(basename "$suite" .bats)
	set +e
	bats --tap "$suite" >"$tmp/tap" 2>&1
	status=$?
	set -e
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
		!/^(ok|not ok|#)/ { print "    " $0 }' "$tmp/tap" | tee -a "$tmp/results"
	if [ "$status" -ne 0 ] && ! grep -q "^FAIL $name: " "$tmp/results"; then
		echo "FAIL $name: bats exited with status $status" | tee -a "$tmp/results"
	fi
done

for runner in "$@"; do
	set +e
	make --no-print-directory -s "$runner" >"$tmp/runner" 2>&1
	status=$?
	set -e
	grep -v -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$tmp/runner" |
		tee -a "$tmp/results" || :
	if [ "$status" -ne 0 ] && ! grep -q '^FAIL ' "$tmp/runner"; then
		echo "FAIL make $runner: exited with status $status" | tee -a "$tmp/results"
	fi
done

awk '
	/^PASS / { pass++ } /^FAIL / { fail++ } /^SKIP / { skip++ }
	END {
		printf "%d passed, %d failed, %d skipped\n", pass, fail, skip
		exit fail > 0
	}' "$tmp/results"
