#!/bin/sh
# upstream-steps OLD NEW LIMIT OUTDIR
#
# Cuts the change from page OLD (upstream's; /dev/null for a new page) to
# page NEW (ours) into steps whose diffs each fit in LIMIT bytes, so that
# no patch of the series is too large to review.  Writes OUTDIR/1 ...
# OUTDIR/N, the page after each step (OUTDIR/N is NEW, byte for byte),
# and OUTDIR/steps, a line per step: "N<TAB>VERB<TAB>WHAT<TAB>REMOVED",
# VERB being Add, Update or Remove, WHAT the part of the page it changes ("" for
# the whole page, else a section, "SECTION, subsection", "SECTION, prog.c"
# or "FIRST to LAST" of one section) and REMOVED the parts of upstream's
# page that NEW lacks and the step drops ("; " between them).
#
# How the split is decided: the whole page in one step when its diff
# fits; else one step per section (.SH), in NEW's order, each replacing
# upstream's section of the same name (or adding it), upstream's sections
# that NEW lacks removed with the step that passes them; when a section
# is still too large, its subsections (.SS) and its programs
# (SRC BEGIN) become the steps, and consecutive ones within a section are
# merged again while they fit.  A single part still too large is an
# error naming it.
set -eu

me=upstream-steps
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
[ $# -eq 4 ] || { echo "usage: $me OLD NEW LIMIT OUTDIR" >&2; exit 2; }
old=$1 new=$2 limit=$3 out=$4
[ -f "$new" ] || { echo "$me: $new: no such page" >&2; exit 1; }
[ "$old" = /dev/null ] || [ -f "$old" ] || { echo "$me: $old: no such page" >&2; exit 1; }
case $limit in
'' | *[!0-9]*) echo "$me: LIMIT $limit: expected a size in bytes" >&2; exit 2 ;;
esac

lib_tmpdir upstream-steps

# size A B: the bytes of the unified diff from A to B, as a patch has it.
size() { { diff -u --label a/page --label b/page "$1" "$2" || :; } | wc -c | tr -d ' '; }

mkdir -p "$out"
rm -f "$out"/[0-9]* "$out/steps"

# The whole page at once, when it fits.
if [ "$(size "$old" "$new")" -le "$limit" ]; then
	cp "$new" "$out/1"
	if [ "$old" = /dev/null ]; then verb=Add; else verb=Update; fi
	printf '1\t%s\t\t\n' "$verb" >"$out/steps"
	exit 0
fi

# The parts that a page can be cut into, as the page reader finds them: a
# line each, "LINE<TAB>KIND<TAB>TITLE", KIND being sh (.SH), ss (.SS) or
# prog (SRC BEGIN, TITLE the program's name).
parts() {
	page outline "$1" >"$tmp/outline" || exit 1
	awk '$1 == "sh" || $1 == "ss" || $1 == "prog" {
		t = $0; sub(/^[a-z]+ [0-9]+ /, "", t)
		printf "%d\t%s\t%s\n", $2, $1, t }' "$tmp/outline"
}
if [ "$old" = /dev/null ]; then : >"$tmp/parts.old"; else parts "$old" >"$tmp/parts.old"; fi
parts "$new" >"$tmp/parts.new"

