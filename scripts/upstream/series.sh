#!/bin/sh
# upstream-series [options] -o OUTDIR PAGE...
#
# Writes the PAGEs (man2/userfaultfd.2, man2const/UFFDIO_API.2const, ...)
# as a man-pages patch series, in git format-patch form, into OUTDIR: a
# cover letter, then
#
#  1. the corrections of upstream's present text (with -m): one patch per
#     edit script of the corrections directory, applied to upstream's page
#     as it is, so that a maintainer can take each alone.  Each script
#     (NN-name.sed, a sed script) carries its patch's text in comments:
#         # page: man/man2/userfaultfd.2       the page it edits
#         # subject: ...                       the subject, after the page
#         # facts: NAME...                     facts of the commits file
#         # claims: NAME...                    tests/claims programs that
#                                              show it on this kernel
#         # fixes: ID ("subject")              the man-pages commit that
#                                              wrote what it corrects
#         # cc: Name <address>                 (repeatable) whom to ask
#         #> text                              the message, a line each
#     Each claim program runs first (scripts/claims/exec.sh): the series
#     is refused when one does not pass, or when a script no longer
#     changes its page (upstream changed it: the script is obsolete).
#  2. a patch per page, or per part of a page where one patch would be
#     over the size limit (upstream-steps says how the parts are cut),
#     replacing man/man<section>/<page> with the page as upstream-strip
#     gives it (uffd-man's own markers removed, rendering unchanged).
#     The subject is "man/man2/<page>: <summary>"; the first patch of a
#     page carries what CHANGES says of it (upstream-changes).
#
# Every message cites, from the commits file, the kernel commit behind
# each fact that the lines it adds state, says which "since Linux"
# versions it changes, keeps its lines within 72 columns and ends with a
# Signed-off-by from git's configuration (user.name, user.email).  The
# cover letter tells what was verified, how and on which kernels
# (upstream-cover), and lists the pages of the family left as they are.
#
#   -m MANPAGES  a man-pages git checkout: the series is based on its HEAD
#                (the checkout is only read); without it, on an empty tree
#                and without corrections
#   -c CHANGES   the changes file (default CHANGES)
#   -b BUILD     the build directory with the results (default build)
#   -k MATRIX    the kernel matrix (default BUILD/kernels/matrix.txt)
#   -K SUMMARY   the kernel matrix's summary, preferred when it exists
#                (default BUILD/kernels/summary.txt)
#   -x DIR       the corrections (default scripts/upstream/corrections)
#   -f FILE      the commits file (default scripts/upstream/commits)
#   -d DIR       the claim programs (default tests/claims)
#   -l BYTES     the largest patch allowed (default 25600: 25 KB)
#   -s SUBJECT   the cover letter's subject
#   -t TO, -C CC the addresses (repeatable, or separated by commas; none
#                given: man-pages' own)
#   -v N         a reroll: [PATCH vN ...]
#   -p PREVIOUS  the previous series, for a range-diff in the cover
#                letter: a directory of its patches, or a range (A..B)
#                of MANPAGES' history
#
# The work happens in a temporary git repository; OUTDIR's old *.patch
# files are replaced only when the whole series is made.
set -eu

me=upstream-series
here=$(dirname "$0")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$here/../lib.sh"
synopsis="$me [-m MANPAGES] [-c CHANGES] [-b BUILD] [-k MATRIX] [-K SUMMARY] [-x DIR] [-f COMMITS] [-d CLAIMSDIR] [-l BYTES] [-s SUBJECT] [-t TO] [-C CC] [-v N] [-p PREVIOUS] -o OUTDIR PAGE..."
die() { echo "$me: $*" >&2; exit 1; }
nl='
'
tab=$(printf '\t')
manpages='' changes=CHANGES build=build matrix='' summary='' subject='' outdir=''
reroll='' to='' cc='' previous='' limit=25600
corrections=$here/corrections commits=$here/commits claimsdir=tests/claims
lib_options 'm=manpages c=changes b=build k=matrix K=summary x=corrections f=commits
	d=claimsdir l=limit s=subject t+to C+cc v=reroll p=previous o=outdir' "$@"
