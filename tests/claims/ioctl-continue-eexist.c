/*
 * ioctl-continue-eexist: UFFDIO_CONTINUE fails with EEXIST when the page
 * is already mapped in the range.
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
	if (uffd_continue(fd, s, pg, 0, &c) == -1)
		untestable("UFFDIO_CONTINUE: %s", strerror(errno));
	r = uffd_continue(fd, s, pg, 0, &c);
	expect_errno(r, errno, EEXIST, "a second UFFDIO_CONTINUE of the page");
	EXPECT_FIELD(c.mapped, -EEXIST, "a second UFFDIO_CONTINUE of the page");
	holds("already mapped: EEXIST");
}
