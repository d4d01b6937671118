/*
 * extract.c: the page's programs and sessions out (extract), and back in
 * (writeback of a program, bless of a session's output).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page.h"

struct file {
	char        *name;
	struct buf  body;
};

static struct file *
file_new(struct file **files, int *n, const char *name)
{
	struct file  *f;

	*files = xgrow(*files, *n, sizeof(**files));
	f = &(*files)[(*n)++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	buf_add(&f->body, "", 0);
	return f;
}

static void
bprintf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#include <stdarg.h>

static void
bprintf(struct buf *b, const char *fmt, ...)
{
	va_list  ap;
	char     small[512], *big;
	int      n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t) n < sizeof(small)) {
		buf_add(b, small, (size_t) n);
		return;
	}
	big = xcalloc((size_t) n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t) n + 1, fmt, ap);
	va_end(ap);
	buf_add(b, big, (size_t) n);
	free(big);
}

/* Is path's content body?  (A missing file is not.) */
static int
same_content(const char *path, const struct buf *body)
{
	FILE    *f = fopen(path, "r");
	char    chunk[8192];
	size_t  off = 0, n;
	int     same = 1;

	if (f == NULL)
		return 0;
	while (same && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (off + n > body->len || memcmp(body->s + off, chunk, n) != 0)
			same = 0;
		off += n;
	}
	fclose(f);
	return same && off == body->len;
}

/* Writes body to path through a temporary file in the same directory. */
static int
write_file(const char *path, const char *data, size_t len)
{
	struct buf  tmp = {0};
	FILE        *f;
	int         ok;

	bprintf(&tmp, "%s.tmp.%ld", path, (long) getpid());
	f = fopen(tmp.s, "w");
	if (f == NULL) {
		fprintf(stderr, "page: %s: %s\n", tmp.s, strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp.s, path) == -1) {
		fprintf(stderr, "page: %s: %s\n", path, strerror(errno));
		unlink(tmp.s);
		buf_free(&tmp);
		return -1;
	}
	buf_free(&tmp);
	return 0;
}