shift $((OPTIND - 1))
[ -n "$outdir" ] || usage
[ $# -gt 0 ] || die "no pages to send"
[ -n "$matrix" ] || matrix=$build/kernels/matrix.txt
[ -n "$summary" ] || summary=$build/kernels/summary.txt
if [ -z "$to$cc" ]; then
	# Where man-pages asks for patches (its CONTRIBUTING.d/mail).
	to="Alejandro Colomar <alx@kernel.org>$nl"
	cc="linux-man@vger.kernel.org$nl"
fi
# -t and -C: an address a line.
addresses() { printf '%s' "$1" | tr ',' '\n' | sed 's/^ *//; s/ *$//'; }
to=$(addresses "$to")
cc=$(addresses "$cc")
case $reroll in
'' | [1-9] | [1-9][0-9]) ;;
*) die "-v $reroll: expected a reroll number" ;;
esac
case $limit in
'' | *[!0-9]*) die "-l $limit: expected a size in bytes" ;;
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
[ -f "$commits" ] || die "$commits: no such file (the kernel commits behind the facts)"
# The commits file: five fields, a 12-digit id, a version.
awk -F '\t' -v file="$commits" '
	/^#/ || /^[ \t]*$/ { next }
	NF != 5 || $3 !~ /^[0-9a-f]+$/ || length($3) != 12 || $2 !~ /^[0-9]+\.[0-9]+$/ || $4 == "" || $5 == "" {
		printf "%s:%d: expected fact<TAB>X.Y<TAB>12-digit commit<TAB>subject<TAB>words\n", file, NR > "/dev/stderr"
		bad = 1
	}
	END { exit bad }' "$commits" || exit 1

# Who signs: git's configuration, as git commit -s would take it.
name=$(git config user.name || :)
email=$(git config user.email || :)
if [ -z "$name" ] || [ -z "$email" ]; then
	die "git has no identity (user.name and user.email), and the patches need one for From: and Signed-off-by:;
    set it with: git config --global user.name 'Your Name'
                 git config --global user.email you@example.org"
fi

lib_tmpdir upstream-series

# Everything that can refuse, before any work: the results, CHANGES.
if [ -f "$summary" ]; then kernels=$summary; else kernels=$matrix; fi
"$here/cover.sh" "$build" "$kernels" "$@" >"$tmp/examples"
for page in "$@"; do
	"$here/changes.sh" "$changes" "${page##*/}" >"$tmp/changes.${page##*/}"
done

# wrap: the lines of standard input within 72 columns, each paragraph
# refilled; a line starting with "- " starts an item, its continuation
# lines indented under its text; lines indented by four or a tab stay.
wrap() {
	awk '
		function flush() { if (cur != "") print cur; cur = ""; ind = "" }
		# Two spaces between sentences, as man-pages writes.
		function add(word,    sep) {
			sep = (cur ~ /[.?!]$/ && cur !~ /(e\.g|i\.e|etc)\.$/ && word ~ /^[A-Z]/) ? "  " : " "
			if (cur == "") cur = word
			else if (length(cur) + length(sep) + length(word) > 72) { print cur; cur = ind word }
			else cur = cur sep word
		}
		/^[ \t]*$/ { flush(); print ""; next }
		/^(    |\t)/ { flush(); print; next }
		/^- / { flush(); cur = "-"; ind = "  "; sub(/^- /, "") }
		{ n = split($0, w, " "); for (i = 1; i <= n; i++) add(w[i]) }
		END { flush() }'
}

# known_facts FACTS...: fails, naming it, on a fact the commits file lacks.
known_facts() {
	for f in "$@"; do
		awk -F '\t' -v f="$f" '$1 == f { found = 1 } END { exit !found }' "$commits" ||
			die "$commits: no fact named $f"
	done
}

# cite FACTS...: the kernel commits behind the named facts, one item each
# ("Linux~X.Y": kept on one line by wrap, then spaced).
cite() {
	printf '%s\n' "$@" | awk -F '\t' 'NR == FNR { want[$1] = 1; next }
		($1 in want) && !seen[$3]++ { printf "- linux.git %s (\"%s\"), Linux~%s\n", $3, $4, $2 }' - "$commits"
}

