#!/bin/sh
# page SUBCOMMAND ARG...
#
# The page reader (scripts/page/page.c: `page` alone lists what it does),
# for scripts and people: $UFFD_PAGE when make or a test has built it;
# otherwise build/page of this tree, built first when it is missing or
# older than its sources.
set -eu
if [ -n "${UFFD_PAGE-}" ]; then
	exec "$UFFD_PAGE" "$@"
fi
here=$(cd "$(dirname "$0")" && pwd)
reader=$here/../../build/page
if [ ! -x "$reader" ] ||
	[ -n "$(find "$here" -name '*.[ch]' -newer "$reader" 2>/dev/null)" ]; then
	"$here/build.sh" "$reader" || exit 2
fi
exec "$reader" "$@"
