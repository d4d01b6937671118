/*
 * ioctl-copy-esrch: UFFDIO_COPY fails with ESRCH when the process that
 * created the userfaultfd has exited.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a;
	struct uffdio_copy  c;

	fd = orphan_uffd();
	a = map_anon(2);
	r = uffd_copy(fd, a, a + page_size(), page_size(), 0, &c);
	expect_errno(r, errno, ESRCH, "UFFDIO_COPY after the creator exited");
	holds("the address space is gone: ESRCH");
}
