/*
 * page: the page reader.  It reads a page once into its model (model.c,
 * on roff.c) and answers each step of the toolchain from it:
 *
 *	page extract PAGE OUTDIR    programs and sessions; prints make rules
 *	page list PAGE...           the programs and sessions
 *	page claims PAGE...         errno entries, checks, statements
 *	page since PAGE...          the SINCE annotations
 *	page names PAGE...          the constants a page names (header.sh)
 *	page outline PAGE           headings, tables, programs, commands
 *	page style PAGE...          the man-pages style rules (lint)
 *	page words PAGE             each line's words and headings (lint width)
 *	page writeback PAGE FILE.c  a program put back into its page
 *	page bless PAGE PROG OUT    a session's output rewritten from a run
 *	page strip PAGE             the page without this project's annotations
 *	page needs PROBE NAME...    what the probe's report lacks
 *	page offers PROBE           the release and the names the report offers
 *	page dump PAGE              the model, for tests
 *	page escape [FILE...]       plain text as roff text in .EX
 *	page head PAGE...           .TH fields and NAME's text (render index)
 *	page stamp PAGE DATE SOURCE the page with its .TH date and source set
 *	page html PAGE              the page as mandoc's HTML needs it
 *	page checked PAGE...        the checked items (verification report)
 *	page versions PAGE          the "(since Linux X.Y)" of each name
 *	page time PAGE N            milliseconds to read PAGE (make bench-page)
 *	page fuzz PAGE              every reading subcommand (make fuzz)
 *
 * A page with an error (an unknown or malformed annotation, a marker
 * without its end, ...) is reported as PAGE:LINE: message on stderr, with
 * nothing on stdout, exit status 2 (1 for extract, writeback and bless, as
 * before).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "page.h"

static int
usage(void)
{
	fputs("usage: page extract PAGE OUTDIR | list PAGE... | claims PAGE... |"
	    " since PAGE...\n"
	    "       | names PAGE... | outline PAGE | style PAGE... |"
	    " words PAGE\n"
	    "       | writeback PAGE FILE.c | bless PAGE PROGRAM OUTFILE |"
	    " strip PAGE\n"
	    "       | needs PROBE NAME... | offers PROBE | dump PAGE"
	    " | escape [FILE...]\n"
	    "       | head PAGE... | stamp PAGE DATE SOURCE | html PAGE |"
	    " checked PAGE...\n"
	    "       | versions PAGE\n",
	    stderr);
	return 2;
}

/* Reads PAGE; on any error prints it and returns -1. */
int
read_page(struct page *p, const char *path, const char *me)
{
	if (page_read(p, path) == -1) {
		if (errno == ENOENT)
			fprintf(stderr, "%s: %s: no such page\n", me, path);
		else
			fprintf(stderr, "%s: %s: cannot read: %s\n", me, path,
			    strerror(errno));
		page_free(p);
		return -1;
	}
	if (page_print_errors(p) > 0) {
		page_free(p);
		return -1;
	}
	return 0;
}

/* Every page, or none: a page in error leaves stdout empty. */
struct page *
read_pages(int argc, char **argv, const char *me)
{
	struct page  *pages = xcalloc((size_t) argc, sizeof(*pages));
	int          i, bad = 0;

	for (i = 0; i < argc; i++) {
		if (read_page(&pages[i], argv[i], me) == -1) {
			memset(&pages[i], 0, sizeof(pages[i]));
			bad = 1;
		}
	}
	if (bad) {
		for (i = 0; i < argc; i++)
			if (pages[i].path != NULL)
				page_free(&pages[i]);
		free(pages);
		return NULL;
	}
	return pages;
}

void
free_pages(struct page *pages, int n)
{
	int  i;

	for (i = 0; i < n; i++)
		page_free(&pages[i]);
	free(pages);
}

/* --- list, outline, strip, dump --- */

static int
cmd_list(int argc, char **argv)
{
	struct page  *pages;
	int          i, b;

	if (argc < 1)
		return usage();
	if ((pages = read_pages(argc, argv, "list")) == NULL)
		return 2;
	for (i = 0; i < argc; i++)
		for (b = 0; b < pages[i].nblocks; b++) {
			const struct page  *p = &pages[i];
			int                k = p->blocks[b].i;

			if (p->blocks[b].kind == 's')
				printf("program %.*s %s:%d\n",
				    (int) strlen(p->srcs[k].name) - 2,
				    p->srcs[k].name, p->path, p->srcs[k].line);
			else
				printf("session %s %s:%d\n", p->runs[k].name,
				    p->path, p->runs[k].line);
		}
	free_pages(pages, argc);
	return 0;
}

