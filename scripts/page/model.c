/*
 * model.c: one pass over a page builds its model: the .TH, the headings,
 * the SRC programs and RUN sessions (with their checks: markers paired, in
 * EXAMPLES, names that stay in their directory), the errno entries, the
 * statements, and this project's annotations tied to what they follow.
 */
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

void *
xcalloc(size_t n, size_t size)
{
	void  *p = calloc(n ? n : 1, size);

	if (p == NULL) {
		perror("page: calloc");
		exit(2);
	}
	return p;
}

/* Room for element n (0-based) of an array grown one at a time. */
void *
xgrow(void *p, int n, size_t size)
{
	if ((n & (n - 1)) == 0 || n == 0) {
		p = realloc(p, (size_t) (n ? 2 * n : 4) * size);
		if (p == NULL) {
			perror("page: realloc");
			exit(2);
		}
	}
	return p;
}

char *
xstrdup(const char *s)
{
	char  *d = strdup(s);

	if (d == NULL) {
		perror("page: strdup");
		exit(2);
	}
	return d;
}

void
page_error(struct page *p, int line, const char *fmt, ...)
{
	va_list  ap;
	char     msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->errors = xgrow(p->errors, p->nerrors, sizeof(*p->errors));
	p->errors[p->nerrors].line = line;
	p->errors[p->nerrors].msg = xstrdup(msg);
	p->nerrors++;
}

/* The errors by line, and in the order found within a line. */
void
page_sort_errors(struct page *p)
{
	struct error  t;
	int           i, j;

	for (i = 1; i < p->nerrors; i++)
		for (j = i; j > 0 && p->errors[j - 1].line > p->errors[j].line;
		    j--) {
			t = p->errors[j];
			p->errors[j] = p->errors[j - 1];
			p->errors[j - 1] = t;
		}
}

int
page_print_errors(struct page *p)
{
	int  i;

	page_sort_errors(p);
	for (i = 0; i < p->nerrors; i++)
		fprintf(stderr, "%s:%d: %s\n", p->path, p->errors[i].line,
		    p->errors[i].msg);
	return p->nerrors;
}

/* --- errno names --- */

static const char *const errno_names[] = {
	"E2BIG", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL", "EADV",
	"EAFNOSUPPORT", "EAGAIN", "EALREADY", "EBADE", "EBADF", "EBADFD",
	"EBADMSG", "EBADR", "EBADRQC", "EBADSLT", "EBFONT", "EBUSY",
	"ECANCELED", "ECHILD", "ECHRNG", "ECOMM", "ECONNABORTED",
	"ECONNREFUSED", "ECONNRESET", "EDEADLK", "EDEADLOCK", "EDESTADDRREQ",
	"EDOM", "EDOTDOT", "EDQUOT", "EEXIST", "EFAULT", "EFBIG", "EHOSTDOWN",
	"EHOSTUNREACH", "EHWPOISON", "EIDRM", "EILSEQ", "EINPROGRESS", "EINTR",
	"EINVAL", "EIO", "EISCONN", "EISDIR", "EISNAM", "EKEYEXPIRED",
	"EKEYREJECTED", "EKEYREVOKED", "EL2HLT", "EL2NSYNC", "EL3HLT", "EL3RST",
	"ELIBACC", "ELIBBAD", "ELIBEXEC", "ELIBMAX", "ELIBSCN", "ELNRNG",
	"ELOOP", "EMEDIUMTYPE", "EMFILE", "EMLINK", "EMSGSIZE", "EMULTIHOP",
	"ENAMETOOLONG", "ENAVAIL", "ENETDOWN", "ENETRESET", "ENETUNREACH",
	"ENFILE", "ENOANO", "ENOBUFS", "ENOCSI", "ENODATA", "ENODEV", "ENOENT",
	"ENOEXEC", "ENOKEY", "ENOLCK", "ENOLINK", "ENOMEDIUM", "ENOMEM",
	"ENOMSG", "ENONET", "ENOPKG", "ENOPROTOOPT", "ENOSPC", "ENOSR",
	"ENOSTR", "ENOSYS", "ENOTBLK", "ENOTCONN", "ENOTDIR", "ENOTEMPTY",
	"ENOTNAM", "ENOTRECOVERABLE", "ENOTSOCK", "ENOTSUP", "ENOTTY",
	"ENOTUNIQ", "ENXIO", "EOPNOTSUPP", "EOVERFLOW", "EOWNERDEAD", "EPERM",
	"EPFNOSUPPORT", "EPIPE", "EPROTO", "EPROTONOSUPPORT", "EPROTOTYPE",
	"ERANGE", "EREMCHG", "EREMOTE", "EREMOTEIO", "ERESTART", "ERFKILL",
	"EROFS", "ESHUTDOWN", "ESOCKTNOSUPPORT", "ESPIPE", "ESRCH", "ESRMNT",
	"ESTALE", "ESTRPIPE", "ETIME", "ETIMEDOUT", "ETOOMANYREFS", "ETXTBSY",
	"EUCLEAN", "EUNATCH", "EUSERS", "EWOULDBLOCK", "EXDEV", "EXFULL",
};

int
is_errno(const char *name)
{
	size_t  i;

	for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
		if (strcmp(errno_names[i], name) == 0)
			return 1;
	return 0;
}

const char *
font_cycle(const char *m)
{
	static const struct {
		const char  *m, *cycle;
	} fm[] = {
		{"B", "B"}, {"I", "I"}, {"SB", "B"}, {"SM", "R"},
		{"BR", "BR"}, {"RB", "RB"}, {"IR", "IR"},
		{"RI", "RI"}, {"BI", "BI"}, {"IB", "IB"},
	};
	size_t  i;

	for (i = 0; i < sizeof(fm) / sizeof(fm[0]); i++)
		if (strcmp(fm[i].m, m) == 0)
			return fm[i].cycle;
	return NULL;
}

