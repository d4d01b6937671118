#!/bin/sh
# report-html OUT.html KDIR PAGE...
#
# The verification report: every checked item of the pages, by cell of
# the kernel matrix (scripts/kernels/kernels.sh wrote KDIR/matrix.txt and
# KDIR/cells.txt), as one HTML table, grouped by page, section (.SH) and
# subsection (.SS).  A row is
#   an example session      at its .\" RUN BEGIN line
#   an errno entry          at its .\" CHECK line, after a .TP whose tag is
#                           an errno (.B EXXX)
#   a behaviour statement   at any other .\" CHECK line
#   a SINCE annotation      at its .\" SINCE line
# with the row id verify-PAGE-LINE (PAGE the page's file name, LINE that
# annotation's line), so that a page can link each statement to its row;
# then the rows of no page: each cell's boot and probe, and the claims no
# page names.  Each row has a column per cell: PASS, FAIL or SKIP with
# the reason, coloured; an errno entry or statement checked by several
# claims shows the worst of them (FAIL, then SKIP) and each one's reason.
# A cell that did not boot shows its reason in every row.  A statement
# whose item is missing from a cell's results is a SKIP that says so.
#
# Where the pages' HTML (PAGE.html) is beside OUT.html, each row links to
# its section there.  A script in the page counts what it shows and checks
# that its own links resolve (the "tally" paragraph; tests/report.bats
# reads it in headless Chromium).
#
# Prints "report: OUT.html: N rows, M cells: N passed, N failed, N
# skipped".  Exit status 0; 1 on an error (a missing or malformed input:
# FILE:LINE on stderr, nothing written); 2 on a usage error.
set -eu