static int
cmd_outline(int argc, char **argv)
{
	struct page  p;
	int          h = 0, s = 0, r = 0, j, i;

	if (argc != 1)
		return usage();
	if (read_page(&p, argv[0], "outline") == -1)
		return 2;
	if (p.thline)
		printf("th %d %s %s\n", p.thline, p.nth > 0 ? p.th[0] : "",
		    p.nth > 1 ? p.th[1] : "");
	if (p.name_text != NULL)
		printf("name %d %s\n", p.name_line, p.name_text);
	for (i = 1; i <= p.nraw; i++) {
		if (h < p.nheads && p.heads[h].line == i) {
			printf("%s %d %s\n", p.heads[h].kind == 'H' ? "sh" : "ss",
			    i, p.heads[h].title);
			h++;
		}
		if (p.lines[i].kind == LINE_MACRO &&
		    strcmp(p.lines[i].macro, "TS") == 0)
			printf("table %d\n", i);
		if (s < p.nsrcs && p.srcs[s].line == i) {
			printf("prog %d %s\n", i, p.srcs[s].name);
			for (j = 0; j < p.srcs[s].nlines; j++)
				printf("code %s\n", p.srcs[s].lines[j].text);
			s++;
		}
		if (r < p.nruns && p.runs[r].line == i) {
			for (j = 0; j < p.runs[r].nlines; j++)
				if (p.runs[r].lines[j].kind == 'c')
					printf("cmd %d $ %s\n",
					    p.runs[r].lines[j].line,
					    p.runs[r].lines[j].text);
			r++;
		}
	}
	page_free(&p);
	return 0;
}

/* What upstream does not want: every line classified as ours, but for
 * man-pages' own SRC markers. */
static int
cmd_strip(int argc, char **argv)
{
	struct page  p;
	int          i, a = 0;

	if (argc != 1)
		return usage();
	if (read_page(&p, argv[0], "strip") == -1)
		return 2;
	for (i = 1; i <= p.nraw; i++) {
		while (a < p.nannots && p.annots[a].line < i)
			a++;
		if (a < p.nannots && p.annots[a].line == i &&
		    p.annots[a].kind != ANNOT_SRC)
			continue;
		fputs(p.raw[i], stdout);
		if (i < p.nraw || p.final_nl)
			putchar('\n');
	}
	page_free(&p);
	return 0;
}

static const char *
mark_of(const struct stmt *s)
{
	return s->check ? "check" : s->nocheck ? "nocheck" : s->noclaim ?
	    "noclaim" : "none";
}

static int
cmd_dump(int argc, char **argv)
{
	struct page  p;
	int          i, j;

	if (argc != 1)
		return usage();
	if (read_page(&p, argv[0], "dump") == -1)
		return 2;
	printf("page %s lines %d\n", p.path, p.nraw);
	if (p.thline) {
		printf("%d th", p.thline);
		for (i = 0; i < p.nth; i++)
			printf(" [%s]", p.th[i]);
		putchar('\n');
	}
	if (p.name_text != NULL)
		printf("%d name %s\n", p.name_line, p.name_text);
	for (i = 0; i < p.nheads; i++)
		printf("%d %s %s\n", p.heads[i].line,
		    p.heads[i].kind == 'H' ? "section" : "subsection",
		    p.heads[i].title);
	for (i = 0; i < p.nsrcs; i++) {
		printf("%d src %s .EX %d .EE %d end %d\n", p.srcs[i].line,
		    p.srcs[i].name, p.srcs[i].ex, p.srcs[i].ee, p.srcs[i].end);
		for (j = 0; j < p.srcs[i].nlines; j++)
			printf("%d   %s\n", p.srcs[i].lines[j].line,
			    p.srcs[i].lines[j].text);
	}
	for (i = 0; i < p.nruns; i++) {
		const struct run  *r = &p.runs[i];

		printf("%d run %s timeout %d status %d needs", r->line, r->name,
		    r->timeout, r->status);
		for (j = 0; j < r->nneeds; j++)
			printf("%s%s", j ? "," : " ", r->needs[j]);
		printf("%s end %d\n", r->nneeds ? "" : " -", r->end);
		for (j = 0; j < r->nvary; j++)
			printf("%d   vary %s\n", r->vary[j].line, r->vary[j].ere);
		for (j = 0; j < r->nlines; j++)
			printf("%d   %s %s\n", r->lines[j].line,
			    r->lines[j].kind == 'c' ? "cmd" : "out",
			    r->lines[j].text);
	}
	for (i = 0; i < p.nentries; i++)
		printf("%d errno %s in %s\n", p.entries[i].line,
		    p.entries[i].errnos, p.entries[i].context);
	for (i = 0; i < p.nstmts; i++)
		printf("%d statement to %d in %s: %s\n", p.stmts[i].line,
		    p.stmts[i].last, p.stmts[i].section, mark_of(&p.stmts[i]));
	for (i = 0; i < p.nannots; i++) {
		const struct annot  *a = &p.annots[i];

		printf("%d annotation %s [%s]", a->line, annot_names[a->kind],
		    a->args);
		if (a->entry)
			printf(" entry %d", a->entry);
		if (a->stmt >= 0)
			printf(" statement %d", p.stmts[a->stmt].line);
		putchar('\n');
	}
	for (i = 0; i < p.nsince; i++)
		printf("%d since %s %s%s%s\n", p.since[i].line, p.since[i].name,
		    p.since[i].version, p.since[i].arch[0] ? " " : "",
		    p.since[i].arch);
	page_free(&p);
	return 0;
}

