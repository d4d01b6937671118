#!/bin/sh
# claims [PAGE...]: check what the pages claim against the running kernel
# and the newest userfaultfd.h: the errno claims and the statements tied to
# checks (scripts/claims/run.sh, with the privilege checks), then the header
# constants (scripts/claims/header.sh).  Prints their result lines, the
# coverage line, and one summary: N passed, N failed, N skipped.
#
# Environment: CLAIMS_DIR (tests/claims), CLAIMS_BUILD (build/claims),
# CLAIMS_HEADER, CLAIMS_TIMEOUT, CLAIMS_STRICT, CC, CLAIMS_CFLAGS (see
# the scripts named above).
# Exit status: 0; 1 if something failed; 2 on an error in the pages
# (stderr says where; nothing goes to stdout).
set -eu

here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
dir=${CLAIMS_DIR:-tests/claims}
build=${CLAIMS_BUILD:-build/claims}

lib_tmpdir claims

"$here/run.sh" -d "$dir" -b "$build" "$@" >"$tmp/run" && rc=0 || rc=$?
# 0 and 1 are results; anything else is an error, already reported.
[ "$rc" -le 1 ] || exit 2
if [ $# -gt 0 ]; then
	"$here/header.sh" "$@" >"$tmp/header" && rc=0 || rc=$?
	[ "$rc" -le 1 ] || exit 2
else
	{ echo 'SKIP header coverage: no page given'; lib_summary 0 0 1; } >"$tmp/header"
fi

summary='^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'
# A part that ended without its summary did not finish: its counts are
# unknown, and none of it may pass for a result.
for part in run header; do
	if ! grep -Eq "$summary" "$tmp/$part"; then
		echo "claims: claims-$part ended without its summary line" >&2
		exit 2
	fi
done
coverage='^[0-9]+ of [0-9]+ (errno claims|behaviour statements) checked'
grep -Ev "$summary|$coverage" "$tmp/run" || true
grep -Ev "$summary" "$tmp/header" || true
grep -E "$coverage" "$tmp/run" || true
cat "$tmp/run" "$tmp/header" | grep -E "$summary" | awk '
	{ p += $1; f += $3; s += $5 }
	END { printf "%d passed, %d failed, %d skipped\n", p, f, s; exit f > 0 }'
