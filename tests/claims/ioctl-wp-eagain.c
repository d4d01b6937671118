/*
 * ioctl-wp-eagain: UFFDIO_WRITEPROTECT fails with EAGAIN while a non-
 * cooperative event is waiting to be read.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a;
	size_t                pg = page_size();
	struct pending_event  ev;

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(2);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_WP);
	start_pending_event(&ev, fd, a + pg);
	r = uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, EAGAIN, "UFFDIO_WRITEPROTECT with an event pending");
	end_pending_event(&ev);
	holds("event pending: EAGAIN");
}
