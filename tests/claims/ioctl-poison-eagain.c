/*
 * ioctl-poison-eagain: UFFDIO_POISON fails with EAGAIN when it poisons
 * only part of the range (updated: the bytes done) or while a non-
 * cooperative event is waiting to be read (updated: -EAGAIN; left as
 * it was before Linux 6.15, 6.14.7 and 6.12.29).
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a;
	size_t                pg = page_size();
	struct uffdio_poison  p;
	struct pending_event  ev;
	int                   sets = eagain_sets_field();

	need_poison();
	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(3);
	a[pg] = 1;      /* present before registering: no fault */
	do_register(fd, a, 3 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_poison(fd, a, 2 * pg, 0, &p);
	expect_errno(r, errno, EAGAIN, "UFFDIO_POISON of two pages, the second present");
	EXPECT_FIELD(p.updated, pg, "UFFDIO_POISON of two pages, the second present");
	start_pending_event(&ev, fd, a + pg);
	r = uffd_poison(fd, a + 2 * pg, pg, 0, &p);
	EXPECT_EAGAIN_PENDING(r, p.updated,
			      "UFFDIO_POISON with an event pending");
	end_pending_event(&ev);
	holds("partial: EAGAIN, bytes done; event pending: EAGAIN, %s",
	      sets ? "-EAGAIN" : "untouched (before 6.15, 6.14.7, 6.12.29)");
}
