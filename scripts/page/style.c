/*
 * style.c: the man-pages style rules that no formatter checks, and the
 * words of each line for lint's width check.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

/* --- the style rules (they were scripts/lint/style.awk) --- */

struct style {
	const char  *path;
	char        fname[256], fsect[64], snum;
	const char  **order;
	int         norder, lastrank, nerr;
	int         seen[32], missing[32];
	char        lasttitle[128];
	char        section[128];
	struct buf  plain, fonts, sep;
};

static const char *const order2[] = {
	"NAME", "LIBRARY", "SYNOPSIS", "DESCRIPTION", "RETURN VALUE", "ERRORS",
	"ENVIRONMENT", "ATTRIBUTES", "VERSIONS", "STANDARDS", "HISTORY", "NOTES",
	"CAVEATS", "BUGS", "EXAMPLES", "SEE ALSO",
};
static const char *const order_other[] = {
	"NAME", "LIBRARY", "SYNOPSIS", "CONFIGURATION", "DESCRIPTION", "OPTIONS",
	"EXIT STATUS", "RETURN VALUE", "ERRORS", "ENVIRONMENT", "FILES",
	"ATTRIBUTES", "VERSIONS", "STANDARDS", "HISTORY", "NOTES", "CAVEATS",
	"BUGS", "EXAMPLES", "AUTHORS", "REPORTING BUGS", "COPYRIGHT", "SEE ALSO",
};

static void
report(struct style *st, int line, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#include <stdarg.h>

static void
report(struct style *st, int line, const char *rule, const char *fmt, ...)
{
	va_list  ap;

	printf("%s:%d: %s: ", st->path, line, rule);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	st->nerr++;
}

static int
required(const struct style *st, const char *title)
{
	return strcmp(title, "NAME") == 0 || strcmp(title, "SYNOPSIS") == 0 ||
	    strcmp(title, "DESCRIPTION") == 0 || (strcmp(title, "LIBRARY") == 0 &&
	    (st->snum == '2' || st->snum == '3'));
}

static int
rank(const struct style *st, const char *title)
{
	int  i;

	for (i = 0; i < st->norder; i++)
		if (strcmp(st->order[i], title) == 0)
			return i + 1;
	return 0;
}

static void
check_section(struct style *st, int ln, const char *title)
{
	char  up[128];
	int   r, i;

	if ((r = rank(st, title)) == 0) {
		for (i = 0; i < 127 && title[i] != '\0'; i++)
			up[i] = (char) toupper((unsigned char) title[i]);
		up[i] = '\0';
		if (rank(st, up))
			report(st, ln, "section-order", "section heading \"%s\" must "
			    "be upper case: \"%s\"", title, up);
		else
			report(st, ln, "section-order", "unknown section \"%s\" for "
			    "a section %c page", title, st->snum ? st->snum : '?');
		return;
	}
	if (st->seen[r - 1]) {
		report(st, ln, "section-order", "section %s again (first at line "
		    "%d)", title, st->seen[r - 1]);
		return;
	}
	st->seen[r - 1] = ln;
	if (r < st->lastrank) {
		report(st, ln, "section-order", "section %s must come before %s "
		    "(line %d)", title, st->lasttitle,
		    st->seen[st->lastrank - 1]);
		return;
	}
	for (i = 0; i < r - 1; i++)
		if (required(st, st->order[i]) && !st->seen[i] &&
		    !st->missing[i]) {
			st->missing[i] = 1;
			report(st, ln, "section-order", "section %s is missing "
			    "before %s", st->order[i], title);
		}
	st->lastrank = r;
	snprintf(st->lasttitle, sizeof(st->lasttitle), "%s", title);
}

/* The text of s set in font f, appended to plain, fonts and sep. */
static void
set_text(struct style *st, const char *s, char f)
{
	struct decode  d;

	dec_init(&d, f);
	(void) roff_decode(&d, s, DEC_MARKS);
	buf_add(&st->plain, d.out.s, d.out.len);
	buf_add(&st->fonts, d.fonts.s, d.fonts.len);
	buf_add(&st->sep, d.out.s, d.out.len);
	dec_free(&d);
}

/* A short excerpt of s for a message: marks out, at most 50 bytes. */
static void
shorten(const char *s, char *out, size_t max)
{
	size_t  n = 0;

	for (; *s != '\0' && n + 1 < max; s++) {
		if (*s == '\001' || *s == '\002' || *s == '\004')
			continue;
		if (n == 0 && (*s == ' ' || *s == '\t' || *s == '\003'))
			continue;
		out[n++] = *s == '\003' ? ' ' : *s;
	}
	out[n] = '\0';
	if (n > 50)
		memcpy(out + 47, "...", 4);
}

static const char *const abbrevs[] = {
	"e.g.", "i.e.", "etc.", "vs.", "cf.", "al.", "approx.", "resp.", "viz.",
	"a.k.a.",
};

#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define DIGIT "0123456789"

/* Is s made of the bytes of set alone? */
static int
only(const char *s, const char *set)
{
	return s[strspn(s, set)] == '\0';
}

static int
is_constant(const char *tok)
{
	static const char *const prefixes[] = {
		"UFFD", "UFFDIO", "_UFFDIO", "USERFAULTFD", "O", "MAP", "PROT",
		"MADV", "MREMAP", "MFD", "MCL", "CAP", "PM_SCAN", "PAGE_IS", "PR",
		"SA", "SEEK", "FD", "F", "_SC", "CLONE", "RLIMIT",
	};
	char    w[256];
	size_t  n = strlen(tok), i;
	int     star = n > 0 && tok[n - 1] == '*';

	if (n >= sizeof(w))
		return 0;
	memcpy(w, tok, n + 1);
	if (star)
		w[--n] = '\0';
	if (is_errno(w) || strcmp(w, "PAGEMAP_SCAN") == 0)
		return 1;
	if (star && (strcmp(w, "UFFD") == 0 || strcmp(w, "UFFDIO") == 0))
		return 1;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t  pl = strlen(prefixes[i]);

		if (strncmp(w, prefixes[i], pl) == 0 && w[pl] == '_' &&
		    only(w + pl + 1, UPPER DIGIT "_"))
			return star || w[n - 1] != '_';
	}
	if (strncmp(w, "SYS_", 4) == 0 && n > 4 && only(w + 4, LOWER DIGIT "_"))
		return 1;
	for (i = 0; i < 3; i++) {
		static const char *const sig[] = {"SIG", "POLL", "EPOLL"};
		size_t  pl = strlen(sig[i]);

		if (strncmp(w, sig[i], pl) == 0 && n != pl &&
		    only(w + pl, UPPER DIGIT) && strcmp(w, "SIGNAL") != 0 &&
		    strcmp(w, "SIGNALS") != 0)
			return 1;
	}
	return 0;
}

