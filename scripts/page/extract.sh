#!/bin/sh
# extract PAGE OUTDIR
#
# The programs and sessions of PAGE into OUTDIR (page extract, without the
# make rules it prints): for scripts that want the files alone.
set -eu
[ $# -eq 2 ] || { echo "usage: extract PAGE OUTDIR" >&2; exit 2; }
"$(dirname "$0")/page.sh" extract "$1" "$2" >/dev/null
