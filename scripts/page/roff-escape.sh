#!/bin/sh
# roff-escape [FILE...]
#
# Turns plain text into roff text lines for an .EX block, in the canonical
# form that extract reads back byte for byte, as man-pages writes code: a
# backslash becomes \[rs], a quote \[aq], a hyphen-minus \-, and a line
# that roff would take as a request (leading ".") is shielded with \&.
# Tabs stay tabs.
set -eu
sed -e 's/\\/\\[rs]/g' -e "s/'/\\\\[aq]/g" -e 's/-/\\-/g' -e 's/^\./\\\&./' "$@"
