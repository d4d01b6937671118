#!/bin/sh
# roff-escape [FILE...]
#
# Turns plain text into roff text lines for an .EX block, in the canonical
# form that extract reads back byte for byte: a backslash becomes \e, a
# hyphen-minus \-, and a line that roff would take as a request (leading
# "." or "'") is shielded with \&.  Tabs stay tabs.
set -eu
sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" "$@"
