#!/bin/sh
# upstream-check MANPAGES SERIESDIR [PAGE...]
#
# Tries the series in SERIESDIR (from upstream-series) on a man-pages
# checkout as its maintainer would: in a scratch clone of MANPAGES (the
# checkout itself is only read), git am applies the patches in order,
# then man-pages' own build checks every page the series touches (and
# each PAGE named, e.g. userfaultfd.2 or UFFDIO_API.2const): the per-page
# targets that its goals reach (as make -R prints its database;
# UPSTREAM_CHECK_GOALS to choose others): lint-man, check-catman and
# check, build-ex, and lint-c-clang-tidy and lint-c-cppcheck, e.g.
# .tmp/man/man2/userfaultfd.2.lint-man.mandoc.touch.  Every program is
# checked, those that man-pages expects to fail too (SKIP_XFAIL=no).
# clang-tidy is the newest clang-tidy-N installed (CLANG_TIDY to choose).
# A lint-c step whose tool is missing, or too old for man-pages'
# configuration (it rejects one of the options man-pages gives it), is
# skipped, saying so, with the tool's words.  Where the tree has no such
# target for a page, mandoc -Tlint -Wwarning and groff -ww lint it, and
# its programs are extracted and compiled here.  Prints a PASS, FAIL or
# SKIP line per step, then "N passed, N failed, N skipped"; fails when a
# step failed.  Without MANPAGES (empty), says so and skips.
set -eu

me=upstream-check
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
[ $# -ge 2 ] || { echo "usage: $me MANPAGES SERIESDIR [PAGE...]" >&2; exit 2; }
manpages=$1 series=$2
shift 2
die() { echo "$me: $*" >&2; exit 1; }
goals=${UPSTREAM_CHECK_GOALS:-lint-man check-catman check build-ex lint-c-clang-tidy lint-c-cppcheck}
# The newest clang-tidy: man-pages' configuration names recent warnings.
if [ -z "${CLANG_TIDY:-}" ]; then
	CLANG_TIDY=$(for d in $(echo "$PATH" | tr ':' ' '); do ls "$d"/clang-tidy-[0-9]* 2>/dev/null || :; done |
		sed -n 's|.*/\(clang-tidy-[0-9][0-9]*\)$|\1|p' | sort -t - -k 3 -n | tail -n 1)
	[ -n "$CLANG_TIDY" ] || CLANG_TIDY=clang-tidy
fi
# mk "TARGETS" [SECONDS]: man-pages' make on TARGETS (words) in the clone.
# shellcheck disable=SC2086
mk() { timeout "${2:-600}" make -R -C "$m" SKIP_XFAIL=no CLANG_TIDY="$CLANG_TIDY" $1 </dev/null; }

lib_tmpdir upstream-check
: >"$tmp/results"
result() { echo "$*" | tee -a "$tmp/results"; }
detail() { sed 's/^/    /' "$1"; }
finish() {
	awk '/^PASS / { p++ } /^FAIL / { f++ } /^SKIP / { s++ }
		END { printf "%d passed, %d failed, %d skipped\n", p, f, s; exit f > 0 }' "$tmp/results"
	exit $?
}

if [ -z "$manpages" ]; then
	result "SKIP upstream-check: no man-pages checkout given (make upstream-check MANPAGES=DIR)"
	finish
fi
lib_checkout "$manpages"

[ -d "$series" ] || die "$series: no series there (run make upstream)"
series=$(cd "$series" && pwd)
ls "$series"/*.patch >"$tmp/all" 2>/dev/null || die "$series: no series there (run make upstream)"
grep -v -- '-cover-letter\.patch$' "$tmp/all" >"$tmp/patches" ||
	die "$series: a cover letter but no patch (run make upstream)"
made_on=$(sed -n 's/^base-commit: \([0-9a-f]*\)$/\1/p' "$series"/*0000-cover-letter.patch 2>/dev/null | head -n 1)
if [ -z "$made_on" ]; then
	echo "note: the series was made without a man-pages base (make upstream MANPAGES=DIR makes one on it)"
elif [ "$made_on" != "$base" ]; then
	echo "note: the series was made on $made_on; MANPAGES is at $base"
fi

m=$tmp/manpages
gm() { git -C "$m" -c core.abbrev=8 -c core.hooksPath=/dev/null -c commit.gpgsign=false \
	-c user.name=upstream-check -c user.email=upstream-check@invalid "$@"; }
timeout 300 git clone -q "$manpages" "$m" || die "MANPAGES=$manpages: git clone failed"
gm checkout -q --detach "$base"
short=$(gm log -1 --format=%h "$base")
n=$(wc -l <"$tmp/patches")
# The patches in order, as one mailbox.
while IFS= read -r p; do cat "$p"; done <"$tmp/patches" >"$tmp/series.mbox"
if timeout 300 git -C "$m" -c core.hooksPath=/dev/null -c commit.gpgsign=false \
	-c user.name=upstream-check -c user.email=upstream-check@invalid \
	am -q "$tmp/series.mbox" >"$tmp/am" 2>&1; then
	if [ "$n" -eq 1 ]; then what="the patch"; else what="the $n patches"; fi
	result "PASS upstream-check: git am applies $what to $short"
else
	result "FAIL upstream-check: git am does not apply the series to $short"
	detail "$tmp/am"
	finish
fi

# The pages to check: every page a patch touches, and those named.
{
	while IFS= read -r p; do
		sed -n 's|^+++ b/\(man/man[^/]*/[^/]*\)$|\1|p' "$p"
	done <"$tmp/patches"
	for page in "$@"; do
		pname=${page##*/}
		echo "man/man${pname##*.}/$pname"
	done
} | awk '!seen[$0]++' >"$tmp/pages"

