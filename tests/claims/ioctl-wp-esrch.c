/*
 * ioctl-wp-esrch: UFFDIO_WRITEPROTECT fails with ESRCH when the process
 * that created the userfaultfd has exited.
 */
#include "ioctl.h"

int
main(void)
{
	int  fd, r;

	fd = orphan_uffd();
	r = uffd_writeprotect(fd, map_anon(1), page_size(),
			      UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, ESRCH, "UFFDIO_WRITEPROTECT after the creator exited");
	holds("the address space is gone: ESRCH");
}
