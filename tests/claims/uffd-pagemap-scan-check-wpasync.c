/*
 * uffd-pagemap-scan-check-wpasync: PAGEMAP_SCAN's flag
 * PM_SCAN_CHECK_WPASYNC (Linux 6.7) makes the scan fail with EPERM when a
 * mapping of the range is not registered in asynchronous write-protect
 * mode (not registered at all, or registered with an object without
 * UFFD_FEATURE_WP_ASYNC), instead of going on.  Without the flag, such a
 * mapping is skipped by PM_SCAN_WP_MATCHING (nothing reported, nothing
 * protected), and a plain scan reports its present pages as
 * PAGE_IS_WRITTEN (they are not protected); the category
 * PAGE_IS_WPALLOWED tells the pages that asynchronous protection covers.
 */
#include "ioctl.h"
#include "wp.h"

#define NPAGES 4

static int
scan(char *a, uint64_t flags, uint64_t category)
{
	struct page_region  r[NPAGES];

	return pagemap_scan(a, a + NPAGES * page_size(), flags, category, r, NPAGES);
}

int
main(void)
{
	int     fd, n;
	char    *a, *s, *b;
	size_t  pg = page_size();

	need_feature(UFFD_FEATURE_WP_ASYNC, "UFFD_FEATURE_WP_ASYNC",
		     "asynchronous write-protect mode and PAGEMAP_SCAN", "6.7");
	a = map_anon(NPAGES);
	memset(a, 1, NPAGES * pg);
	s = map_anon(NPAGES);
	memset(s, 1, NPAGES * pg);
	fd = new_uffd(0);
	do_register(fd, s, NPAGES * pg, UFFDIO_REGISTER_MODE_WP);
	b = map_anon(NPAGES);
	memset(b, 1, NPAGES * pg);
	do_register(new_uffd(UFFD_FEATURE_WP_ASYNC), b, NPAGES * pg,
		    UFFDIO_REGISTER_MODE_WP);

	n = scan(a, PM_SCAN_CHECK_WPASYNC, PAGE_IS_WRITTEN);
	if (n != -1 || errno != EPERM)
		contradicted("CHECK_WPASYNC on an unregistered range: %d (%s), "
			     "expected EPERM", n, n == -1 ? strerrorname_np(errno) : "");
	n = scan(s, PM_SCAN_CHECK_WPASYNC, PAGE_IS_WRITTEN);
	if (n != -1 || errno != EPERM)
		contradicted("CHECK_WPASYNC on a range registered without WP_ASYNC: "
			     "%d (%s), expected EPERM", n,
			     n == -1 ? strerrorname_np(errno) : "");
	n = scan(b, PM_SCAN_CHECK_WPASYNC, PAGE_IS_WRITTEN);
	if (n != 1)
		contradicted("CHECK_WPASYNC on a WP_ASYNC range of written pages: "
			     "%d regions (%s), expected 1", n,
			     n == -1 ? strerrorname_np(errno) : "");

	n = scan(a, PM_SCAN_WP_MATCHING, PAGE_IS_WRITTEN);
	if (n != 0)
		contradicted("WP_MATCHING on an unregistered range: %d regions, "
			     "expected it skipped (0)", n);
	n = scan(a, 0, PAGE_IS_WRITTEN);
	if (n != 1)
		contradicted("a plain scan of an unregistered range: %d regions "
			     "written, expected its pages (1 region)", n);
	if (scan(a, 0, PAGE_IS_WPALLOWED) != 0 || scan(b, 0, PAGE_IS_WPALLOWED) != 1)
		contradicted("PAGE_IS_WPALLOWED: not exactly the WP_ASYNC range");
	holds("CHECK_WPASYNC: EPERM unless registered with WP_ASYNC; without it, "
	      "WP_MATCHING skips such ranges");
}
