/*
 * roff.c: lines, arguments and escapes, for the page reader.
 *
 * The escapes are sorted as mandoc's escape classifier sorts them: a glyph
 * (a special character, \e, \-, a fixed space) is text; a font change
 * changes the font of the text that follows; the rest (\&, \%, sizes,
 * motions, registers) shows nothing.  The glyphs come out in UTF-8 as
 * mandoc -Tutf8 prints them, which a test holds it to.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roff.h"

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL) {
		perror("page: realloc");
		exit(2);
	}
	return p;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* --- lines --- */

void
roff_classify(const char *raw, struct line *l)
{
	const char  *p;
	size_t      n;

	memset(l, 0, sizeof(*l));
	l->raw = raw;
	l->kind = LINE_TEXT;
	if (raw[0] == '\\' && (raw[1] == '"' || raw[1] == '#')) {
		l->kind = LINE_COMMENT;
		l->comment = raw + 2;
		return;
	}
	if (raw[0] != '.' && raw[0] != '\'')
		return;
	p = raw + 1;
	while (*p == ' ' || *p == '\t')
		p++;
	if (p[0] == '\\' && (p[1] == '"' || p[1] == '#')) {
		l->kind = LINE_COMMENT;
		l->comment = p + 2;
		return;
	}
	l->kind = LINE_MACRO;
	for (n = 0; p[n] != '\0' && p[n] != ' ' && p[n] != '\t'; n++)
		if (n < sizeof(l->macro) - 1)
			l->macro[n] = p[n];
	l->macro[n < sizeof(l->macro) - 1 ? n : sizeof(l->macro) - 1] = '\0';
	if (n >= sizeof(l->macro))
		l->macro[0] = '?';      /* no macro of ours is that long */
	p += n;
	while (*p == ' ' || *p == '\t')
		p++;
	l->rest = p;
}

int
roff_args(const char *rest, char **argv, int max)
{
	const char  *s = rest;
	struct buf  a = {0};
	int         n = 0;

	while (*s != '\0') {
		if (*s == ' ' || *s == '\t') {
			s++;
			continue;
		}
		if (s[0] == '\\' && s[1] == '"')
			break;
		buf_reset(&a);
		buf_add(&a, "", 0);
		if (*s == '"') {
			for (s++; *s != '\0'; s++) {
				if (s[0] == '"' && s[1] == '"') {
					buf_addc(&a, '"');
					s++;
				} else if (*s == '"') {
					s++;
					break;
				} else if (s[0] == '\\' && s[1] != '\0') {
					buf_add(&a, s, 2);
					s++;
				} else
					buf_addc(&a, *s);
			}
		} else {
			while (*s != '\0' && *s != ' ' && *s != '\t') {
				if (s[0] == '\\' && s[1] == '"')
					break;
				if (s[0] == '\\' && s[1] != '\0') {
					buf_add(&a, s, 2);
					s += 2;
				} else
					buf_addc(&a, *s++);
			}
		}
		if (n < max)
			argv[n++] = strdup(a.s);
	}
	buf_free(&a);
	return n;
}

/* --- escapes --- */

/* The glyphs, by name, as mandoc -Tutf8 prints them. */
static const struct {
	const char  *name, *utf8;
} glyphs[] = {
	{"aq", "'"}, {"dq", "\""}, {"rs", "\\"}, {"lq", "\u201c"},
	{"rq", "\u201d"}, {"oq", "\u2018"}, {"cq", "\u2019"},
	{"em", "\u2014"}, {"en", "\u2013"}, {"hy", "\u2010"},
	{"mi", "\u2212"}, {"bu", "\u2022"}, {"co", "\u00a9"}, {"ti", "~"},
	{"ha", "^"}, {"ga", "`"}, {"at", "@"}, {"sh", "#"}, {"Do", "$"},
	{"lB", "["}, {"rB", "]"}, {"lC", "{"}, {"rC", "}"}, {"ba", "|"},
	{"sl", "/"}, {"pl", "+"}, {"eq", "="}, {"<=", "\u2264"},
	{">=", "\u2265"}, {"mu", "\u00d7"}, {"->", "\u2192"},
	{"<-", "\u2190"}, {"ul", "_"}, {"ru", "_"}, {"dg", "\u2020"},
	{"tm", "\u2122"}, {"rg", "\u00ae"}, {"de", "\u00b0"},
	{"ps", "\u00b6"}, {"fo", "\u2039"}, {"fc", "\u203a"},
	{"aa", "\u00b4"}, {"lh", "\u261c"}, {"rh", "\u261e"},
	{"Fo", "\u00ab"}, {"Fc", "\u00bb"}, {"sc", "\u00a7"},
	{"ct", "\u00a2"}, {"Eu", "\u20ac"}, {"Po", "\u00a3"},
	{"Ye", "\u00a5"}, {"bq", "\u201e"}, {"ne", "\u2260"},
	{"==", "\u2261"}, {"+-", "\u00b1"}, {"di", "\u00f7"},
	{"if", "\u221e"}, {"or", "|"}, {"no", "\u00ac"}, {"tno", "\u00ac"},
};