int
is_font_macro(const char *m)
{
	return font_cycle(m) != NULL;
}

/* .BR and the like: each argument in the next font, joined without a
 * space. */
static int
is_alternating(const char *m)
{
	const char  *cycle = font_cycle(m);

	return cycle != NULL && strlen(cycle) == 2;
}

/* The text of a line: a text line decoded; a font macro's arguments
 * decoded, joined as roff joins them; a heading's or tag's arguments. */
void
page_visible(const struct page *p, int i, int flags, struct buf *out)
{
	const struct line  *l = &p->lines[i];
	struct decode      d;
	char               *argv[64];
	int                n, k;

	buf_reset(out);
	buf_add(out, "", 0);
	if (l->kind == LINE_COMMENT)
		return;
	dec_init(&d, 'R');
	if (l->kind == LINE_TEXT) {
		(void) roff_decode(&d, l->raw, flags & ~DEC_STRICT);
	} else if (is_font_macro(l->macro) || strcmp(l->macro, "SH") == 0 ||
	    strcmp(l->macro, "SS") == 0 || strcmp(l->macro, "IP") == 0) {
		n = roff_args(l->rest, argv, 64);
		for (k = 0; k < n; k++) {
			/* .IP's second argument is an indentation. */
			if (strcmp(l->macro, "IP") == 0 && k > 0)
				break;
			if (k > 0 && (!is_alternating(l->macro) ||
			    (flags & DEC_SPACED)))
				roff_decode(&d, " ", 0);
			(void) roff_decode(&d, argv[k], flags & ~DEC_STRICT);
		}
		for (k = 0; k < n; k++)
			free(argv[k]);
	}
	buf_add(out, d.out.s, d.out.len);
	dec_free(&d);
}

/* --- the parser's state --- */

struct state {
	struct page  *p;
	char         *section, *subsection;
	/* extract's blocks */
	char         block;             /* 0, 'S' or 'R' */
	int          block_line, in_ex, seen_ex, ex_line;
	int          block_bad;         /* its BEGIN was in error */
	/* errno entries, as claims-list has always found them */
	int          entry;             /* line of the current entry, or 0 */
	int          entry_i;
	int          order;             /* of the records of claims */
	char         await;             /* 'P' after .TP, 'Q' after .TQ */
	int          *pending;          /* annotations waiting for a tag */
	int          npending;
	/* statements */
	int          stmt_open;         /* index, or -1 */
	int          broken;            /* a break since the last text */
	int          *spending;         /* annotations waiting for text */
	int          nspending;
	/* SINCE: waiting for its version in the text */
	int          *since_wait, *since_left;
	int          nsince_wait;
	int          in_name;
	struct buf   name;
};

static int
statement_section(const char *s)
{
	return s != NULL && (strcmp(s, "DESCRIPTION") == 0 ||
	    strcmp(s, "NOTES") == 0 || strcmp(s, "BUGS") == 0 ||
	    strcmp(s, "HISTORY") == 0);
}

static void
annot_place_entry(struct state *st, int a)
{
	struct annot  *an = &st->p->annots[a];

	an->entry = st->entry;
	an->order = st->order++;
}

static void
flush_entry(struct state *st)
{
	int  i;

	for (i = 0; i < st->npending; i++)
		annot_place_entry(st, st->pending[i]);
	st->npending = 0;
}

static void
stmt_mark(struct page *p, int s, struct annot *an)
{
	an->stmt = s;
	if (s < 0)
		return;
	if (an->kind == ANNOT_CHECK && !p->stmts[s].check)
		p->stmts[s].check = an->line;
	if (an->kind == ANNOT_NOCHECK && !p->stmts[s].nocheck)
		p->stmts[s].nocheck = an->line;
	if (an->kind == ANNOT_NOCLAIM && !p->stmts[s].noclaim)
		p->stmts[s].noclaim = an->line;
}

/* A break: .PP, .TP, .IP, .SS, .SH.  What waited for text gets none. */
static void
stmt_break(struct state *st)
{
	int  i;

	for (i = 0; i < st->nspending; i++)
		stmt_mark(st->p, -1, &st->p->annots[st->spending[i]]);
	st->nspending = 0;
	st->stmt_open = -1;
	st->broken = 1;
}

static void
stmt_text(struct state *st, int line)
{
	struct page  *p = st->p;
	struct stmt  *s;
	int          i;

	if (st->stmt_open >= 0) {
		p->stmts[st->stmt_open].last = line;
		return;
	}
	if (!st->broken && st->nspending == 0)
		return;
	st->broken = 0;
	if (!statement_section(st->section) || st->block)
		return;
	p->stmts = xgrow(p->stmts, p->nstmts, sizeof(*p->stmts));
	s = &p->stmts[p->nstmts];
	memset(s, 0, sizeof(*s));
	s->line = s->last = line;
	s->section = xstrdup(st->subsection ? st->subsection : st->section);
	st->stmt_open = p->nstmts++;
	for (i = 0; i < st->nspending; i++)
		stmt_mark(p, st->stmt_open, &p->annots[st->spending[i]]);
	st->nspending = 0;
}

static char *
heading_text(struct page *p, int i)
{
	struct buf  b = {0};
	char        *s;
	size_t      k;

	page_visible(p, i, 0, &b);
	/* A fixed space in a heading is a space for whoever compares it. */
	for (k = 0; k + 1 < b.len; k++)
		if ((unsigned char) b.s[k] == 0xc2 &&
		    (unsigned char) b.s[k + 1] == 0xa0) {
			b.s[k] = ' ';
			memmove(b.s + k + 1, b.s + k + 2, b.len - k - 1);
			b.len--;
		}
	s = xstrdup(b.s);
	buf_free(&b);
	return s;
}

