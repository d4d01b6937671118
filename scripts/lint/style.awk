# lint-style.awk: the man-pages style rules that no formatter checks.
#
#	awk -v page=PATH -f scripts/lint/style.awk PATH
#
# Prints one line per violation, "PATH:LINE: RULE: message", in the order
# of the page, and exits 1 if it printed any.  The rules:
#
#   th               .TH name section date source: name and section are
#                    the file's, date YYYY-MM-DD (or "(date)" in an
#                    unreleased page), source "Linux man-pages VERSION"
#                    or "Linux man-pages (unreleased)"; the first macro.
#   section-order    the .SH headings are man-pages' own, in man-pages'
#                    order, once each; NAME, SYNOPSIS, DESCRIPTION (and
#                    LIBRARY in sections 2 and 3) present.
#   semantic-newline no sentence ends inside a line (". X", "? X", "! X"),
#                    and no clause break inside a line ("; X", ": X").
#                    Abbreviations (e.g., i.e., etc., ...) and a period
#                    followed by \& are not sentence ends.
#   trailing-space   no line ends in a space or a tab.
#   function-ref     a page reference is ".BR name (N)", never "name(N)".
#   constant-bold    constants (UFFD_*, UFFDIO_*, O_*, errno names, ...)
#                    in running text are bold (not in NAME, where a
#                    .2const page names its constant in roman).
#   file-italic      path names (/dev/..., /proc/...) and header files
#                    (<linux/userfaultfd.h>) in running text are italic;
#                    a variable part may be roman (.IR /proc/ pid /maps),
#                    the slashes may not.
#   tbl-hint         a page with a table starts with '\" t, so that man(1)
#                    runs tbl.
#
# Exempt from the text rules: comments, .EX/.EE and .nf/.fi blocks,
# .TS/.TE tables, macro definitions.  Checked: text lines, and the text
# arguments of the font macros (.B, .I, .BR, .IR, ...).