/* Is each character of the text from..from+len (with slash, each slash
 * among them) in one of the fonts of set?  (plain and fonts have a byte
 * each per character.) */
static int
in_fonts(const struct style *st, size_t from, size_t len, const char *set,
    int slash)
{
	size_t  i;

	for (i = from; i < from + len && i < st->fonts.len; i++)
		if ((!slash || st->plain.s[i] == '/') &&
		    strchr(set, st->fonts.s[i]) == NULL)
			return 0;
	return 1;
}

static int
word_start(int c)
{
	return isalpha(c) || c == '_';
}

static int
word_char(int c)
{
	return isalnum(c) || c == '_';
}

static void
check_text(struct style *st, int ln)
{
	const char  *s = st->plain.s;
	size_t      n = st->plain.len, i, j, k;
	char        ex[64];

	/* Sentence ends: [.?!], closing punctuation, blanks, more text. */
	for (i = 0; i < n; i++) {
		if (s[i] != '.' && s[i] != '?' && s[i] != '!')
			continue;
		for (j = i + 1; j < n && strchr(")\"']", s[j]) != NULL; j++)
			;
		for (k = j; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (k == j || k == n)
			continue;
		{
			size_t  w = i + 1, a;
			int     abbrev = 0;
			char    word[32];

			while (w > 0 && (isalpha((unsigned char) s[w - 1]) ||
			    s[w - 1] == '.'))
				w--;
			if (i + 1 - w < sizeof(word)) {
				for (a = 0; a < i + 1 - w; a++)
					word[a] = (char) tolower((unsigned char) s[w + a]);
				word[a] = '\0';
				for (a = 0; a < sizeof(abbrevs) / sizeof(abbrevs[0]); a++)
					if (strcmp(word, abbrevs[a]) == 0)
						abbrev = 1;
			}
			if (!abbrev && !(i > 0 && s[i - 1] == '.')) {
				shorten(s + i + 1, ex, sizeof(ex));
				report(st, ln, "semantic-newline", "sentence ends inside "
				    "the line, start \"%s\" on a new line", ex);
				break;
			}
		}
	}
	/* Clause breaks: a semicolon or colon followed by more text. */
	for (i = 0; i < n; i++) {
		if (s[i] != ';' && s[i] != ':')
			continue;
		for (k = i + 1; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (k == i + 1 || k == n)
			continue;
		shorten(s + i + 1, ex, sizeof(ex));
		report(st, ln, "semantic-newline", "clause break \"%c\" inside the "
		    "line, start \"%s\" on a new line", s[i], ex);
		break;
	}
	/* Page references in plain text: name(N). */
	{
		const char  *t = st->sep.s;
		size_t      tn = st->sep.len;

		for (i = 0; i < tn; i++) {
			if (!word_start((unsigned char) t[i]))
				continue;
			for (j = i + 1; j < tn && (word_char((unsigned char) t[j]) ||
			    t[j] == '.' || t[j] == '-'); j++)
				;
			if (j + 2 < tn && t[j] == '(' && t[j + 1] >= '1' &&
			    t[j + 1] <= '9') {
				for (k = j + 2; k < tn && islower((unsigned char) t[k]); k++)
					;
				if (k < tn && t[k] == ')') {
					if (i == 0 || !word_char((unsigned char) t[i - 1]))
						report(st, ln, "function-ref", "\"%.*s\": write "
						    "a page reference as \".BR %.*s %.*s\"",
						    (int) (k + 1 - i), t + i, (int) (j - i),
						    t + i, (int) (k + 1 - j), t + j);
					i = k;
					continue;
				}
			}
			i = j - 1;
		}
	}
	/* Constants in bold. */
	for (i = 0; i < n; i++) {
		char  tok[256];

		if (!word_start((unsigned char) s[i]))
			continue;
		for (j = i + 1; j < n && word_char((unsigned char) s[j]); j++)
			;
		if (j < n && s[j] == '*')
			j++;
		if (j - i < sizeof(tok)) {
			memcpy(tok, s + i, j - i);
			tok[j - i] = '\0';
			/* NAME is plain: a .2const page is named after its constant. */
			if (is_constant(tok) && strcmp(st->section, "NAME") != 0 &&
			    !in_fonts(st, i, j - i, "BX", 0))
				report(st, ln, "constant-bold", "constant %s in running "
				    "text is not bold (.B, .BR, .RB or \\fB...\\fR)", tok);
		}
		i = j - 1;
	}
	/* Path names and header files in italics. */
	for (i = 0; i < n; i++) {
		static const char *const dirs[] = {
			"dev", "proc", "sys", "etc", "usr", "tmp", "run", "var",
			"lib", "bin", "sbin", "home", "boot", "opt", "mnt", "srv",
		};
		size_t  d, len = 0;

		if (s[i] != '/')
			continue;
		for (d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++)
			if (strncmp(s + i + 1, dirs[d], strlen(dirs[d])) == 0)
				len = 1 + strlen(dirs[d]);
		if (len == 0)
			continue;
		if (i + len < n && s[i + len] == '/')
			for (len++; i + len < n &&
			    strchr(" \t\"',;:()\001\002\003\004", s[i + len]) == NULL;
			    len++)
				;
		{
			char  pre = i > 0 ? s[i - 1] : ' ';
			char  post = i + len < n ? s[i + len] : ' ';
			size_t  wl = len;

			if (!(word_char((unsigned char) pre) || strchr(".<>/-", pre)) &&
			    !word_char((unsigned char) post)) {
				while (wl > 0 && s[i + wl - 1] == '.')
					wl--;
				if (!in_fonts(st, i, wl, "IX", 1))
					report(st, ln, "file-italic", "path name %.*s in "
					    "running text is not italic (.I, .IR or "
					    "\\fI...\\fR)", (int) wl, s + i);
			}
		}
		i += len - 1;
	}
	if (strcmp(st->section, "SYNOPSIS") != 0)
		for (i = 0; i < n; i++) {
			if (s[i] != '<')
				continue;
			for (j = i + 1; j < n && (word_char((unsigned char) s[j]) ||
			    strchr("/.+-", s[j]) != NULL); j++)
				;
			if (j < n && s[j] == '>' && j - i >= 4 && s[j - 1] == 'h' &&
			    s[j - 2] == '.') {
				if (!in_fonts(st, i, j + 1 - i, "IX", 0))
					report(st, ln, "file-italic", "header file %.*s in "
					    "running text is not italic (.I, .IR or "
					    "\\fI...\\fR)", (int) (j + 1 - i), s + i);
				i = j;
			}
		}
}

/* YYYY-MM-DD, the year from 1000 to 2999. */
static int
is_date(const char *d)
{
	int  i, m, day;

	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-' ||
	    (d[0] != '1' && d[0] != '2'))
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char) d[i]))
			return 0;
	m = (d[5] - '0') * 10 + (d[6] - '0');
	day = (d[8] - '0') * 10 + (d[9] - '0');
	return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

