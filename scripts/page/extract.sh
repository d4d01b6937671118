#!/bin/sh
# extract PAGE OUTDIR
#
# Writes the example programs and shell sessions that PAGE carries between
# SRC and RUN markers into OUTDIR:
#   NAME.c        the program, as the rendered page shows it
#   NAME.c.lines  for each line of NAME.c, "PAGE LINE" of its source line
#   NAME.run      the session: requirements, commands, expected output
#   index         "program NAME LINE" and "session NAME LINE" lines
# The text is rendered by mandoc, so that every roff escape comes out as a
# reader sees it.  A file is rewritten only when its content changes, so
# that make rebuilds only what really changed.  On any error nothing in
# OUTDIR is touched.
set -eu

me=extract
usage() { echo "usage: $me PAGE OUTDIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
page=$1 outdir=$2
[ -f "$page" ] || { echo "$me: $page: no such page" >&2; exit 1; }
command -v mandoc >/dev/null 2>&1 ||
	{ echo "$me: mandoc is missing (run scripts/deps.sh)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# Pass 1: check the markers and cut each block's roff text into
# $tmp/blocks/N.roff, with N.map giving each rendered line's source line
# and kind (src, cmd, out).
mkdir "$tmp/blocks" "$tmp/out"
awk -v page="$page" -v dir="$tmp/blocks" '
function fail(msg, at) {
	printf "%s:%d: %s\n", page, (at ? at : NR), msg > "/dev/stderr"
	failed = 1
	exit 1
}
function valid_name(s) {
	return s ~ /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/ && s !~ /\.\./
}
function begin_block(kind, spec,    n, i, kv, key, val) {
	if (block != "")
		fail(sprintf("%s BEGIN inside the %s block opened at line %d",
		    kind, block, block_line))
	if (section != "EXAMPLES")
		fail(sprintf("%s block outside EXAMPLES (in %s)", kind,
		    section == "" ? "no section" : section))
	if (spec !~ /^\(.*\)$/)
		fail(kind " BEGIN needs a name in parentheses: (NAME)")
	spec = substr(spec, 2, length(spec) - 2)
	n = split(spec, words, " ")
	if (n == 0)
		fail(kind " BEGIN names nothing")
	name = words[1]
	if (!valid_name(name))
		fail(sprintf("\"%s\" is not a plain file name ([A-Za-z0-9_.-], no \"..\")", name))
	block = kind; block_line = NR; in_ex = 0; seen_ex = 0; nblocks++
	base = dir "/" nblocks
	nlines = 0
	if (kind == "SRC") {
		if (name !~ /\.c$/ || name == ".c")
			fail(sprintf("program \"%s\" must be NAME.c", name))
		prog = substr(name, 1, length(name) - 2)
		if (prog in src_line)
			fail(sprintf("program %s already defined at line %d", name, src_line[prog]))
		if (n > 1)
			fail("SRC BEGIN takes only a name")
		src_line[prog] = NR
		printf "src %d %s %d\n", nblocks, prog, NR > (dir "/list")
		return
	}
	if (name in run_line)
		fail(sprintf("a session of %s is already shown at line %d", name, run_line[name]))
	run_line[name] = NR
	printf "run %d %s %d\n", nblocks, name, NR > (dir "/list")
	meta = base ".meta"
	printf "page %s\nprogram %s\nline %d\n", page, name, NR > meta
	timeout = 10; status = 0
	for (i = 2; i <= n; i++) {
		if (split(words[i], kv, "=") != 2)
			fail(sprintf("\"%s\" is not KEY=VALUE", words[i]))
		key = kv[1]; val = kv[2]
		if (key == "needs") {
			if (val !~ /^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/)
				fail(sprintf("needs=%s: expected NAME[,NAME...]", val))
			gsub(/,/, "\nneeds ", val)
			printf "needs %s\n", val > meta
		} else if (key == "timeout") {
			if (val !~ /^[1-9][0-9]*$/ || val + 0 > 600)
				fail(sprintf("timeout=%s: expected 1 to 600 seconds", val))
			timeout = val
		} else if (key == "status") {
			if (val !~ /^[0-9]+$/ || val + 0 > 255)
				fail(sprintf("status=%s: expected 0 to 255", val))
			status = val
		} else
			fail(sprintf("unknown attribute \"%s\" (needs, timeout, status)", key))
	}
	printf "timeout %d\nstatus %d\n", timeout, status > meta
	printf "vary 0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+\n" > meta
}
function end_block(kind) {
	if (block == "")
		fail(kind " END without BEGIN")
	if (block != kind)
		fail(sprintf("%s END closes the %s block opened at line %d", kind, block, block_line))
	if (in_ex)
		fail(sprintf(".EX at line %d has no .EE before %s END", ex_line, kind))
	if (!seen_ex)
		fail(sprintf("the %s block opened at line %d has no .EX/.EE", kind, block_line))
	close(base ".roff"); close(base ".map")
	if (block == "RUN") close(meta)
	block = ""
}
function content_line(line,    kind) {
	if (line ~ /^\.\\"/) {
		if (block == "RUN" && line ~ /^\.\\" VARY /) {
			sub(/^\.\\" VARY /, "", line)
			printf "vary %s\n", line > meta
		}
		return
	}
	if (block == "SRC") {
		if (line ~ /^[.\047]/)
			fail("a program line starting with \".\" or \"\047\" must be escaped as \\&")
		kind = "src"
	} else if (line ~ /^\.(B|RB|BR) /) {
		kind = "cmd"
	} else if (line ~ /^[.\047]/) {
		fail("only command lines (.RB $ \" command\") and output lines may stand in a session")
	} else
		kind = "out"
	gsub(/\t/, "\\[u2409]", line)
	print line > (base ".roff")
	printf "%d %s\n", NR, kind > (base ".map")
}
/^\.SH[ \t]/ {
	if (block != "")
		fail(sprintf("section heading inside the %s block opened at line %d", block, block_line))
	section = $0
	sub(/^\.SH[ \t]+/, "", section)
	gsub(/"/, "", section)
	next
}
/^\.\\" (SRC|RUN) BEGIN/ {
	spec = $0
	sub(/^\.\\" (SRC|RUN) BEGIN[ \t]*/, "", spec)
	begin_block($2, spec)
	next
}
/^\.\\" (SRC|RUN) END[ \t]*$/ { end_block($2); next }
/^\.\\" (SRC|RUN) / { fail("unknown marker (SRC BEGIN, SRC END, RUN BEGIN, RUN END)") }
block == "" { next }
/^\.EX[ \t]*$/ {
	if (in_ex || seen_ex)
		fail(sprintf("second .EX in the %s block opened at line %d", block, block_line))
	in_ex = 1; seen_ex = 1; ex_line = NR
	next
}
/^\.EE[ \t]*$/ {
	if (!in_ex)
		fail(".EE without .EX")
	in_ex = 0
	next
}
in_ex { content_line($0); next }
/^\.(in|PP|P|sp)([ \t]|$)/ || /^\.\\"/ { next }
{ fail(sprintf("text outside .EX/.EE in the %s block opened at line %d", block, block_line)) }
END {
	if (failed)
		exit 1
	if (block != "")
		fail(sprintf("%s BEGIN at line %d has no %s END", block, block_line, block), block_line)
	for (name in run_line)
		if (!(name in src_line))
			fail(sprintf("session of %s, but the page has no program %s.c", name, name),
			    run_line[name])
}
' "$page"

# Pass 2: render each block and assemble the output files.
[ -f "$tmp/blocks/list" ] || : >"$tmp/blocks/list"
: >"$tmp/out/index"
while read -r kind n name at; do
	b=$tmp/blocks/$n
	[ -f "$b.roff" ] || : >"$b.roff"
	{
		printf '.TH EXTRACT 7\n.SH EXTRACT\n.EX\n\\[u2402]\n'
		cat "$b.roff"
		printf '\\[u2403]\n.EE\n'
	} >"$b.man"
	if ! LC_ALL=C.UTF-8 mandoc -Tutf8 -Werror "$b.man" >"$b.txt" 2>"$b.err"; then
		sed "s|^|$page:$at: in this block: |" "$b.err" >&2
		exit 1
	fi
	# Keep what lies between the two sentinels, undo the overstrike of bold
	# text and the page indentation, and give the tabs back.
	LC_ALL=C.UTF-8 col -bx <"$b.txt" | LC_ALL=C awk -v page="$page" -v at="$at" '
		/^ *\342\220\202$/ { inside = 1; indent = length($0) - 3; next }
		/^ *\342\220\203$/ { inside = 0; next }
		!inside { next }
		{
			if ($0 != "" && substr($0, 1, indent) !~ /^ *$/) {
				printf "%s:%d: unexpected rendering in this block\n", page, at > "/dev/stderr"
				exit 1
			}
			line = substr($0, indent + 1)
			gsub(/\342\220\211/, "\t", line)
			print line
		}' >"$b.text"
	if [ "$(wc -l <"$b.text")" -ne "$(wc -l <"$b.map")" ]; then
		echo "$page:$at: this block did not render one line per source line" >&2
		exit 1
	fi
	case $kind in
	src)
		cp "$b.text" "$tmp/out/$name.c"
		awk -v page="$page" '{ print page, $1 }' "$b.map" >"$tmp/out/$name.c.lines"
		echo "program $name $at" >>"$tmp/out/index"
		;;
	run)
		{
			cat "$tmp/blocks/$n.meta"
			paste -d ' ' "$b.map" "$b.text" | awk -v page="$page" '
				$2 == "cmd" {
					line = $0; sub(/^[0-9]+ cmd /, "", line)
					if (line !~ /^\$ /) {
						printf "%s:%d: a command line must show \"$ \" and the command\n",
						    page, $1 > "/dev/stderr"
						exit 1
					}
					print "cmd", $1, substr(line, 3); ncmd++; next
				}
				{
					line = $0; sub(/^[0-9]+ out ?/, "", line)
					if (!ncmd) {
						printf "%s:%d: output before the first command\n",
						    page, $1 > "/dev/stderr"
						exit 1
					}
					print "out", $1, line
				}
				END { if (!ncmd) { print page ": session without a command" > "/dev/stderr"; exit 1 } }'
		} >"$tmp/out/$name.run"
		echo "session $name $at" >>"$tmp/out/index"
		;;
	esac
done <"$tmp/blocks/list"

# Install: only what changed, and remove what the page no longer has.
mkdir -p "$outdir"
for f in "$tmp"/out/*; do
	dest=$outdir/${f##*/}
	cmp -s "$f" "$dest" 2>/dev/null || cp "$f" "$dest"
done
for f in "$outdir"/*.c "$outdir"/*.c.lines "$outdir"/*.run; do
	[ -e "$f" ] || continue
	[ -e "$tmp/out/${f##*/}" ] || rm -f "$f"
done