/* The errno names that start a tag, joined with "/"; NULL if none. */
static char *
tag_errnos(struct page *p, int i)
{
	struct buf  b = {0}, out = {0};
	char        *w, *save = NULL, *r;
	int         first = 1;
	size_t      k;

	page_visible(p, i, 0, &b);
	for (k = 0; k < b.len; k++)
		if (!((b.s[k] >= 'A' && b.s[k] <= 'Z') ||
		    (b.s[k] >= '0' && b.s[k] <= '9')))
			b.s[k] = ' ';
	buf_add(&out, "", 0);
	for (w = strtok_r(b.s, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		if (first) {
			if (!is_errno(w))
				break;
			buf_adds(&out, w);
			first = 0;
			continue;
		}
		if (is_errno(w)) {
			struct buf  probe = {0};

			buf_adds(&probe, "/");
			buf_adds(&probe, out.s);
			buf_adds(&probe, "/");
			{
				struct buf  needle = {0};

				buf_adds(&needle, "/");
				buf_adds(&needle, w);
				buf_adds(&needle, "/");
				if (strstr(probe.s, needle.s) == NULL) {
					buf_adds(&out, "/");
					buf_adds(&out, w);
				}
				buf_free(&needle);
			}
			buf_free(&probe);
		}
	}
	r = out.len ? xstrdup(out.s) : NULL;
	buf_free(&b);
	buf_free(&out);
	return r;
}

/* A file name that stays in its directory: no slash, no "..". */
static int
valid_name(const char *s)
{
	const char  *c;

	if (s[0] == '\0' || s[0] == '.' || s[0] == '-' || strstr(s, "..") != NULL)
		return 0;
	for (c = s; *c != '\0'; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		    (*c >= '0' && *c <= '9') || *c == '_' || *c == '.' ||
		    *c == '-'))
			return 0;
	return 1;
}

static int
check_name(const char *s)
{
	if (strncmp(s, "run:", 4) == 0)
		s += 4;
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' ||
		    *s == '-'))
			return 0;
	return 1;
}

static const char *const arches[] = {
	"amd64", "arm64", "armel", "armhf", "i386", "loong64", "mips64el",
	"mipsel", "ppc64el", "ppc64", "powerpc", "riscv64", "s390x", "alpha",
	"hppa", "m68k", "sh4", "sparc64", "x32", "ia64",
};

/* Splits s at blanks into words (at most max); returns how many. */
static int
words(char *s, char **w, int max)
{
	int  n = 0;

	while (*s != '\0') {
		while (*s == ' ' || *s == '\t')
			*s++ = '\0';
		if (*s == '\0')
			break;
		if (n < max)
			w[n] = s;
		n++;
		while (*s != '\0' && *s != ' ' && *s != '\t')
			s++;
	}
	return n;
}

static void
rtrim(char *s)
{
	size_t  n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}

static void
bline_add(struct bline **lines, int *n, int line, char kind, const char *text)
{
	*lines = xgrow(*lines, *n, sizeof(**lines));
	(*lines)[*n].line = line;
	(*lines)[*n].kind = kind;
	(*lines)[*n].text = xstrdup(text);
	(*n)++;
}

static void
block_add(struct page *p, char kind, int i)
{
	p->blocks = xgrow(p->blocks, p->nblocks, sizeof(*p->blocks));
	p->blocks[p->nblocks].kind = kind;
	p->blocks[p->nblocks].i = i;
	p->nblocks++;
}

/* A decimal number from lo to hi, digits only; -1 if not. */
static int
number(const char *s, int lo, int hi, int *out)
{
	char  *end;
	long  v;

	if (s[0] < '0' || s[0] > '9' || strlen(s) > 6)
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int) v;
	return 0;
}

