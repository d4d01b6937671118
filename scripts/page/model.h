/*
 * model.h: a page as every step of the toolchain sees it, each element
 * with its line.  page_read() reads the page once; errors are kept with
 * their lines and printed as PAGE:LINE: message.
 */
#ifndef PAGE_MODEL_H
#define PAGE_MODEL_H

#include "roff.h"

struct bline {                  /* a line of a block, raw and decoded */
	int     line;
	char    kind;               /* 's' program, 'c' command, 'o' output */
	char    *text;
};

struct src {
	char          *name;        /* hello.c */
	int           line, end;    /* SRC BEGIN, SRC END */
	int           ex, ee;       /* .EX and .EE */
	struct bline  *lines;
	int           nlines;
};

struct vary {
	int   line;
	char  *ere;
};

struct run {
	char          *name;        /* the program, without .c */
	int           line, end, ex, ee;
	char          **needs;
	int           nneeds;
	int           timeout, status;
	struct vary   *vary;
	int           nvary;
	struct bline  *lines;
	int           nlines;
};

struct heading {
	char  kind;                 /* 'H' .SH, 'S' .SS */
	int   line;
	char  *title;
};

/* An errno entry: a .TP whose tag starts with errno names. */
struct entry {
	int   line;
	char  *errnos;              /* EAGAIN/EWOULDBLOCK */
	char  *context;             /* the section, or the subsection */
	int   order;
};

/* A paragraph or list item of DESCRIPTION, NOTES, BUGS or HISTORY. */
struct stmt {
	int   line, last;
	char  *section;
	int   check, nocheck, noclaim;  /* lines of the annotations, or 0 */
};

struct annot {
	enum annot_kind  kind;
	int              line;
	char             *args;     /* CHECK: the name; NOCHECK: why */
	int              entry;     /* the line of its errno entry, or 0 */
	int              stmt;      /* index of its statement, or -1 */
	int              order;     /* claims-list's order of records */
};

struct since {
	int   line;
	char  *name, *version, *arch;   /* arch: "" for every one */
	int   drift;                /* the text after it does not say it */
};

struct error {
	int   line;
	char  *msg;
};

struct page {
	const char      *path;
	char            *data;
	char            **raw;      /* raw[1..nraw] */
	struct line     *lines;     /* classified, same index */
	char            **th;       /* .TH arguments */
	struct heading  *heads;
	struct src      *srcs;
	struct run      *runs;
	struct entry    *entries;
	struct stmt     *stmts;
	struct annot    *annots;
	struct since    *since;
	struct error    *errors;
	char            *name_text; /* what NAME says, decoded */
	/* Block order for extract's index: 's' or 'r' and an index. */
	struct { char kind; int i; } *blocks;
	int             nraw;
	int             final_nl;   /* the last line ends in a newline */
	int             nth, thline;
	int             nheads, nsrcs, nruns, nentries, nstmts, nannots;
	int             nsince, nerrors, name_line, nblocks;
};

/* 0, or -1 when the page cannot be read (errno set); parse errors are in
 * p->errors. */
int	page_read(struct page *p, const char *path);
void	page_free(struct page *p);
/* The index of the program NAME.c, or of the session of the program NAME;
 * -1 if the page has none. */
int	page_src(const struct page *p, const char *name);
int	page_run(const struct page *p, const char *name);
void	page_error(struct page *p, int line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Prints the errors, sorted by line; returns how many. */
int	page_print_errors(struct page *p);
void	page_sort_errors(struct page *p);
/* The text a reader sees of line i (a text line, or a macro's text
 * arguments), into out; "" for other lines. */
void	page_visible(const struct page *p, int i, int flags, struct buf *out);

int	is_errno(const char *name);
int	is_font_macro(const char *m);
/* The fonts a font macro's arguments take in turn ("BR" for .BR, "B" for
 * .SB), or NULL for another macro. */
const char	*font_cycle(const char *m);

void	*xcalloc(size_t n, size_t size);
void	*xgrow(void *p, int n, size_t size);
char	*xstrdup(const char *s);

#endif
