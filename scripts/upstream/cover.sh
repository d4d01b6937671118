#!/bin/sh
# upstream-cover BUILD MATRIX PAGE...
#
# Prints the part of the cover letter that tells what each example of the
# PAGEs verifies and how it fared: for each program that the build
# extracted (BUILD/<page>/<prog>.c), the session it runs (<prog>.run) and
# its result on the running kernel (<prog>.result, the kernel from
# BUILD/probe.txt); then the kernel matrix MATRIX verbatim if that file
# exists, else which kernel ran.
# UPSTREAM_CFLAGS: the compiler flags to name (default -Wall -Wextra
# -Werror).
# Refuses (exit 1, listing them) when an example failed or has no result:
# the letter must be true.
set -eu

me=upstream-cover
[ $# -ge 3 ] || { echo "usage: $me BUILD MATRIX PAGE..." >&2; exit 2; }
build=$1 matrix=$2
shift 2

release=
if [ -f "$build/probe.txt" ]; then
	release=$(awk '$1 == "release" { print $2; exit }' "$build/probe.txt")
fi
[ -n "$release" ] || release=$(uname -r)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/upstream-cover.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
: >"$tmp/bad"

for page in "$@"; do
	name=${page##*/}
	dir=$build/$name
	if [ ! -d "$dir" ]; then
		echo "$page: not extracted ($dir is missing: run make results)" >>"$tmp/bad"
		continue
	fi
	for run in "$dir"/*.run; do
		[ -e "$run" ] || continue
		result=${run%.run}.result
		if [ ! -f "$result" ]; then
			echo "$page: ${run##*/}: no result ($result is missing: run make results)" >>"$tmp/bad"
		elif ! head -n 1 "$result" | grep -q -E '^(PASS|SKIP) '; then
			head -n 1 "$result" >>"$tmp/bad"
		fi
	done
done
if [ -s "$tmp/bad" ]; then
	echo "upstream: refusing to make the series, since what it would tell is not so:" >&2
	sed 's/^/    /' "$tmp/bad" >&2
	exit 1
fi

echo "What each example verifies"
echo "--------------------------"
for page in "$@"; do
	name=${page##*/}
	dir=$build/$name
	echo
	echo "$name"
	compiled_only=
	for c in "$dir"/*.c; do
		[ -e "$c" ] || continue
		prog=${c##*/}
		prog=${prog%.c}
		if [ ! -f "$dir/$prog.run" ]; then
			compiled_only="$compiled_only $prog.c"
			continue
		fi
		awk -v prog="$prog" -v release="$release" -v result="$dir/$prog.result" '
			$1 == "needs" { needs = needs (needs == "" ? "" : ", ") $2 }
			$1 == "status" { status = $2 }
			$1 == "timeout" { timeout = $2 }
			$1 == "vary" && $2 !~ /^0x\[0-9a-f\]/ { vary++ }
			$1 == "cmd" { sub(/^cmd [0-9]+ /, ""); cmds[++ncmd] = $0 }
			$1 == "out" { nout++ }
			END {
				printf "    %s.c\n", prog
				for (i = 1; i <= ncmd; i++)
					printf "        %s%s\n", (i == 1 ? "runs:    " : "         "), cmds[i]
				printf "        checks:  exit status %d (within %d s) and the %d line%s of\n",
				    status, timeout, nout, (nout == 1 ? "" : "s")
				printf "                 output that the page shows; addresses%s\n",
				    (vary ? ", and values" : "")
				if (vary)
					printf "                 that the session marks as varying,\n"
				printf "                 compared after consistent renaming\n"
				if (needs != "") {
					# Wrapped within 72 columns, under its first item.
					n = split(needs, w, " "); line = "        needs:   " w[1]
					for (i = 2; i <= n; i++)
						if (length(line) + 1 + length(w[i]) > 72) { print line; line = "                 " w[i] }
						else line = line " " w[i]
					print line
				}
				getline first < result
				if (first ~ /^SKIP /) {
					sub(/^SKIP [^:]*: [^:]*: /, "", first)
					printf "        result:  skipped on Linux %s:\n", release
					printf "                 %s\n", first
				} else {
					printf "        result:  passed on Linux %s, as built\n", release
					printf "                 with gcc and with ASan and UBSan\n"
				}
			}' "$dir/$prog.run"
	done
	if [ -n "$compiled_only" ]; then
		echo "    compiled only (no session shown):$compiled_only"
	fi
done
echo
printf 'Every program was compiled with gcc and with clang (%s), and\nwith AddressSanitizer and UndefinedBehaviorSanitizer.\n' \
	"${UPSTREAM_CFLAGS:--Wall -Wextra -Werror}" | fmt -w 72
echo
echo "Kernels"
echo "-------"
echo
if [ -f "$matrix" ]; then
	cat "$matrix"
else
	echo "Run on Linux $release only (the build machine's kernel); no other"
	echo "kernel was booted."
fi