static int
is_source(const char *s)
{
	const char  *p = "Linux man-pages ";
	size_t      n = strlen(p);

	if (strcmp(s, "Linux man-pages (unreleased)") == 0)
		return 1;
	if (strncmp(s, p, n) != 0 || !isdigit((unsigned char) s[n]))
		return 0;
	for (s += n; isdigit((unsigned char) *s) || (*s == '.' &&
	    isdigit((unsigned char) s[1])); s++)
		;
	if (strncmp(s, "-rc", 3) == 0 && isdigit((unsigned char) s[3]))
		for (s += 3; isdigit((unsigned char) *s); s++)
			;
	return *s == '\0';
}

static void
check_th(struct style *st, int ln, const char *rest)
{
	char  *a[16];
	int   n, i;

	n = roff_args(rest, a, 16);
	if (n != 4)
		report(st, ln, "th", "expected 4 arguments (.TH name section date "
		    "\"Linux man-pages ...\"), got %d", n);
	if (n >= 1 && strcmp(a[0], st->fname) != 0)
		report(st, ln, "th", "title \"%s\" is not the file's name \"%s\"",
		    a[0], st->fname);
	if (n >= 2 && strcmp(a[1], st->fsect) != 0)
		report(st, ln, "th", "section \"%s\" is not the file's section "
		    "\"%s\"", a[1], st->fsect);
	if (n >= 4 && !is_source(a[3]))
		report(st, ln, "th", "source \"%s\" is neither \"Linux man-pages "
		    "(unreleased)\" nor \"Linux man-pages VERSION\"", a[3]);
	if (n >= 3) {
		if (strcmp(a[2], "(date)") == 0) {
			if (n >= 4 && strcmp(a[3], "Linux man-pages (unreleased)") != 0)
				report(st, ln, "th", "date \"(date)\" is for unreleased "
				    "pages: a release has a date YYYY-MM-DD");
		} else if (!is_date(a[2]))
			report(st, ln, "th", "date \"%s\" is not YYYY-MM-DD", a[2]);
	}
	for (i = 0; i < n; i++)
		free(a[i]);
}