# What man-pages' own goals reach, from make's database.
: >"$tmp/targets"
if [ -f "$m/GNUmakefile" ] || [ -f "$m/makefile" ] || [ -f "$m/Makefile" ]; then
	timeout 300 make -R -C "$m" SKIP_XFAIL=no -pq --eval='upstream-check-db:;' upstream-check-db \
		>"$tmp/db" 2>/dev/null || :
	awk -v goals="$goals" '
		prev ~ /^# Not a target:/ { prev = $0; next }
		{ prev = $0 }
		/^[^#\t ][^=]*::?( |$)/ && $0 !~ /^[^:]*:?=/ {
			t = $0; sub(/::?( .*)?$/, "", t)
			if (t ~ /[ %]/) next
			rest = $0; sub(/^[^:]*::? ?/, "", rest)
			n = split(rest, w, " ")
			for (i = 1; i <= n; i++)
				if (w[i] != "|")
					deps[t] = deps[t] " " w[i]
			known[t] = 1
		}
		END {
			ng = split(goals, g, " ")
			for (i = 1; i <= ng; i++) {
				if (!(g[i] in known))
					continue
				delete seen
				q[1] = g[i]; head = 1; tail = 1; seen[g[i]] = 1
				while (head <= tail) {
					t = q[head++]
					print g[i], t
					n = split(deps[t], w, " ")
					for (j = 1; j <= n; j++)
						if (!(w[j] in seen)) { seen[w[j]] = 1; q[++tail] = w[j] }
				}
			}
		}' "$tmp/db" >"$tmp/reach"
	while read -r dest; do
		awk -v dest="$dest" '
			{
				t = $2; k = index(t, dest ".")
				if (k == 0 || (k > 1 && substr(t, k - 1, 1) != "/"))
					next
				rest = substr(t, k + length(dest))
				if (rest ~ /^\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.touch$/ ||
				    rest ~ /^\.d\/[A-Za-z0-9_-]+$/ ||
				    rest ~ /^\.d\/[A-Za-z0-9_-]+\.c(\.[A-Za-z0-9_-]+)*\.touch$/)
					print dest, $1, t
			}' "$tmp/reach" | awk '!seen[$3]++' >>"$tmp/targets"
	done <"$tmp/pages"
fi

# too_old GOAL OUT: the reason to skip a lint-c step whose tool is missing
# or rejects an option that man-pages gives it; nothing otherwise.
too_old() {
	case $1 in
	lint-c-clang-tidy) tool=$CLANG_TIDY
		words='unknown warning option|unknown command line argument|Unknown command line argument|unknown argument' ;;
	lint-c-cppcheck) tool=cppcheck
		words='cppcheck: error: unrecognized command line option' ;;
	lint-c-*) tool=${1#lint-c-}
		words="$tool: .*(unrecognized|unknown) (command[- ]line )?option" ;;
	*) return 0 ;;
	esac
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool is not installed"
		return 0
	fi
	line=$(grep -E -m 1 "$words" "$2" | sed 's/\x1b\[[0-9;]*m//g') || :
	[ -z "$line" ] || echo "$("$tool" --version 2>/dev/null | grep -m 1 -E '[0-9]+\.[0-9]' | sed 's/^ *//') is too old for man-pages' configuration: $line"
}

