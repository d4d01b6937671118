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
 * writeback PAGE FILE.c: the body of the SRC block named FILE.c becomes
 * FILE.c, roff-escaped, so that extracting gives FILE.c back byte for byte.
 */
int
cmd_writeback(int argc, char **argv)
{
	struct page  p;
	struct buf   data = {0}, body = {0};
	char         **lines;
	const char   *name;
	int          n, final_nl, i, k, bad = 0, rc = 1;

	if (argc != 2) {
		fputs("usage: page writeback PAGE FILE.c\n", stderr);
		return 2;
	}
	name = strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1];
	if (access(argv[0], F_OK) == -1) {
		fprintf(stderr, "writeback: %s: no such file\n", argv[0]);
		return 1;
	}
	if (read_lines(argv[1], &data, &lines, &n, &final_nl) == -1) {
		fprintf(stderr, "writeback: %s: no such file\n", argv[1]);
		return 1;
	}
	/* What extract cannot give back must not go in. */
	for (i = 0; i < n; i++) {
		size_t  len = strlen(lines[i]);

		if (len > 0 && (lines[i][len - 1] == ' ' ||
		    lines[i][len - 1] == '\t')) {
			fprintf(stderr, "%s:%d: trailing white space would be "
			    "lost\n", argv[1], i + 1);
			bad = 1;
		}
	}
	if (!final_nl) {
		fprintf(stderr, "%s: the last line has no newline\n", argv[1]);
		bad = 1;
	}
	if (bad)
		goto out;
	if (read_page(&p, argv[0], "writeback") == -1)
		goto out;
	for (i = 0; i < p.nsrcs; i++)
		if (strcmp(p.srcs[i].name, name) == 0)
			break;
	if (i == p.nsrcs) {
		fprintf(stderr, "%s: no SRC block named %s\n", p.path, name);
		page_free(&p);
		goto out;
	}
	buf_add(&body, "", 0);
	for (k = 0; k < n; k++) {
		roff_encode(lines[k], strlen(lines[k]), &body);
		buf_addc(&body, '\n');
	}
	rc = replace_body(&p, p.srcs[i].ex, p.srcs[i].ee, &body) == -1;
	page_free(&p);
out:
	free(lines);
	buf_free(&data);
	buf_free(&body);
	return rc;
}

/*
 * bless PAGE PROGRAM OUTFILE: the output lines of PAGE's session of PROGRAM
 * become those of a real run (OUTFILE, from run-session), roff-escaped;
 * the command lines and the comments stay.
 */
int
cmd_bless(int argc, char **argv)
{
	struct page  p;
	struct buf   data = {0}, body = {0};
	char         **lines;
	int          n, final_nl, i, j, r, ncmds = 0, cmd = 0, rc = 1;

	if (argc != 3) {
		fputs("usage: page bless PAGE PROGRAM OUTFILE\n", stderr);
		return 2;
	}
	if (access(argv[0], F_OK) == -1) {
		fprintf(stderr, "bless: %s: no such file\n", argv[0]);
		return 1;
	}
	if (read_lines(argv[2], &data, &lines, &n, &final_nl) == -1) {
		fprintf(stderr, "bless: %s: no such file\n", argv[2]);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (strncmp(lines[i], "skip ", 5) == 0) {
			fprintf(stderr, "bless: %s: the session was skipped here, "
			    "nothing to bless\n", argv[2]);
			goto out;
		}
		if (strncmp(lines[i], "timeout ", 8) == 0) {
			fprintf(stderr, "bless: %s: a command timed out, nothing "
			    "to bless\n", argv[2]);
			goto out;
		}
		ncmds += strncmp(lines[i], "cmd ", 4) == 0;
	}
	if (read_page(&p, argv[0], "bless") == -1)
		goto out;
	for (r = 0; r < p.nruns; r++)
		if (strcmp(p.runs[r].name, argv[1]) == 0)
			break;
	if (r == p.nruns) {
		fprintf(stderr, "%s: no session of %s\n", p.path, argv[1]);
		page_free(&p);
		goto out;
	}
	/* The .EX body again: each command line followed by its output. */
	buf_add(&body, "", 0);
	for (j = p.runs[r].ex + 1; j < p.runs[r].ee; j++) {
		const struct line  *l = &p.lines[j];
		int                k, which = 0;

		if (l->kind == LINE_COMMENT) {
			buf_adds(&body, l->raw);
			buf_addc(&body, '\n');
			continue;
		}
		if (l->kind != LINE_MACRO)
			continue;
		buf_adds(&body, l->raw);
		buf_addc(&body, '\n');
		cmd++;
		for (k = 0; k < n; k++) {
			if (strncmp(lines[k], "cmd ", 4) == 0) {
				which++;
				continue;
			}
			if (which != cmd || strncmp(lines[k], "out", 3) != 0 ||
			    (lines[k][3] != ' ' && lines[k][3] != '\0'))
				continue;
			{
				const char  *t = lines[k] + 3;

				if (*t == ' ')
					t++;
				roff_encode(t, strlen(t), &body);
				buf_addc(&body, '\n');
			}
		}
	}
	if (cmd != ncmds || cmd == 0) {
		fprintf(stderr, "%s: the session of %s shows another number of "
		    "commands than were run\n", p.path, argv[1]);
		page_free(&p);
		goto out;
	}
	rc = replace_body(&p, p.runs[r].ex, p.runs[r].ee, &body) == -1;
	page_free(&p);
out:
	free(lines);
	buf_free(&data);
	buf_free(&body);
	return rc;
}
