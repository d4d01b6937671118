#!/bin/sh
# lint-style PAGE...
#
# The man-pages style rules that no formatter checks, as the page reader
# checks them (page style, scripts/page/style.c), through lint-filter:
#   th               .TH name section date source: name and section are
#                    the file's, date YYYY-MM-DD (or "(date)" in an
#                    unreleased page), source "Linux man-pages VERSION"
#                    or "Linux man-pages (unreleased)"; the first macro.
#   section-order    the .SH headings are man-pages' own, in man-pages'
#                    order, once each; NAME, SYNOPSIS, DESCRIPTION (and
#                    LIBRARY in sections 2 and 3) present.
#   semantic-newline no sentence ends inside a line (". X", "? X", "! X"),
#                    and no clause break inside a line ("; X", ": X").
#                    Abbreviations (e.g., i.e., etc., ...) and a period
#                    followed by \& are not sentence ends.
#   trailing-space   no line ends in a space or a tab.
#   function-ref     a page reference is ".BR name (N)", never "name(N)".
#   constant-bold    constants (UFFD_*, UFFDIO_*, O_*, errno names, ...)
#                    in running text are bold.
#   file-italic      path names (/dev/..., /proc/...) and header files
#                    (<linux/userfaultfd.h>) in running text are italic;
#                    a variable part may be roman (.IR /proc/ pid /maps),
#                    the slashes may not.
#   tbl-hint         a page with a table starts with '\" t, so that man(1)
#                    runs tbl.
#   annotation       an annotation the reader does not know, or a
#                    malformed one.
# Exempt from the text rules: comments, .EX/.EE and .nf/.fi blocks,
# .TS/.TE tables, macro definitions.
# Prints "PAGE:LINE: RULE: message" per violation; exits 1 if any.
set -u
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
[ $# -gt 0 ] || { echo "usage: lint-style PAGE..." >&2; exit 2; }
for p; do
	page style "$p"
	[ $? -le 1 ] || printf '%s:0: style: the page reader failed\n' "$p"
done | "$here/filter.sh"