static int
mkdirs(const char *dir)
{
	char    *d = xstrdup(dir), *s;
	int     rc = 0;

	for (s = d + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char  c = *s;

			*s = '\0';
			if (mkdir(d, 0777) == -1 && errno != EEXIST) {
				fprintf(stderr, "extract: %s: %s\n", d,
				    strerror(errno));
				rc = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(d);
	return rc;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t  n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/*
 * extract PAGE OUTDIR: writes NAME.c, NAME.c.lines, NAME.run and index
 * into OUTDIR, each only when its content changes, removes what the page
 * no longer has, and prints the make rules for them.
 */
int
cmd_extract(int argc, char **argv)
{
	struct page  p;
	struct file  *files = NULL, *f;
	int          nfiles = 0, b, i, j, rc = 0;
	const char   *dir;
	struct buf   path = {0};
	DIR          *dh;
	struct dirent  *de;

	if (argc != 2) {
		fputs("usage: page extract PAGE OUTDIR\n", stderr);
		return 2;
	}
	dir = argv[1];
	if (read_page(&p, argv[0], "extract") == -1)
		return 1;
	(void) file_new(&files, &nfiles, "index");     /* files[0] */
	for (b = 0; b < p.nblocks; b++) {
		int  k = p.blocks[b].i;

		if (p.blocks[b].kind == 's') {
			const struct src  *s = &p.srcs[k];
			struct buf        name = {0};

			buf_adds(&name, s->name);
			f = file_new(&files, &nfiles, name.s);
			for (i = 0; i < s->nlines; i++)
				bprintf(&f->body, "%s\n", s->lines[i].text);
			buf_adds(&name, ".lines");
			f = file_new(&files, &nfiles, name.s);
			for (i = 0; i < s->nlines; i++)
				bprintf(&f->body, "%s %d\n", p.path,
				    s->lines[i].line);
			bprintf(&files[0].body, "program %.*s %d\n",
			    (int) strlen(s->name) - 2, s->name, s->line);
			buf_free(&name);
		} else {
			const struct run  *r = &p.runs[k];
			struct buf        name = {0};

			bprintf(&name, "%s.run", r->name);
			f = file_new(&files, &nfiles, name.s);
			bprintf(&f->body, "page %s\nprogram %s\nline %d\n", p.path,
			    r->name, r->line);
			for (i = 0; i < r->nneeds; i++)
				bprintf(&f->body, "needs %s\n", r->needs[i]);
			bprintf(&f->body, "timeout %d\nstatus %d\n", r->timeout,
			    r->status);
			buf_adds(&f->body, "vary 0x[0-9a-f][0-9a-f][0-9a-f]"
			    "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+\n");
			for (i = 0; i < r->nvary; i++)
				bprintf(&f->body, "vary %s\n", r->vary[i].ere);
			for (i = 0; i < r->nlines; i++)
				bprintf(&f->body, "%s %d %s\n",
				    r->lines[i].kind == 'c' ? "cmd" : "out",
				    r->lines[i].line, r->lines[i].text);
			bprintf(&files[0].body, "session %s %d\n", r->name,
			    r->line);
			buf_free(&name);
		}
	}
	if (mkdirs(dir) == -1)
		rc = 1;
	for (i = 0; rc == 0 && i < nfiles; i++) {
		buf_reset(&path);
		bprintf(&path, "%s/%s", dir, files[i].name);
		if (!same_content(path.s, &files[i].body) &&
		    write_file(path.s, files[i].body.s, files[i].body.len) == -1)
			rc = 1;
	}
	if (rc == 0 && (dh = opendir(dir)) != NULL) {
		while ((de = readdir(dh)) != NULL) {
			if (!ends_with(de->d_name, ".c") &&
			    !ends_with(de->d_name, ".c.lines") &&
			    !ends_with(de->d_name, ".run"))
				continue;
			for (j = 0; j < nfiles; j++)
				if (strcmp(files[j].name, de->d_name) == 0)
					break;
			if (j < nfiles)
				continue;
			buf_reset(&path);
			bprintf(&path, "%s/%s", dir, de->d_name);
			unlink(path.s);
		}
		closedir(dh);
	}
	/* The make rules: which programs and sessions there are. */
	for (b = 0; rc == 0 && b < p.nblocks; b++) {
		int  k = p.blocks[b].i;

		if (p.blocks[b].kind == 's') {
			int  n = (int) strlen(p.srcs[k].name) - 2;

			printf("EXAMPLE_SOURCES += %s/%.*s.c\n", dir, n,
			    p.srcs[k].name);
			printf("%s/%.*s.c %s/%.*s.c.lines: %s.mk ;\n", dir, n,
			    p.srcs[k].name, dir, n, p.srcs[k].name, dir);
		} else {
			printf("EXAMPLE_RESULTS += %s/%s.result\n", dir,
			    p.runs[k].name);
			printf("%s/%s.run: %s.mk ;\n", dir, p.runs[k].name, dir);
		}
	}
	for (i = 0; i < nfiles; i++) {
		free(files[i].name);
		buf_free(&files[i].body);
	}
	free(files);
	buf_free(&path);
	page_free(&p);
	return rc;
}

/* The lines of a text file; -1 if it cannot be read. */
static int
read_lines(const char *path, struct buf *data, char ***lines, int *n,
    int *final_nl)
{
	FILE    *f = fopen(path, "r");
	char    chunk[8192], *s;
	size_t  got;

	*lines = NULL;
	*n = 0;
	if (f == NULL)
		return -1;
	buf_add(data, "", 0);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(data, chunk, got);
	fclose(f);
	*final_nl = data->len == 0 || data->s[data->len - 1] == '\n';
	s = data->s;
	while (*s != '\0') {
		char  *e = strchr(s, '\n');

		*lines = xgrow(*lines, *n, sizeof(char *));
		(*lines)[(*n)++] = s;
		if (e == NULL)
			break;
		*e = '\0';
		s = e + 1;
	}
	return 0;
}

/* The page with the lines between .EX (line ex) and .EE (line ee)
 * replaced by body. */
static int
replace_body(const struct page *p, int ex, int ee, const struct buf *body)
{
	int  from = ex + 1, to = ee - 1;

	struct buf  out = {0};
	int         i, rc;

	buf_add(&out, "", 0);
	for (i = 1; i <= p->nraw; i++) {
		if (i == from)
			buf_add(&out, body->s, body->len);
		if (i >= from && i <= to)
			continue;
		buf_adds(&out, p->raw[i]);
		if (i < p->nraw || p->final_nl)
			buf_addc(&out, '\n');
	}
	rc = write_file(p->path, out.s, out.len);
	buf_free(&out);
	return rc;
}

/*
 * What writeback and bless share: PAGE must exist and FILE be read, its
 * lines pass check, then make_body gives the new body of one .EX block of
 * the page (its .EX and .EE lines in ex and ee), which replaces the old.
 * check and make_body say what is wrong and return -1.
 */
struct rewrite {
	const char  *me, *page, *file, *arg;
	int         (*check)(const struct rewrite *, char **, int, int);
	int         (*make_body)(const struct rewrite *, const struct page *,
		    char **, int, struct buf *, int *, int *);
};

static int
rewrite(const struct rewrite *rw)
{
	struct page  p;
	struct buf   data = {0}, body = {0};
	char         **lines;
	int          n, final_nl, ex, ee, rc = 1;

	if (access(rw->page, F_OK) == -1) {
		fprintf(stderr, "%s: %s: no such file\n", rw->me, rw->page);
		return 1;
	}
	if (read_lines(rw->file, &data, &lines, &n, &final_nl) == -1) {
		fprintf(stderr, "%s: %s: no such file\n", rw->me, rw->file);
		return 1;
	}
	if (rw->check(rw, lines, n, final_nl) == 0 &&
	    read_page(&p, rw->page, rw->me) == 0) {
		buf_add(&body, "", 0);
		if (rw->make_body(rw, &p, lines, n, &body, &ex, &ee) == 0)
			rc = replace_body(&p, ex, ee, &body) == -1;
		page_free(&p);
	}
	free(lines);
	buf_free(&data);
	buf_free(&body);
	return rc;
}

/* What extract cannot give back must not go in. */
static int
program_check(const struct rewrite *rw, char **lines, int n, int final_nl)
{
	int  i, bad = 0;

	for (i = 0; i < n; i++) {
		size_t  len = strlen(lines[i]);

		if (len > 0 && (lines[i][len - 1] == ' ' ||
		    lines[i][len - 1] == '\t')) {
			fprintf(stderr, "%s:%d: trailing white space would be "
			    "lost\n", rw->file, i + 1);
			bad = 1;
		}
	}
	if (!final_nl) {
		fprintf(stderr, "%s: the last line has no newline\n", rw->file);
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int
program_body(const struct rewrite *rw, const struct page *p, char **lines,
    int n, struct buf *body, int *ex, int *ee)
{
	int  i, k;

	if ((i = page_src(p, rw->arg)) == -1) {
		fprintf(stderr, "%s: no SRC block named %s\n", p->path, rw->arg);
		return -1;
	}
	for (k = 0; k < n; k++) {
		roff_encode(lines[k], strlen(lines[k]), body);
		buf_addc(body, '\n');
	}
	*ex = p->srcs[i].ex;
	*ee = p->srcs[i].ee;
	return 0;
}

/*
 * writeback PAGE FILE.c: the body of the SRC block named FILE.c becomes
 * FILE.c, roff-escaped, so that extracting gives FILE.c back byte for byte.
 */
int
cmd_writeback(int argc, char **argv)
{
	struct rewrite  rw = {"writeback", NULL, NULL, NULL, program_check,
			    program_body};

	if (argc != 2) {
		fputs("usage: page writeback PAGE FILE.c\n", stderr);
		return 2;
	}
	rw.page = argv[0];
	rw.file = argv[1];
	rw.arg = strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1];
	return rewrite(&rw);
}

/* A run that was skipped or timed out has nothing to bless. */
static int
session_check(const struct rewrite *rw, char **lines, int n, int final_nl)
{
	int  i;

	(void) final_nl;
	for (i = 0; i < n; i++) {
		if (strncmp(lines[i], "skip ", 5) == 0) {
			fprintf(stderr, "bless: %s: the session was skipped here, "
			    "nothing to bless\n", rw->file);
			return -1;
		}
		if (strncmp(lines[i], "timeout ", 8) == 0) {
			fprintf(stderr, "bless: %s: a command timed out, nothing "
			    "to bless\n", rw->file);
			return -1;
		}
	}
	return 0;
}

/* The output lines of the cmd-th command (from 1) of a run, roff-escaped,
 * into body. */
static void
run_output(char **lines, int n, int cmd, struct buf *body)
{
	int  k, which = 0;

	for (k = 0; k < n; k++) {
		const char  *t;

		if (strncmp(lines[k], "cmd ", 4) == 0) {
			which++;
			continue;
		}
		if (which != cmd || strncmp(lines[k], "out", 3) != 0 ||
		    (lines[k][3] != ' ' && lines[k][3] != '\0'))
			continue;
		t = lines[k][3] == ' ' ? lines[k] + 4 : lines[k] + 3;
		roff_encode(t, strlen(t), body);
		buf_addc(body, '\n');
	}
}

/* The .EX body again, as the model holds the session: each command line
 * followed by its output from the run, the comments kept, the old output
 * left out. */
static int
session_body(const struct rewrite *rw, const struct page *p, char **lines,
    int n, struct buf *body, int *ex, int *ee)
{
	const struct run  *r;
	int               i, j, k = 0, cmd = 0, ncmds = 0;

	if ((i = page_run(p, rw->arg)) == -1) {
		fprintf(stderr, "%s: no session of %s\n", p->path, rw->arg);
		return -1;
	}
	r = &p->runs[i];
	for (j = 0; j < n; j++)
		ncmds += strncmp(lines[j], "cmd ", 4) == 0;
	for (j = r->ex + 1; j < r->ee; j++) {
		if (k < r->nlines && r->lines[k].line == j) {
			if (r->lines[k++].kind != 'c')
				continue;
			buf_adds(body, p->raw[j]);
			buf_addc(body, '\n');
			run_output(lines, n, ++cmd, body);
		} else if (p->lines[j].kind == LINE_COMMENT) {
			buf_adds(body, p->raw[j]);
			buf_addc(body, '\n');
		}
	}
	if (cmd != ncmds || cmd == 0) {
		fprintf(stderr, "%s: the session of %s shows another number of "
		    "commands than were run\n", p->path, rw->arg);
		return -1;
	}
	*ex = r->ex;
	*ee = r->ee;
	return 0;
}

/*
 * bless PAGE PROGRAM OUTFILE: the output lines of PAGE's session of PROGRAM
 * become those of a real run (OUTFILE, from run-session), roff-escaped;
 * the command lines and the comments stay.
 */
int
cmd_bless(int argc, char **argv)
{
	struct rewrite  rw = {"bless", NULL, NULL, NULL, session_check,
			    session_body};

	if (argc != 3) {
		fputs("usage: page bless PAGE PROGRAM OUTFILE\n", stderr);
		return 2;
	}
	rw.page = argv[0];
	rw.arg = argv[1];
	rw.file = argv[2];
	return rewrite(&rw);
}
