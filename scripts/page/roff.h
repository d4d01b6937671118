/*
 * roff.h: the roff layer of the page reader: what kind each line is, a
 * macro's arguments with roff's quoting, and escapes decoded into the text
 * a reader sees (the way mandoc's escape classifier sorts them: glyphs,
 * font changes, the rest) or encoded the other way for writing back.
 */
#ifndef PAGE_ROFF_H
#define PAGE_ROFF_H

#include <stddef.h>

/* A growing string; s is always NUL-terminated once something is added. */
struct buf {
	char    *s;
	size_t  len, cap;
};

void	buf_add(struct buf *b, const char *s, size_t n);
void	buf_addc(struct buf *b, char c);
void	buf_adds(struct buf *b, const char *s);
void	buf_reset(struct buf *b);
void	buf_free(struct buf *b);

enum line_kind {
	LINE_TEXT,      /* text, a blank line included */
	LINE_MACRO,     /* a control line: .XX or 'XX */
	LINE_COMMENT,   /* .\" '\" \" and the \# forms, whole line */
};

struct line {
	enum line_kind  kind;
	const char      *raw;       /* the line as written, no newline */
	char            macro[8];   /* LINE_MACRO: its name ("" if none) */
	const char      *rest;      /* LINE_MACRO: after the name and blanks */
	const char      *comment;   /* LINE_COMMENT: after \" or \# */
};

void	roff_classify(const char *raw, struct line *l);

/* Up to max arguments of a macro line, unquoted ("" inside quotes is one
 * quote); a trailing \" comment ends them.  Returns how many; each is a
 * new string the caller frees. */
int	roff_args(const char *rest, char **argv, int max);

/* Decoding.  DEC_STRICT: an escape that cannot be shown as plain text (a
 * register, an unknown glyph, motion) is an error; otherwise it is
 * dropped.  DEC_MARKS: keep what the style rules need to see, \& as \001,
 * a glyph other than a quote as \002, a fixed space as \003. */
#define DEC_STRICT  0x1
#define DEC_MARKS   0x2
/* page_visible: a macro's arguments joined by spaces, even where roff
 * joins them without (.BR), so that no two words run together. */
#define DEC_SPACED  0x4

/* Font letters in fonts[] (one per byte of out): R, B, I, X (bold italic). */
struct decode {
	struct buf  out;
	struct buf  fonts;
	char        font, prev;
	char        err[160];
};

void	dec_init(struct decode *d, char font);
void	dec_free(struct decode *d);
/* Appends the text of s; returns -1 with d->err set on an error. */
int	roff_decode(struct decode *d, const char *s, int flags);
/* The decoded text of s alone, into out; -1 and err on an error. */
int	roff_plain(const char *s, int flags, struct buf *out, char *err,
	    size_t errlen);

/* A line of plain text as roff text inside .EX: \e, \-, a leading \&. */
void	roff_encode(const char *s, size_t n, struct buf *out);

/* A comment that is ours: its keyword and what follows it. */
enum annot_kind {
	ANNOT_NONE, ANNOT_SRC, ANNOT_RUN, ANNOT_VARY, ANNOT_CHECK,
	ANNOT_NOCHECK, ANNOT_NOCLAIM, ANNOT_SINCE,
	ANNOT_UNKNOWN,          /* looks like ours and is not */
	ANNOT_MALFORMED,        /* ours, glued to what follows */
};
extern const char *const annot_names[];

enum annot_kind	annot_classify(const char *comment, const char **args,
		    char *word, size_t wordlen);

#endif
