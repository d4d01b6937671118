/*
 * ioctl-continue-esrch: UFFDIO_CONTINUE fails with ESRCH when the process
 * that created the userfaultfd has exited.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	struct uffdio_continue  c;

	/* Minor mode, which came with UFFDIO_CONTINUE. */
	need_feature(UFFD_FEATURE_MINOR_HUGETLBFS, "UFFD_FEATURE_MINOR_HUGETLBFS",
		     "UFFDIO_CONTINUE", "5.13");
	fd = orphan_uffd();
	r = uffd_continue(fd, map_anon(1), page_size(), 0, &c);
	expect_errno(r, errno, ESRCH, "UFFDIO_CONTINUE after the creator exited");
	holds("the address space is gone: ESRCH");
}
