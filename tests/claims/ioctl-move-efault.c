/*
 * ioctl-move-efault: UFFDIO_MOVE fails with EFAULT when a source page is a
 * special entry that cannot move, such as a page poisoned with
 * UFFDIO_POISON.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a;
	size_t                pg = page_size();
	struct uffdio_move    m;
	struct uffdio_poison  p;

	need_move();
	need_poison();
	fd = new_uffd(0);
	a = map_anon(2);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_poison(fd, a, pg, 0, &p) == -1)
		untestable("UFFDIO_POISON: %s", strerror(errno));
	r = uffd_move(fd, a + pg, a, pg, 0, &m);
	expect_errno(r, errno, EFAULT, "UFFDIO_MOVE from a poisoned page");
	EXPECT_FIELD(m.move, -EFAULT, "UFFDIO_MOVE from a poisoned page");
	holds("poisoned source: EFAULT");
}
