/*
 * report.c: the checked items of the pages, for the verification report
 * (scripts/report/report.sh): each with its line, its section and
 * subsection, and the text a reader sees of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

/* The paragraph being read, and whether its first line is a tag. */
struct para {
	struct buf  text;
	int         tag;            /* after .TP or .TQ, before its tag */
};

static void
para_reset(struct para *pa, int tag)
{
	buf_reset(&pa->text);
	buf_add(&pa->text, "", 0);
	pa->tag = tag;
}

/* s with each run of blanks one space, none at either end, as a field. */
static void
put_squeezed(const char *s)
{
	int  blank = 0, any = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			blank = 1;
			continue;
		}
		if (blank && any)
			putchar(' ');
		putchar(*s);
		blank = 0;
		any = 1;
	}
}

/* Does the tag text start with an errno name ("EAGAIN or EWOULDBLOCK")? */
static int
starts_errno(const char *s)
{
	char    word[32];
	size_t  n = 0;

	while (*s == ' ')
		s++;
	for (; *s != '\0' && *s != ' ' && *s != '\t'; s++)
		if (*s != ',' && n + 1 < sizeof(word))
			word[n++] = *s;
	word[n] = '\0';
	return is_errno(word);
}

static int
in_block(const struct page *p, int i)
{
	int  k;

	for (k = 0; k < p->nsrcs; k++)
		if (i >= p->srcs[k].line && i <= p->srcs[k].end)
			return 1;
	for (k = 0; k < p->nruns; k++)
		if (i >= p->runs[k].line && i <= p->runs[k].end)
			return 1;
	return 0;
}

static int
is_break(const char *m)
{
	static const char *const breaks[] = {
		"PP", "P", "LP", "HP", "IP", "RS", "RE", "TP", "TQ",
	};
	size_t  i;

	for (i = 0; i < sizeof(breaks) / sizeof(breaks[0]); i++)
		if (strcmp(breaks[i], m) == 0)
			return 1;
	return 0;
}

static void
record(const struct page *p, int line, const char *kind, const char *sh,
    const char *ss)
{
	printf("%s:%d\t%s\t", p->path, line, kind);
	put_squeezed(sh);
	putchar('\t');
	put_squeezed(ss);
	putchar('\t');
}

static void
example(const struct page *p, const struct run *r, const char *sh,
    const char *ss)
{
	int  j, n = 0;

	record(p, r->line, "example", sh, ss);
	printf("%s\t", r->name);
	for (j = 0; j < r->nlines; j++)
		if (r->lines[j].kind == 'c') {
			if (n++ > 0)
				fputs("; ", stdout);
			put_squeezed(r->lines[j].text);
		}
	putchar('\n');
}

/* The CHECK names of line i, from annotation a on; returns the next. */
static int
check(const struct page *p, int a, const char *sh, const char *ss,
    const struct para *pa)
{
	const struct annot  *an = &p->annots[a];
	int                 i = an->line, n = 0, e;

	record(p, i, an->entry ? "errno" : "statement", sh, ss);
	for (; a < p->nannots && p->annots[a].line == i; a++)
		if (p->annots[a].kind == ANNOT_CHECK)
			printf("%s%s", n++ ? " " : "", p->annots[a].args);
	putchar('\t');
	for (e = 0; an->entry && e < p->nentries; e++)
		if (p->entries[e].line == an->entry)
			printf("%s: ", p->entries[e].errnos);
	put_squeezed(pa->text.s);
	putchar('\n');
	return a;
}

static void
checked(const struct page *p)
{
	struct para  pa = {{0}, 0};
	struct buf   b = {0};
	const char   *sh = "", *ss = "";
	int          i, h = 0, a = 0, r = 0, s = 0;

	para_reset(&pa, 0);
	for (i = 1; i <= p->nraw; i++) {
		const struct line  *l = &p->lines[i];

		if (r < p->nruns && p->runs[r].line == i)
			example(p, &p->runs[r++], sh, ss);
		for (; s < p->nsince && p->since[s].line == i; s++) {
			record(p, i, "since", sh, ss);
			printf("%s %s%s%s\t\n", p->since[s].name,
			    p->since[s].version, p->since[s].arch[0] ? " " : "",
			    p->since[s].arch);
		}
		while (a < p->nannots && p->annots[a].line < i)
			a++;
		if (in_block(p, i))
			continue;
		if (h < p->nheads && p->heads[h].line == i) {
			if (p->heads[h].kind == 'H') {
				sh = p->heads[h].title;
				ss = "";
			} else
				ss = p->heads[h].title;
			h++;
			para_reset(&pa, 0);
			continue;
		}
		if (l->kind == LINE_COMMENT) {
			while (a < p->nannots && p->annots[a].line == i &&
			    p->annots[a].kind != ANNOT_CHECK)
				a++;
			if (a < p->nannots && p->annots[a].line == i)
				a = check(p, a, sh, ss, &pa);
			continue;
		}
		if (l->kind == LINE_MACRO && is_break(l->macro)) {
			para_reset(&pa, strcmp(l->macro, "TP") == 0 ||
			    strcmp(l->macro, "TQ") == 0);
			continue;
		}
		if (l->kind == LINE_MACRO && !is_font_macro(l->macro))
			continue;
		page_visible(p, i, 0, &b);
		if (pa.tag) {
			pa.tag = 0;
			if (starts_errno(b.s))
				continue;
		}
		buf_addc(&pa.text, ' ');
		buf_adds(&pa.text, b.s);
	}
	buf_free(&b);
	buf_free(&pa.text);
}

/*
 * checked PAGE...: every checked item of the pages, in page order, one
 * record a line, tab-separated:
 *   PAGE:LINE KIND SECTION SUBSECTION MARKS TEXT
 * LINE is that of the item's annotation (RUN BEGIN, CHECK, SINCE); KIND
 * and what MARKS and TEXT hold:
 *   example    the program; the session's commands, joined by "; "
 *   errno      the CHECK's names, by blanks; "ERRNOS: " and the entry's
 *              text up to the CHECK (ERRNOS as claims gives them: A/B)
 *   statement  the CHECK's names; the paragraph's text up to the CHECK
 *   since      NAME X.Y [ARCH]; nothing
 * Texts are decoded, their blanks squeezed.  A CHECK inside a program or
 * session is the code's, not the page's: it is no item.
 */
int
cmd_checked(int argc, char **argv)
{
	struct page  *pages;
	int          i;

	if (argc < 1) {
		fputs("usage: page checked PAGE...\n", stderr);
		return 2;
	}
	if ((pages = read_pages(argc, argv, "checked")) == NULL)
		return 2;
	for (i = 0; i < argc; i++)
		checked(&pages[i]);
	free_pages(pages, argc);
	return 0;
}
