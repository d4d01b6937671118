#!/bin/sh
# pathdir.sh DIR [LIST]
#
# Makes DIR a directory of symbolic links to exactly the commands that a
# new Debian 12 machine has once scripts/deps.sh has run: those of the
# essential and required packages, and those that LIST (scripts/deps.list)
# declares.  With PATH=DIR, a tool used by the build or the tests but not
# declared is "not found", by name.  Fails naming a declared command that
# this machine does not have.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: pathdir.sh DIR [LIST]" >&2
	exit 2
fi
dir=$1
list=${2:-$(dirname "$0")/deps.list}
[ -r "$list" ] || { echo "pathdir: $list: cannot read the list" >&2; exit 2; }
rm -rf "$dir"
mkdir -p "$dir"

# The essential and required packages' commands: every command on the
# standard PATH whose file (after links, alternatives among them) one of
# those packages installed.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pathdir.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
dpkg-query -W -f '${Package} ${Essential} ${Priority}\n' |
	awk '$2 == "yes" || $3 == "required" { print $1 }' |
	xargs dpkg-query -L 2>/dev/null | xargs -d '\n' readlink -f 2>/dev/null |
	sort -u >"$tmp/files"
# /bin and /sbin are links to /usr's on Debian 12; find lists each
# directory's entries once.
find /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin/ /bin/ -maxdepth 1 \
	\( -type f -o -type l \) 2>/dev/null | sort -u >"$tmp/names"
xargs -d '\n' readlink -m <"$tmp/names" >"$tmp/targets"
paste "$tmp/targets" "$tmp/names" | sort -t "$(printf '\t')" -k1,1 >"$tmp/commands"
join -t "$(printf '\t')" "$tmp/files" "$tmp/commands" | cut -f2 |
	while IFS= read -r f; do
		if [ -x "$f" ] && [ ! -e "$dir/${f##*/}" ]; then
			ln -s "$f" "$dir/${f##*/}"
		fi
	done

status=0
while read -r what pkg; do
	case $what in
	'' | '#'*) continue ;;
	/*) continue ;; # a file, not a command
	esac
	if target=$(command -v "$what" 2>/dev/null) && [ -n "$target" ]; then
		ln -sf "$target" "$dir/$what"
	else
		echo "pathdir: $list: $what (from $pkg) is not installed" >&2
		status=1
	fi
done <"$list"
exit $status
