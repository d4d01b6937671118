/*
 * ioctl-move-eagain: UFFDIO_MOVE fails with EAGAIN when it moves only part
 * of the range (move: the bytes done) or while a non-cooperative event is
 * waiting to be read (move: -EAGAIN; left as it was before Linux 6.15,
 * 6.14.7 and 6.12.29).
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a, *src;
	size_t                pg = page_size();
	struct uffdio_move    m;
	struct pending_event  ev;
	int                   sets = eagain_sets_field();

	need_move();
	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(3);
	src = map_anon(2);
	src[0] = 'm';           /* page 0 present, page 1 a hole */
	do_register(fd, a, 3 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_move(fd, a, src, 2 * pg, 0, &m);
	expect_errno(r, errno, EAGAIN, "UFFDIO_MOVE of two pages, the second a hole");
	EXPECT_FIELD(m.move, pg, "UFFDIO_MOVE of two pages, the second a hole");
	if (a[0] != 'm')
		contradicted("the first page did not move");
	start_pending_event(&ev, fd, a);
	src[0] = 'n';
	r = uffd_move(fd, a + 2 * pg, src, pg, 0, &m);
	EXPECT_EAGAIN_PENDING(r, m.move, "UFFDIO_MOVE with an event pending");
	end_pending_event(&ev);
	holds("partial: EAGAIN, bytes done; event pending: EAGAIN, %s",
	      sets ? "-EAGAIN" : "untouched (before 6.15, 6.14.7, 6.12.29)");
}
