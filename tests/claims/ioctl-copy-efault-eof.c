/*
 * ioctl-copy-efault-eof: UFFDIO_COPY fails with EFAULT when the
 * destination lies beyond the end of the shared-memory file it maps.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *s, *src;
	size_t              pg = page_size();
	struct uffdio_copy  c;

	fd = new_uffd(0);
	s = map_shmem(2, 1);
	src = map_anon(1);
	do_register(fd, s, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_copy(fd, s + pg, src, pg, 0, &c);
	expect_errno(r, errno, EFAULT, "UFFDIO_COPY past the end of a memfd");
	EXPECT_FIELD(c.copy, -EFAULT, "UFFDIO_COPY past the end of a memfd");
	holds("beyond the end of the file: EFAULT");
}
