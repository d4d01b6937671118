/*
 * uffd-wp-no-collapse: a range with a write-protected page is not
 * collapsed into a transparent huge page: madvise(MADV_COLLAPSE) (Linux
 * 6.1) fails on it with EINVAL, while the same range registered but with
 * no page protected collapses.  khugepaged runs the same scan
 * (SCAN_PTE_UFFD_WP) and leaves it alone too; that is not checked here.
 */
#include "ioctl.h"
#include "wp.h"

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif

/* THP_SIZE bytes, aligned, populated with small pages. */
static char *
small_pages(void)
{
	char  *a = map_thp_aligned();

	if (madvise(a, THP_SIZE, MADV_NOHUGEPAGE) == -1)
		untestable("madvise(MADV_NOHUGEPAGE): %s", strerror(errno));
	memset(a, 's', THP_SIZE);
	if (madvise(a, THP_SIZE, MADV_HUGEPAGE) == -1)
		untestable("madvise(MADV_HUGEPAGE): %s", strerror(errno));
	return a;
}

int
main(void)
{
	int     fd;
	char    *a;
	size_t  pg = page_size();

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	need_thp();
	fd = new_uffd(0);

	a = small_pages();
	do_register(fd, a, THP_SIZE, UFFDIO_REGISTER_MODE_WP);
	if (madvise(a, THP_SIZE, MADV_COLLAPSE) == -1) {
		if (errno == EINVAL && kernel_version() < LINUX(6, 1, 0))
			untestable("no MADV_COLLAPSE before Linux 6.1");
		untestable("MADV_COLLAPSE of a registered range with no page "
			   "protected: %s", strerror(errno));
	}
	if (anon_huge_kb(a) < (long) (THP_SIZE / 1024))
		untestable("MADV_COLLAPSE succeeded but no huge page is mapped");

	a = small_pages();
	do_register(fd, a, THP_SIZE, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a + 5 * pg, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (madvise(a, THP_SIZE, MADV_COLLAPSE) == 0)
		contradicted("MADV_COLLAPSE collapsed a range with a protected page "
			     "(AnonHugePages %ld kB)", anon_huge_kb(a));
	if (errno != EINVAL)
		contradicted("MADV_COLLAPSE of a range with a protected page: %s, "
			     "expected EINVAL", strerrorname_np(errno));
	if (anon_huge_kb(a) != 0)
		contradicted("AnonHugePages %ld kB after a refused collapse",
			     anon_huge_kb(a));
	holds("MADV_COLLAPSE: EINVAL on a range with a protected page; the same "
	      "range unprotected collapses");
}
