#!/bin/sh
# summary RESULT...
#
# Prints the result files (one PASS, FAIL or SKIP line each, with details
# under a FAIL), then "N passed, N failed, N skipped".  Fails when one
# failed.
set -eu
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
for f in "$@"; do
	[ -f "$f" ] || { echo "summary: $f: no such result" >&2; exit 1; }
done
[ $# -gt 0 ] || set -- /dev/null
lib_count "$@"