/* The predefined strings mandoc knows: \*(lq and the like. */
static const struct {
	const char  *name, *utf8;
} strings[] = {
	{"lq", "\u201c"}, {"rq", "\u201d"}, {"R", "\u00ae"},
	{"Tm", "\u2122"},
};

static void
put_utf8(struct buf *b, unsigned long c)
{
	char  u[4];

	if (c < 0x80) {
		buf_addc(b, (char) c);
	} else if (c < 0x800) {
		u[0] = (char) (0xc0 | (c >> 6));
		u[1] = (char) (0x80 | (c & 0x3f));
		buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char) (0xe0 | (c >> 12));
		u[1] = (char) (0x80 | ((c >> 6) & 0x3f));
		u[2] = (char) (0x80 | (c & 0x3f));
		buf_add(b, u, 3);
	} else {
		u[0] = (char) (0xf0 | (c >> 18));
		u[1] = (char) (0x80 | ((c >> 12) & 0x3f));
		u[2] = (char) (0x80 | ((c >> 6) & 0x3f));
		u[3] = (char) (0x80 | (c & 0x3f));
		buf_add(b, u, 4);
	}
}

void
dec_init(struct decode *d, char font)
{
	memset(d, 0, sizeof(*d));
	d->font = d->prev = font;
	buf_add(&d->out, "", 0);
	buf_add(&d->fonts, "", 0);
}

void
dec_free(struct decode *d)
{
	buf_free(&d->out);
	buf_free(&d->fonts);
}

static void
emit(struct decode *d, const char *s, size_t n)
{
	size_t  i;

	buf_add(&d->out, s, n);
	for (i = 0; i < n; i++)
		buf_addc(&d->fonts, d->font);
}

/*
 * The name of an escape's argument: one character (\fB), two after "("
 * (\f(CW), or up to "]" after "[" (\f[CW]).  Returns the length consumed
 * after the escape letter, 0 if the argument is broken.
 */
static size_t
esc_name(const char *s, char *name, size_t max)
{
	const char  *e;
	size_t      n;

	if (s[0] == '\0')
		return 0;
	if (s[0] == '(') {
		if (s[1] == '\0' || s[2] == '\0')
			return 0;
		if (max < 3)
			return 0;
		name[0] = s[1];
		name[1] = s[2];
		name[2] = '\0';
		return 3;
	}
	if (s[0] == '[') {
		e = strchr(s + 1, ']');
		if (e == NULL)
			return 0;
		n = (size_t) (e - s - 1);
		if (n >= max)
			return 0;
		memcpy(name, s + 1, n);
		name[n] = '\0';
		return n + 2;
	}
	if (max < 2)
		return 0;
	name[0] = s[0];
	name[1] = '\0';
	return 1;
}

/* A delimited argument: \h'...', \w'...'.  Returns the length consumed. */
static size_t
esc_delimited(const char *s)
{
	const char  *e;

	if (s[0] == '\0')
		return 0;
	e = strchr(s + 1, s[0]);
	if (e == NULL)
		return 0;
	return (size_t) (e - s) + 1;
}

