/*
 * ioctl-move-einval-mm: UFFDIO_MOVE fails with EINVAL when called by a
 * process other than the one whose memory the userfaultfd handles.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a;
	struct uffdio_move  m;

	need_move();
	fd = orphan_uffd();
	a = map_anon(2);
	r = uffd_move(fd, a, a + page_size(), page_size(), 0, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE on another process's userfaultfd");
	holds("another address space: EINVAL");
}
