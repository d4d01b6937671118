#!/bin/sh
# kernel-cc OUT SRC [CFLAG...]
#
# Compiles SRC into OUT, a static, stripped program that runs on any
# kernel's initramfs, with $CC (gcc) and the flags given.  When SRC does
# not compile, OUT is a shell script instead that prints why and exits 1,
# so that the item fails on every kernel of the matrix (with the reason)
# and the others still run: the compiler's messages go to stderr, and the
# exit status is 0 all the same.  Exit status 2: usage error.
set -eu

me='kernel-cc'
[ $# -ge 2 ] || { echo "usage: $me OUT SRC [CFLAG...]" >&2; exit 2; }
out=$1 src=$2
shift 2
[ -f "$src" ] || { echo "$me: $src: no such file" >&2; exit 2; }
cc=${CC:-gcc}

mkdir -p "$(dirname "$out")"
rm -f "$out.tmp" "$out.log"
if $cc "$@" -static -s -o "$out.tmp" "$src" 2>"$out.log"; then
	cat "$out.log" >&2
	rm -f "$out.log"
	mv "$out.tmp" "$out"
	exit 0
fi
cat "$out.log" >&2
why=$(grep -m 1 'error' "$out.log" || head -n 1 "$out.log")
rm -f "$out.tmp" "$out.log"
echo "$me: $src does not compile as a static program: its item fails on every kernel" >&2
# The message, quoted for the shell: ' becomes '\''.
quoted=$(printf '%s' "$src does not compile as a static program: $why" | sed "s/'/'\\\\''/g")
printf "#!/bin/sh\necho '%s'\nexit 1\n" "$quoted" >"$out.tmp"
chmod 755 "$out.tmp"
mv "$out.tmp" "$out"
