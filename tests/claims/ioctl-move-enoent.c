/*
 * ioctl-move-enoent: UFFDIO_MOVE fails with ENOENT when a source page is a
 * hole (unless UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES), or nothing is mapped at
 * src or dst.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *src, *gone;
	size_t              pg = page_size();
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(0);
	a = map_anon(2);
	src = map_anon(1);
	gone = map_anon(1);
	if (munmap(gone, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_move(fd, a, src, pg, 0, &m);
	expect_errno(r, errno, ENOENT, "UFFDIO_MOVE of a hole");
	EXPECT_FIELD(m.move, -ENOENT, "UFFDIO_MOVE of a hole");
	if (uffd_move(fd, a, src, pg, UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES,
		      &m) == -1)
		contradicted("UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES of a hole: %s",
			     strerrorname_np(errno));
	EXPECT_FIELD(m.move, pg, "UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES of a hole");
	r = uffd_move(fd, a + pg, gone, pg, 0, &m);
	expect_errno(r, errno, ENOENT, "UFFDIO_MOVE from unmapped memory");
	r = uffd_move(fd, gone, a, pg, 0, &m);
	expect_errno(r, errno, ENOENT, "UFFDIO_MOVE into unmapped memory");
	holds("hole or nothing mapped: ENOENT; ALLOW_SRC_HOLES counts holes as moved");
}
