/*
 * ioctl-copy-einval-wp: UFFDIO_COPY with UFFDIO_COPY_MODE_WP fails with
 * EINVAL, copy set to -EINVAL, when the destination is not registered with
 * UFFDIO_REGISTER_MODE_WP.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *src;
	size_t              pg = page_size();
	struct uffdio_copy  c;

	fd = new_uffd(0);
	a = map_anon(1);
	src = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_copy(fd, a, src, pg, UFFDIO_COPY_MODE_WP, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_COPY_MODE_WP on a MISSING-only range");
	EXPECT_FIELD(c.copy, -EINVAL, "UFFDIO_COPY_MODE_WP on a MISSING-only range");
	holds("UFFDIO_COPY_MODE_WP without WP registration: EINVAL");
}