me='report-html'
[ $# -ge 3 ] || { echo "usage: $me OUT.html KDIR PAGE..." >&2; exit 2; }
out=$1 kdir=$2
shift 2
for f in "$kdir/matrix.txt" "$kdir/cells.txt" "$@"; do
	[ -r "$f" ] || { echo "$me: $f: cannot read" >&2; exit 1; }
done

# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
lib_tmpdir report-html

# The pages' checked items, one a line, tab-separated:
#   PAGE LINE KIND SECTION SUBSECTION ITEMS TEXT
# KIND example, errno, statement or since; ITEMS the matrix's items that
# decide it, separated by spaces.  The reader finds them (page.c: checked,
# PAGE:LINE KIND SECTION SUBSECTION MARKS TEXT); here they are named as
# the matrix names them.
page checked "$@" >"$tmp/checked" || exit 1
awk -F '\t' '
	BEGIN { OFS = "\t" }
	{
		path = $1; sub(/:[0-9]+$/, "", path)
		line = substr($1, length(path) + 2)
		page = path; sub(/.*\//, "", page)
		kind = $2; n = split($5, w, " "); items = ""; text = $6
		if (kind == "example")
			items = "example " page "/" $5
		else if (kind == "since") {
			items = "since " path ":" line " " $5
			text = w[1] " offered from Linux " w[2] (n >= 3 ? " on " w[3] : "")
		} else
			for (i = 1; i <= n; i++)
				items = items (i > 1 ? " " : "") (w[i] ~ /^run:/ ? \
				    "example " page "/" substr(w[i], 5) : "claim " w[i])
		# At most 160 bytes, not cutting a character of UTF-8 in two.
		if (length(text) > 160) {
			text = substr(text, 1, 157)
			sub(/[\300-\367][\200-\277]*$/, "", text)
			text = text "..."
		}
		print page, line, kind, $3, $4, items, text
	}' "$tmp/checked" >"$tmp/rows"

# The results, by cell: KERNEL<tab>ITEM<tab>RESULT<tab>REASON; the cells.
awk -F '\t' 'FNR > 1 && NF >= 3' "$kdir/matrix.txt" >"$tmp/results"
awk -F '\t' 'FNR > 1 && NF >= 3' "$kdir/cells.txt" >"$tmp/cells"
[ -s "$tmp/cells" ] || { echo "$me: $kdir/cells.txt: no cells" >&2; exit 1; }

dir=$(dirname "$out")
mkdir -p "$dir"
: >"$tmp/pages-html"
for p in "$@"; do
	name=$(basename "$p")
	[ ! -f "$dir/$name.html" ] || echo "$name" >>"$tmp/pages-html"
done

awk -F '\t' -v cellsf="$tmp/cells" -v resultsf="$tmp/results" -v htmlf="$tmp/pages-html" \
	-v summary="$tmp/summary" '
	function esc(s) {
		gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
		gsub(/"/, "\\&quot;", s)
		return s
	}
	# The id that mandoc gives a section heading.
	function anchor(s) { gsub(/[ \t]+/, "_", s); return s }
	function rank(r) { return r == "FAIL" ? 3 : r == "SKIP" ? 2 : r == "PASS" ? 1 : 0 }
	# cell(K, ITEMS): the <td> of the items on kernel K.
	function cell(k, items,    n, w, i, r, worst, why, one) {
		if (boot[k] == "SKIP") {
			count["SKIP"]++
			return "<td class=\"r SKIP\">SKIP<small>" esc(bootwhy[k]) "</small></td>"
		}
		n = split(items, w, " \001 ")
		worst = ""; why = ""
		for (i = 1; i <= n; i++) {
			if ((k SUBSEP w[i]) in res) {
				r = res[k, w[i]]; one = reason[k, w[i]]
			} else {
				r = "SKIP"; one = "not in this cell\047s results"
			}
			if (rank(r) > rank(worst)) worst = r
			if (one != "" || n > 1) {
				if (n > 1) one = name(w[i]) ": " (one == "" ? r : one)
				why = why (why == "" ? "" : "; ") one
			}
		}
		count[worst]++
		if (worst == "PASS")
			return "<td class=\"r PASS\" title=\"" esc(why) "\">PASS</td>"
		return "<td class=\"r " worst "\">" worst "<small>" esc(why) "</small></td>"
	}
	function name(item) { sub(/^(claim|example) /, "", item); return item }
	function header(    j) {
		printf "<tr><th>id</th><th>what</th><th>checked by</th>"
		for (j = 1; j <= nk; j++)
			printf "<th class=\"cell\" title=\"%s\">%s<br><small>%s</small></th>", esc(kern[j]), esc(arch[kern[j]] " " cname[kern[j]]), esc(kern[j])
		print "</tr>"
	}
	function row(id, where, href, kind, text, by, items,    j, s) {
		s = "<tr id=\"" id "\"><td class=\"where\">"
		if (href != "") s = s "<a href=\"" esc(href) "\">" esc(where) "</a>"
		else s = s esc(where)
		s = s "<br><a class=\"self\" href=\"#" id "\">#</a></td>"
		s = s "<td class=\"what\"><span class=\"kind\">" kind "</span> " esc(text) "</td>"
		s = s "<td class=\"by\">" esc(by) "</td>"
		for (j = 1; j <= nk; j++) s = s cell(kern[j], items)
		print s "</tr>"
		rows++
	}
	BEGIN {
		while ((getline line < cellsf) > 0) {
			split(line, c, "\t")
			kern[++nk] = c[1]; arch[c[1]] = c[2]; cname[c[1]] = c[3]
			boot[c[1]] = c[4]; bootwhy[c[1]] = c[5]
		}
		while ((getline line < resultsf) > 0) {
			split(line, c, "\t")
			res[c[1], c[2]] = c[3]; reason[c[1], c[2]] = c[4]
			if (!(c[2] in seen)) { seen[c[2]] = 1; allitems[++ni] = c[2] }
		}
		while ((getline line < htmlf) > 0) hashtml[line] = 1
	}
	{
		page = $1; line = $2; kind = $3; sh = $4; ss = $5; items = $6; text = $7
		if (kind != "since") {
			n = split(items, w, " ")
			items = ""; by = ""
			for (i = 1; i <= n; i++) {
				if (w[i] == "claim" || w[i] == "example") { pre = w[i]; continue }
				items = items (items == "" ? "" : " \001 ") pre " " w[i]
				by = by (by == "" ? "" : ", ") (pre == "claim" ? "tests/claims/" w[i] ".c" : "session " w[i])
				used[pre " " w[i]] = 1
			}
		} else {
			by = "the probe"
			used[items] = 1
		}
		if (page != lastpage) {
			if (lastpage != "") print "</tbody></table>"
			printf "<h2 id=\"page-%s\">%s</h2>\n<table class=\"m\"><tbody>\n", esc(page), esc(page)
			header()
			lastpage = page; lastsh = "\001"; lastss = "\001"
		}
		if (sh != lastsh || ss != lastss) {
			printf "<tr class=\"group\"><th colspan=\"%d\">%s%s</th></tr>\n", nk + 3, esc(sh), (ss == "" ? "" : " \342\200\224 " esc(ss))
			lastsh = sh; lastss = ss
		}
		href = ""
		if (page in hashtml) href = page ".html" (ss != "" ? "#" anchor(ss) : sh != "" ? "#" anchor(sh) : "")
		label = (kind == "example" ? "example" : kind == "errno" ? "errno" : kind == "since" ? "SINCE" : "statement")
		row("verify-" page "-" line, page ":" line, href, label, text, by, items)
	}
	END {
		if (lastpage != "") print "</tbody></table>"
		print "<h2 id=\"cells\">The cells, and what no page names</h2>\n<table class=\"m\"><tbody>"
		header()
		printf "<tr class=\"group\"><th colspan=\"%d\">boot and probe</th></tr>\n", nk + 3
		row("verify-boot", "boot", "", "cell", "the guest boots and finishes", "scripts/kernels/boot.sh", "boot")
		row("verify-probe", "probe", "", "cell", "the probe reports the kernel", "scripts/run/probe.c", "probe")
		first = 1
		for (i = 1; i <= ni; i++) {
			it = allitems[i]
			if (it == "boot" || it == "probe" || (it in used)) continue
			if (first) { printf "<tr class=\"group\"><th colspan=\"%d\">claims that no page names</th></tr>\n", nk + 3; first = 0 }
			id = it; gsub(/[^A-Za-z0-9_.-]/, "-", id)
			row("verify-" id, name(it), "", "claim", it, (it ~ /^claim / ? "tests/claims/" name(it) ".c" : ""), it)
		}
		print "</tbody></table>"
		printf "%d %d %d %d %d\n", rows, nk, count["PASS"] + 0, count["FAIL"] + 0, count["SKIP"] + 0 > summary
	}' "$tmp/rows" >"$tmp/body" || exit 1

read -r rows ncells pass fail skipped <"$tmp/summary"
matrix_summary=$(sed -n 's/^Total: //p' "$kdir/summary.txt" 2>/dev/null || :)

{
	cat <<EOF
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>uffd-man: verification of the pages, by kernel</title>
<style>
body { font-family: sans-serif; margin: 1em 2em; color: #111; }
table.m { border-collapse: collapse; margin-bottom: 2em; font-size: 85%; }
table.m th, table.m td { border: 1px solid #bbb; padding: 2px 4px; vertical-align: top; }
th.cell { min-width: 7em; }
tr.group th { background: #e8e8f0; text-align: left; }
td.where { white-space: nowrap; font-family: monospace; }
td.what { min-width: 20em; max-width: 32em; }
td.by { font-family: monospace; font-size: 90%; min-width: 12em; max-width: 16em; overflow-wrap: anywhere; }
span.kind { font-weight: bold; }
td.r { font-weight: bold; text-align: center; }
td.r small { display: block; font-weight: normal; text-align: left; max-width: 16em; }
td.PASS { background: #c8efc8; color: #0a4a0a; }
td.FAIL { background: #f6c0c0; color: #7a0000; }
td.SKIP { background: #f2f2c4; color: #4a4a00; }
tr:target { outline: 3px solid #36c; }
a.self { color: #888; text-decoration: none; }
#tally { font-weight: bold; }
</style>
</head>
<body>
<h1>Verification of the pages, by kernel</h1>
<p>Every checked item of the pages: each example session, each errno entry and
behaviour statement with its check, each SINCE annotation, on each cell of
the kernel matrix. PASS, FAIL, or SKIP with the reason.
A row's id is <code>verify-PAGE-LINE</code>, the line of its annotation in the page.</p>
<p id="summary" data-rows="$rows" data-cells="$ncells" data-pass="$pass" data-fail="$fail" data-skip="$skipped">$rows rows, $ncells cells: $pass passed, $fail failed, $skipped skipped.
The matrix itself: ${matrix_summary:-no summary}.</p>
<p id="tally">(the script of this page has not run)</p>
<ul>
EOF
	for p in "$@"; do
		n=$(basename "$p")
		printf '<li><a href="#page-%s">%s</a></li>\n' "$n" "$n"
	done
	echo '<li><a href="#cells">the cells, and what no page names</a></li>'
	echo '</ul>'
	cat "$tmp/body"
	cat <<'EOF'
<script>
(function () {
	var n = { PASS: 0, FAIL: 0, SKIP: 0 }, broken = [];
	document.querySelectorAll("td.r").forEach(function (td) {
		var r = td.classList.contains("PASS") ? "PASS" : td.classList.contains("FAIL") ? "FAIL" : "SKIP";
		n[r]++;
	});
	document.querySelectorAll("a[href^='#']").forEach(function (a) {
		if (!document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))))
			broken.push(a.getAttribute("href"));
	});
	var s = document.getElementById("summary").dataset;
	var same = n.PASS == s.pass && n.FAIL == s.fail && n.SKIP == s.skip;
	var t = document.getElementById("tally");
	t.dataset.pass = n.PASS; t.dataset.fail = n.FAIL; t.dataset.skip = n.SKIP;
	t.dataset.rows = document.querySelectorAll("tr[id^='verify-']").length;
	t.dataset.broken = broken.length;
	t.dataset.consistent = same ? "yes" : "no";
	t.textContent = "Shown: " + n.PASS + " passed, " + n.FAIL + " failed, " + n.SKIP + " skipped; " +
		(same ? "as counted" : "NOT as counted") + "; " + broken.length + " broken links" +
		(broken.length ? ": " + broken.join(" ") : "") + ".";
})();
</script>
</body>
</html>
EOF
} >"$tmp/out.html"
mv "$tmp/out.html" "$out"
echo "report: $out: $rows rows, $ncells cells: $pass passed, $fail failed, $skipped skipped"