static void
begin_block(struct state *st, int ln, char kind, const char *args)
{
	struct page  *p = st->p;
	const char   *kname = kind == 'S' ? "SRC" : "RUN";
	char         *spec, *w[32], *name, *kv, *val;
	size_t       len;
	int          n, i;

	if (st->block) {
		page_error(p, ln, "%s BEGIN inside the %s block opened at line %d",
		    kname, st->block == 'S' ? "SRC" : "RUN", st->block_line);
		return;
	}
	/* From here on a broken BEGIN still opens its block, so that its END
	 * is no second error. */
	st->block = kind;
	st->block_line = ln;
	st->in_ex = st->seen_ex = 0;
	st->block_bad = 1;
	if (st->section == NULL || strcmp(st->section, "EXAMPLES") != 0) {
		page_error(p, ln, "%s block outside EXAMPLES (in %s)", kname,
		    st->section ? st->section : "no section");
		return;
	}
	len = strlen(args);
	if (len < 2 || args[0] != '(' || args[len - 1] != ')') {
		page_error(p, ln, "%s BEGIN needs a name in parentheses: (NAME)",
		    kname);
		return;
	}
	spec = xstrdup(args + 1);
	spec[len - 2] = '\0';
	n = words(spec, w, 32);
	if (n == 0) {
		page_error(p, ln, "%s BEGIN names nothing", kname);
		goto out;
	}
	name = w[0];
	if (!valid_name(name)) {
		page_error(p, ln, "\"%s\" is not a plain file name "
		    "([A-Za-z0-9_.-], no \"..\")", name);
		goto out;
	}
	if (kind == 'S') {
		struct src  *s;

		len = strlen(name);
		if (len < 3 || strcmp(name + len - 2, ".c") != 0) {
			page_error(p, ln, "program \"%s\" must be NAME.c", name);
			goto out;
		}
		if ((i = page_src(p, name)) != -1) {
			page_error(p, ln, "program %s already defined at line %d",
			    name, p->srcs[i].line);
			goto out;
		}
		st->block_bad = 0;
		if (n > 1)
			page_error(p, ln, "SRC BEGIN takes only a name");
		p->srcs = xgrow(p->srcs, p->nsrcs, sizeof(*p->srcs));
		s = &p->srcs[p->nsrcs];
		memset(s, 0, sizeof(*s));
		s->name = xstrdup(name);
		s->line = ln;
		block_add(p, 's', p->nsrcs++);
	} else {
		struct run  *r;

		if ((i = page_run(p, name)) != -1) {
			page_error(p, ln, "a session of %s is already shown at "
			    "line %d", name, p->runs[i].line);
			goto out;
		}
		st->block_bad = 0;
		p->runs = xgrow(p->runs, p->nruns, sizeof(*p->runs));
		r = &p->runs[p->nruns];
		memset(r, 0, sizeof(*r));
		r->name = xstrdup(name);
		r->line = ln;
		r->timeout = 10;
		block_add(p, 'r', p->nruns++);
		for (i = 1; i < n && i < 32; i++) {
			kv = w[i];
			val = strchr(kv, '=');
			if (val == NULL || strchr(val + 1, '=') != NULL ||
			    val == kv || val[1] == '\0') {
				page_error(p, ln, "\"%s\" is not KEY=VALUE", kv);
				continue;
			}
			*val++ = '\0';
			if (strcmp(kv, "needs") == 0) {
				char        *save = NULL, *nm;
				const char  *c;
				int         ok = val[0] != ',' &&
				    val[strlen(val) - 1] != ',' &&
				    strstr(val, ",,") == NULL;

				for (c = val; ok && *c != '\0'; c++)
					if (!((*c >= 'A' && *c <= 'Z') ||
					    (*c >= 'a' && *c <= 'z') ||
					    (*c >= '0' && *c <= '9') ||
					    *c == '_' || *c == '-' || *c == ','))
						ok = 0;
				if (!ok) {
					page_error(p, ln, "needs=%s: expected "
					    "NAME[,NAME...]", val);
					continue;
				}
				for (nm = strtok_r(val, ",", &save); nm != NULL;
				    nm = strtok_r(NULL, ",", &save)) {
					r->needs = xgrow(r->needs, r->nneeds,
					    sizeof(*r->needs));
					r->needs[r->nneeds++] = xstrdup(nm);
				}
			} else if (strcmp(kv, "timeout") == 0) {
				if (number(val, 1, 600, &r->timeout) == -1)
					page_error(p, ln, "timeout=%s: expected 1 "
					    "to 600 seconds", val);
			} else if (strcmp(kv, "status") == 0) {
				if (number(val, 0, 255, &r->status) == -1)
					page_error(p, ln, "status=%s: expected 0 "
					    "to 255", val);
			} else
				page_error(p, ln, "unknown attribute \"%s\" "
				    "(needs, timeout, status)", kv);
		}
	}
out:
	free(spec);
}

int
page_src(const struct page *p, const char *name)
{
	int  i;

	for (i = 0; i < p->nsrcs && strcmp(p->srcs[i].name, name) != 0; i++)
		;
	return i < p->nsrcs ? i : -1;
}

int
page_run(const struct page *p, const char *name)
{
	int  i;

	for (i = 0; i < p->nruns && strcmp(p->runs[i].name, name) != 0; i++)
		;
	return i < p->nruns ? i : -1;
}

static void
end_block(struct state *st, int ln, char kind)
{
	struct page  *p = st->p;
	const char   *kname = kind == 'S' ? "SRC" : "RUN";

	if (!st->block) {
		page_error(p, ln, "%s END without BEGIN", kname);
		return;
	}
	if (st->block != kind) {
		page_error(p, ln, "%s END closes the %s block opened at line %d",
		    kname, st->block == 'S' ? "SRC" : "RUN", st->block_line);
		return;
	}
	if (st->in_ex)
		page_error(p, ln, ".EX at line %d has no .EE before %s END",
		    st->ex_line, kname);
	else if (!st->seen_ex)
		page_error(p, ln, "the %s block opened at line %d has no .EX/.EE",
		    kname, st->block_line);
	if (kind == 'S' && p->nsrcs > 0 && !st->block_bad)
		p->srcs[p->nsrcs - 1].end = ln;
	if (kind == 'R' && p->nruns > 0 && !st->block_bad)
		p->runs[p->nruns - 1].end = ln;
	st->block = 0;
	st->block_bad = 0;
}

/* Line i is the .EX (which: 'x') or the .EE ('e') of the block open now. */
static void
block_mark(struct state *st, char which, int i)
{
	struct page  *p = st->p;
	int          *ex, *ee;

	if (st->block_bad)
		return;
	if (st->block == 'S') {
		ex = &p->srcs[p->nsrcs - 1].ex;
		ee = &p->srcs[p->nsrcs - 1].ee;
	} else {
		ex = &p->runs[p->nruns - 1].ex;
		ee = &p->runs[p->nruns - 1].ee;
	}
	*(which == 'x' ? ex : ee) = i;
}

