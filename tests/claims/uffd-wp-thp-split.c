/*
 * uffd-wp-thp-split: write-protecting part of a transparent huge page, or
 * a PAGEMAP_SCAN that protects part of one (PM_SCAN_WP_MATCHING, Linux
 * 6.7), splits its mapping into pages: AnonHugePages of the mapping in
 * /proc/self/smaps drops from the huge page's size to 0, and only the
 * pages asked for are protected.  Protecting the whole huge page keeps it
 * whole.
 */
#include "ioctl.h"
#include "wp.h"

int
main(void)
{
	int                 fd;
	char                *a;
	size_t              pg = page_size();
	long                kb;
	struct page_region  r[4];

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	fd = new_uffd(0);
	a = map_thp();
	if (anon_huge_kb(a) < (long) (THP_SIZE / 1024))
		untestable("no transparent huge page was given (AnonHugePages %ld kB)",
			   anon_huge_kb(a));
	do_register(fd, a, THP_SIZE, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, THP_SIZE, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	kb = anon_huge_kb(a);
	if (kb < (long) (THP_SIZE / 1024))
		contradicted("protecting the whole huge page split it "
			     "(AnonHugePages %ld kB)", kb);
	if (uffd_writeprotect(fd, a, THP_SIZE, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (uffd_writeprotect(fd, a + pg, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	kb = anon_huge_kb(a);
	if (kb != 0)
		contradicted("protecting one page of a huge page left AnonHugePages "
			     "at %ld kB", kb);
	if (kernel_version() >= LINUX(5, 13, 0) && (wp_bit(a) || !wp_bit(a + pg)))
		contradicted("after a partial protection: page 0 bit 57 %d, page 1 "
			     "bit 57 %d, expected 0 and 1", wp_bit(a), wp_bit(a + pg));
	close(fd);

	if (!(offered_features() & UFFD_FEATURE_WP_ASYNC))
		untestable("partial UFFDIO_WRITEPROTECT splits; this kernel lacks "
			   "PAGEMAP_SCAN and WP_ASYNC (Linux 6.7)");
	fd = new_uffd(UFFD_FEATURE_WP_ASYNC);
	a = map_thp();
	if (anon_huge_kb(a) < (long) (THP_SIZE / 1024))
		untestable("no second transparent huge page was given");
	do_register(fd, a, THP_SIZE, UFFDIO_REGISTER_MODE_WP);
	/* The huge page counts as written: a scan of two pages of it that
	   protects what it reports must split it. */
	if (pagemap_scan(a, a + 2 * pg, PM_SCAN_WP_MATCHING, PAGE_IS_WRITTEN,
			 r, 4) == -1)
		untestable("PAGEMAP_SCAN: %s", strerror(errno));
	kb = anon_huge_kb(a);
	if (kb != 0)
		contradicted("a PAGEMAP_SCAN protecting part of a huge page left "
			     "AnonHugePages at %ld kB", kb);
	holds("a partial protection (UFFDIO_WRITEPROTECT or PAGEMAP_SCAN) splits "
	      "a transparent huge page; a whole one does not");
}