/* A font as one letter: R, B, I, or X for bold italic. */
static char
font_letter(const char *f)
{
	static const char *const bold[] = {"B", "3", "CB", "TB", "HB"};
	static const char *const italic[] = {"I", "2", "CI", "TI", "HI"};
	static const char *const both[] = {"BI", "4", "CBI", "TBI", "HBI"};
	size_t  i;

	for (i = 0; i < 5; i++) {
		if (strcmp(f, bold[i]) == 0)
			return 'B';
		if (strcmp(f, italic[i]) == 0)
			return 'I';
		if (strcmp(f, both[i]) == 0)
			return 'X';
	}
	return 'R';
}

static int
fail(struct decode *d, const char *fmt, const char *what)
{
	snprintf(d->err, sizeof(d->err), fmt, what);
	return -1;
}

/* An escape's argument (see esc_name) into name[ESC_NAME_MAX]; 0 after
 * the error fmt with what. */
#define ESC_NAME_MAX 64

static size_t
esc_arg(struct decode *d, const char *s, char *name, const char *fmt,
    const char *what)
{
	size_t  n = esc_name(s, name, ESC_NAME_MAX);

	if (n == 0)
		(void) fail(d, fmt, what);
	return n;
}

static int
glyph(struct decode *d, const char *name, int flags)
{
	size_t         i;
	unsigned long  c;
	char           *end;

	for (i = 0; i < sizeof(glyphs) / sizeof(glyphs[0]); i++)
		if (strcmp(glyphs[i].name, name) == 0) {
			if (!(flags & DEC_MARKS))
				emit(d, glyphs[i].utf8, strlen(glyphs[i].utf8));
			else if (strcmp(name, "aq") == 0 ||
			    strcmp(name, "oq") == 0 || strcmp(name, "cq") == 0)
				emit(d, "'", 1);
			else if (strcmp(name, "dq") == 0 ||
			    strcmp(name, "lq") == 0 || strcmp(name, "rq") == 0)
				emit(d, "\"", 1);
			else
				emit(d, "\002", 1);
			return 0;
		}
	if (name[0] == 'u' && strlen(name) >= 5 && strlen(name) <= 7) {
		c = strtoul(name + 1, &end, 16);
		if (*end == '\0' && c > 0 && c < 0x110000 &&
		    !(c >= 0xd800 && c < 0xe000)) {
			if (flags & DEC_MARKS) {
				emit(d, "\002", 1);
			} else {
				struct buf  u = {0};

				put_utf8(&u, c);
				emit(d, u.s, u.len);
				buf_free(&u);
			}
			return 0;
		}
	}
	if (strlen(name) == 1) {        /* \[x]: the character itself */
		emit(d, name, 1);
		return 0;
	}
	if (flags & DEC_STRICT)
		return fail(d, "unknown special character \\[%s]", name);
	if (flags & DEC_MARKS)
		emit(d, "\002", 1);
	return 0;
}

/* The escapes of one character with no argument: what each shows, and
 * what it shows under DEC_MARKS; NULL for another escape. */
static const char *
one_char(char c, int flags)
{
	static const struct {
		char        c;
		const char  *shown, *marked;
	} esc[] = {
		{'e', "\\", "\\"}, {'\\', "\\", "\\"}, {'-', "-", "-"},
		{'.', ".", "."}, {'`', "`", "`"}, {'t', "\t", "\t"},
		{'\'', "\u00b4", "'"}, {'~', "\u00a0", "\003"},
		{' ', "\u00a0", "\003"}, {'0', "\u00a0", "\003"},
		{'&', "", "\001"},
		/* Spacing, hyphenation, line and brace controls: nothing. */
		{')', "", ""}, {'%', "", ""}, {':', "", ""}, {',', "", ""},
		{'/', "", ""}, {'^', "", ""}, {'|', "", ""}, {'c', "", ""},
		{'d', "", ""}, {'u', "", ""}, {'z', "", ""}, {'p', "", ""},
		{'r', "", ""}, {'{', "", ""}, {'}', "", ""},
	};
	size_t  i;

	for (i = 0; i < sizeof(esc) / sizeof(esc[0]); i++)
		if (esc[i].c == c)
			return flags & DEC_MARKS ? esc[i].marked : esc[i].shown;
	return NULL;
}