/* A line between .EX and .EE of a block. */
static void
block_line(struct state *st, int ln)
{
	struct page        *p = st->p;
	const struct line  *l = &p->lines[ln];
	struct decode      d;
	char               *argv[64];
	int                n, k;

	if (l->kind == LINE_COMMENT || st->block_bad)
		return;         /* VARY is taken with the annotations */
	dec_init(&d, 'R');
	if (st->block == 'S') {
		if (l->kind == LINE_MACRO) {
			page_error(p, ln, "a program line starting with \".\" or "
			    "\"'\" must be escaped as \\&");
			dec_free(&d);
			return;
		}
		if (roff_decode(&d, l->raw, DEC_STRICT) == -1)
			page_error(p, ln, "%s", d.err);
		else if (p->nsrcs > 0)
			bline_add(&p->srcs[p->nsrcs - 1].lines,
			    &p->srcs[p->nsrcs - 1].nlines, ln, 's', d.out.s);
		dec_free(&d);
		return;
	}
	if (l->kind == LINE_MACRO && (strcmp(l->macro, "B") == 0 ||
	    strcmp(l->macro, "RB") == 0 || strcmp(l->macro, "BR") == 0) &&
	    l->raw[1 + strlen(l->macro)] == ' ') {
		n = roff_args(l->rest, argv, 64);
		for (k = 0; k < n && k < 64; k++) {
			if (k > 0 && strcmp(l->macro, "B") == 0)
				roff_decode(&d, " ", 0);
			if (roff_decode(&d, argv[k], DEC_STRICT) == -1)
				page_error(p, ln, "%s", d.err);
		}
		for (k = 0; k < n && k < 64; k++)
			free(argv[k]);
		if (strncmp(d.out.s, "$ ", 2) != 0)
			page_error(p, ln, "a command line must show \"$ \" and "
			    "the command");
		else if (p->nruns > 0)
			bline_add(&p->runs[p->nruns - 1].lines,
			    &p->runs[p->nruns - 1].nlines, ln, 'c', d.out.s + 2);
	} else if (l->kind == LINE_MACRO) {
		page_error(p, ln, "only command lines (.RB $ \" command\") and "
		    "output lines may stand in a session");
	} else {
		struct run  *r = &p->runs[p->nruns - 1];
		int         cmds = 0;

		if (roff_decode(&d, l->raw, DEC_STRICT) == -1)
			page_error(p, ln, "%s", d.err);
		for (k = 0; k < r->nlines; k++)
			cmds += r->lines[k].kind == 'c';
		if (cmds == 0)
			page_error(p, ln, "output before the first command");
		else
			bline_add(&r->lines, &r->nlines, ln, 'o', d.out.s);
	}
	dec_free(&d);
}

static struct annot *
annot_add(struct page *p, enum annot_kind kind, int ln, const char *args)
{
	struct annot  *a;

	p->annots = xgrow(p->annots, p->nannots, sizeof(*p->annots));
	a = &p->annots[p->nannots++];
	a->kind = kind;
	a->line = ln;
	a->args = xstrdup(args);
	a->entry = 0;
	a->stmt = -1;
	return a;
}

/* The annotation added last: tied to its entry (or waiting for the
 * paragraph's), and to the statement open now (or waiting for the next). */
static void
annot_place(struct state *st)
{
	struct page  *p = st->p;
	int          a = p->nannots - 1;

	if (st->await == 'P') {
		st->pending = xgrow(st->pending, st->npending, sizeof(int));
		st->pending[st->npending++] = a;
	} else
		annot_place_entry(st, a);
	if (st->stmt_open >= 0)
		stmt_mark(p, st->stmt_open, &p->annots[a]);
	else {
		st->spending = xgrow(st->spending, st->nspending, sizeof(int));
		st->spending[st->nspending++] = a;
	}
}

/* CHECK, NOCHECK, NOCLAIM: tied to the entry and the statement. */
static void
claim_annot(struct state *st, int ln, enum annot_kind kind, const char *args)
{
	struct page  *p = st->p;
	char         *copy, *w[64];
	int          n, i;

	copy = xstrdup(args);
	rtrim(copy);
	if (kind == ANNOT_CHECK) {
		n = words(copy, w, 64);
		for (i = 0; i < n && i < 64; i++)
			if (!check_name(w[i]))
				break;
		if (n == 0 || i < n || n > 64) {
			page_error(p, ln, "malformed CHECK: want .\\\" CHECK name, "
			    "name of [A-Za-z0-9_.-]");
			free(copy);
			return;
		}
	} else if (copy[0] == '\0') {
		page_error(p, ln, "%s without a reason", annot_names[kind]);
		free(copy);
		return;
	} else {
		for (i = 0; copy[i] != '\0'; i++)
			if (copy[i] == '\t')
				copy[i] = ' ';
	}
	if (kind == ANNOT_CHECK) {
		/* w[] holds the names already: words() cut copy into them. */
		for (i = 0; i < n; i++) {
			annot_add(p, kind, ln, w[i]);
			annot_place(st);
		}
		free(copy);
		return;
	}
	annot_add(p, kind, ln, copy);
	annot_place(st);
	free(copy);
}

