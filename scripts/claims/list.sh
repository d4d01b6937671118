#!/bin/sh
# claims-list PAGE...: list the errno claims of manual pages, and the
# checks tied to them, one record a line, fields separated by tabs:
#
#   entry    PAGE LINE ERRNOS CONTEXT   an errno claim (ERRNOS: EAGAIN/EWOULDBLOCK)
#   check    PAGE LINE ENTRY NAME       .\" CHECK NAME (ENTRY: line of its claim, - if none)
#   nocheck  PAGE LINE ENTRY REASON     .\" NOCHECK REASON
#
# An errno claim is a .TP (or .TQ) whose tag, the next line that is not a
# comment, starts with an errno name (.B EINVAL, .BR EAGAIN " or " EWOULDBLOCK).
# It is found wherever it is: in ERRORS, or in an ioctl's list of errors.
# CONTEXT is the section (ERRORS) or the subsection (.SS) it is in.
# A CHECK or NOCHECK comment belongs to the claim before it, up to the next
# .TP, .SS or .SH.  A CHECK outside any claim ties a check to a statement
# of the page (a privilege rule, say); a NOCHECK outside one is an error.
#
# Errors (a malformed comment) go to stderr as PAGE:LINE: message, and
# then nothing goes to stdout; the exit status is 2.
set -eu

prog=claims-list
if [ $# -eq 0 ]; then
	echo "usage: $prog PAGE..." >&2
	exit 2
fi
for page in "$@"; do
	if [ ! -r "$page" ]; then
		echo "$prog: $page: cannot read" >&2
		exit 2
	fi
done

# The errno names this system knows; CLAIMS_ERRNO_HEADERS may name others.
headers=${CLAIMS_ERRNO_HEADERS:-/usr/include/asm-generic/errno-base.h /usr/include/asm-generic/errno.h}
errnos=""
for h in $headers; do
	if [ ! -r "$h" ]; then
		echo "$prog: $h: cannot read (install linux-libc-dev)" >&2
		exit 2
	fi
	errnos="$errnos $(sed -n 's/^#define[[:space:]]\{1,\}\(E[A-Z0-9]\{1,\}\)[[:space:]].*/\1/p' "$h" | tr '\n' ' ')"
done
# Names the C library adds.
errnos="$errnos ENOTSUP"

exec awk -v errnos="$errnos" -f "$(dirname "$0")/roff.awk" -f /dev/stdin "$@" <<'EOF'
function err(msg) {
	err_at(FILENAME, FNR, msg)
}

function err_at(file, line, msg) {
	printf "%s:%d: %s\n", file, line, msg > "/dev/stderr"
	nerr++
}

function heading(s) {
	s = trim(plain(s))
	gsub(/\t/, " ", s)
	return s
}

# The errno names that start the tag, joined with "/"; "" if it does not
# start with one.
function tag_errnos(s,    t, n, w, i, out) {
	t = plain(s)
	gsub(/[^A-Z0-9]+/, " ", t)
	n = split(trim(t), w, " ")
	if (n == 0 || !(w[1] in known))
		return ""
	out = w[1]
	for (i = 2; i <= n; i++)
		if ((w[i] in known) && index("/" out "/", "/" w[i] "/") == 0)
			out = out "/" w[i]
	return out
}

function emit(rec) {
	out[++nout] = rec
}

# A CHECK or NOCHECK between a .TP and its tag waits for the tag, then
# belongs to the entry the tag starts (if it starts one).
function comment(kind, line, arg) {
	if (await == "TP") {
		pending[++npending] = kind OFS FILENAME OFS line OFS arg
		return
	}
	place(kind, FILENAME, line, arg)
}

function place(kind, file, line, arg) {
	if (kind == "check")
		emit("check" OFS file OFS line OFS (entry ? entry : "-") OFS arg)
	else if (!entry)
		err_at(file, line, "NOCHECK outside an errno entry (it belongs after the .B EXXX line of one)")
	else
		emit("nocheck" OFS file OFS line OFS entry OFS arg)
}

function flush(    i, f) {
	for (i = 1; i <= npending; i++) {
		split(pending[i], f, OFS)
		place(f[1], f[2], f[3], f[4])
	}
	npending = 0
}

BEGIN {
	n = split(errnos, e, " ")
	for (i = 1; i <= n; i++)
		known[e[i]] = 1
	OFS = "\t"
}

FNR == 1 {
	if (await == "TP") {
		entry = 0
		flush()
	}
	sh = ""; ss = ""; entry = 0; await = ""
}

# Comments: CHECK and NOCHECK are ours, the rest is ignored.
is_comment($0) {
	text = $0
	sub(/^[.\047]?[ \t]*\\"/, "", text)
	text = trim(text)
	if (text ~ /^CHECK([ \t]|$)/) {
		name = trim(substr(text, 6))
		if (name !~ /^[A-Za-z0-9_.-]+$/) {
			err("malformed CHECK: want .\\\" CHECK name, name of [A-Za-z0-9_.-]")
			next
		}
		comment("check", FNR, name)
	} else if (text ~ /^NOCHECK([ \t]|$)/) {
		why = trim(substr(text, 8))
		gsub(/\t/, " ", why)
		if (why == "")
			err("NOCHECK without a reason")
		else
			comment("nocheck", FNR, why)
	} else if (text ~ /^(NO)?CHECK/)
		err("malformed comment: want CHECK or NOCHECK followed by a space")
	next
}

/^[.\047][ \t]*(SH|SS|TP)([ \t]|$)/ && await == "TP" {
	entry = 0
	flush()
}
/^[.\047][ \t]*SH([ \t]|$)/ {
	sh = heading($0); ss = ""; entry = 0; await = ""
	next
}
/^[.\047][ \t]*SS([ \t]|$)/ {
	ss = heading($0); entry = 0; await = ""
	next
}
/^[.\047][ \t]*TP([ \t]|$)/ {
	entry = 0; await = "TP"
	next
}
/^[.\047][ \t]*TQ([ \t]|$)/ {
	await = "TQ"
	next
}

await != "" {
	tags = tag_errnos($0)
	if (await == "TQ" && entry && tags != "") {
		# Another tag of the same entry: .TP .B EAGAIN .TQ .B EWOULDBLOCK
		split(out[entry_rec], f, OFS)
		out[entry_rec] = f[1] OFS f[2] OFS f[3] OFS f[4] "/" tags OFS f[5]
	} else if (tags != "") {
		context = ss != "" && sh != "ERRORS" ? ss : sh
		emit("entry" OFS FILENAME OFS FNR OFS tags OFS context)
		entry = FNR
		entry_rec = nout
	} else
		entry = 0
	await = ""
	flush()
	next
}

END {
	if (await == "TP") {
		entry = 0
		flush()
	}
	if (nerr)
		exit 2
	for (i = 1; i <= nout; i++)
		print out[i]
}
EOF