# states LEVEL DIR: the page after each part of NEW, cut at LEVEL (1: .SH;
# 2: .SH, .SS and SRC BEGIN), into DIR/1..N; DIR/units: a line per state,
# "N<TAB>VERB<TAB>SECTION<TAB>WHAT<TAB>REMOVED" (REMOVED: upstream's parts
# that NEW lacks, dropped by this step, separated by "; ").
states() {
	mkdir -p "$2"
	awk -v level="$1" -v dir="$2" -v oldparts="$tmp/parts.old" -v newparts="$tmp/parts.new" '
		# cut FILE PARTS P: FILE cut where PARTS (parts() above) start.
		function cut(file, parts, p,    line, ln, kind, title, f, sh, ss, n, head, k, seen) {
			while ((getline line < parts) > 0) {
				split(line, f, "\t")
				kind[f[1]] = f[2]; title[f[1]] = f[3]
			}
			close(parts)
			n = 0; sh = ""; ss = ""; ln = 0
			while ((getline line < file) > 0) {
				head = ""
				ln++
				if (kind[ln] == "sh") {
					sh = title[ln]
					head = sh
				} else if (level >= 2 && kind[ln] == "ss") {
					ss = title[ln]
					head = sh ", " ss
				} else if (level >= 2 && kind[ln] == "prog") {
					head = sh ", " title[ln]
				}
				if (n == 0 && head == "")
					head = "(preamble)"
				if (head != "") {
					k = head
					if (k in seen) k = k " #" (++seen[k]); else seen[k] = 1
					n++
					key[p, n] = k; sect[p, n] = (sh == "" ? head : sh); text[p, n] = ""
				}
				text[p, n] = text[p, n] line "\n"
			}
			close(file)
			return n
		}
		BEGIN {
			no = (ARGV[1] == "/dev/null") ? 0 : cut(ARGV[1], oldparts, "o")
			nn = cut(ARGV[2], newparts, "n")
			for (i = 1; i <= no; i++) { opos[key["o", i]] = i; lasto[sect["o", i]] = i }
			for (i = 1; i <= nn; i++) isnew[key["n", i]] = 1
			passed = 0; dropped = 0; st = 0
			for (k = 1; k <= nn; k++) {
				kk = key["n", k]; reach[kk] = 1
				verb = (kk in opos) ? "Update" : "Add"
				if ((kk in opos) && opos[kk] > passed)
					passed = opos[kk]
				what = (kk == "(preamble)") ? "the comments and .TH" : kk
				emit(verb, sect["n", k], what, (k == nn) ? no : passed)
				# The end of a section: what is left of it upstream goes, in
				# a step of its own (plan merges it back when it fits).
				s = sect["n", k]
				if (k < nn && sect["n", k + 1] != s && lasto[s] > passed) {
					passed = lasto[s]
					emit("Remove", s, s, passed)
				}
			}
		}
		# emit VERB SECTION WHAT REACH: the next state: the parts of NEW up to
		# k, then those of OLD after REACH that NEW has not placed yet.
		function emit(verb, section, what, upto_o,    f, i, removed) {
			removed = ""
			for (i = dropped + 1; i <= upto_o; i++)
				if (!(key["o", i] in isnew))
					removed = removed (removed == "" ? "" : "; ") key["o", i]
			if (upto_o > dropped)
				dropped = upto_o
			if (verb == "Remove" && removed == "")
				return
			f = dir "/" (++st)
			printf "" > f
			for (i = 1; i <= k; i++)
				printf "%s", text["n", i] > f
			for (i = upto_o + 1; i <= no; i++)
				if (!(key["o", i] in reach))
					printf "%s", text["o", i] > f
			close(f)
			if (verb == "Remove")
				what = removed
			printf "%d\t%s\t%s\t%s\t%s\n", st, verb, section, what, removed > (dir "/units")
		}' "$old" "$new"
}

# plan LEVEL: the steps at LEVEL into $out: a state per part, the
# unchanged ones dropped, and at LEVEL 2 consecutive ones of one section
# merged while they fit.  Fails, recording it in $tmp/toolarge, when one
# part alone is too large.
plan() {
	level=$1 dir=$tmp/l$1
	states "$level" "$dir"
	tab=$(printf '\t')
	prev=$old gsect='' gstart='' gfirst='' gverb='' gremoved=''
	: >"$tmp/plan"
	while IFS="$tab" read -r k verb sect what removed; do
		if cmp -s "$prev" "$dir/$k"; then
			continue
		fi
		s=$(size "$prev" "$dir/$k")
		if [ "$s" -gt "$limit" ]; then
			printf '%s\t%s\n' "$what" "$s" >"$tmp/toolarge"
			return 1
		fi
		if [ "$level" -ge 2 ] && [ -s "$tmp/plan" ] && [ "$sect" = "$gsect" ] &&
			[ "$(size "$gstart" "$dir/$k")" -le "$limit" ]; then
			sed -i '$d' "$tmp/plan"
			[ "$verb" = Add ] || gverb=Update
			if [ "$verb" = Remove ] || [ "$gfirst" = "$sect" ]; then gwhat=$gfirst
			else gwhat="$gfirst to ${what#"$sect, "}"; fi
			gremoved="$gremoved${gremoved:+${removed:+; }}$removed"
			printf '%s\t%s\t%s\t%s\n' "$k" "$gverb" "$gwhat" "$gremoved" >>"$tmp/plan"
		else
			gstart=$prev gsect=$sect gfirst=$what gverb=$verb gremoved=$removed
			printf '%s\t%s\t%s\t%s\n' "$k" "$verb" "$what" "$removed" >>"$tmp/plan"
		fi
		prev=$dir/$k
	done <"$dir/units"
	cmp -s "$prev" "$new" || { echo "$me: internal error: the last step is not $new" >&2; exit 1; }
	n=0
	while IFS="$tab" read -r k verb what removed; do
		n=$((n + 1))
		cp "$dir/$k" "$out/$n"
		printf '%d\t%s\t%s\t%s\n' "$n" "$verb" "$what" "$removed" >>"$out/steps"
	done <"$tmp/plan"
}

if plan 1 || plan 2; then
	exit 0
fi
IFS="$(printf '\t')" read -r what s <"$tmp/toolarge"
echo "$me: $new: \"$what\" alone makes a diff of $s bytes, over the limit of $limit: split it in the page (a subsection, or a shorter program)" >&2
rm -f "$out"/[0-9]* "$out/steps"
exit 1
