/*
 * uffd-wp-swap: write protection survives swap-out: a protected page of
 * private anonymous memory pushed to swap with madvise(MADV_PAGEOUT) keeps
 * pagemap bit 57 (PM_UFFD_WP) while swapped, and the next write is a
 * write-protect fault.  Needs swap space.
 */
#include "ioctl.h"
#include "wp.h"

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

/* Is there an active swap area? */
static int
have_swap(void)
{
	FILE  *f = fopen("/proc/swaps", "r");
	char  line[256];
	int   n = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		n++;
	fclose(f);
	return n > 1;   /* a header line, then one line per area */
}

int
main(void)
{
	int              fd;
	char             *a;
	size_t           pg = page_size();
	uint64_t         e;
	struct writer    w;
	struct uffd_msg  msg;

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	if (!have_swap())
		untestable("no swap space (/proc/swaps lists none): a page cannot "
			   "be swapped out");
	fd = new_uffd(0);
	a = map_anon(1);
	memset(a, 'x', pg);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_WP);
	need_pagemap_wp(fd, a);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (madvise(a, pg, MADV_PAGEOUT) == -1)
		untestable("madvise(MADV_PAGEOUT): %s", strerror(errno));
	e = pagemap_entry(0, a);
	if (!(e & PM_SWAP))
		untestable("MADV_PAGEOUT did not swap the page out (entry %#llx)",
			   (unsigned long long) e);
	if (!(e & PM_UFFD_WP))
		contradicted("swapped-out protected page: bit 57 clear (entry %#llx)",
			     (unsigned long long) e);
	start_writer(&w, a);
	if (!wait_msg(fd, 1000, &msg))
		contradicted("the write to the swapped-out protected page did not fault");
	if (msg.arg.pagefault.flags != (UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("the write faulted with flags %#llx, expected WP|WRITE",
			     (unsigned long long) msg.arg.pagefault.flags);
	if (uffd_writeprotect(fd, a, pg, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	join_writer(&w);
	if (a[0] != 'w')
		contradicted("the page lost the write or its contents");
	holds("a protected page swapped out keeps bit 57; the write is a WP fault");
}
