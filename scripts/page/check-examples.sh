#!/bin/sh
# check-examples [--update] BUILD EXAMPLES PAGE...
#
# examples/PAGE/NAME.c is the program NAME.c of man2/PAGE (man2const/PAGE
# for a .2const page) as extracted into
# BUILD/PAGE/NAME.c, committed so that it can be read and compiled without
# the toolchain.  Fails, naming each file, when the two differ or one lacks
# the other; with --update, makes them the same instead.
set -eu

update=
if [ "${1-}" = --update ]; then update=1; shift; fi
[ $# -ge 2 ] || { echo "usage: check-examples [--update] BUILD EXAMPLES PAGE..." >&2; exit 2; }
build=$1 examples=$2
shift 2

# Where the page PAGE is kept.
src() {
	case $1 in
	*.2const) echo "man2const/$1" ;;
	*) echo "man2/$1" ;;
	esac
}

bad=0
for page in "$@"; do
	for f in "$build/$page"/*.c; do
		[ -e "$f" ] || continue
		copy=$examples/$page/${f##*/}
		cmp -s "$f" "$copy" && continue
		if [ -n "$update" ]; then
			mkdir -p "$examples/$page"
			cp "$f" "$copy"
			echo "updated $copy"
		elif [ -e "$copy" ]; then
			echo "$copy: differs from $(src "$page") (make examples refreshes it)" >&2
			bad=1
		else
			echo "$copy: missing; $(src "$page") has it (make examples writes it)" >&2
			bad=1
		fi
	done
	for copy in "$examples/$page"/*.c; do
		[ -e "$copy" ] || continue
		[ ! -e "$build/$page/${copy##*/}" ] || continue
		if [ -n "$update" ]; then
			rm -f "$copy"
			echo "removed $copy"
		else
			echo "$copy: $(src "$page") has no such program (make examples removes it)" >&2
			bad=1
		fi
	done
done
# A directory for a page that no longer exists.
for dir in "$examples"/*/; do
	[ -d "$dir" ] || continue
	page=$(basename "$dir")
	case " $* " in *" $page "*) continue ;; esac
	if [ -n "$update" ]; then
		rm -rf "$dir"
		echo "removed $dir"
	else
		echo "$dir: there is no page $(src "$page")" >&2
		bad=1
	fi
done
exit "$bad"
