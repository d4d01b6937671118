/*
 * ioctl-copy-eexist: UFFDIO_COPY fails with EEXIST, copy set to -EEXIST,
 * when the first page of the destination is already present.
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
	a[0] = 1;       /* present before registering: no fault */
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_copy(fd, a, src, pg, 0, &c);
	expect_errno(r, errno, EEXIST, "UFFDIO_COPY onto a present page");
	EXPECT_FIELD(c.copy, -EEXIST, "UFFDIO_COPY onto a present page");
	holds("present page: EEXIST");
}
