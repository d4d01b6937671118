/*
 * ioctl-continue-einval-mode: UFFDIO_CONTINUE fails with EINVAL when mode
 * holds an unknown bit, or UFFDIO_CONTINUE_MODE_WP on a range not
 * registered with UFFDIO_REGISTER_MODE_WP (Linux 6.4 and later: before,
 * the mode bit is unknown).
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *s;
	size_t                  pg = page_size();
	struct uffdio_continue  c;

	fd = new_uffd(0);
	s = cached_page(1);
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MINOR);
	r = uffd_continue(fd, s, pg, 1 << 2, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE with mode bit 2");
	EXPECT_FIELD(c.mapped, UNTOUCHED, "UFFDIO_CONTINUE with mode bit 2");
	if (!continue_knows_wp(fd))
		untestable("unknown bit: EINVAL; this kernel lacks "
			   "UFFDIO_CONTINUE_MODE_WP (Linux 6.4): UFFDIO_CONTINUE "
			   "rejects it as an unknown mode");
	r = uffd_continue(fd, s, pg, UFFDIO_CONTINUE_MODE_WP, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE_MODE_WP on a MINOR-only range");
	EXPECT_FIELD(c.mapped, -EINVAL, "UFFDIO_CONTINUE_MODE_WP on a MINOR-only range");
	holds("unknown bit: EINVAL; MODE_WP without WP registration: EINVAL");
}
