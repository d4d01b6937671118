/*
 * claims.c: what the pages claim, for the claims and kernels stages: the
 * errno entries with their checks, the behaviour statements with their
 * marks, the SINCE annotations, and the constants a page names.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

/* The pages PAGE... read, or NULL after the usage or their errors. */
static struct page *
pages_of(int argc, char **argv, const char *me)
{
	if (argc < 1) {
		fprintf(stderr, "usage: page %s PAGE...\n", me);
		return NULL;
	}
	return read_pages(argc, argv, me);
}

/*
 * claims PAGE...: one record a line, tab-separated, in page order:
 *   entry    PAGE LINE ERRNOS CONTEXT
 *   check    PAGE LINE ENTRY NAME        (ENTRY: its entry's line, or -)
 *   nocheck  PAGE LINE ENTRY REASON
 *   noclaim  PAGE LINE REASON
 * then the behaviour statements (each paragraph or list item of
 * DESCRIPTION, NOTES, BUGS and HISTORY):
 *   statement PAGE LINE SECTION MARK MARKLINE   (MARK: check, nocheck,
 *                                                noclaim or none)
 */
int
cmd_claims(int argc, char **argv)
{
	struct page  *pages;
	int          i, e, a, s;

	if ((pages = pages_of(argc, argv, "claims")) == NULL)
		return 2;
	for (i = 0; i < argc; i++) {
		const struct page  *p = &pages[i];
		int                order;

		/* Entries and annotations, merged in the order placed. */
		e = a = 0;
		for (order = 0; e < p->nentries || a < p->nannots; order++) {
			while (a < p->nannots && p->annots[a].kind != ANNOT_CHECK &&
			    p->annots[a].kind != ANNOT_NOCHECK &&
			    p->annots[a].kind != ANNOT_NOCLAIM)
				a++;
			if (e < p->nentries && (a >= p->nannots ||
			    p->entries[e].order < p->annots[a].order)) {
				printf("entry\t%s\t%d\t%s\t%s\n", p->path,
				    p->entries[e].line, p->entries[e].errnos,
				    p->entries[e].context);
				e++;
				continue;
			}
			if (a >= p->nannots)
				break;
			{
				const struct annot  *an = &p->annots[a++];
				char                entry[16] = "-";

				if (an->entry)
					snprintf(entry, sizeof(entry), "%d",
					    an->entry);
				if (an->kind == ANNOT_CHECK)
					printf("check\t%s\t%d\t%s\t%s\n", p->path,
					    an->line, entry, an->args);
				else if (an->kind == ANNOT_NOCHECK)
					printf("nocheck\t%s\t%d\t%s\t%s\n",
					    p->path, an->line, entry, an->args);
				else
					printf("noclaim\t%s\t%d\t%s\n", p->path,
					    an->line, an->args);
			}
		}
	}
	for (i = 0; i < argc; i++) {
		const struct page  *p = &pages[i];

		for (s = 0; s < p->nstmts; s++) {
			const struct stmt  *st = &p->stmts[s];
			const char         *mark = "none";
			int                at = 0;

			if (st->check) {
				mark = "check";
				at = st->check;
			} else if (st->nocheck) {
				mark = "nocheck";
				at = st->nocheck;
			} else if (st->noclaim) {
				mark = "noclaim";
				at = st->noclaim;
			}
			printf("statement\t%s\t%d\t%s\t%s\t%d\n", p->path, st->line,
			    st->section, mark, at);
		}
	}
	free_pages(pages, argc);
	return 0;
}

/*
 * since PAGE...: PAGE<tab>LINE<tab>NAME<tab>X.Y, and a fifth field ARCH
 * where the annotation names one.
 */
