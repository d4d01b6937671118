#!/bin/sh
# upstream-changes CHANGES PAGE
#
# Prints what CHANGES says about PAGE (a name such as userfaultfd.2): the
# text of every entry whose head line names the page, without its
# indentation, entries separated by a blank line.  An entry is a line at
# the left margin (names, separated by commas or blanks: userfaultfd.2,
# man2/userfaultfd.2 or userfaultfd(2)) followed by indented lines; a
# section title is a line underlined with - or =.  Fails, saying so, when
# no entry names the page.
set -eu

me=upstream-changes
[ $# -eq 2 ] || { echo "usage: $me CHANGES PAGE" >&2; exit 2; }
changes=$1 page=$2
[ -f "$changes" ] || { echo "$me: $changes: no such file" >&2; exit 1; }
case $page in
*/*) echo "$me: $page: give the page's name, not a path" >&2; exit 2 ;;
esac

awk -v page="$page" -v file="$changes" '
	{ line[NR] = $0 }
	function names_page(head,    n, i, w, t, base, sect) {
		base = page; sub(/\.[^.]*$/, "", base)
		sect = page; sub(/^.*\./, "", sect)
		n = split(head, w, /[ \t,]+/)
		for (i = 1; i <= n; i++) {
			t = w[i]
			if (t == page || t == base "(" sect ")")
				return 1
			if (length(t) > length(page) &&
			    substr(t, length(t) - length(page)) == "/" page)
				return 1
		}
		return 0
	}
	END {
		in_section = 0
		for (i = 1; i <= NR; i++) {
			if (line[i] ~ /^[^ \t]/ && (line[i + 1] ~ /^-+$/ || line[i + 1] ~ /^=+$/)) {
				in_section = 1; i++; continue
			}
			if (!in_section || line[i] !~ /^[^ \t]/ || !names_page(line[i]))
				continue
			# The entry: the indented (or blank) lines below its head.
			first = i + 1
			for (last = i; last + 1 <= NR && (line[last + 1] ~ /^[ \t]/ || line[last + 1] == ""); last++)
				;
			while (last >= first && line[last] ~ /^[ \t]*$/)
				last--
			if (last < first)
				continue
			indent = line[first]; sub(/[^ \t].*$/, "", indent)
			if (found++)
				print ""
			for (j = first; j <= last; j++) {
				l = line[j]
				if (substr(l, 1, length(indent)) == indent)
					l = substr(l, length(indent) + 1)
				sub(/[ \t]+$/, "", l)
				print l
			}
			i = last
		}
		if (!found) {
			printf "%s: no entry names %s: add one (its name at the left margin, what changed indented below)\n", file, page > "/dev/stderr"
			exit 1
		}
	}' "$changes"
