/*
 * style.c: the man-pages style rules that no formatter checks, and the
 * words of each line for lint's width check.
 */
#include <stdio.h>

#include "page.h"

int
cmd_style(int argc, char **argv)
{
	(void) argc;
	(void) argv;
	fputs("page style: not yet\n", stderr);
	return 2;
}

int
cmd_words(int argc, char **argv)
{
	(void) argc;
	(void) argv;
	fputs("page words: not yet\n", stderr);
	return 2;
}