/* escape [FILE...]: plain text as roff text inside .EX, the way writeback
 * and bless put it in (\e, \-, a leading \&). */
static int
cmd_escape(int argc, char **argv)
{
	struct buf  out = {0};
	char        *line = NULL;
	size_t      cap = 0;
	ssize_t     n;
	int         i = 0, rc = 0;

	do {
		FILE  *f = stdin;

		if (argc > 0 && (f = fopen(argv[i], "r")) == NULL) {
			fprintf(stderr, "escape: %s: %s\n", argv[i],
			    strerror(errno));
			rc = 2;
			continue;
		}
		while ((n = getline(&line, &cap, f)) > 0) {
			int  nl = line[n - 1] == '\n';

			buf_reset(&out);
			roff_encode(line, (size_t) n - (size_t) nl, &out);
			fwrite(out.s, 1, out.len, stdout);
			if (nl)
				putchar('\n');
		}
		if (f != stdin)
			fclose(f);
	} while (++i < argc);
	free(line);
	buf_free(&out);
	return rc;
}

/* --- needs: the probe's report --- */

int
probe_has(char **have, int nhave, const char *name)
{
	int  i;

	for (i = 0; i < nhave; i++)
		if (strcmp(have[i], name) == 0)
			return 1;
	return 0;
}

/* The names a probe report offers ("feature X" offers X, "access dev yes"
 * offers access-dev) and its release; -1 if it cannot be read. */
int
probe_read(const char *path, char ***have, int *nhave, char *release,
    size_t rellen)
{
	FILE  *f = fopen(path, "r");
	char  line[512], *w[8], *save, *tok, *last;
	int   n;

	*have = NULL;
	*nhave = 0;
	release[0] = '\0';
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		n = 0;
		save = NULL;
		last = NULL;
		for (tok = strtok_r(line, " \t", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t", &save)) {
			if (n < 8)
				w[n++] = tok;
			last = tok;
		}
		if (n == 0 || last == NULL)
			continue;
		if (strcmp(w[0], "release") == 0 && n > 1)
			snprintf(release, rellen, "%s", w[1]);
		if (strcmp(w[0], "access") == 0 && n == 3 &&
		    strcmp(w[2], "yes") == 0) {
			char  name[256];

			snprintf(name, sizeof(name), "access-%s", w[1]);
			*have = xgrow(*have, *nhave, sizeof(char *));
			(*have)[(*nhave)++] = xstrdup(name);
		}
		*have = xgrow(*have, *nhave, sizeof(char *));
		(*have)[(*nhave)++] = xstrdup(last);
	}
	fclose(f);
	return 0;
}

/* probe_read for the subcommand me, which says why it cannot. */
#define PROBE_RELEASE_MAX 128