int
cmd_since(int argc, char **argv)
{
	struct page  *pages;
	int          i, s, bad;

	if ((pages = pages_of(argc, argv, "since")) == NULL)
		return 2;
	/* Each annotation and its prose must say the same version. */
	for (i = 0; i < argc; i++)
		for (s = 0; s < pages[i].nsince; s++)
			if (pages[i].since[s].drift)
				page_error(&pages[i], pages[i].since[s].line,
				    "SINCE %s %s: the 4 lines of text that follow do "
				    "not say %s", pages[i].since[s].name,
				    pages[i].since[s].version,
				    pages[i].since[s].version);
	for (i = bad = 0; i < argc; i++)
		bad += page_print_errors(&pages[i]);
	if (bad) {
		free_pages(pages, argc);
		return 2;
	}
	for (i = 0; i < argc; i++)
		for (s = 0; s < pages[i].nsince; s++) {
			const struct since  *n = &pages[i].since[s];

			printf("%s\t%d\t%s\t%s%s%s\n", pages[i].path, n->line,
			    n->name, n->version, n->arch[0] ? "\t" : "",
			    n->arch);
		}
	free_pages(pages, argc);
	return 0;
}

/* --- names: the constants a page names, and the values it gives --- */

static int
is_name(const char *t)
{
	size_t  n = strlen(t);

	if (strcmp(t, "UFFDIO") == 0)
		return 1;
	if (*t == '_')
		t++;
	if (strncmp(t, "UFFD_", 5) != 0 && strncmp(t, "UFFDIO_", 7) != 0 &&
	    strncmp(t, "USERFAULTFD_", 12) != 0)
		return 0;
	return n > 0 && t[strlen(t) - 1] != '_';
}

static int
word_char(int c)
{
	return isalnum(c) || c == '_';
}

static char *
trim(char *s)
{
	size_t  n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Text that is an integer expression, as C; "" if it is not one. */
static void
as_value(const char *v, struct buf *out)
{
	char    *copy = xstrdup(v), *t = trim(copy), *c;
	int     digit = 0;
	static const char *const types[] = {"__u64", "__u32", "unsigned",
	    "long", "int"};
	size_t  i, k;

	buf_reset(out);
	buf_add(out, "", 0);
	if (strncmp(t, "bit", 3) == 0 && (t[3] == ' ' || t[3] == '\t')) {
		c = trim(t + 3);
		for (k = 0; c[k] != '\0' && isdigit((unsigned char) c[k]); k++)
			;
		if (k > 0 && c[k] == '\0') {
			buf_adds(out, "(1ULL << ");
			buf_adds(out, c);
			buf_adds(out, ")");
		}
		free(copy);
		return;
	}
	{
		struct buf  rest = {0};

		buf_adds(&rest, t);
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
			char  *hit;

			while ((hit = strstr(rest.s, types[i])) != NULL)
				memmove(hit, hit + strlen(types[i]),
				    strlen(hit + strlen(types[i])) + 1);
		}
		for (c = rest.s; *c != '\0'; c++) {
			if (isdigit((unsigned char) *c))
				digit = 1;
			if (!strchr("0123456789abcdefABCDEFxXuUlL<>|() \t", *c)) {
				digit = 0;
				break;
			}
		}
		if (digit)
			buf_adds(out, t);
		buf_free(&rest);
	}
	free(copy);
}

struct scan {
	const char  *path;
	int         line;
};

/* The names in t; and, unless novalues, each NAME (VALUE) it gives. */
static void
scan(const struct scan *sc, const char *t, int novalues)
{
	const char  *s = t, *e;
	char        tok[256];
	struct buf  v = {0};

	while (*s != '\0') {
		if (!word_char((unsigned char) *s)) {
			s++;
			continue;
		}
		for (e = s; word_char((unsigned char) *e); e++)
			;
		if ((size_t) (e - s) < sizeof(tok)) {
			memcpy(tok, s, (size_t) (e - s));
			tok[e - s] = '\0';
			if (is_name(tok))
				printf("name\t%s\t%d\t%s\n", sc->path, sc->line, tok);
		}
		s = e;
	}
	if (novalues)
		return;
	/* NAME (VALUE): the value in the parentheses that follow. */
	for (s = t; *s != '\0'; s++) {
		const char  *n = s, *p;
		int         depth;

		if ((s > t && word_char((unsigned char) s[-1])) ||
		    !(strncmp(s, "UFFD_", 5) == 0 || strncmp(s, "UFFDIO_", 7) == 0 ||
		    strncmp(s, "USERFAULTFD_", 12) == 0))
			continue;
		for (e = n; word_char((unsigned char) *e); e++)
			;
		for (p = e; *p == ' ' || *p == '\t'; p++)
			;
		if (*p != '(' || (size_t) (e - n) >= sizeof(tok))
			continue;
		memcpy(tok, n, (size_t) (e - n));
		tok[e - n] = '\0';
		depth = 0;
		for (e = p; *e != '\0'; e++) {
			if (*e == '(')
				depth++;
			else if (*e == ')' && --depth == 0)
				break;
		}
		if (depth == 0 && *e == ')') {
			char  *inner = xcalloc((size_t) (e - p), 1);

			memcpy(inner, p + 1, (size_t) (e - p - 1));
			as_value(inner, &v);
			if (v.len > 0)
				printf("value\t%s\t%d\t%s\t%s\n", sc->path, sc->line,
				    tok, v.s);
			free(inner);
		}
	}
	buf_free(&v);
}

