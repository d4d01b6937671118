/*
 * render.c: what the render stage asks of a page: its .TH and NAME for the
 * index (head), the page with its .TH date and source filled in for
 * installing (stamp), and the page as mandoc's HTML needs it (html).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

/* s as one field of a tab-separated record: a tab or newline is a blank. */
static void
put_field(const char *s)
{
	for (; *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

/* Every page has a .TH with a title and a section, or each one that has
 * not is an error at its line. */
static int
need_th(struct page *pages, int n)
{
	int  i, bad = 0;

	for (i = 0; i < n; i++) {
		struct page  *p = &pages[i];

		if (p->thline == 0)
			page_error(p, 1, "no .TH line");
		else if (p->nth < 2)
			page_error(p, p->thline, ".TH has no title and section");
		else
			continue;
		page_print_errors(p);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/*
 * head PAGE...: one record a page, tab-separated:
 *   PAGE TITLE SECTION DATE SOURCE MANUAL NAME
 * the .TH arguments decoded ("" for one it does not have) and the text of
 * the NAME section, decoded, its lines joined by blanks ("" without one).
 */
int
cmd_head(int argc, char **argv)
{
	struct page  *pages;
	struct buf   b = {0};
	int          i, k;

	if (argc < 1) {
		fputs("usage: page head PAGE...\n", stderr);
		return 2;
	}
	if ((pages = read_pages(argc, argv, "head")) == NULL)
		return 2;
	if (need_th(pages, argc) == -1) {
		free_pages(pages, argc);
		return 2;
	}
	for (i = 0; i < argc; i++) {
		const struct page  *p = &pages[i];

		put_field(p->path);
		for (k = 0; k < 5; k++) {
			putchar('\t');
			if (k < p->nth) {
				(void) roff_plain(p->th[k], 0, &b, NULL, 0);
				put_field(b.s);
			}
		}
		putchar('\t');
		put_field(p->name_text != NULL ? p->name_text : "");
		putchar('\n');
	}
	buf_free(&b);
	free_pages(pages, argc);
	return 0;
}

/* Plain text as one .TH argument: quoted when it must be, a backslash as
 * \[rs], a quote doubled inside quotes. */
static void
th_arg(const char *s, int plain)
{
	int  quote = s[0] == '\0' || strpbrk(s, " \t\"") != NULL;

	if (quote)
		putchar('"');
	for (; *s != '\0'; s++) {
		if (*s == '"' && quote)
			fputs("\"\"", stdout);
		else if (*s == '\\' && plain)
			fputs("\\[rs]", stdout);
		else
			putchar(*s);
	}
	if (quote)
		putchar('"');
}

/*
 * stamp PAGE DATE SOURCE: the page with the date and the source of its
 * .TH (its third and fourth arguments) replaced by DATE and SOURCE, plain
 * text; every other line as it was.
 */
int
cmd_stamp(int argc, char **argv)
{
	struct page  p;
	int          i, k;

	if (argc != 3) {
		fputs("usage: page stamp PAGE DATE SOURCE\n", stderr);
		return 2;
	}
	if (strchr(argv[1], '\n') != NULL || strchr(argv[2], '\n') != NULL) {
		fputs("stamp: a date or source of more than one line\n", stderr);
		return 2;
	}
	if (read_page(&p, argv[0], "stamp") == -1)
		return 2;
	if (need_th(&p, 1) == -1) {
		page_free(&p);
		return 2;
	}
	for (i = 1; i <= p.nraw; i++) {
		if (i == p.thline) {
			fputs(".TH", stdout);
			for (k = 0; k < p.nth || k < 4; k++) {
				putchar(' ');
				if (k == 2 || k == 3)
					th_arg(argv[k - 1], 1);
				else
					th_arg(k < p.nth ? p.th[k] : "", 0);
			}
		} else
			fputs(p.raw[i], stdout);
		if (i < p.nraw || p.final_nl)
			putchar('\n');
	}
	page_free(&p);
	return 0;
}

/*
 * html PAGE: the page as mandoc 1.14's HTML needs it, every other line as
 * it was.  Inside .EX/.EE, mandoc drops an empty line (or one of \& alone)
 * and gives a line that starts with a blank an empty line before it: the
 * first becomes .sp, the second gets a leading \&.
 */
int
cmd_html(int argc, char **argv)
{
	struct page  p;
	int          i, in_ex = 0;

	if (argc != 1) {
		fputs("usage: page html PAGE\n", stderr);
		return 2;
	}
	if (read_page(&p, argv[0], "html") == -1)
		return 2;
	for (i = 1; i <= p.nraw; i++) {
		const struct line  *l = &p.lines[i];

		if (l->kind == LINE_MACRO && strcmp(l->macro, "EX") == 0)
			in_ex = 1;
		else if (l->kind == LINE_MACRO && strcmp(l->macro, "EE") == 0)
			in_ex = 0;
		if (in_ex && l->kind == LINE_TEXT && (l->raw[0] == '\0' ||
		    strcmp(l->raw, "\\&") == 0))
			fputs(".sp", stdout);
		else if (in_ex && l->kind == LINE_TEXT && (l->raw[0] == ' ' ||
		    l->raw[0] == '\t'))
			printf("\\&%s", l->raw);
		else
			fputs(l->raw, stdout);
		if (i < p.nraw || p.final_nl)
			putchar('\n');
	}
	page_free(&p);
	return 0;
}