# facts_of FILE: the facts whose words the lines of FILE state.
facts_of() {
	awk -F '\t' 'NR == FNR { if ($0 !~ /^#/ && NF == 5) { n++; fact[n] = $1; re[n] = $5 } next }
		{ for (i = 1; i <= n; i++) if (!(i in hit) && $0 ~ re[i]) hit[i] = 1 }
		END { for (i = 1; i <= n; i++) if (i in hit) print fact[i] }' "$commits" "$1"
}

# versions: the "(since Linux X.Y)" of a name that the staged change
# moves, a line each: "NAME: X.Y, not A.B".  The page reader finds them in
# the page before and after the change, the diff's hunks say which of
# their lines it removes and adds.
versions() {
	if g cat-file -e "HEAD:$dest" 2>/dev/null; then
		g show "HEAD:$dest" >"$tmp/before"
	else
		: >"$tmp/before"
	fi
	page versions "$tmp/before" >"$tmp/versions.before"
	page versions "$work/$dest" >"$tmp/versions.after"
	awk '/^@@ / {
			split($2, o, ","); split($3, n, ",")
			for (i = 0; i < ((2 in o) ? o[2] : 1); i++) print "-" (substr(o[1], 2) + i)
			for (i = 0; i < ((2 in n) ? n[2] : 1); i++) print "+" (substr(n[1], 2) + i)
		}' "$tmp/diff" >"$tmp/changed"
	awk 'FILENAME == ARGV[1] { changed[$1] = 1; next }
		FILENAME == ARGV[2] { if (("-" $1) in changed) old[$2] = $3; next }
		("+" $1) in changed { new[$2] = $3 }
		END { for (n in new) if ((n in old) && old[n] != new[n]) printf "%s: %s, not %s\n", n, new[n], old[n] }' \
		"$tmp/changed" "$tmp/versions.before" "$tmp/versions.after" | sort
}

# staged: the staged change ($tmp/diff) and the lines it adds ($tmp/added).
staged() {
	g diff --cached --no-color -U0 >"$tmp/diff"
	sed -n 's/^+\([^+]\)/\1/p; s/^+$//p' "$tmp/diff" >"$tmp/added"
}

# commit_msg FILE WHAT: commit what is staged with message FILE, after
# checking its body's width (trailers, such as Fixes: and Signed-off-by:,
# stay whole, as git and the kernel want them).
commit_msg() {
	awk -v what="$2" 'NR > 2 && length($0) > 72 && !/^(Fixes|Cc|Signed-off-by|Link|Reported-by|Suggested-by|Reviewed-by|Acked-by|Tested-by): / {
			printf "upstream-series: the message of \"%s\" has a line of %d columns, over 72:\n    %s\n", what, length($0), $0 > "/dev/stderr"
			bad = 1 }
		END { exit bad }' "$1" || exit 1
	g commit -q --cleanup=verbatim -F "$1"
}

work=$tmp/repo
g() { git -C "$work" -c core.hooksPath=/dev/null -c commit.gpgsign=false "$@"; }
if [ -n "$manpages" ]; then
	lib_checkout "$manpages"
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
release=$(awk '$1 == "release" { print $2; exit }' "$build/probe.txt" 2>/dev/null || :)
[ -n "$release" ] || release=$(uname -r)

