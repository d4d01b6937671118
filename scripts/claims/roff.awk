# claims-roff.awk: roff helpers for the claims tools (awk -f this -f ...).

# Is this line a roff comment (.\" or '\" or \")?
function is_comment(s) {
	return s ~ /^[.\047][ \t]*\\"/ || s ~ /^\\"/
}

# The text of a roff line as a reader sees it, near enough: a macro's
# arguments unquoted and separated by spaces, font changes and
# zero-width escapes removed, \- and \e as - and \.
function plain(s,    name, rest, out, q, c, i, n) {
	sub(/\\".*/, "", s)
	if (s ~ /^[.\047]/) {
		name = s
		sub(/[ \t].*/, "", name)
		rest = substr(s, length(name) + 1)
		out = ""
		n = length(rest)
		q = 0
		for (i = 1; i <= n; i++) {
			c = substr(rest, i, 1)
			if (c == "\"") {
				if (q && substr(rest, i + 1, 1) == "\"") {
					out = out c
					i++
				} else
					q = !q
			} else if (!q && (c == " " || c == "\t"))
				out = out " "
			else
				out = out c
		}
		s = out
	}
	return unescape(s)
}

# Escapes out of a line of text (or of code in .EX).
function unescape(s) {
	sub(/\\".*/, "", s)
	gsub(/\\f(\[[^]]*\]|\(..|.)/, "", s)
	gsub(/\\[&%:\/,|^)]/, "", s)
	gsub(/\\-/, "-", s)
	gsub(/\\\(lq|\\\(rq/, "\"", s)
	gsub(/\\\(../, " ", s)
	gsub(/\\e/, "\\", s)
	gsub(/\\\[rs\]/, "\\", s)
	gsub(/\\\[aq\]/, "'", s)
	return s
}

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}
