# lint-width.awk: the rendered lines of a page that are wider than the
# terminal, with the source line each comes from where it can be found.
#
#	LC_ALL=C awk -v page=PATH -v renderer=NAME -v width=80 \
#		-f scripts/lint/width.awk WORDS RENDERED
#
# WORDS is what the page reader says of the page's lines (page words:
# "lines N", "th LINE", "sh LINE TITLE", "w LINE WORDS"); RENDERED is the
# page formatted for the terminal, without overstriking
# (col -bx).  Prints "PAGE:LINE: width: NAME: rendered line N is C columns
# wide (> 80): TEXT".  The source line is found by the words of the
# rendered line: the source line with the same words, in the section the
# rendered line is in; failing that the one holding its longest word;
# failing that the .SH line of the section, with a note.

# Characters, not bytes: UTF-8 continuation bytes do not count.
function columns(s,    t) {
	t = s
	gsub(/[\200-\277]/, "", t)
	return length(t)
}

function trim(s) {
	sub(/^ +/, "", s)
	if (columns(s) > 60) {
		s = substr(s, 1, 57)
		sub(/[\300-\377][\200-\277]*$/, "", s)
		s = s "..."
	}
	return s
}

FNR == 1 { file++ }

# The source, as the page reader reads it.
file == 1 {
	if ($1 == "lines") nsrc = $2
	else if ($1 == "th") thline = $2
	else if ($1 == "sh") {
		t = $0
		sub(/^sh [0-9]+ /, "", t)
		shline[t] = $2
		shorder[++nsh] = $2
	} else if ($1 == "w") {
		t = $0
		sub(/^w [0-9]+ ?/, "", t)
		w[$2] = t
	}
	next
}

# The rendered page.
{
	nrend = FNR
	rend[FNR] = $0
}

END {
	if (page == "" || renderer == "") {
		print "lint-width.awk: usage: awk -v page=P -v renderer=R -f lint-width.awk PAGE RENDERED" >"/dev/stderr"
		exit 2
	}
	if (width == "") width = 80
	sectfirst = 1
	sectlast = nsrc
	cursect = ""
	cursor = 1
	bad = 0
	for (r = 1; r <= nrend; r++) {
		line = rend[r]
		# A section heading: unindented upper-case text.
		if (line ~ /^[A-Z][A-Z ]*[A-Z]$/ && (line in shline)) {
			cursect = line
			sectfirst = shline[line]
			sectlast = nsrc
			for (i = 1; i <= nsh; i++)
				if (shorder[i] > sectfirst) { sectlast = shorder[i] - 1; break }
			cursor = sectfirst
			continue
		}
		c = columns(line)
		if (c <= width)
			continue
		bad++
		rw = line
		gsub(/[^A-Za-z0-9_]+/, " ", rw)
		sub(/^ +/, "", rw)
		sub(/ +$/, "", rw)
		found = 0
		note = ""
		if (r == 1 || r == nrend) {
			found = thline
		}
		# Same words, from the last match on, then anywhere in the section.
		for (i = cursor; !found && rw != "" && i <= sectlast; i++)
			if (w[i] == rw) found = i
		for (i = sectfirst; !found && rw != "" && i <= sectlast; i++)
			if (w[i] == rw) found = i
		# The longest word of the rendered line.
		if (!found) {
			n = split(rw, parts, " ")
			long = ""
			for (i = 1; i <= n; i++)
				if (length(parts[i]) > length(long)) long = parts[i]
			if (length(long) >= 4)
				for (i = sectfirst; !found && i <= sectlast; i++)
					if (index(" " w[i] " ", " " long " ")) found = i
		}
		if (!found) {
			found = (cursect != "") ? sectfirst : 1
			note = " (source line not found; " (cursect != "" ? "in section " cursect : "before the first section") ")"
		} else
			cursor = found
		printf "%s:%d: width: %s: rendered line %d is %d columns wide (> %d): %s%s\n", page, found, renderer, r, c, width, trim(line), note
	}
	exit (bad > 0 ? 1 : 0)
}
