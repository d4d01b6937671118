/*
 * style.c: the man-pages style rules that no formatter checks, and the
 * words of each line for lint's width check.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "page.h"

int
cmd_style(int argc, char **argv)
{
	(void) argc;
	(void) argv;
	fputs("page style: not yet\n", stderr);
	return 2;
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