static int
define_prefix(const char *t, const char **rest)
{
	while (*t == ' ' || *t == '\t')
		t++;
	if (*t != '#')
		return 0;
	t++;
	while (*t == ' ' || *t == '\t')
		t++;
	if (strncmp(t, "define", 6) != 0 || (t[6] != ' ' && t[6] != '\t'))
		return 0;
	t += 6;
	while (*t == ' ' || *t == '\t')
		t++;
	*rest = t;
	return 1;
}

static void
define_done(const struct scan *sc, const char *name, char *value)
{
	char  *c, *v;

	/* Comments out, then the value, if any. */
	while ((c = strstr(value, "/*")) != NULL) {
		char  *end = strstr(c + 2, "*/");

		if (end == NULL)
			break;
		memmove(c, end + 2, strlen(end + 2) + 1);
	}
	if ((c = strstr(value, "//")) != NULL)
		*c = '\0';
	v = trim(value);
	if (*v != '\0')
		printf("value\t%s\t%d\t%s\t%s\n", sc->path, sc->line, name, v);
}

/* The last character of s that is no space or tab; '\0' if none. */
static char
last_visible(const char *s)
{
	size_t  n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n > 0 ? s[n - 1] : '\0';
}

/*
 * names PAGE...: for claims-header, one record a line, tab-separated:
 *   define PAGE LINE NAME          a #define of the page's examples
 *   name   PAGE LINE NAME          a constant's name in text or code
 *   value  PAGE LINE NAME EXPR     a value the page gives: NAME (EXPR) in
 *                                  text, #define NAME EXPR, a table's Bit
 *                                  or Value column
 * Comments do not count.
 */