/* The line without a trailing \" comment (a \" not after a backslash). */
static char *
cut_comment(const char *raw)
{
	char    *line = xstrdup(raw);
	size_t  i, n;

	for (i = 0; line[i] != '\0'; i++) {
		if (line[i] == '\\' && line[i + 1] == '\\') {
			i++;
			continue;
		}
		if (line[i] == '\\' && line[i + 1] == '"') {
			line[i] = '\0';
			n = strlen(line);
			while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
				line[--n] = '\0';
			break;
		}
	}
	return line;
}

static int
style_page(const struct page *p)
{
	struct style  st;
	const char    *base, *dot;
	int           i, inde = 0, inex = 0, innf = 0, ints = 0, sawth = 0;
	int           thcomplained = 0, tblwarned = 0;

	memset(&st, 0, sizeof(st));
	st.path = p->path;
	base = strrchr(p->path, '/') ? strrchr(p->path, '/') + 1 : p->path;
	dot = strrchr(base, '.');
	snprintf(st.fname, sizeof(st.fname), "%.*s",
	    (int) (dot ? (size_t) (dot - base) : strlen(base)), base);
	snprintf(st.fsect, sizeof(st.fsect), "%s", dot ? dot + 1 : "");
	st.snum = st.fsect[0];
	if (st.snum == '2') {
		st.order = (const char **) order2;
		st.norder = sizeof(order2) / sizeof(order2[0]);
	} else {
		st.order = (const char **) order_other;
		st.norder = sizeof(order_other) / sizeof(order_other[0]);
	}
	for (i = 1; i <= p->nraw; i++) {
		const struct line  *l = &p->lines[i];
		const char         *raw = p->raw[i];
		size_t             len = strlen(raw);
		char               *line;
		struct line        cl;
		const char         *mac;

		if (len > 0 && (raw[len - 1] == ' ' || raw[len - 1] == '\t'))
			report(&st, i, "trailing-space", "line ends in %s",
			    raw[len - 1] == ' ' ? "a space" : "a tab");
		if (l->kind == LINE_COMMENT)
			continue;
		line = cut_comment(raw);
		if (inde) {
			if (line[0] == '.' && line[1] == '.' &&
			    strspn(line + 2, " \t") == strlen(line + 2))
				inde = 0;
			free(line);
			continue;
		}
		roff_classify(line, &cl);
		mac = cl.kind == LINE_MACRO ? cl.macro : "";
		if (!sawth && (cl.kind == LINE_MACRO ? (strcmp(mac, "TH") != 0 &&
		    mac[0] != '\0') : line[0] != '\0')) {
			if (!thcomplained)
				report(&st, i, "th", "the page must start with .TH "
				    "(after the comments)");
			thcomplained = 1;
		}
		if (strcmp(mac, "TH") == 0) {
			if (sawth)
				report(&st, i, "th", ".TH again (first at line %d)",
				    sawth);
			else {
				sawth = i;
				check_th(&st, i, cl.rest);
			}
		} else if (strcmp(mac, "de") == 0 || strcmp(mac, "de1") == 0 ||
		    strcmp(mac, "am") == 0) {
			inde = 1;
		} else if (strcmp(mac, "EX") == 0) {
			inex = 1;
		} else if (strcmp(mac, "EE") == 0) {
			inex = 0;
		} else if (strcmp(mac, "nf") == 0) {
			innf = 1;
		} else if (strcmp(mac, "fi") == 0) {
			innf = 0;
		} else if (strcmp(mac, "TS") == 0) {
			ints = 1;
			if (strncmp(p->raw[1], "'\\\" t", 5) != 0 && !tblwarned) {
				report(&st, i, "tbl-hint", "the page has a table: its "
				    "first line must be '\\\" t");
				tblwarned = 1;
			}
		} else if (strcmp(mac, "TE") == 0) {
			ints = 0;
		} else if (strcmp(mac, "SH") == 0) {
			char  *a[16];
			int   n = roff_args(cl.rest, a, 16), k;
			struct buf  t = {0};

			buf_add(&t, "", 0);
			for (k = 0; k < n; k++) {
				if (k > 0)
					buf_addc(&t, ' ');
				buf_adds(&t, a[k]);
				free(a[k]);
			}
			snprintf(st.section, sizeof(st.section), "%s", t.s);
			check_section(&st, i, t.s);
			buf_free(&t);
		} else if (!inex && !innf && !ints) {
			buf_reset(&st.plain);
			buf_reset(&st.fonts);
			buf_reset(&st.sep);
			buf_add(&st.plain, "", 0);
			buf_add(&st.fonts, "", 0);
			buf_add(&st.sep, "", 0);
			if (cl.kind == LINE_TEXT) {
				set_text(&st, line, 'R');
				check_text(&st, i);
			} else if (is_font_macro(mac)) {
				const char  *cyc = font_cycle(mac);
				char        *a[64];
				int         n = roff_args(cl.rest, a, 64), k;

				for (k = 0; k < n; k++) {
					char  font;

					if (strlen(cyc) == 1) {
						if (k > 0) {
							buf_addc(&st.plain, ' ');
							buf_addc(&st.fonts, 'R');
							buf_addc(&st.sep, ' ');
						}
						font = cyc[0];
					} else {
						/* \004 marks where two arguments join, in
						 * sep: ".BR read (2)" is no "read(2)". */
						if (k > 0)
							buf_addc(&st.sep, '\004');
						font = cyc[k % 2];
					}
					set_text(&st, a[k], font);
				}
				if ((strcmp(mac, "IR") == 0 || strcmp(mac, "I") == 0 ||
				    strcmp(mac, "RI") == 0) && n >= 2 &&
				    word_start((unsigned char) a[0][0]) &&
				    only(a[0], UPPER LOWER DIGIT "_.-") &&
				    a[1][0] == '(' && a[1][1] >= '1' && a[1][1] <= '9') {
					size_t  e = 2;

					while (islower((unsigned char) a[1][e]))
						e++;
					if (a[1][e] == ')')
						report(&st, i, "function-ref", "page reference "
						    "\"%s %.*s\" is set with .%s: use .BR %s %.*s",
						    a[0], (int) e + 1, a[1], mac, a[0],
						    (int) e + 1, a[1]);
				}
				for (k = 0; k < n; k++)
					free(a[k]);
				check_text(&st, i);
			}
		}
		free(line);
	}
	if (!sawth && p->nraw > 0 && !thcomplained)
		report(&st, p->nraw, "th", "no .TH line");
	for (i = 0; i < st.norder; i++)
		if (required(&st, st.order[i]) && !st.seen[i] && !st.missing[i])
			report(&st, p->nraw, "section-order", "section %s is missing",
			    st.order[i]);
	buf_free(&st.plain);
	buf_free(&st.fonts);
	buf_free(&st.sep);
	return st.nerr;
}