int
roff_decode(struct decode *d, const char *s, int flags)
{
	const char  *plain;
	char        name[ESC_NAME_MAX], c, f;
	size_t      n, i;

	while (*s != '\0') {
		if (*s != '\\') {
			emit(d, s++, 1);
			continue;
		}
		c = s[1];
		s += 2;
		if (c != '\0' && (plain = one_char(c, flags)) != NULL) {
			emit(d, plain, strlen(plain));
			continue;
		}
		switch (c) {
		case '\0':     /* a backslash at the end joins the next line */
		case '"':
		case '#':
			return 0;
		case '(':
		case '[':
			if ((n = esc_arg(d, s - 1, name, "broken escape \\%s",
			    c == '(' ? "(" : "[")) == 0)
				return -1;
			s += n - 1;
			if (glyph(d, name, flags) == -1)
				return -1;
			break;
		case 'C':
			n = esc_delimited(s);
			if (n < 2 || n - 2 >= sizeof(name))
				return fail(d, "broken escape \\%s", "C");
			memcpy(name, s + 1, n - 2);
			name[n - 2] = '\0';
			s += n;
			if (glyph(d, name, flags) == -1)
				return -1;
			break;
		case 'f':
			if ((n = esc_arg(d, s, name, "broken font escape \\%s",
			    "f")) == 0)
				return -1;
			s += n;
			if (strcmp(name, "P") == 0 || name[0] == '\0') {
				f = d->prev;
				d->prev = d->font;
				d->font = f;
			} else {
				d->prev = d->font;
				d->font = font_letter(name);
			}
			break;
		case 's':
			if (*s == '+' || *s == '-')
				s++;
			if (*s == '(' || *s == '[') {
				if ((n = esc_arg(d, s, name, "broken size escape "
				    "\\%s", "s")) == 0)
					return -1;
				s += n;
			} else if (*s == '\'') {
				n = esc_delimited(s);
				if (n == 0)
					return fail(d, "broken size escape \\%s", "s");
				s += n;
			} else {
				for (i = 0; i < 2 && isdigit((unsigned char) *s); i++)
					s++;
			}
			break;
		case '*':
			if ((n = esc_arg(d, s, name, "broken string escape \\%s",
			    "*")) == 0)
				return -1;
			s += n;
			for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
				if (strcmp(strings[i].name, name) == 0)
					break;
			if (i < sizeof(strings) / sizeof(strings[0])) {
				if (flags & DEC_MARKS)
					emit(d, "\002", 1);
				else
					emit(d, strings[i].utf8,
					    strlen(strings[i].utf8));
			} else if (flags & DEC_STRICT)
				return fail(d, "undefined string \\*[%s]", name);
			else if (flags & DEC_MARKS)
				emit(d, "\002", 1);
			break;
		case 'n':
		case 'g':
		case 'k':
		case 'V':
		case 'Y':
		case 'F':
		case 'm':
		case 'M':
			if (*s == '+' || *s == '-')
				s++;
			if ((n = esc_arg(d, s, name, "broken escape \\%s",
			    "n")) == 0)
				return -1;
			s += n;
			if (flags & DEC_STRICT) {
				char  what[72];

				snprintf(what, sizeof(what), "%c[%s]", c, name);
				return fail(d, "escape \\%s shows no plain text",
				    what);
			}
			if (flags & DEC_MARKS)
				emit(d, "\002", 1);
			break;
		case 'h': case 'v': case 'w': case 'o': case 'b': case 'l':
		case 'L': case 'D': case 'X': case 'Z': case 'x': case 'H':
		case 'S': case 'R': case 'A': case 'B': case 'O': case 'N':
			n = esc_delimited(s);
			if (n == 0) {
				char  what[2] = {c, '\0'};

				return fail(d, "broken escape \\%s", what);
			}
			if (c == 'N' && n > 2) {
				char     num[16];
				unsigned long  v;
				char     *end;

				if (n - 2 < sizeof(num)) {
					memcpy(num, s + 1, n - 2);
					num[n - 2] = '\0';
					v = strtoul(num, &end, 10);
					if (*end == '\0' && v > 0 && v < 0x110000) {
						struct buf  u = {0};

						put_utf8(&u, v);
						emit(d, u.s, u.len);
						buf_free(&u);
						s += n;
						break;
					}
				}
			}
			s += n;
			if (flags & DEC_STRICT) {
				char  what[2] = {c, '\0'};

				return fail(d, "escape \\%s shows no plain text",
				    what);
			}
			break;
		default:
			if (flags & DEC_STRICT) {
				char  what[2] = {c, '\0'};

				return fail(d, "undefined escape \\%s", what);
			}
			emit(d, &c, 1);
			break;
		}
	}
	return 0;
}

