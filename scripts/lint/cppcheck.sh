#!/bin/sh
# lint-cppcheck FILE.c...
#
# cppcheck --enable=warning,style,portability --inline-suppr
# --error-exitcode=1 on each C file; each finding as
# "FILE:LINE: cppcheck: SEVERITY: message [id]", through lint-filter.
# Exits 1 if a message is left.
set -u
here=$(dirname "$0")
[ $# -gt 0 ] || { echo "usage: lint-cppcheck FILE.c..." >&2; exit 2; }
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
lib_tmpdir lint-cppcheck
for file; do
	LC_ALL=C timeout 300 cppcheck --error-exitcode=1 --quiet \
		--enable=warning,style,portability --inline-suppr \
		--language=c --std=c11 --platform=unix64 --library=posix \
		--template='{file}:{line}: cppcheck: {severity}: {message} [{id}]' \
		"$file" >"$tmp/out" 2>&1
	rc=$?
	awk -v file="$file" -v rc="$rc" '
		/^[^ :][^:]*:[0-9]+: cppcheck: / { print; n++; next }
		/^[^ :][^:]*:[0-9]+: / { sub(/: /, ": cppcheck: "); print; n++; next }
		NF { printf "%s:0: cppcheck: %s\n", file, $0; n++ }
		END {
			if (rc != 0 && n == 0)
				printf "%s:0: cppcheck: cppcheck failed with status %d\n", file, rc
		}' "$tmp/out"
done | "$here/filter.sh"