/*
 * style PAGE...: the man-pages style rules that no formatter checks, one
 * "PAGE:LINE: RULE: message" a violation, in page order (see
 * scripts/lint/style.sh for the rules); exit 1 if there is one.  An error
 * of the page itself is reported as PAGE:LINE: annotation: message.
 */
int
cmd_style(int argc, char **argv)
{
	int  i, bad = 0;

	if (argc < 1) {
		fputs("usage: page style PAGE...\n", stderr);
		return 2;
	}
	for (i = 0; i < argc; i++) {
		struct page  p;
		int          e;

		if (page_read(&p, argv[i]) == -1) {
			printf("%s:0: style: cannot read the page\n", argv[i]);
			page_free(&p);
			bad = 1;
			continue;
		}
		page_sort_errors(&p);
		for (e = 0; e < p.nerrors; e++)
			printf("%s:%d: annotation: %s\n", p.path, p.errors[e].line,
			    p.errors[e].msg);
		bad |= p.nerrors > 0;
		if (style_page(&p) > 0)
			bad = 1;
		page_free(&p);
	}
	return bad;
}

/*
 * words PAGE: for lint-width, what each source line says, so that a wide
 * rendered line can be traced to its source line:
 *   lines N                how many lines the page has
 *   th LINE                the .TH line
 *   sh LINE TITLE          a section heading, as rendered
 *   w LINE WORDS           the words (runs of letters, digits and _) of a
 *                          line that is not a comment, joined by spaces
 */