static int
probe_load(const char *me, const char *path, char ***have, int *nhave,
    char *release)
{
	if (probe_read(path, have, nhave, release, PROBE_RELEASE_MAX) == -1) {
		fprintf(stderr, "%s: %s: cannot read: %s\n", me, path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

static void
probe_free(char **have, int nhave)
{
	int  i;

	for (i = 0; i < nhave; i++)
		free(have[i]);
	free(have);
}

static int
cmd_needs(int argc, char **argv)
{
	char  **have, release[PROBE_RELEASE_MAX];
	int   nhave, i, missing = 0;

	if (argc < 1)
		return usage();
	if (probe_load("needs", argv[0], &have, &nhave, release) == -1)
		return 2;
	for (i = 1; i < argc; i++)
		if (!probe_has(have, nhave, argv[i]))
			printf("%s%s", missing++ ? ", " : "", argv[i]);
	if (missing)
		printf(" (Linux %s)\n", release);
	probe_free(have, nhave);
	return 0;
}

/* offers PROBE: "release R", then "offers NAME" once for each name the
 * report offers, as needs reads them (for since and the matrix's results). */
static int
cmd_offers(int argc, char **argv)
{
	char  **have, release[PROBE_RELEASE_MAX];
	int   nhave, i;

	if (argc != 1)
		return usage();
	if (probe_load("offers", argv[0], &have, &nhave, release) == -1)
		return 2;
	if (release[0] != '\0')
		printf("release %s\n", release);
	for (i = 0; i < nhave; i++)
		if (!probe_has(have, i, have[i]))
			printf("offers %s\n", have[i]);
	probe_free(have, nhave);
	return 0;
}

/* time PAGE N: reads and parses PAGE N times in this process and prints
 * the milliseconds one reading takes (make bench-page), so that the
 * figure is the parser's, not the cost of starting a process. */
static int
cmd_time(int argc, char **argv)
{
	struct timespec  a, b;
	struct page      p;
	long             n, i;
	char             *end;

	if (argc != 2 || (n = strtol(argv[1], &end, 10)) <= 0 || *end != '\0')
		return usage();
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < n; i++) {
		if (page_read(&p, argv[0]) == -1) {
			fprintf(stderr, "time: %s: %s\n", argv[0], strerror(errno));
			return 2;
		}
		page_free(&p);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.3f\n", ((double) (b.tv_sec - a.tv_sec) * 1e3 +
	    (double) (b.tv_nsec - a.tv_nsec) / 1e6) / (double) n);
	return 0;
}

/* fuzz PAGE: every reading subcommand on one page, for AFL++ (make fuzz):
 * whatever the page holds, none may crash. */
static int
cmd_fuzz(int argc, char **argv)
{
	int  (*const readers[])(int, char **) = {
		cmd_dump, cmd_list, cmd_claims, cmd_since, cmd_names,
		cmd_outline, cmd_strip, cmd_style, cmd_words,
		cmd_head, cmd_html, cmd_checked,
		cmd_versions,
	};
	size_t  i;

	if (argc != 1)
		return usage();
	if (freopen("/dev/null", "w", stdout) == NULL ||
	    freopen("/dev/null", "w", stderr) == NULL)
		return 2;
	for (i = 0; i < sizeof(readers) / sizeof(readers[0]); i++)
		(void) readers[i](1, argv);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char  *name;
		int         (*run)(int, char **);
	} cmds[] = {
		{"extract", cmd_extract}, {"list", cmd_list},
		{"claims", cmd_claims}, {"since", cmd_since},
		{"names", cmd_names}, {"outline", cmd_outline},
		{"style", cmd_style}, {"words", cmd_words},
		{"writeback", cmd_writeback}, {"bless", cmd_bless},
		{"strip", cmd_strip}, {"needs", cmd_needs},
		{"offers", cmd_offers},
		{"dump", cmd_dump}, {"escape", cmd_escape},
		{"fuzz", cmd_fuzz}, {"time", cmd_time},
		{"head", cmd_head}, {"stamp", cmd_stamp},
		{"html", cmd_html}, {"checked", cmd_checked},
		{"versions", cmd_versions},
	};
	size_t  i;
	int     rc;

	if (argc < 2)
		return usage();
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0) {
			rc = cmds[i].run(argc - 2, argv + 2);
			if (fflush(stdout) == EOF || ferror(stdout)) {
				perror("page: stdout");
				return 2;
			}
			return rc;
		}
	return usage();
}
