/*
 * ioctl-zeropage-esrch: UFFDIO_ZEROPAGE fails with ESRCH when the process
 * that created the userfaultfd has exited.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	struct uffdio_zeropage  z;

	fd = orphan_uffd();
	r = uffd_zeropage(fd, map_anon(1), page_size(), 0, &z);
	expect_errno(r, errno, ESRCH, "UFFDIO_ZEROPAGE after the creator exited");
	holds("the address space is gone: ESRCH");
}
