/*
 * upstream.c: what the upstream stage asks of a page.
 *
 * page versions PAGE: the first version that the page gives a name, where
 * it says so in man-pages' form, a line of its own
 *	.BR NAME " (since Linux X.Y)"
 * (or .B), printed as "LINE NAME X.Y", a line each.  The patches say
 * which of these they change.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

/* A constant's name: [A-Z_][A-Z0-9_]*. */
static int
is_constant(const char *s)
{
	if (*s != '_' && !isupper((unsigned char) *s))
		return 0;
	for (; *s != '\0'; s++)
		if (*s != '_' && !isupper((unsigned char) *s) &&
		    !isdigit((unsigned char) *s))
			return 0;
	return 1;
}

/* " (since Linux X.Y)": X.Y's length, 0 if s is not that. */
static size_t
since_version(const char *s, const char **v)
{
	static const char  lead[] = " (since Linux ";
	size_t             n, m;

	if (strncmp(s, lead, sizeof(lead) - 1) != 0)
		return 0;
	*v = s += sizeof(lead) - 1;
	n = strspn(s, "0123456789");
	if (n == 0 || s[n] != '.')
		return 0;
	m = strspn(s + n + 1, "0123456789");
	if (m == 0 || strcmp(s + n + 1 + m, ")") != 0)
		return 0;
	return n + 1 + m;
}

int
cmd_versions(int argc, char **argv)
{
	struct page  p;
	char         *args[3];
	const char   *v;
	size_t       vlen;
	int          i, n, k;

	if (argc != 1) {
		fputs("usage: page versions PAGE\n", stderr);
		return 2;
	}
	if (read_page(&p, argv[0], "versions") == -1)
		return 2;
	for (i = 1; i <= p.nraw; i++) {
		const struct line  *l = &p.lines[i];

		if (l->kind != LINE_MACRO || (strcmp(l->macro, "B") != 0 &&
		    strcmp(l->macro, "BR") != 0))
			continue;
		n = roff_args(l->rest, args, 3);
		if (n >= 2 && is_constant(args[0]) &&
		    (vlen = since_version(args[1], &v)) > 0)
			printf("%d %s %.*s\n", i, args[0], (int) vlen, v);
		for (k = 0; k < n; k++)
			free(args[k]);
	}
	page_free(&p);
	return 0;
}
