#!/bin/sh
# upstream-series [options] -o OUTDIR PAGE...
#
# Writes the PAGEs (man2/userfaultfd.2, ...) as a man-pages patch series,
# in git format-patch form, into OUTDIR: a cover letter and one patch per
# page, which adds or replaces man/man<section>/<page> with the page as
# upstream-strip gives it (uffd-man's own markers removed, rendering
# unchanged).  Each patch's subject is "man/man2/<page>: <summary>" and its
# body what CHANGES says of the page (upstream-changes); the summary is the
# first line of that text when it is one sentence that fits, else "Add
# page" or "Update page".  Each ends with a Signed-off-by from git's
# configuration (user.name, user.email).  The cover letter tells what each
# example verifies and how it fared (upstream-cover).
#
#   -m MANPAGES  a man-pages git checkout: the series is based on its HEAD
#                (the checkout is only read); without it, on an empty tree
#   -c CHANGES   the changes file (default CHANGES)
#   -b BUILD     the build directory with the results (default build)
#   -k MATRIX    the kernel matrix (default BUILD/kernels/matrix.txt)
#   -s SUBJECT   the cover letter's subject
#   -t TO, -C CC the addresses (repeatable; none given: man-pages' own)
#   -v N         a reroll: [PATCH vN ...]
#
# The work happens in a temporary git repository; OUTDIR's old *.patch
# files are replaced only when the whole series is made.
set -eu

me=upstream-series
here=$(dirname "$0")
usage() {
	echo "usage: $me [-m MANPAGES] [-c CHANGES] [-b BUILD] [-k MATRIX] [-s SUBJECT] [-t TO] [-C CC] [-v N] -o OUTDIR PAGE..." >&2
	exit 2
}
die() { echo "$me: $*" >&2; exit 1; }
nl='
'
manpages='' changes=CHANGES build=build matrix='' subject='' outdir='' reroll='' to='' cc=''
while getopts m:c:b:k:s:t:C:v:o: opt; do
	case $opt in
	m) manpages=$OPTARG ;;
	c) changes=$OPTARG ;;
	b) build=$OPTARG ;;
	k) matrix=$OPTARG ;;
	s) subject=$OPTARG ;;
	t) to="$to$OPTARG$nl" ;;
	C) cc="$cc$OPTARG$nl" ;;
	v) reroll=$OPTARG ;;
	o) outdir=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ -n "$outdir" ] || usage
[ $# -gt 0 ] || die "no pages to send"
[ -n "$matrix" ] || matrix=$build/kernels/matrix.txt
if [ -z "$to$cc" ]; then
	# Where man-pages asks for patches (its CONTRIBUTING.d/mail).
	to="Alejandro Colomar <alx@kernel.org>$nl"
	cc="linux-man@vger.kernel.org$nl"
fi
case $reroll in
'' | [1-9] | [1-9][0-9]) ;;
*) die "-v $reroll: expected a reroll number" ;;
esac
command -v git >/dev/null 2>&1 || die "git is missing (run scripts/deps.sh)"

for page in "$@"; do
	[ -f "$page" ] || die "$page: no such page"
	case ${page##*/} in
	*.[1-9]*) ;;
	*) die "$page: not a manual page name (NAME.SECTION)" ;;
	esac
done
[ -f "$changes" ] || die "$changes: no such file"

# Who signs: git's configuration, as git commit -s would take it.
name=$(git config user.name || :)
email=$(git config user.email || :)
if [ -z "$name" ] || [ -z "$email" ]; then
	die "git has no identity (user.name and user.email), and the patches need one for From: and Signed-off-by:;
    set it with: git config --global user.name 'Your Name'
                 git config --global user.email you@example.org"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/upstream-series.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

# Everything that can refuse, before any work: the results, CHANGES.
"$here/cover.sh" "$build" "$matrix" "$@" >"$tmp/examples"
for page in "$@"; do
	"$here/changes.sh" "$changes" "${page##*/}" >"$tmp/changes.${page##*/}"
done

work=$tmp/repo
g() { git -C "$work" -c core.hooksPath=/dev/null -c commit.gpgsign=false "$@"; }
if [ -n "$manpages" ]; then
	[ -d "$manpages" ] || die "MANPAGES=$manpages: no such directory"
	top=$(git -C "$manpages" rev-parse --show-toplevel 2>/dev/null) ||
		die "MANPAGES=$manpages: not a git checkout (give a clone of man-pages)"
	[ "$(cd "$top" && pwd -P)" = "$(cd "$manpages" && pwd -P)" ] ||
		die "MANPAGES=$manpages: not the top of a git checkout (that is $top)"
	base=$(git -C "$manpages" rev-parse --verify -q 'HEAD^{commit}') ||
		die "MANPAGES=$manpages: the checkout has no commit"
	[ -d "$manpages/man" ] ||
		die "MANPAGES=$manpages: no man/ directory: not a man-pages tree in its man/man<section>/ layout"
	timeout 300 git clone -q --no-checkout "$manpages" "$work" ||
		die "MANPAGES=$manpages: git clone failed"
	g checkout -q --detach "$base"
else
	git -c init.defaultBranch=upstream init -q "$work"
	g -c user.name=uffd-man -c user.email=uffd-man@invalid \
		commit -q --allow-empty -m "empty base"
	base=$(g rev-parse HEAD)