int
cmd_words(int argc, char **argv)
{
	struct page  p;
	struct buf   t = {0};
	int          i, h = 0;
	size_t       k;

	if (argc != 1) {
		fputs("usage: page words PAGE\n", stderr);
		return 2;
	}
	if (read_page(&p, argv[0], "words") == -1)
		return 2;
	printf("lines %d\n", p.nraw);
	for (i = 1; i <= p.nraw; i++) {
		const struct line  *l = &p.lines[i];
		int                sp = 1;
		char               *o;

		if (l->kind == LINE_COMMENT)
			continue;
		if (i == p.thline)
			printf("th %d\n", i);
		if (h < p.nheads && p.heads[h].line == i) {
			if (p.heads[h].kind == 'H')
				printf("sh %d %s\n", i, p.heads[h].title);
			h++;
		}
		if (l->kind == LINE_MACRO && !is_font_macro(l->macro) &&
		    strcmp(l->macro, "SH") != 0 && strcmp(l->macro, "SS") != 0)
			roff_plain(l->rest, DEC_MARKS, &t, NULL, 0);
		else
			page_visible(&p, i, DEC_MARKS | DEC_SPACED, &t);
		/* Runs of other characters become one space. */
		for (k = 0, o = t.s; k < t.len; k++) {
			char  c = t.s[k];

			if (isalnum((unsigned char) c) || c == '_') {
				*o++ = c;
				sp = 0;
			} else if (!sp) {
				*o++ = ' ';
				sp = 1;
			}
		}
		if (o > t.s && o[-1] == ' ')
			o--;
		*o = '\0';
		printf("w %d %s\n", i, t.s);
	}
	buf_free(&t);
	page_free(&p);
	return 0;
}
