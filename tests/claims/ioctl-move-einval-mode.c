/*
 * ioctl-move-einval-mode: UFFDIO_MOVE fails with EINVAL when mode holds an
 * unknown bit.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *src;
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(0);
	a = map_anon(1);
	src = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_move(fd, a, src, page_size(), 1 << 2, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE with mode bit 2");
	holds("unknown mode bit: EINVAL");
}
