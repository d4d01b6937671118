/*
 * ioctl-continue-eagain: UFFDIO_CONTINUE fails with EAGAIN when it maps
 * only part of the range (mapped: the bytes done) or while a non-
 * cooperative event is waiting to be read (mapped: -EAGAIN; left as
 * it was before Linux 6.15, 6.14.7 and 6.12.29).
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *s, *t;
	size_t                  pg = page_size();
	struct uffdio_continue  c;
	struct pending_event    ev;
	int                     sets = eagain_sets_field();

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	s = map_shmem(4, 4);
	t = alias(s, 4 * pg);
	t[0] = 1;               /* page 0 in the cache, page 1 not */
	t[2 * pg] = 1;
	do_register(fd, s, 4 * pg, UFFDIO_REGISTER_MODE_MINOR);
	r = uffd_continue(fd, s, 2 * pg, 0, &c);
	expect_errno(r, errno, EAGAIN, "UFFDIO_CONTINUE, second page not in the cache");
	EXPECT_FIELD(c.mapped, pg, "UFFDIO_CONTINUE, second page not in the cache");
	s[3 * pg] = 1;          /* to have something to remove */
	start_pending_event(&ev, fd, s + 3 * pg);
	r = uffd_continue(fd, s + 2 * pg, pg, 0, &c);
	EXPECT_EAGAIN_PENDING(r, c.mapped,
			      "UFFDIO_CONTINUE with an event pending");
	end_pending_event(&ev);
	holds("partial: EAGAIN, bytes done; event pending: EAGAIN, %s",
	      sets ? "-EAGAIN" : "untouched (before 6.15, 6.14.7, 6.12.29)");
}
