#!/bin/sh
# lint-filter
#
# Reads lint messages, "FILE:LINE: RULE: TEXT", on standard input and
# prints those that scripts/lint/ignored-warnings does not ignore.  A message about
# a program extracted from a page (examples/PAGE/PROG.c) gets the page's
# line appended, from build/PAGE/PROG.c.lines when the extraction made it.
# Exits 0 when it printed nothing, 1 when it printed a message, 2 when the
# ignore file is malformed (then it prints nothing else).
#
# LINT_IGNORE names another ignore file, LINT_BUILD another build directory.
set -u
here=$(dirname "$0")
ignore=${LINT_IGNORE:-$here/ignored-warnings}
build=${LINT_BUILD:-build}
[ $# -eq 0 ] || { echo "usage: lint-filter <MESSAGES" >&2; exit 2; }
[ -r "$ignore" ] || { echo "lint-filter: $ignore: cannot read the ignore file" >&2; exit 2; }

awk -v ignfile="$ignore" -v build="$build" '
# The ignore file: records of "rule:", "match:" and "reason:" lines,
# separated by blank lines; "#" starts a comment line; a line starting
# with a blank continues the reason.
function bad(msg) {
	printf "%s:%d: ignored-warnings: %s\n", ignfile, FNR, msg >"/dev/stderr"
	broken = 1
}
function endrecord() {
	if (!inrec) return
	if (rrule == "" || rmatch == "" || rreason == "") {
		printf "%s:%d: ignored-warnings: the record needs a rule:, a match: and a reason: line\n", ignfile, recline >"/dev/stderr"
		broken = 1
	} else {
		n++
		irule[n] = rrule
		imatch[n] = rmatch
	}
	inrec = 0
	rrule = rmatch = rreason = ""
}
FILENAME == ignfile {
	if ($0 ~ /^#/) next
	if ($0 ~ /^[ \t]*$/) { endrecord(); next }
	if ($0 ~ /^[ \t]/) {
		if (!inrec || rreason == "") bad("a continuation line belongs after reason:")
		next
	}
	if (!inrec) { inrec = 1; recline = FNR }
	key = $0
	sub(/:.*/, "", key)
	val = $0
	if (index(val, ":") == 0) { bad("expected \"rule:\", \"match:\" or \"reason:\""); next }
	sub(/^[^:]*:[ \t]*/, "", val)
	sub(/[ \t]+$/, "", val)
	if (key == "rule") { if (rrule != "") bad("a second rule: in one record"); rrule = val }
	else if (key == "match") { if (rmatch != "") bad("a second match: in one record"); rmatch = val }
	else if (key == "reason") { if (rreason != "") bad("a second reason: in one record"); rreason = val }
	else bad("unknown key \"" key "\" (rule, match, reason)")
	next
}
FNR == 1 && !started {
	started = 1
	endrecord()
	if (broken) exit 2
}
{
	msg = $0
	rule = msg
	if (sub(/^[^:]*:[0-9]+: /, "", rule)) {
		sub(/:.*/, "", rule)
		for (i = 1; i <= n; i++)
			if (irule[i] == rule && msg ~ imatch[i])
				next
	}
	# An extracted program: add the line of its page.
	if (match(msg, /(^|\/)examples\/[^\/]+\/[^\/:]+\.c:[0-9]+:/)) {
		ref = substr(msg, RSTART, RLENGTH - 1)
		sub(/^\//, "", ref)
		cline = ref
		sub(/.*:/, "", cline)
		sub(/:[0-9]+$/, "", ref)
		split(ref, parts, "/")
		linesfile = build "/" parts[2] "/" parts[3] ".lines"
		k = 0
		pline = ""
		while ((getline l <linesfile) > 0)
			if (++k == cline + 0) { pline = l; break }
		close(linesfile)
		# A line is "PAGE LINE" (scripts/page/extract.sh writes NAME.c.lines).
		if (split(pline, f, " ") == 2)
			msg = msg " (" f[1] ":" f[2] ")"
	}
	# A header included by several files is reported once.
	if (msg in printed) next
	printed[msg] = 1
	print msg
	kept++
}
END {
	if (!started) endrecord()
	if (broken) exit 2
	exit (kept > 0 ? 1 : 0)
}' "$ignore" -
