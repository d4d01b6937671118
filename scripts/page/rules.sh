#!/bin/sh
# page-rules DIR
#
# Prints the make rules for the examples that extract wrote into DIR
# (DIR/index): which programs and sessions exist, so that the Makefile
# knows them without reading the page itself.
set -eu
[ $# -eq 1 ] || { echo "usage: page-rules DIR" >&2; exit 2; }
dir=$1
[ -f "$dir/index" ] || { echo "page-rules: $dir/index: no such file (run extract)" >&2; exit 1; }
awk -v d="$dir" '
	$1 == "program" {
		printf "EXAMPLE_SOURCES += %s/%s.c\n", d, $2
		printf "%s/%s.c %s/%s.c.lines: %s.mk ;\n", d, $2, d, $2, d
	}
	$1 == "session" {
		printf "EXAMPLE_RESULTS += %s/%s.result\n", d, $2
		printf "%s/%s.run: %s.mk ;\n", d, $2, d
	}' "$dir/index"
