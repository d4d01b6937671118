/*
 * page.h: the subcommands of the page reader, each in the file of its
 * stage's concern, all on the one model.
 */
#ifndef PAGE_PAGE_H
#define PAGE_PAGE_H

#include "model.h"

int	read_page(struct page *p, const char *path, const char *me);
struct page	*read_pages(int argc, char **argv, const char *me);
void	free_pages(struct page *pages, int n);
int	probe_read(const char *path, char ***have, int *nhave, char *release,
	    size_t rellen);
int	probe_has(char **have, int nhave, const char *name);

/* extract.c */
int	cmd_extract(int argc, char **argv);
int	cmd_writeback(int argc, char **argv);
int	cmd_bless(int argc, char **argv);
/* claims.c */
int	cmd_claims(int argc, char **argv);
int	cmd_since(int argc, char **argv);
int	cmd_names(int argc, char **argv);
/* style.c */
int	cmd_style(int argc, char **argv);
int	cmd_words(int argc, char **argv);
/* render.c */
int	cmd_head(int argc, char **argv);
int	cmd_stamp(int argc, char **argv);
int	cmd_html(int argc, char **argv);
/* report.c */
int	cmd_checked(int argc, char **argv);
/* upstream.c */
int	cmd_versions(int argc, char **argv);

#endif