# 1. The corrections, verified first.
: >"$tmp/corrected"
: >"$tmp/pages"
if [ -n "$manpages" ] && [ -d "$corrections" ]; then
	for fix in "$corrections"/*.sed; do
		[ -e "$fix" ] || continue
		fname=${fix##*/}
		field() { sed -n "s/^# $1: //p" "$fix"; }
		dest=$(field page | head -n 1)
		fsubject=$(field subject | head -n 1)
		if [ -z "$dest" ] || [ -z "$fsubject" ]; then
			die "$fix:1: a correction needs '# page:' and '# subject:' lines"
		fi
		[ -f "$work/$dest" ] || die "$fix: $dest is not in MANPAGES: the correction is obsolete, or the tree is not man-pages"
		# Shown on this kernel before it is claimed.
		: >"$tmp/verified"
		for claim in $(field claims); do
			if ! out=$(CLAIMS_TIMEOUT=${CLAIMS_TIMEOUT:-20} timeout 300 \
				"$here/../claims/exec.sh" -d "$claimsdir" -b "$build/claims" "$claim" 2>&1); then
				die "refusing to make the series: $fname: the claim $claim does not hold here:
    $out"
			fi
			case $out in
			PASS*) printf '%s\t%s\n' "$claim" "${out#PASS"$tab"}" >>"$tmp/verified" ;;
			*) die "refusing to make the series: $fname: the claim $claim was not shown here:
    $out" ;;
			esac
		done
		[ -s "$tmp/verified" ] || die "$fix: no '# claims:' line: a correction must be shown on a kernel"
		# shellcheck disable=SC2046
		known_facts $(field facts)
		sed -f "$fix" "$work/$dest" >"$tmp/fixed" || die "$fix: sed failed"
		if cmp -s "$tmp/fixed" "$work/$dest"; then
			die "$fix: it no longer changes $dest (upstream changed that text): remove or update it"
		fi
		cp "$tmp/fixed" "$work/$dest"
		g add -- "$dest"
		{
			printf '%s: %s\n\n' "$dest" "$fsubject"
			sed -n 's/^#> \{0,1\}//p' "$fix" | wrap
			echo
			awk -F '\t' -v r="$release" '{
				t = $2; if (t !~ /[.!]$/) t = t "."
				printf "Checked on Linux %s by uffd-man'"'"'s tests/claims/%s.c: %s\n", r, $1, t }' \
				"$tmp/verified" | wrap
			echo
			echo "The kernel commits behind it:"
			echo
			# shellcheck disable=SC2046
			cite $(field facts) | wrap | sed 's/Linux~/Linux /g'
			echo
			field fixes | sed 's/^/Fixes: /'
			field cc | sed 's/^/Cc: /'
			printf 'Signed-off-by: %s <%s>\n' "$name" "$email"
		} >"$tmp/message"
		commit_msg "$tmp/message" "$fname"
		printf '%s\t%s\t%s\n' "$dest" "$fname" "$(cut -f 1 "$tmp/verified" | tr '\n' ' ')" >>"$tmp/corrected"
	done
fi

