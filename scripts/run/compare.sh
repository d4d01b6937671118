#!/bin/sh
# compare RUNFILE OUTFILE...
#
# Compares the session a page shows (RUNFILE, from extract) with real runs
# of it (OUTFILEs, from run-session; PROG.out for the plain build,
# PROG.san.out for the sanitizer build).  Prints one result line
#   PASS page: program | SKIP page: program: reason |
#   FAIL page:line: program: why
# followed, on failure, by a unified diff and a command that reproduces the
# run.  Values the session marks as varying (VARY, and addresses by
# default) are renamed consistently before comparing: the same value shown
# twice must be printed twice, and different values must differ.
# Exits 1 on FAIL, else 0.
set -eu

me=compare
[ $# -ge 2 ] || { echo "usage: $me RUNFILE OUTFILE..." >&2; exit 2; }
run=$1
shift
for f in "$run" "$@"; do
	[ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 1; }
done

page=$(awk '$1 == "page" { print $2; exit }' "$run")
name=$(awk '$1 == "program" { print $2; exit }' "$run")
where=$(awk '$1 == "line" { print $2; exit }' "$run")
want_status=$(awk '$1 == "status" { print $2; exit }' "$run")
if [ -z "$page" ] || [ -z "$name" ] || [ -z "$where" ] || [ -z "$want_status" ]; then
	echo "$me: $run: not a session file" >&2
	exit 1
fi

# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir compare

# The transcript as the page shows it, and each line's page line.
awk '$1 == "cmd" { sub(/^cmd [0-9]+ /, "$ "); print; next }
     $1 == "out" { sub(/^out [0-9]+ ?/, ""); print }' "$run" >"$tmp/expected"
awk '$1 == "cmd" || $1 == "out" { print $2 }' "$run" >"$tmp/lines"
awk '$1 == "vary" { sub(/^vary /, ""); print }' "$run" >"$tmp/vary"

# normalize FILE: rename each varying value to <<N>>, N counting distinct
# values in order of first appearance.
normalize() {
	awk -v varyfile="$tmp/vary" '
		BEGIN { while ((getline re < varyfile) > 0) pat[++npat] = re }
		{
			line = $0
			for (i = 1; i <= npat; i++) {
				done = ""
				while (line != "" && match(line, pat[i]) && RLENGTH > 0) {
					tok = substr(line, RSTART, RLENGTH)
					if (!(tok in id))
						id[tok] = ++nid
					done = done substr(line, 1, RSTART - 1) "<<" id[tok] ">>"
					line = substr(line, RSTART + RLENGTH)
				}
				line = done line
			}
			print line
		}' "$1"
}
normalize "$tmp/expected" >"$tmp/expected.norm"

for out in "$@"; do
	case $out in
	*.san.out) how=" (built with ASan and UBSan)" ;;
	*) how="" ;;
	esac
	reason=$(awk '$1 == "skip" { sub(/^skip /, ""); print; exit }' "$out")
	if [ -n "$reason" ]; then
		printf 'SKIP %s: %s: %s\n' "$page" "$name" "$reason"
		exit 0
	fi
	awk '$1 == "cmd" { sub(/^cmd /, "$ "); print; next }
	     $1 == "out" { sub(/^out ?/, ""); print }' "$out" >"$tmp/actual"
	normalize "$tmp/actual" >"$tmp/actual.norm"

	why=$(awk -v want="$want_status" '
		$1 == "cmd" { sub(/^cmd /, ""); cmd = $0 }
		$1 == "timeout" { printf "timed out after %s s: %s", $2, cmd; timedout = 1; exit }
		$1 == "status" && $2 != want && why == "" {
			why = sprintf("exited with status %s, the page expects %s: %s", $2, want, cmd)
		}
		END { if (!timedout) printf "%s", why }' "$out")
	first=$(awk 'FILENAME == ARGV[1] { e[FNR] = $0; next }
		     !(FNR in e) || e[FNR] != $0 { print FNR; exit }' \
		"$tmp/expected.norm" "$tmp/actual.norm")
	if [ -z "$first" ] && [ "$(wc -l <"$tmp/expected.norm")" -ne "$(wc -l <"$tmp/actual.norm")" ]; then
		first=$(($(wc -l <"$tmp/actual.norm") + 1))
	fi
	[ -n "$why" ] || [ -n "$first" ] || continue

	at=$where
	if [ -n "$first" ]; then
		at=$(awk -v n="$first" 'NR == n { print; found = 1; exit }
			END { if (!found) print last } { last = $0 }' "$tmp/lines")
		[ -n "$why" ] || why="output differs from the page"
	fi
	printf 'FAIL %s:%s: %s: %s%s\n' "$page" "$at" "$name" "$why" "$how"
	diff -u --label "$page (as shown)" --label "run$how" \
		"$tmp/expected" "$tmp/actual" | sed 's/^/    /' || :
	bin=${out%.out}
	case $bin in /*) ;; *) bin=\$PWD/$bin ;; esac
	awk -v bin="$bin" -v name="$name" '
		$1 == "cmd" {
			sub(/^cmd [0-9]+ /, "")
			printf "    reproduce: d=$(mktemp -d) && ln -s \"%s\" \"$d/%s\" && (cd \"$d\" && %s)\n",
			    bin, name, $0
		}' "$run"
	exit 1
done
printf 'PASS %s: %s\n' "$page" "$name"
