/*
 * ioctl-copy-eagain-event: UFFDIO_COPY fails with EAGAIN, and sets copy to
 * -EAGAIN, while a non-cooperative event (here UFFD_EVENT_REMOVE) is
 * waiting to be read; before Linux 6.15, 6.14.7 and 6.12.29, copy is left
 * as it was.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a, *src;
	size_t                pg = page_size();
	struct uffdio_copy    c;
	struct pending_event  ev;
	int                   sets = eagain_sets_field();

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(2);
	src = map_anon(1);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	start_pending_event(&ev, fd, a + pg);
	r = uffd_copy(fd, a, src, pg, 0, &c);
	EXPECT_EAGAIN_PENDING(r, c.copy, "UFFDIO_COPY with an event pending");
	end_pending_event(&ev);
	if (uffd_copy(fd, a, src, pg, 0, &c) == -1)
		contradicted("UFFDIO_COPY after the event was read: %s",
			     strerrorname_np(errno));
	holds("event pending: EAGAIN, copy %s",
	      sets ? "= -EAGAIN" : "untouched (before 6.15, 6.14.7, 6.12.29)");
}