fi
g config user.name "$name"
g config user.email "$email"
g config core.abbrev 8
# Hunk headers that name the page's section, as man-pages configures git.
g config diff.man.xfuncname '^\.S[SHsh] .*$'
echo '*.[0-9]* diff=man' >>"$work/.git/info/attributes"

: >"$tmp/pages"
for page in "$@"; do
	pname=${page##*/}
	section=${pname##*.}
	dest=man/man$section/$pname
	if g cat-file -e "HEAD:$dest" 2>/dev/null; then how=update; else how=add; fi
	mkdir -p "$work/${dest%/*}"
	"$here/strip.sh" "$page" "$work/$dest"
	g add -- "$dest"
	if g diff --cached --quiet; then
		echo "$me: $dest: the same in the base already: no patch for it" >&2
		continue
	fi
	prefix="$dest: "
	awk -v prefix="$prefix" -v how="$how" -v name="$name" -v email="$email" '
		{ l[NR] = $0 }
		END {
			start = 1
			summary = (how == "add" ? "Add page" : "Update page")
			if (NR > 0 && l[1] ~ /[^.]\.$/ && l[1] !~ /\. / &&
			    length(prefix l[1]) - 1 <= 76) {
				summary = substr(l[1], 1, length(l[1]) - 1)
				start = 2
				while (start <= NR && l[start] == "")
					start++
			}
			printf "%s%s\n\n", prefix, summary
			for (i = start; i <= NR; i++)
				print l[i]
			if (start <= NR)
				print ""
			printf "Signed-off-by: %s <%s>\n", name, email
		}' "$tmp/changes.$pname" >"$tmp/message"
	g commit -q --cleanup=verbatim -F "$tmp/message"
	echo "$dest $how" >>"$tmp/pages"
done
[ -s "$tmp/pages" ] || die "every page is the same in the base already: nothing to send"

# The series.
set -- --cover-letter --thread=shallow -o "$tmp/out"
[ -z "$reroll" ] || set -- "$@" -v "$reroll"
[ -z "$manpages" ] || set -- "$@" --base="$base"
while IFS= read -r a; do [ -z "$a" ] || set -- "$@" --to="$a"; done <<EOT
$to
EOT
while IFS= read -r a; do [ -z "$a" ] || set -- "$@" --cc="$a"; done <<EOT
$cc
EOT
g format-patch -q "$@" "$base..HEAD"

# The cover letter's subject and blurb.
if [ -z "$subject" ]; then
	subject=$(awk '{ n = $1; sub(/^.*\//, "", n); s = s (NR > 1 ? ", " : "") n }
		END { print s ": examples compiled and run" }' "$tmp/pages")
fi
{
	if grep -q ' update$' "$tmp/pages"; then
		echo "These patches update the pages below, in man-pages' tree at"
		echo "$(g log -1 --format='%h ("%s")' "$base"):"
	elif [ -n "$manpages" ]; then
		echo "These patches add the pages below to man-pages' tree at"
		echo "$(g log -1 --format='%h ("%s")' "$base"):"
	else
		echo "These patches add the pages below (made without a man-pages"
		echo "checkout: each patch creates its page):"
	fi
	echo
	awk '{ printf "    %-36s %s\n", $1, ($2 == "add" ? "new" : "replaced") }' "$tmp/pages"
	echo
	cat <<'EOT'
They come from uffd-man, whose build extracts each example program from
the pages, compiles it, runs the shell sessions that the pages show, and
compares their output with the pages'.  The comments that only
uffd-man's tools read (RUN BEGIN/END around a session, VARY, CHECK,
NOCHECK, SINCE) are not in these patches; the SRC BEGIN/END markers,
man-pages' own, are.  mandoc -Tutf8 and groff -man -Tutf8 render each
page here exactly as the page with those comments.

EOT
	cat "$tmp/examples"
} >"$tmp/blurb"

cover=$(find "$tmp/out" -name '*0000-cover-letter.patch')
[ -f "$cover" ] || die "git format-patch wrote no cover letter"
LC_ALL=C awk -v subject="$subject" -v blurbfile="$tmp/blurb" '
	BEGIN {
		while ((getline l < blurbfile) > 0) {
			blurb = blurb l "\n"
			if (l ~ /[^\t -~]/) eight = 1
		}
	}
	header && /^Subject: / { sub(/\*\*\* SUBJECT HERE \*\*\*/, subject) }
	header && /^Content-Type:/ { typed = 1 }
	header && /^$/ {
		header = 0
		if (eight && !typed)
			printf "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
	}
	NR == 1 { header = 1 }
	$0 == "*** BLURB HERE ***" { printf "%s", blurb; next }
	{ print }' "$cover" >"$tmp/cover"
grep -q -F '*** ' "$tmp/cover" && die "the cover letter kept a *** placeholder ***"
mv "$tmp/cover" "$cover"

# Publish: the new series replaces the old one.
mkdir -p "$outdir"
rm -f "$outdir"/*.patch
for f in "$tmp"/out/*.patch; do
	mv "$f" "$outdir/"
done
n=$(wc -l <"$tmp/pages")
echo "$me: $outdir: a cover letter and $((n)) patch$([ "$n" -eq 1 ] || echo es), signed off by $name <$email>"
if [ -z "$manpages" ]; then
	echo "$me: made without MANPAGES: the patches create the pages; to base them on man-pages, give MANPAGES=<checkout>"
fi
echo "$me: to send: git send-email $outdir/*.patch"
