/*
 * ioctl-poison-esrch: UFFDIO_POISON fails with ESRCH when the process that
 * created the userfaultfd has exited.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	struct uffdio_poison  p;

	need_poison();
	fd = orphan_uffd();
	r = uffd_poison(fd, map_anon(1), page_size(), 0, &p);
	expect_errno(r, errno, ESRCH, "UFFDIO_POISON after the creator exited");
	holds("the address space is gone: ESRCH");
}