int
cmd_names(int argc, char **argv)
{
	struct page  *pages;
	struct buf   t = {0};
	int          i, ln;

	if ((pages = pages_of(argc, argv, "names")) == NULL)
		return 2;
	for (i = 0; i < argc; i++) {
		const struct page  *p = &pages[i];
		struct scan        sc = {p->path, 0};
		int                intbl = 0, heading_done = 0, kinds[32];
		char               tab = '\t', stage = 0;
		struct buf         dvalue = {0};
		char               dname[256] = "";
		int                indef = 0, dline = 0;

		for (ln = 1; ln <= p->nraw; ln++) {
			const struct line  *l = &p->lines[ln];
			const char         *rest;

			if (l->kind == LINE_COMMENT)
				continue;
			sc.line = ln;
			page_visible(p, ln, DEC_SPACED, &t);
			if (define_prefix(t.s, &rest)) {
				size_t  k;

				for (k = 0; word_char((unsigned char) rest[k]); k++)
					;
				if (k > 0 && k < 256)
					printf("define\t%s\t%d\t%.*s\n", p->path, ln,
					    (int) k, rest);
			}
			if (l->kind == LINE_MACRO && strcmp(l->macro, "TS") == 0) {
				intbl = 1;
				stage = 'o';
				tab = '\t';
				heading_done = 0;
				memset(kinds, 0, sizeof(kinds));
				continue;
			}
			if (l->kind == LINE_MACRO && strcmp(l->macro, "TE") == 0) {
				intbl = 0;
				continue;
			}
			if (intbl && stage == 'o') {
				const char  *o;

				stage = 'f';
				if (last_visible(l->raw) == ';') {
					if ((o = strstr(l->raw, "tab")) != NULL) {
						o += 3;
						while (*o == ' ' || *o == '\t')
							o++;
						if (o[0] == '(' && o[1] != '\0' &&
						    o[2] == ')')
							tab = o[1];
					}
					continue;
				}
			}
			if (intbl && stage == 'f') {
				if (last_visible(l->raw) == '.')
					stage = 'r';
				continue;
			}
			if (intbl) {
				char   *cells[32], *row, *c;
				int    nc = 0, k;
				struct buf  cell = {0};
				const char  *r = l->raw;

				while (*r == ' ' || *r == '\t')
					r++;
				if (l->kind == LINE_MACRO || ((*r == '_' ||
				    *r == '=') && strspn(r + 1, " \t") ==
				    strlen(r + 1)))
					continue;
				roff_plain(l->raw, 0, &cell, NULL, 0);
				scan(&sc, cell.s, 0);
				row = xstrdup(l->raw);
				for (c = row; nc < 32; ) {
					char  *e = strchr(c, tab);

					if (e != NULL)
						*e = '\0';
					roff_plain(c, 0, &cell, NULL, 0);
					cells[nc++] = xstrdup(trim(cell.s));
					if (e == NULL)
						break;
					c = e + 1;
				}
				if (!heading_done) {
					heading_done = 1;
					if (!is_name(cells[0])) {
						for (k = 1; k < nc; k++) {
							char  *h = cells[k];

							if (strncasecmp(h, "bit", 3) == 0)
								kinds[k] = 'b';
							else if (strncasecmp(h, "value", 5) == 0)
								kinds[k] = 'v';
						}
						goto row_done;
					}
				}
				if (!is_name(cells[0]))
					goto row_done;
				for (k = 1; k < nc; k++) {
					const char  *v = cells[k];
					size_t      d;

					if (kinds[k] == 0 || v[0] == '\0')
						continue;
					for (d = 0; isdigit((unsigned char) v[d]); d++)
						;
					if (kinds[k] == 'b' && d > 0 && v[d] == '\0')
						printf("value\t%s\t%d\t%s\t(1ULL << %s)\n",
						    p->path, ln, cells[0], v);
					else if (kinds[k] == 'v') {
						struct buf  val = {0};

						as_value(v, &val);
						if (val.len > 0)
							printf("value\t%s\t%d\t%s\t%s\n",
							    p->path, ln, cells[0], val.s);
						buf_free(&val);
					}
				}
row_done:
				for (k = 0; k < nc; k++)
					free(cells[k]);
				free(row);
				buf_free(&cell);
				continue;
			}
			/* #define NAME VALUE in an example, continuations joined. */
			if (indef) {
				size_t  n;

				scan(&sc, t.s, 1);
				buf_adds(&dvalue, " ");
				buf_adds(&dvalue, t.s);
				n = dvalue.len;
				if (n > 0 && dvalue.s[n - 1] == '\\') {
					dvalue.s[--dvalue.len] = '\0';
					continue;
				}
				indef = 0;
				sc.line = dline;
				define_done(&sc, dname, dvalue.s);
				continue;
			}
			if (define_prefix(t.s, &rest) && (strncmp(rest, "UFFD", 4) == 0 ||
			    strncmp(rest, "USERFAULTFD", 11) == 0 ||
			    strncmp(rest, "_UFFDIO", 7) == 0)) {
				size_t  k;

				scan(&sc, t.s, 1);
				for (k = 0; word_char((unsigned char) rest[k]); k++)
					;
				if (k >= sizeof(dname) || rest[k] == '(')
					continue;       /* a function-like macro */
				memcpy(dname, rest, k);
				dname[k] = '\0';
				buf_reset(&dvalue);
				buf_adds(&dvalue, rest + k);
				dline = ln;
				if (dvalue.len > 0 &&
				    dvalue.s[dvalue.len - 1] == '\\') {
					dvalue.s[--dvalue.len] = '\0';
					indef = 1;
					continue;
				}
				define_done(&sc, dname, dvalue.s);
				continue;
			}
			scan(&sc, t.s, 0);
		}
		buf_free(&dvalue);
	}
	buf_free(&t);
	free_pages(pages, argc);
	return 0;
}