int
roff_plain(const char *s, int flags, struct buf *out, char *err, size_t errlen)
{
	struct decode  d;
	int            rc;

	dec_init(&d, 'R');
	rc = roff_decode(&d, s, flags);
	buf_reset(out);
	buf_add(out, d.out.s, d.out.len);
	if (rc == -1 && err != NULL)
		snprintf(err, errlen, "%s", d.err);
	dec_free(&d);
	return rc;
}

void
roff_encode(const char *s, size_t n, struct buf *out)
{
	size_t  i;

	/* As man-pages writes code: \[rs] and \[aq], and a leading dot hidden. */
	if (n > 0 && s[0] == '.')
		buf_add(out, "\\&", 2);
	for (i = 0; i < n; i++) {
		if (s[i] == '\\')
			buf_add(out, "\\[rs]", 5);
		else if (s[i] == '\'')
			buf_add(out, "\\[aq]", 5);
		else if (s[i] == '-')
			buf_add(out, "\\-", 2);
		else
			buf_addc(out, s[i]);
	}
}

/* --- annotations --- */

const char *const annot_names[] = {
	[ANNOT_NONE] = "", [ANNOT_SRC] = "SRC", [ANNOT_RUN] = "RUN",
	[ANNOT_VARY] = "VARY", [ANNOT_CHECK] = "CHECK",
	[ANNOT_NOCHECK] = "NOCHECK", [ANNOT_NOCLAIM] = "NOCLAIM",
	[ANNOT_SINCE] = "SINCE", [ANNOT_UNKNOWN] = "", [ANNOT_MALFORMED] = "",
};

static size_t
distance(const char *a, const char *b)
{
	size_t  la = strlen(a), lb = strlen(b), i, j, row[16], prev, tmp;

	if (la >= 15 || lb >= 15)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
		}
	}
	return row[lb];
}

/*
 * The comment's first word, a run of capitals, decides: one of ours
 * followed by a blank (or nothing) is ours; one of ours glued to more is
 * malformed; a word near one of ours (a typo, a plural) is unknown, so that
 * it is never taken for prose and silently left to leak.
 */
enum annot_kind
annot_classify(const char *c, const char **args, char *word, size_t wordlen)
{
	size_t  n, k, near;
	int     i;

	while (*c == ' ' || *c == '\t')
		c++;
	for (n = 0; c[n] >= 'A' && c[n] <= 'Z'; n++)
		;
	if (n == 0 || n >= wordlen)
		return ANNOT_NONE;
	memcpy(word, c, n);
	word[n] = '\0';
	for (i = ANNOT_SRC; i <= ANNOT_SINCE; i++) {
		if (strcmp(word, annot_names[i]) != 0)
			continue;
		if (c[n] != '\0' && c[n] != ' ' && c[n] != '\t')
			return ANNOT_MALFORMED;
		for (k = n; c[k] == ' ' || c[k] == '\t'; k++)
			;
		*args = c + k;
		return (enum annot_kind) i;
	}
	/* Another word of capitals: a typo of ours, or somebody else's. */
	if (c[n] != '\0' && c[n] != ' ' && c[n] != '\t' && c[n] != ':')
		return ANNOT_NONE;
	for (i = ANNOT_SRC; i <= ANNOT_SINCE; i++) {
		near = strlen(annot_names[i]) <= 4 ? 1 : 2;
		if (n >= 3 && distance(word, annot_names[i]) <= near)
			return ANNOT_UNKNOWN;
	}
	return ANNOT_NONE;
}
