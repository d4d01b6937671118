/*
 * ioctl-zeropage-eagain: UFFDIO_ZEROPAGE fails with EAGAIN when it fills
 * only part of the range (zeropage: the bytes done) or while a non-
 * cooperative event is waiting to be read (zeropage: -EAGAIN; left as
 * it was before Linux 6.15, 6.14.7 and 6.12.29).
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *a;
	size_t                  pg = page_size();
	struct uffdio_zeropage  z;
	struct pending_event    ev;
	int                     sets = eagain_sets_field();

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(3);
	a[pg] = 1;      /* present before registering: no fault */
	do_register(fd, a, 3 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_zeropage(fd, a, 2 * pg, 0, &z);
	expect_errno(r, errno, EAGAIN, "UFFDIO_ZEROPAGE of two pages, the second present");
	EXPECT_FIELD(z.zeropage, pg, "UFFDIO_ZEROPAGE of two pages, the second present");
	start_pending_event(&ev, fd, a + pg);
	r = uffd_zeropage(fd, a + 2 * pg, pg, 0, &z);
	EXPECT_EAGAIN_PENDING(r, z.zeropage,
			      "UFFDIO_ZEROPAGE with an event pending");
	end_pending_event(&ev);
	holds("partial: EAGAIN, bytes done; event pending: EAGAIN, %s",
	      sets ? "-EAGAIN" : "untouched (before 6.15, 6.14.7, 6.12.29)");
}
