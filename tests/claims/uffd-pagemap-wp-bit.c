/*
 * uffd-pagemap-wp-bit: bit 57 of a page's entry in /proc/pid/pagemap
 * (PM_UFFD_WP, since Linux 5.13) tells whether the page is write-protected
 * by a userfaultfd: set by UFFDIO_WRITEPROTECT, cleared when the
 * protection is removed, and not set on a page of the same range left
 * unprotected.
 */
#include "ioctl.h"
#include "wp.h"

int
main(void)
{
	int     fd;
	char    *a;
	size_t  pg = page_size();

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	fd = new_uffd(0);
	a = map_anon(2);
	memset(a, 'x', 2 * pg);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_WP);
	if (wp_bit(a))
		contradicted("bit 57 set on a registered page never protected");
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (!wp_bit(a)) {
		if (kernel_version() >= LINUX(5, 13, 0))
			contradicted("bit 57 clear on a write-protected page "
				     "(Linux 5.13 or later)");
		untestable("no PM_UFFD_WP in pagemap before Linux 5.13");
	}
	if (wp_bit(a + pg))
		contradicted("bit 57 set on the neighbouring page, not protected");
	if (uffd_writeprotect(fd, a, pg, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (wp_bit(a))
		contradicted("bit 57 still set after the protection was removed");
	holds("pagemap bit 57: set while write-protected, clear otherwise");
}
