/*
 * ioctl-move-eexist: UFFDIO_MOVE fails with EEXIST when the destination
 * page is present.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *src;
	size_t              pg = page_size();
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(0);
	a = map_anon(1);
	src = map_anon(1);
	a[0] = 1;       /* present before registering: no fault */
	src[0] = 1;
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_move(fd, a, src, pg, 0, &m);
	expect_errno(r, errno, EEXIST, "UFFDIO_MOVE onto a present page");
	EXPECT_FIELD(m.move, -EEXIST, "UFFDIO_MOVE onto a present page");
	holds("present destination: EEXIST");
}