# All the targets in one make -k (man-pages' makefile takes long to read),
# then a line for each: it passed when make built it.  A failure's detail
# is what make printed about its page or program.
if [ -s "$tmp/targets" ]; then
	# shellcheck disable=SC2046
	mk "-k $(awk '{ printf "%s ", $3 }' "$tmp/targets")" 3600 >"$tmp/make.out" 2>&1 || :
fi
while read -r dest goal target; do
	case $target in
	*.d/*) key=${target##*.d/}; key=${key%%.c*}.c ;;
	*) key=/${dest##*/} ;;
	esac
	grep -F -e "$key" "$tmp/make.out" | sed 's/\x1b\[[0-9;]*m//g' | head -n 20 >"$tmp/out" || :
	if [ -e "$m/$target" ]; then
		result "PASS $dest: $goal: make -R $target"
	elif why=$(too_old "$goal" "$tmp/make.out") && [ -n "$why" ]; then
		result "SKIP $dest: $goal: make -R $target: $why"
	else
		result "FAIL $dest: $goal: make -R $target"
		detail "$tmp/out"
	fi
done <"$tmp/targets"

# Where the tree has nothing for a page: lint it and build its examples here.
while read -r dest; do
	pname=${dest##*/}
	f=$m/$dest
	if [ ! -f "$f" ]; then
		result "FAIL $dest: not in the tree after git am"
		continue
	fi
	if ! grep -q "^$dest lint-man " "$tmp/targets"; then
		why="(the tree has no lint-man target for it)"
		# As man-pages lints a page: its (date) filled from git, its
		# source left as it is.
		date=$(gm log --format=%cs -1 -- "$dest" </dev/null)
		mkdir -p "$tmp/lint/${dest%/*}"
		if ! page stamp "$f" "$date" 'Linux man-pages (unreleased)' >"$tmp/lint/$dest" 2>"$tmp/out"; then
			result "FAIL $dest: the page reader cannot read it $why"
			detail "$tmp/out"
		else
			if (cd "$tmp/lint" && LC_ALL=C.UTF-8 timeout 60 mandoc -man -Tlint -Wwarning "$dest") \
				>"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
				result "PASS $dest: mandoc -Tlint -Wwarning $why"
			else
				result "FAIL $dest: mandoc -Tlint -Wwarning $why"
				detail "$tmp/out"
			fi
			if (cd "$tmp/lint" && LC_ALL=C.UTF-8 timeout 60 groff -k -t -man -ww -z "$dest") \
				>"$tmp/out" 2>&1 &&
				[ ! -s "$tmp/out" ]; then
				result "PASS $dest: groff -man -ww $why"
			else
				result "FAIL $dest: groff -man -ww $why"
				detail "$tmp/out"
			fi
		fi
	fi
	# Its programs, as the page reader lists them (a page that it cannot
	# read goes to extract, which says why).
	if ! grep -q "^$dest build-ex " "$tmp/targets" &&
		{ ! page list "$f" >"$tmp/list" 2>/dev/null || grep -q '^program ' "$tmp/list"; }; then
		why="(the tree has no build-ex target for it)"
		ex=$tmp/ex/$pname
		if ! "$here/../page/extract.sh" "$f" "$ex" >"$tmp/out" 2>&1 </dev/null; then
			result "FAIL $dest: the programs cannot be extracted $why"
			detail "$tmp/out"
			continue
		fi
		for c in "$ex"/*.c; do
			[ -e "$c" ] || continue
			if timeout 120 "${CC:-cc}" -std=gnu11 -Wall -Wextra -Werror -pthread \
				-o "${c%.c}" "$c" >"$tmp/out" 2>&1 </dev/null; then
				result "PASS $dest: ${c##*/} compiles $why"
			else
				result "FAIL $dest: ${c##*/} does not compile $why"
				detail "$tmp/out"
			fi
		done
	fi
done <"$tmp/pages"
finish
