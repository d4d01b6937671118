/*
 * ioctl-copy-efault-src: UFFDIO_COPY fails with EFAULT, copy set to
 * -EFAULT, when the source cannot be read.
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
	if (munmap(src, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_copy(fd, a, src, pg, 0, &c);
	expect_errno(r, errno, EFAULT, "UFFDIO_COPY from unmapped memory");
	EXPECT_FIELD(c.copy, -EFAULT, "UFFDIO_COPY from unmapped memory");
	holds("unreadable source: EFAULT");
}