# 2. The pages, each in as many steps as its size asks.
for page in "$@"; do
	pname=${page##*/}
	section=${pname##*.}
	dest=man/man$section/$pname
	if [ -f "$work/$dest" ]; then old=$tmp/old; cp "$work/$dest" "$old"; how=update
	else old=/dev/null; how=add; fi
	"$here/strip.sh" "$page" "$tmp/ours"
	if cmp -s "$old" "$tmp/ours"; then
		echo "$me: $dest: the same in the base already: no patch for it" >&2
		continue
	fi
	# The diff's share of a patch: what is left after the message.
	"$here/steps.sh" "$old" "$tmp/ours" $((limit - 4096)) "$tmp/steps" ||
		die "$page: cannot be cut into patches of at most $limit bytes"
	nsteps=$(wc -l <"$tmp/steps/steps")
	mkdir -p "$work/${dest%/*}"
	while IFS="$tab" read -r k verb what removed; do
		cp "$tmp/steps/$k" "$work/$dest"
		g add -- "$dest"
		staged
		# The subject: CHANGES' summary for a whole page, else the part.
		if [ -z "$what" ]; then
			headline=$(awk -v prefix="$dest: " 'NR == 1 && /[^.]\.$/ && !/\. / &&
				length(prefix $0) - 1 <= 76 { print substr($0, 1, length($0) - 1) }' "$tmp/changes.$pname")
			if [ -n "$headline" ]; then text_from=2
			else text_from=1; if [ "$how" = add ]; then headline="Add page"; else headline="Update page"; fi; fi
		else
			text_from=1
			case $verb/$what in
			Remove/*) headline="${what%%,*}: Remove what the new text replaces" ;;
			*/"the comments and .TH") headline="$verb the comments and .TH" ;;
			*/*", "*) headline="${what%%, *}: $verb ${what#*, }" ;;
			*/*" to "*) headline="${what%% *}: $verb ${what#* }" ;;
			*) headline="$what: $verb the section" ;;
			esac
			[ ${#headline} -le $((76 - ${#dest})) ] ||
				headline="${what%%,*}: $verb (part $k of $nsteps)"
		fi
		{
			printf '%s: %s\n\n' "$dest" "$headline"
			if [ "$k" -eq 1 ]; then
				awk -v from="$text_from" 'NR >= from' "$tmp/changes.$pname" |
					sed '/./,$!d' | wrap
				echo
			fi
			if [ "$nsteps" -gt 1 ]; then
				printf '%s %s of %s of the change to this page, cut where a patch of the whole would be over %s KB%s\n' \
					"$([ "$k" -eq 1 ] && echo "This is part" || echo "Part")" "$k" "$nsteps" $((limit / 1024)) \
					"$([ "$k" -eq 1 ] && echo "." || echo "; the first part says why.")" | wrap
				echo
				[ -z "$removed" ] || { printf 'It removes what uffd-man'"'"'s page does not have: %s.\n' "$removed" | wrap; echo; }
			fi
			versions >"$tmp/versions"
			if [ -s "$tmp/versions" ]; then
				echo "Versions it corrects (the first release with each):"
				echo
				sed 's/^/- /' "$tmp/versions" | wrap
				echo
			fi
			facts_of "$tmp/added" >"$tmp/facts"
			if [ -s "$tmp/facts" ]; then
				echo "The kernel commits behind the facts it states:"
				echo
				# shellcheck disable=SC2046
				cite $(cat "$tmp/facts") | wrap | sed 's/Linux~/Linux /g'
				echo
			fi
			printf 'Signed-off-by: %s <%s>\n' "$name" "$email"
		} >"$tmp/message"
		commit_msg "$tmp/message" "$dest: $headline"
	done <"$tmp/steps/steps"
	echo "$dest $how $nsteps" >>"$tmp/pages"
done
[ -s "$tmp/pages" ] || [ -s "$tmp/corrected" ] || die "every page is the same in the base already: nothing to send"

# The previous series, for the range-diff.
range=''
if [ -n "$previous" ]; then
	if [ -d "$previous" ]; then
		ls "$previous"/*.patch >/dev/null 2>&1 || die "-p $previous: no patches there"
		pbase=$(sed -n 's/^base-commit: \([0-9a-f]*\)$/\1/p' "$previous"/*.patch | head -n 1)
		[ -n "$pbase" ] || die "-p $previous: its cover letter names no base-commit (made without MANPAGES?)"
		g cat-file -e "$pbase^{commit}" 2>/dev/null ||
			die "-p $previous: its base $pbase is not in MANPAGES' history"
		tip=$(g rev-parse HEAD)
		g checkout -q --detach "$pbase"
		for p in "$previous"/*.patch; do
			case $p in *-cover-letter.patch) continue ;; esac
			cat "$p"
		done >"$tmp/previous.mbox"
		g -c user.name="$name" -c user.email="$email" am -q "$tmp/previous.mbox" >"$tmp/am" 2>&1 ||
			die "-p $previous: its patches do not apply to their base $pbase: $(head -n 3 "$tmp/am")"
		range="$pbase..$(g rev-parse HEAD)"
		g checkout -q --detach "$tip"
	else
		case $previous in
		*..*) ;;
		*) die "-p $previous: neither a directory of patches nor a range A..B" ;;
		esac
		if ! g rev-parse -q --verify "${previous%%..*}^{commit}" >/dev/null ||
			! g rev-parse -q --verify "${previous##*..}^{commit}" >/dev/null; then
			die "-p $previous: not a range of MANPAGES' history"
		fi
		range=$previous
	fi
elif [ -n "$manpages" ]; then
	# As man-pages asks, even for a first version: against nothing.
	range=$base
fi

# The series.
set -- --cover-letter --thread=shallow -o "$tmp/out"
[ -z "$reroll" ] || set -- "$@" -v "$reroll"
[ -z "$manpages" ] || set -- "$@" --base="$base"
[ -z "$range" ] || set -- "$@" --range-diff="$range"
while IFS= read -r a; do [ -z "$a" ] || set -- "$@" --to="$a"; done <<EOT
$to
EOT
while IFS= read -r a; do [ -z "$a" ] || set -- "$@" --cc="$a"; done <<EOT
$cc
EOT
g format-patch -q "$@" "$base..HEAD"

# No patch over the limit.
for p in "$tmp"/out/*.patch; do
	case $p in *-cover-letter.patch) continue ;; esac
	s=$(wc -c <"$p")
	[ "$s" -le "$limit" ] || die "${p##*/}: $s bytes, over the limit of $limit"
done

# The cover letter's subject and blurb.
if [ -z "$subject" ]; then
	pages=$(awk '{ n = $1; sub(/^.*\//, "", n); s = s (NR > 1 ? ", " : "") n } END { print s }' "$tmp/pages")
	ncorr=$(wc -l <"$tmp/corrected")
	if [ "$ncorr" -eq 0 ]; then
		subject="$pages: examples compiled and run"
	elif [ -z "$pages" ]; then
		subject="userfaultfd pages: $ncorr corrections"
	else
		subject="userfaultfd pages: $ncorr corrections, then $pages"
		[ ${#subject} -le 64 ] ||
			subject="userfaultfd pages: $ncorr corrections, then $(wc -l <"$tmp/pages") pages replaced"
	fi
fi
{
	if [ -s "$tmp/corrected" ]; then
		echo "The first patches correct what man-pages' pages say today; each"
		echo "stands alone, was checked on Linux $release by a small program"
		echo "(uffd-man's tests/claims/NAME.c, named in its message) and cites"
		echo "the kernel commits behind it:"
		echo
		awk -F '\t' '{ printf "    %-36s %s\n", $1, $2 }' "$tmp/corrected"
		echo
	fi
	if [ -s "$tmp/pages" ]; then
		if grep -q ' update ' "$tmp/pages"; then
			echo "The patches after them replace the pages below, in man-pages' tree at $(g log -1 --format='%h ("%s")' "$base"):" | wrap
		elif [ -n "$manpages" ]; then
			echo "The patches after them add the pages below to man-pages' tree at $(g log -1 --format='%h ("%s")' "$base"):" | wrap
		else
			echo "These patches add the pages below (made without a man-pages"
			echo "checkout: each patch creates its page):"
		fi
		echo
		awk '{ printf "    %-36s %s%s\n", $1, ($2 == "add" ? "new" : "replaced"),
			($3 > 1 ? ", in " $3 " patches" : "") }' "$tmp/pages"
		echo
		echo "A page whose patch would be over $((limit / 1024)) KB is sent in parts, one"
		echo "section (or subsection, or program) each, every part leaving a"
		echo "page that renders."
		echo
	fi
	if [ -n "$manpages" ]; then
		# The family's pages that the series leaves as they are.
		(cd "$work" && ls man/man2/userfaultfd.2 man/man2/ioctl_userfaultfd.2 \
			man/man2const/UFFDIO_*.2const 2>/dev/null) | while read -r f; do
			grep -q "^$f " "$tmp/pages" || echo "    $f"
		done >"$tmp/untouched"
		if [ -s "$tmp/untouched" ]; then
			echo "Pages of the userfaultfd family that no patch replaces (the"
			echo "corrections aside); they keep upstream's text:"
			echo
			cat "$tmp/untouched"
			echo
		fi
	fi
	cat "$here/markers.txt"
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
n=$(($(find "$outdir" -name '*.patch' | wc -l) - 1))
echo "$me: $outdir: a cover letter and $n patch$([ "$n" -eq 1 ] || echo es) ($(wc -l <"$tmp/corrected") correction$([ "$(wc -l <"$tmp/corrected")" -eq 1 ] || echo s) first), signed off by $name <$email>"
if [ -z "$manpages" ]; then
	echo "$me: made without MANPAGES: no corrections, and the patches create the pages; to base them on man-pages, give MANPAGES=<checkout>"
fi
echo "$me: to send: git send-email $outdir/*.patch"
