/*
 * stamp.c: page stamp PAGE DATE SOURCE: the page with the placeholders of
 * its .TH line filled in, the way man-pages fills them when it builds:
 * the date "(date)" becomes DATE, the source "Linux man-pages
 * (unreleased)" becomes SOURCE.  Every other line, and the rest of that
 * one, is printed as it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

#define DATE_HOLDER    "(date)"
#define SOURCE_HOLDER  "Linux man-pages (unreleased)"

/* s with its first "from" replaced by "to", as a new string. */
static char *
replace_first(const char *s, const char *from, const char *to)
{
	const char  *at = strstr(s, from);
	struct buf  b = {0};

	if (at == NULL)
		return xstrdup(s);
	buf_add(&b, s, (size_t) (at - s));
	buf_adds(&b, to);
	buf_adds(&b, at + strlen(from));
	return b.s;
}

int
cmd_stamp(int argc, char **argv)
{
	struct page  p;
	char         *th, *next;
	int          i;

	if (argc != 3) {
		fputs("usage: page stamp PAGE DATE SOURCE\n", stderr);
		return 2;
	}
	/* DATE stands alone as an argument, SOURCE inside the quotes. */
	if (argv[1][0] == '\0' || strpbrk(argv[1], " \t\n\"\\") != NULL) {
		fprintf(stderr, "stamp: DATE '%s': expected one word, such as "
		    "2025-01-31\n", argv[1]);
		return 2;
	}
	if (strpbrk(argv[2], "\n\"\\") != NULL) {
		fprintf(stderr, "stamp: SOURCE '%s': a .TH argument has no "
		    "quote, backslash or newline\n", argv[2]);
		return 2;
	}
	if (read_page(&p, argv[0], "stamp") == -1)
		return 2;
	for (i = 1; i <= p.nraw; i++) {
		if (i != p.thline) {
			fputs(p.raw[i], stdout);
		} else {
			th = xstrdup(p.raw[i]);
			if (p.nth > 2 && strcmp(p.th[2], DATE_HOLDER) == 0) {
				next = replace_first(th, DATE_HOLDER, argv[1]);
				free(th);
				th = next;
			}
			if (p.nth > 3 && strcmp(p.th[3], SOURCE_HOLDER) == 0) {
				next = replace_first(th, SOURCE_HOLDER, argv[2]);
				free(th);
				th = next;
			}
			fputs(th, stdout);
			free(th);
		}
		if (i < p.nraw || p.final_nl)
			putchar('\n');
	}
	page_free(&p);
	return 0;
}