BEGIN {
	if (page == "") {
		print "lint-style.awk: usage: awk -v page=PATH -f lint-style.awk PATH" >"/dev/stderr"
		usage = 1
		exit 2
	}
	base = page
	sub(/.*\//, "", base)
	fsect = base
	if (fsect ~ /\./) sub(/^.*\./, "", fsect); else fsect = ""
	fname = base
	sub(/\.[^.]*$/, "", fname)
	snum = substr(fsect, 1, 1)

	# man-pages(7), "Sections within a manual page".  Section 2 pages use
	# only the headings its system calls need.
	if (snum == "2")
		norder = split("NAME|LIBRARY|SYNOPSIS|DESCRIPTION|RETURN VALUE|ERRORS|ENVIRONMENT|ATTRIBUTES|VERSIONS|STANDARDS|HISTORY|NOTES|CAVEATS|BUGS|EXAMPLES|SEE ALSO", order, "|")
	else
		norder = split("NAME|LIBRARY|SYNOPSIS|CONFIGURATION|DESCRIPTION|OPTIONS|EXIT STATUS|RETURN VALUE|ERRORS|ENVIRONMENT|FILES|ATTRIBUTES|VERSIONS|STANDARDS|HISTORY|NOTES|CAVEATS|BUGS|EXAMPLES|AUTHORS|REPORTING BUGS|COPYRIGHT|SEE ALSO", order, "|")
	for (i = 1; i <= norder; i++)
		rank[order[i]] = i
	required["NAME"] = 1
	required["SYNOPSIS"] = 1
	required["DESCRIPTION"] = 1
	if (snum == "2" || snum == "3")
		required["LIBRARY"] = 1
	lastrank = 0

	# Abbreviations whose period ends no sentence (lower case).
	nab = split("e.g. i.e. etc. vs. cf. al. approx. resp. viz. a.k.a.", ab, " ")
	for (i = 1; i <= nab; i++)
		abbrev[ab[i]] = 1

	# Error numbers, from <asm-generic/errno-base.h> and <asm-generic/errno.h>
	# (and glibc's ENOTSUP).
	nerrno = split("E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EADV EAFNOSUPPORT EAGAIN " \
	    "EALREADY EBADE EBADF EBADFD EBADMSG EBADR EBADRQC EBADSLT EBFONT " \
	    "EBUSY ECANCELED ECHILD ECHRNG ECOMM ECONNABORTED ECONNREFUSED " \
	    "ECONNRESET EDEADLK EDEADLOCK EDESTADDRREQ EDOM EDOTDOT EDQUOT EEXIST " \
	    "EFAULT EFBIG EHOSTDOWN EHOSTUNREACH EHWPOISON EIDRM EILSEQ " \
	    "EINPROGRESS EINTR EINVAL EIO EISCONN EISDIR EISNAM EKEYEXPIRED " \
	    "EKEYREJECTED EKEYREVOKED EL2HLT EL2NSYNC EL3HLT EL3RST ELIBACC " \
	    "ELIBBAD ELIBEXEC ELIBMAX ELIBSCN ELNRNG ELOOP EMEDIUMTYPE EMFILE " \
	    "EMLINK EMSGSIZE EMULTIHOP ENAMETOOLONG ENAVAIL ENETDOWN ENETRESET " \
	    "ENETUNREACH ENFILE ENOANO ENOBUFS ENOCSI ENODATA ENODEV ENOENT " \
	    "ENOEXEC ENOKEY ENOLCK ENOLINK ENOMEDIUM ENOMEM ENOMSG ENONET ENOPKG " \
	    "ENOPROTOOPT ENOSPC ENOSR ENOSTR ENOSYS ENOTBLK ENOTCONN ENOTDIR " \
	    "ENOTEMPTY ENOTNAM ENOTRECOVERABLE ENOTSOCK ENOTSUP ENOTTY ENOTUNIQ ENXIO " \
	    "EOPNOTSUPP EOVERFLOW EOWNERDEAD EPERM EPFNOSUPPORT EPIPE EPROTO " \
	    "EPROTONOSUPPORT EPROTOTYPE ERANGE EREMCHG EREMOTE EREMOTEIO ERESTART " \
	    "ERFKILL EROFS ESHUTDOWN ESOCKTNOSUPPORT ESPIPE ESRCH ESRMNT ESTALE " \
	    "ESTRPIPE ETIME ETIMEDOUT ETOOMANYREFS ETXTBSY EUCLEAN EUNATCH EUSERS " \
	    "EWOULDBLOCK EXDEV EXFULL", en, " ")
	for (i = 1; i <= nerrno; i++)
		errno[en[i]] = 1

	# Font macros: the font of each argument, cycling; "" joins the
	# arguments with spaces (.B, .I), otherwise with nothing.
	fm["B"] = "B";  fm["I"] = "I";  fm["SB"] = "B"; fm["SM"] = "R"
	fm["BR"] = "BR"; fm["RB"] = "RB"; fm["IR"] = "IR"; fm["RI"] = "RI"
	fm["BI"] = "BI"; fm["IB"] = "IB"

	nerr = 0
	inex = innf = ints = inde = 0
	sawth = 0
	thcomplained = 0
	section = ""
	firstline = ""
}

function report(line, rule, msg) {
	printf "%s:%d: %s: %s\n", page, line, rule, msg
	nerr++
}

# The arguments of a macro line (after the macro name) into a[1..n],
# with roff's quoting: "a b" is one argument, "" inside quotes is ".
function splitargs(s, a,    n, i, c, cur, q) {
	n = 0
	i = 1
	while (i <= length(s)) {
		c = substr(s, i, 1)
		if (c == " " || c == "\t") { i++; continue }
		cur = ""
		if (c == "\"") {
			i++
			while (i <= length(s)) {
				c = substr(s, i, 1)
				if (c == "\"") {
					if (substr(s, i + 1, 1) == "\"") { cur = cur "\""; i += 2; continue }
					i++
					break
				}
				cur = cur c
				i++
			}
		} else {
			while (i <= length(s)) {
				c = substr(s, i, 1)
				if (c == " " || c == "\t") break
				if (c == "\\" && i < length(s)) { cur = cur substr(s, i, 2); i += 2; continue }
				cur = cur c
				i++
			}
		}
		a[++n] = cur
	}
	return n
}

# A roff font name as one letter: R, B, I, or X for bold italic.
function fontletter(f) {
	if (f == "B" || f == "3" || f == "CB" || f == "TB" || f == "HB") return "B"
	if (f == "I" || f == "2" || f == "CI" || f == "TI" || f == "HI") return "I"
	if (f == "BI" || f == "4" || f == "CBI" || f == "TBI" || f == "HBI") return "X"
	return "R"
}

# Appends the text of s, set in font f, to the globals plain (the text)
# and fonts (one font letter per character of plain), interpreting the
# escapes: \f changes the font, \& is kept as \001 (it stops a sentence
# end), special characters and strings become \002, \~ and "\ " \003.
function settext(s, f,    i, c, d, e, prev, ch, j, n0) {
	n0 = length(plain)
	prev = f
	i = 1
	while (i <= length(s)) {
		c = substr(s, i, 1)
		if (c != "\\") { plain = plain c; fonts = fonts f; i++; continue }
		d = substr(s, i + 1, 1)
		i += 2
		if (d == "f") {
			e = substr(s, i, 1)
			if (e == "(") { e = substr(s, i + 1, 2); i += 3 }
			else if (e == "[") { j = index(substr(s, i), "]"); e = substr(s, i + 1, j - 2); i += j }
			else i++
			if (e == "P" || e == "") { e = prev; prev = f; f = e }
			else { prev = f; f = fontletter(e) }
			continue
		}
		if (d == "(" || d == "[" || d == "*" || d == "n") {
			if (d == "*" || d == "n") {
				e = substr(s, i, 1)
				if (e == "(") i += 3
				else if (e == "[") { j = index(substr(s, i), "]"); i += j }
				else i++
				ch = "\002"
			} else {
				if (d == "(") { e = substr(s, i, 2); i += 2 }
				else { j = index(substr(s, i), "]"); e = substr(s, i, j - 1); i += j }
				if (e == "aq" || e == "cq" || e == "oq") ch = "'"
				else if (e == "dq" || e == "rq" || e == "lq") ch = "\""
				else ch = "\002"
			}
			plain = plain ch; fonts = fonts f
			continue
		}
		if (d == "s") {		# \s+N, \s-N, \sN: size, no text
			if (substr(s, i, 1) ~ /[-+]/) i++
			while (substr(s, i, 1) ~ /[0-9]/) i++
			continue
		}
		if (d == "&") { plain = plain "\001"; fonts = fonts f; continue }
		if (d == "~" || d == " ") { plain = plain "\003"; fonts = fonts f; continue }
		if (d == "%" || d == ":" || d == "|" || d == "^" || d == "/" || d == "," || d == "c") continue
		if (d == "-") { plain = plain "-"; fonts = fonts f; continue }
		if (d == "e" || d == "\\") { plain = plain "\\"; fonts = fonts f; continue }
		plain = plain d; fonts = fonts f
	}
	plainsep = plainsep substr(plain, n0 + 1)
	return f
}

function isconstant(w,    star) {
	star = (w ~ /\*$/)
	if (star) sub(/\*$/, "", w)
	if (w in errno) return 1
	if (w == "PAGEMAP_SCAN") return 1
	if (star && (w == "UFFD" || w == "UFFDIO")) return 1
	if (w ~ /^(UFFD|UFFDIO|_UFFDIO|USERFAULTFD|O|MAP|PROT|MADV|MREMAP|MFD|MCL|CAP|PM_SCAN|PAGE_IS|PR|SA|SEEK|FD|F|_SC|CLONE|RLIMIT)_[A-Z0-9_]*$/)
		return star || w !~ /_$/
	if (w ~ /^SYS_[a-z0-9_]+$/) return 1
	if (w ~ /^(SIG|POLL|EPOLL)[A-Z0-9]+$/ && w != "SIGNAL" && w != "SIGNALS") return 1
	return 0
}

# The font letters of plain[from..from+len-1] all in the set fset.
function allfont(from, len, fset,    i) {
	for (i = from; i < from + len; i++)
		if (index(fset, substr(fonts, i, 1)) == 0)
			return 0
	return 1
}

# The font letters of the slashes of plain[from..from+len-1] all in fset:
# man-pages sets a variable part of a path name in roman,
# ".IR /proc/ pid /maps".
function slashesfont(from, len, fset,    i) {
	for (i = from; i < from + len; i++)
		if (substr(plain, i, 1) == "/" && index(fset, substr(fonts, i, 1)) == 0)
			return 0
	return 1
}

function shorten(s) {
	gsub(/[\001\002\004]/, "", s)
	gsub(/\003/, " ", s)
	sub(/^[ \t]+/, "", s)
	if (length(s) > 50) s = substr(s, 1, 47) "..."
	return s
}

# The text rules, on plain/fonts, for source line ln.
function checktext(ln,    s, t, off, w, pre, post, p, word, m) {
	s = plain

	# Sentence ends: [.?!], closing punctuation, blanks, then more text.
	t = s
	off = 0
	while (match(t, /[.?!][)"'\]]*[ \t]+[^ \t]/)) {
		p = off + RSTART
		pre = substr(s, 1, p)
		word = pre
		sub(/.*[^A-Za-z.]/, "", word)
		if (!(tolower(word) in abbrev) && substr(s, p - 1, 1) != ".") {
			report(ln, "semantic-newline", "sentence ends inside the line, start \"" shorten(substr(s, p + 1)) "\" on a new line")
			break
		}
		off += RSTART
		t = substr(t, RSTART + 1)
	}
	# Clause breaks: a semicolon or colon followed by more text.
	if (match(s, /[;:][ \t]+[^ \t]/))
		report(ln, "semantic-newline", "clause break \"" substr(s, RSTART, 1) "\" inside the line, start \"" shorten(substr(s, RSTART + 1)) "\" on a new line")

	# Page references in plain text: name(N).
	s = plainsep
	t = s
	off = 0
	while (match(t, /[A-Za-z_][A-Za-z0-9_.-]*\([1-9][a-z]*\)/)) {
		w = substr(t, RSTART, RLENGTH)
		if (off + RSTART == 1 || substr(s, off + RSTART - 1, 1) !~ /[A-Za-z0-9_]/) {
			m = w
			sub(/\(/, " (", m)
			report(ln, "function-ref", "\"" w "\": write a page reference as \".BR " m "\"")
		}
		off += RSTART + RLENGTH - 1
		t = substr(t, RSTART + RLENGTH)
	}

	# Constants in bold.
	s = plain
	t = s
	off = 0
	while (match(t, /[A-Za-z_][A-Za-z0-9_]*\*?/)) {
		w = substr(t, RSTART, RLENGTH)
		p = off + RSTART
		# NAME is plain: a .2const page is named after its constant.
		if (isconstant(w) && section != "NAME" && !allfont(p, RLENGTH, "BX"))
			report(ln, "constant-bold", "constant " w " in running text is not bold (.B, .BR, .RB or \\fB...\\fR)")
		off += RSTART + RLENGTH - 1
		t = substr(t, RSTART + RLENGTH)
	}

	# Path names and header files in italics.
	t = s
	off = 0
	while (match(t, /\/(dev|proc|sys|etc|usr|tmp|run|var|lib|bin|sbin|home|boot|opt|mnt|srv)(\/[^ \t"',;:()\001\002\003\004]*)?/)) {
		p = off + RSTART
		w = substr(t, RSTART, RLENGTH)
		post = substr(t, RSTART + RLENGTH, 1)
		pre = (p > 1) ? substr(s, p - 1, 1) : ""
		if (pre !~ /[A-Za-z0-9_.<>\/-]/ && post !~ /[A-Za-z0-9_]/) {
			while (w ~ /[.]$/) sub(/[.]$/, "", w)
			if (!slashesfont(p, length(w), "IX"))
				report(ln, "file-italic", "path name " w " in running text is not italic (.I, .IR or \\fI...\\fR)")
		}
		off += RSTART + RLENGTH - 1
		t = substr(t, RSTART + RLENGTH)
	}
	if (section != "SYNOPSIS") {
		t = s
		off = 0
		while (match(t, /<[A-Za-z0-9_\/.+-]+\.h>/)) {
			p = off + RSTART
			w = substr(t, RSTART, RLENGTH)
			if (!allfont(p, RLENGTH, "IX"))
				report(ln, "file-italic", "header file " w " in running text is not italic (.I, .IR or \\fI...\\fR)")
			off += RSTART + RLENGTH - 1
			t = substr(t, RSTART + RLENGTH)
		}
	}
}

function checksection(ln, title,    r, i, up) {
	if (!(title in rank)) {
		up = toupper(title)
		if (up in rank)
			report(ln, "section-order", "section heading \"" title "\" must be upper case: \"" up "\"")
		else
			report(ln, "section-order", "unknown section \"" title "\" for a section " (snum == "" ? "?" : snum) " page")
		return
	}
	if (title in seen) {
		report(ln, "section-order", "section " title " again (first at line " seen[title] ")")
		return
	}
	seen[title] = ln
	r = rank[title]
	if (r < lastrank) {
		report(ln, "section-order", "section " title " must come before " lasttitle " (line " seen[lasttitle] ")")
		return
	}
	for (i = 1; i < r; i++)
		if ((order[i] in required) && !(order[i] in seen) && !(order[i] in missing)) {
			missing[order[i]] = 1
			report(ln, "section-order", "section " order[i] " is missing before " title)
		}
	lastrank = r
	lasttitle = title
}

{
	ln = FNR
	line = $0
	if (FNR == 1) firstline = line

	if (line ~ /[ \t]$/)
		report(ln, "trailing-space", "line ends in " (line ~ / $/ ? "a space" : "a tab"))

	# Comments, whole-line.
	if (line ~ /^[.'][ \t]*\\"/ || line ~ /^\\"/ || line ~ /^[.'][ \t]*\\#/)
		next
	# Comments, trailing: \" not preceded by a backslash.
	if (index(line, "\\\"") > 0) {
		t = line
		cut = 0
		off = 0
		while ((k = index(t, "\\\"")) > 0) {
			if (k == 1 || substr(t, k - 1, 1) != "\\") { cut = off + k; break }
			off += k + 1
			t = substr(t, k + 2)
		}
		if (cut > 0) {
			line = substr(line, 1, cut - 1)
			sub(/[ \t]+$/, "", line)
		}
	}

	if (inde) {
		if (line ~ /^\.\.[ \t]*$/) inde = 0
		next
	}

	iscontrol = (line ~ /^[.']/)
	mac = ""
	rest = ""
	if (iscontrol) {
		mac = line
		sub(/^[.'][ \t]*/, "", mac)
		rest = mac
		sub(/[ \t].*/, "", mac)
		if (index(rest, " ") || index(rest, "\t")) sub(/^[^ \t]*[ \t]+/, "", rest); else rest = ""
	}

	if (!sawth && (iscontrol ? (mac != "TH" && mac != "") : line != "")) {
		if (!thcomplained)
			report(ln, "th", "the page must start with .TH (after the comments)")
		thcomplained = 1
	}

	if (mac == "TH") {
		if (sawth) { report(ln, "th", ".TH again (first at line " sawth ")"); next }
		sawth = ln
		n = splitargs(rest, a)
		if (n != 4) {
			report(ln, "th", "expected 4 arguments (.TH name section date \"Linux man-pages ...\"), got " n)
		}
		if (n >= 1 && a[1] != fname)
			report(ln, "th", "title \"" a[1] "\" is not the file's name \"" fname "\"")
		if (n >= 2 && a[2] != fsect)
			report(ln, "th", "section \"" a[2] "\" is not the file's section \"" fsect "\"")
		if (n >= 4 && a[4] != "Linux man-pages (unreleased)" && a[4] !~ /^Linux man-pages [0-9]+(\.[0-9]+)*(-rc[0-9]+)?$/)
			report(ln, "th", "source \"" a[4] "\" is neither \"Linux man-pages (unreleased)\" nor \"Linux man-pages VERSION\"")
		if (n >= 3) {
			if (a[3] == "(date)") {
				if (n >= 4 && a[4] != "Linux man-pages (unreleased)")
					report(ln, "th", "date \"(date)\" is for unreleased pages: a release has a date YYYY-MM-DD")
			} else if (a[3] !~ /^[12][0-9][0-9][0-9]-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/)
				report(ln, "th", "date \"" a[3] "\" is not YYYY-MM-DD")
		}
		next
	}

	if (mac == "de" || mac == "de1" || mac == "am") { inde = 1; next }
	if (mac == "EX") { inex = 1; next }
	if (mac == "EE") { inex = 0; next }
	if (mac == "nf") { innf = 1; next }
	if (mac == "fi") { innf = 0; next }
	if (mac == "TS") {
		ints = 1
		if (firstline !~ /^'\\" t/ && !tblwarned) {
			report(ln, "tbl-hint", "the page has a table: its first line must be '\\\" t")
			tblwarned = 1
		}
		next
	}
	if (mac == "TE") { ints = 0; next }

	if (mac == "SH") {
		n = splitargs(rest, a)
		title = ""
		for (i = 1; i <= n; i++) title = title (i > 1 ? " " : "") a[i]
		section = title
		checksection(ln, title)
		next
	}

	if (inex || innf || ints)
		next

	plain = ""
	plainsep = ""
	fonts = ""
	if (!iscontrol) {
		settext(line, "R")
		checktext(ln)
	} else if (mac in fm) {
		n = splitargs(rest, a)
		cyc = fm[mac]
		for (i = 1; i <= n; i++) {
			if (length(cyc) == 1) {
				if (i > 1) { plain = plain " "; fonts = fonts "R"; plainsep = plainsep " " }
				f = cyc
			} else {
				# \004 marks where two arguments join, in plainsep:
				# ".BR read (2)" is no "read(2)" in plain text.
				if (i > 1) plainsep = plainsep "\004"
				f = substr(cyc, 2 - i % 2, 1)
			}
			settext(a[i], f)
		}
		# A page reference in italics or roman: .IR name (N)
		if ((mac == "IR" || mac == "I" || mac == "RI") && n >= 2 && a[1] ~ /^[A-Za-z_][A-Za-z0-9_.-]*$/ && a[2] ~ /^\([1-9][a-z]*\)/)
		{
			match(a[2], /^\([1-9][a-z]*\)/)
			m = substr(a[2], 1, RLENGTH)
			report(ln, "function-ref", "page reference \"" a[1] " " m "\" is set with ." mac ": use .BR " a[1] " " m)
		}
		checktext(ln)
	}
}

END {
	if (usage)
		exit 2
	if (!sawth && FNR > 0 && !thcomplained)
		report(FNR, "th", "no .TH line")
	for (i = 1; i <= norder; i++)
		if ((order[i] in required) && !(order[i] in seen) && !(order[i] in missing))
			report(FNR, "section-order", "section " order[i] " is missing")
	exit (nerr > 0 ? 1 : 0)
}
