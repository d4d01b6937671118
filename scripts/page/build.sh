#!/bin/sh
# build OUT [CFLAG...]
#
# Compiles the page reader (scripts/page/*.c) into OUT with $CC (gcc),
# warnings as errors; OUT is replaced whole or not at all.  make's rule and
# page.sh both call it, so that the reader is built one way.
set -eu
[ $# -ge 1 ] || { echo "usage: build OUT [CFLAG...]" >&2; exit 2; }
out=$1
shift
here=$(dirname "$0")
mkdir -p "$(dirname "$out")"
# shellcheck disable=SC2086 # PAGE_CFLAGS is a list of flags
${CC:-gcc} -std=gnu11 -O2 -g -Wall -Wextra -Werror ${PAGE_CFLAGS-} "$@" \
	-o "$out.tmp.$$" "$here"/*.c || { rm -f "$out.tmp.$$"; exit 1; }
mv "$out.tmp.$$" "$out"
