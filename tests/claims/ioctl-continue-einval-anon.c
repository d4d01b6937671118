/*
 * ioctl-continue-einval-anon: UFFDIO_CONTINUE fails with EINVAL on private
 * anonymous memory.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *a;
	size_t                  pg = page_size();
	struct uffdio_continue  c;

	if (!kernel_at_least(5, 13))
		untestable("UFFDIO_CONTINUE is from Linux 5.13");

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_continue(fd, a, pg, 0, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE on anonymous memory");
	EXPECT_FIELD(c.mapped, -EINVAL, "UFFDIO_CONTINUE on anonymous memory");
	holds("anonymous memory: EINVAL");
}