static void
since_annot(struct state *st, int ln, const char *args)
{
	struct page   *p = st->p;
	struct since  *s;
	char          *copy, *w[8];
	const char    *c;
	int           n, ok;
	size_t        i;

	copy = xstrdup(args);
	n = words(copy, w, 8);
	if (n < 2 || n > 3) {
		page_error(p, ln, "expected .\\\" SINCE NAME X.Y [ARCH]");
		free(copy);
		return;
	}
	ok = (w[0][0] >= 'A' && w[0][0] <= 'Z') || (w[0][0] >= 'a' &&
	    w[0][0] <= 'z');
	for (c = w[0]; ok && *c != '\0'; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		    (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
			ok = 0;
	if (!ok) {
		page_error(p, ln, "SINCE %s: not a name the probe reports", w[0]);
		free(copy);
		return;
	}
	{
		const char  *v = w[1];
		int         digits = 0, dots = 0;

		ok = 1;
		for (c = v; *c != '\0'; c++) {
			if (*c == '.') {
				if (digits == 0 || dots)
					ok = 0;
				dots++;
				digits = 0;
			} else if (*c >= '0' && *c <= '9')
				digits++;
			else
				ok = 0;
		}
		if (!ok || dots != 1 || digits == 0) {
			page_error(p, ln, "SINCE %s %s: not a version X.Y", w[0],
			    w[1]);
			free(copy);
			return;
		}
	}
	if (n == 3) {
		for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
			if (strcmp(arches[i], w[2]) == 0)
				break;
		if (i == sizeof(arches) / sizeof(arches[0])) {
			page_error(p, ln, "SINCE %s %s %s: not an architecture "
			    "(amd64, arm64, ...)", w[0], w[1], w[2]);
			free(copy);
			return;
		}
	}
	p->since = xgrow(p->since, p->nsince, sizeof(*p->since));
	s = &p->since[p->nsince];
	s->line = ln;
	s->name = xstrdup(w[0]);
	s->version = xstrdup(w[1]);
	s->arch = xstrdup(n == 3 ? w[2] : "");
	s->drift = 0;
	st->since_wait = xgrow(st->since_wait, st->nsince_wait, sizeof(int));
	st->since_left = xgrow(st->since_left, st->nsince_wait, sizeof(int));
	st->since_wait[st->nsince_wait] = p->nsince++;
	st->since_left[st->nsince_wait++] = 4;
	free(copy);
}

#define SINCE_WINDOW 4

/* Only the since step holds it against the page: another step (strip)
 * has nothing to do with the prose. */
static void
since_fail(struct page *p, struct since *s)
{
	(void) p;
	s->drift = 1;
}

/* Does text say version v (not as part of a longer number)? */
static int
says_version(const char *text, const char *v)
{
	const char  *t = text;
	size_t      n = strlen(v);

	while ((t = strstr(t, v)) != NULL) {
		int  before = t == text || !((t[-1] >= '0' && t[-1] <= '9') ||
		    t[-1] == '.');
		int  after = !(t[n] >= '0' && t[n] <= '9');

		if (before && after)
			return 1;
		t++;
	}
	return 0;
}

static void
since_text(struct state *st, int ln)
{
	struct buf  b = {0};
	int         i, k;

	if (st->nsince_wait == 0)
		return;
	page_visible(st->p, ln, 0, &b);
	for (i = k = 0; i < st->nsince_wait; i++) {
		struct since  *s = &st->p->since[st->since_wait[i]];


		if (says_version(b.s, s->version))
			continue;
		if (--st->since_left[i] == 0) {
			since_fail(st->p, s);
			continue;
		}
		st->since_wait[k] = st->since_wait[i];
		st->since_left[k++] = st->since_left[i];
	}
	st->nsince_wait = k;
	buf_free(&b);
}

static void
comment_line(struct state *st, int ln)
{
	struct page      *p = st->p;
	const char       *args = "";
	char             word[32], *copy, *w[4];
	enum annot_kind  k;
	int              n;

	k = annot_classify(p->lines[ln].comment, &args, word, sizeof(word));
	switch (k) {
	case ANNOT_NONE:
		return;
	case ANNOT_UNKNOWN:
		page_error(p, ln, "unknown annotation \"%s\" (SRC, RUN, VARY, "
		    "CHECK, NOCHECK, NOCLAIM, SINCE)", word);
		return;
	case ANNOT_MALFORMED:
		page_error(p, ln, "malformed annotation: want %s followed by a "
		    "space", word);
		return;
	case ANNOT_SRC:
	case ANNOT_RUN:
		copy = xstrdup(args);
		rtrim(copy);
		annot_add(p, k, ln, copy);
		n = words(copy, w, 4);
		if (n >= 1 && strcmp(w[0], "BEGIN") == 0) {
			const char  *spec = args + 5;

			while (*spec == ' ' || *spec == '\t')
				spec++;
			begin_block(st, ln, k == ANNOT_SRC ? 'S' : 'R', spec);
		} else if (n == 1 && strcmp(w[0], "END") == 0)
			end_block(st, ln, k == ANNOT_SRC ? 'S' : 'R');
		else
			page_error(p, ln, "unknown marker (SRC BEGIN, SRC END, "
			    "RUN BEGIN, RUN END)");
		free(copy);
		return;
	case ANNOT_VARY:
		annot_add(p, k, ln, args);
		if (st->block != 'R' || !st->in_ex || st->block_bad) {
			if (st->block_bad)
				return;
			page_error(p, ln, "VARY outside a session's .EX/.EE");
			return;
		}
		if (args[0] == '\0') {
			page_error(p, ln, "VARY without a pattern");
			return;
		}
		{
			struct run  *r = &p->runs[p->nruns - 1];

			r->vary = xgrow(r->vary, r->nvary, sizeof(*r->vary));
			r->vary[r->nvary].line = ln;
			r->vary[r->nvary++].ere = xstrdup(args);
		}
		return;
	case ANNOT_CHECK:
	case ANNOT_NOCHECK:
	case ANNOT_NOCLAIM:
		claim_annot(st, ln, k, args);
		return;
	case ANNOT_SINCE:
		annot_add(p, k, ln, args);
		since_annot(st, ln, args);
		return;
	}
}

static void
set_str(char **dst, char *s)
{
	free(*dst);
	*dst = s;
}

static void
macro_line(struct state *st, int ln)
{
	struct page        *p = st->p;
	const struct line  *l = &p->lines[ln];
	const char         *m = l->macro;
	int                heading = strcmp(m, "SH") == 0 || strcmp(m, "SS") == 0;
	int                brk = heading || strcmp(m, "TP") == 0 ||
	    strcmp(m, "PP") == 0 || strcmp(m, "P") == 0 ||
	    strcmp(m, "LP") == 0 || strcmp(m, "IP") == 0 ||
	    strcmp(m, "HP") == 0;

	if ((heading || strcmp(m, "TP") == 0) && st->await == 'P') {
		st->entry = 0;
		flush_entry(st);
	}
	if (brk)
		stmt_break(st);
	if (strcmp(m, "TH") == 0 && p->thline == 0) {
		p->thline = ln;
		p->th = xcalloc(16, sizeof(char *));
		p->nth = roff_args(l->rest, p->th, 16);
		if (p->nth > 16)
			p->nth = 16;
		return;
	}
	if (heading) {
		struct heading  *h;

		if (st->block && strcmp(m, "SH") == 0)
			page_error(p, ln, "section heading inside the %s block "
			    "opened at line %d", st->block == 'S' ? "SRC" : "RUN",
			    st->block_line);
		p->heads = xgrow(p->heads, p->nheads, sizeof(*p->heads));
		h = &p->heads[p->nheads++];
		h->kind = m[1] == 'H' ? 'H' : 'S';
		h->line = ln;
		h->title = heading_text(p, ln);
		if (h->kind == 'H') {
			set_str(&st->section, xstrdup(h->title));
			set_str(&st->subsection, NULL);
			st->in_name = strcmp(h->title, "NAME") == 0;
			if (st->in_name)
				p->name_line = ln;
		} else {
			set_str(&st->subsection, xstrdup(h->title));
			st->in_name = 0;
		}
		st->entry = 0;
		st->await = 0;
		return;
	}
	/* NAME's text runs on through its font macros (.I userfaultfd). */
	if (st->in_name && st->name.len > 0 && !is_font_macro(m))
		st->in_name = 0;
	if (strcmp(m, "TP") == 0) {
		st->entry = 0;
		st->await = 'P';
		return;
	}
	if (strcmp(m, "TQ") == 0) {
		st->await = 'Q';
		return;
	}
}

/* The first line after .TP (or .TQ) that is not a comment: the tag. */
static void
tag_line(struct state *st, int ln)
{
	struct page   *p = st->p;
	char          *tags = tag_errnos(p, ln);
	struct entry  *e;

	if (st->await == 'Q' && st->entry && tags != NULL) {
		struct buf  b = {0};

		e = &p->entries[st->entry_i];
		buf_adds(&b, e->errnos);
		buf_adds(&b, "/");
		buf_adds(&b, tags);
		free(e->errnos);
		e->errnos = xstrdup(b.s);
		buf_free(&b);
	} else if (tags != NULL) {
		const char  *ctx;

		ctx = st->subsection != NULL && (st->section == NULL ||
		    strcmp(st->section, "ERRORS") != 0) ? st->subsection :
		    st->section;
		p->entries = xgrow(p->entries, p->nentries, sizeof(*p->entries));
		e = &p->entries[p->nentries];
		e->line = ln;
		e->errnos = xstrdup(tags);
		e->context = xstrdup(ctx ? ctx : "");
		e->order = st->order++;
		st->entry = ln;
		st->entry_i = p->nentries++;
	} else
		st->entry = 0;
	free(tags);
	st->await = 0;
	flush_entry(st);
}

static int
split_lines(struct page *p, size_t len)
{
	size_t  i;
	int     n = 0;
	char    *s = p->data;

	p->final_nl = len > 0 && p->data[len - 1] == '\n';

	for (i = 0; i < len; i++)
		n += p->data[i] == '\n';
	p->raw = xcalloc((size_t) n + 2, sizeof(char *));
	n = 0;
	while (*s != '\0') {
		char  *e = strchr(s, '\n');

		p->raw[++n] = s;
		if (e == NULL)
			break;
		*e = '\0';
		s = e + 1;
	}
	p->nraw = n;
	return 0;
}

int
page_read(struct page *p, const char *path)
{
	struct state  st;
	FILE          *f;
	size_t        cap = 65536, len = 0, got;
	int           i;

	memset(p, 0, sizeof(*p));
	p->path = path;
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	p->data = xcalloc(cap, 1);
	while ((got = fread(p->data + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (len + 1 == cap) {
			cap *= 2;
			p->data = realloc(p->data, cap);
			if (p->data == NULL) {
				perror("page: realloc");
				exit(2);
			}
		}
	}
	if (ferror(f)) {
		int  e = errno;

		fclose(f);
		errno = e;
		return -1;
	}
	fclose(f);
	p->data[len] = '\0';
	if (strlen(p->data) != len) {
		page_error(p, 1, "a NUL byte: not a page");
		len = strlen(p->data);
	}
	split_lines(p, len);

	p->lines = xcalloc((size_t) p->nraw + 2, sizeof(*p->lines));
	memset(&st, 0, sizeof(st));
	st.p = p;
	st.stmt_open = -1;
	for (i = 1; i <= p->nraw; i++) {
		struct line  *l = &p->lines[i];

		roff_classify(p->raw[i], l);
		if (l->kind == LINE_COMMENT) {
			comment_line(&st, i);
			continue;
		}
		since_text(&st, i);
		if (l->kind == LINE_MACRO) {
			macro_line(&st, i);
			if (strcmp(l->macro, "SH") == 0 ||
			    strcmp(l->macro, "SS") == 0 ||
			    strcmp(l->macro, "TP") == 0 ||
			    strcmp(l->macro, "TQ") == 0)
				goto block;
		}
		if (st.await) {
			tag_line(&st, i);
		}
		if (l->kind == LINE_TEXT || is_font_macro(l->macro)) {
			stmt_text(&st, i);
			if (st.in_name) {
				struct buf  b = {0};

				page_visible(p, i, 0, &b);
				if (st.name.len > 0)
					buf_adds(&st.name, " ");
				buf_adds(&st.name, b.s);
				buf_free(&b);
			}
		} else if (l->kind == LINE_MACRO && st.stmt_open >= 0)
			p->stmts[st.stmt_open].last = i;
block:
		if (!st.block)
			continue;
		if (l->kind == LINE_MACRO && strcmp(l->macro, "EX") == 0 &&
		    l->rest[0] == '\0') {
			if (st.in_ex || st.seen_ex)
				page_error(p, i, "second .EX in the %s block "
				    "opened at line %d", st.block == 'S' ?
				    "SRC" : "RUN", st.block_line);
			st.in_ex = st.seen_ex = 1;
			st.ex_line = i;
			block_mark(&st, 'x', i);
			continue;
		}
		if (l->kind == LINE_MACRO && strcmp(l->macro, "EE") == 0 &&
		    l->rest[0] == '\0') {
			if (!st.in_ex)
				page_error(p, i, ".EE without .EX");
			st.in_ex = 0;
			block_mark(&st, 'e', i);
			continue;
		}
		if (st.in_ex) {
			block_line(&st, i);
			continue;
		}
		if (l->kind == LINE_MACRO && (strcmp(l->macro, "in") == 0 ||
		    strcmp(l->macro, "PP") == 0 || strcmp(l->macro, "P") == 0 ||
		    strcmp(l->macro, "sp") == 0))
			continue;
		page_error(p, i, "text outside .EX/.EE in the %s block opened "
		    "at line %d", st.block == 'S' ? "SRC" : "RUN", st.block_line);
	}
	if (st.await == 'P') {
		st.entry = 0;
		flush_entry(&st);
	}
	stmt_break(&st);
	for (i = 0; i < st.nsince_wait; i++)
		since_fail(p, &p->since[st.since_wait[i]]);
	if (st.block)
		page_error(p, st.block_line, "%s BEGIN at line %d has no %s END",
		    st.block == 'S' ? "SRC" : "RUN", st.block_line,
		    st.block == 'S' ? "SRC" : "RUN");
	for (i = 0; i < p->nruns; i++) {
		int  j, found = 0, cmds = 0;

		for (j = 0; j < p->nsrcs; j++) {
			size_t  n = strlen(p->srcs[j].name) - 2;

			if (strlen(p->runs[i].name) == n &&
			    strncmp(p->srcs[j].name, p->runs[i].name, n) == 0)
				found = 1;
		}
		if (!found)
			page_error(p, p->runs[i].line, "session of %s, but the "
			    "page has no program %s.c", p->runs[i].name,
			    p->runs[i].name);
		for (j = 0; j < p->runs[i].nlines; j++)
			cmds += p->runs[i].lines[j].kind == 'c';
		if (cmds == 0 && p->runs[i].end)
			page_error(p, p->runs[i].line, "session without a command");
	}
	/* NOCHECK and NOCLAIM need something to be about. */
	for (i = 0; i < p->nannots; i++) {
		struct annot  *a = &p->annots[i];

		if (a->kind == ANNOT_NOCHECK && !a->entry && a->stmt < 0)
			page_error(p, a->line, "NOCHECK outside an errno entry "
			    "(it belongs after the .B EXXX line of one)");
		if (a->kind == ANNOT_NOCLAIM && a->stmt < 0)
			page_error(p, a->line, "NOCLAIM outside a statement of "
			    "DESCRIPTION, NOTES, BUGS or HISTORY (it belongs "
			    "after the paragraph's last line)");
	}
	if (st.name.len > 0)
		p->name_text = xstrdup(st.name.s);
	buf_free(&st.name);
	free(st.section);
	free(st.subsection);
	free(st.pending);
	free(st.spending);
	free(st.since_wait);
	free(st.since_left);
	return 0;
}

/* Frees the string at offset off in each of the n elements of size bytes
 * at v. */
static void
free_members(void *v, int n, size_t size, size_t off)
{
	char  *e = v;
	int   i;

	for (i = 0; i < n; i++, e += size)
		free(*(char **) (void *) (e + off));
}

/* v[0..n).member freed, then v. */
#define FREE_EACH(v, n, member) \
	free_members((v), (n), sizeof(*(v)), offsetof(__typeof__(*(v)), member))
#define FREE_ARRAY(v, n, member) \
	do { FREE_EACH(v, n, member); free(v); } while (0)
#define FREE_STRINGS(v, n) \
	do { free_members((v), (n), sizeof(*(v)), 0); free(v); } while (0)

void
page_free(struct page *p)
{
	int  i;

	FREE_STRINGS(p->th, p->nth);
	FREE_ARRAY(p->heads, p->nheads, title);
	for (i = 0; i < p->nsrcs; i++) {
		FREE_ARRAY(p->srcs[i].lines, p->srcs[i].nlines, text);
		free(p->srcs[i].name);
	}
	free(p->srcs);
	for (i = 0; i < p->nruns; i++) {
		struct run  *r = &p->runs[i];

		FREE_ARRAY(r->lines, r->nlines, text);
		FREE_STRINGS(r->needs, r->nneeds);
		FREE_ARRAY(r->vary, r->nvary, ere);
		free(r->name);
	}
	free(p->runs);
	FREE_EACH(p->entries, p->nentries, errnos);
	FREE_ARRAY(p->entries, p->nentries, context);
	FREE_ARRAY(p->stmts, p->nstmts, section);
	FREE_ARRAY(p->annots, p->nannots, args);
	FREE_EACH(p->since, p->nsince, name);
	FREE_EACH(p->since, p->nsince, version);
	FREE_ARRAY(p->since, p->nsince, arch);
	FREE_ARRAY(p->errors, p->nerrors, msg);
	free(p->blocks);
	free(p->name_text);
	free(p->lines);
	free(p->raw);
	free(p->data);
}
