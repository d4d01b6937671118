#!/bin/sh
# run-session RUNFILE PROGRAM PROBE OUTFILE
#
# Runs the commands of the session RUNFILE (written by extract) the way a
# reader would: each in a fresh temporary directory holding PROGRAM under
# the name the page uses, under the session's timeout, stdout and stderr
# together.  PROBE is the probe's report of this kernel; a session whose
# needs it lacks is not run.  OUTFILE gets, per command:
#   cmd COMMAND / status N / out LINE... ; or "skip REASON" alone, or
#   "timeout SECONDS" after a command that did not finish.
set -eu
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"

me='run-session'
[ $# -eq 4 ] || { echo "usage: $me RUNFILE PROGRAM PROBE OUTFILE" >&2; exit 2; }
run=$1 prog=$2 probe=$3 out=$4
for f in "$run" "$prog" "$probe"; do
	[ -f "$f" ] || { echo "$me: $f: no such file" >&2; exit 1; }
done
command -v timeout >/dev/null 2>&1 ||
	{ echo "$me: timeout(1) is missing (coreutils)" >&2; exit 1; }

case $prog in
/*) ;;
*) prog=$PWD/$prog ;;
esac
name=$(awk '$1 == "program" { print $2; exit }' "$run")
limit=$(awk '$1 == "timeout" { print $2; exit }' "$run")
if [ -z "$name" ] || [ -z "$limit" ]; then
	echo "$me: $run: not a session file (no program or timeout line)" >&2
	exit 1
fi

lib_tmpdir run-session

# What the probe's report lacks of the session's needs, as the reader
# says it: "A, B (Linux R)", or nothing.
awk '$1 == "needs" { print $2 }' "$run" >"$tmp/needs"
missing=""
if [ -s "$tmp/needs" ]; then
	# shellcheck disable=SC2046 # one word per need
	missing=$(page needs "$probe" $(cat "$tmp/needs")) || exit 1
fi
if [ -n "$missing" ]; then
	echo "skip needs $missing" >"$out.tmp"
	mv "$out.tmp" "$out"
	exit 0
fi

: >"$tmp/out"
awk '$1 == "cmd" { sub(/^cmd [0-9]+ /, ""); print }' "$run" >"$tmp/commands"
while IFS= read -r command; do
	dir=$(mktemp -d "$tmp/cwd.XXXXXX")
	ln -s "$prog" "$dir/$name"
	set +e
	(cd "$dir" && exec timeout -k 2 "$limit" sh -c "$command") \
		</dev/null >"$tmp/output" 2>&1
	status=$?
	set -e
	{
		printf 'cmd %s\n' "$command"
		printf 'status %d\n' "$status"
		sed 's/^/out /' "$tmp/output"
		# A last line without its newline is still output.
		[ ! -s "$tmp/output" ] || [ -z "$(tail -c 1 "$tmp/output")" ] ||
			printf '\n'
		if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
			printf 'timeout %d\n' "$limit"
		fi
	} >>"$tmp/out"
	rm -rf "$dir"
	case $status in 124 | 137) break ;; esac
done <"$tmp/commands"
cp "$tmp/out" "$out.tmp"
mv "$out.tmp" "$out"
