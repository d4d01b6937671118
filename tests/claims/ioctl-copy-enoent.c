/*
 * ioctl-copy-enoent: UFFDIO_COPY fails with ENOENT, copy set to -ENOENT,
 * when the destination range is not inside one mapping registered with
 * this userfaultfd.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *b, *src;
	size_t              pg = page_size();
	struct uffdio_copy  c;

	fd = new_uffd(0);
	a = map_anon(1);
	b = map_anon(1);
	src = map_anon(2);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_copy(fd, b, src, pg, 0, &c);
	expect_errno(r, errno, ENOENT, "UFFDIO_COPY into unregistered memory");
	EXPECT_FIELD(c.copy, -ENOENT, "UFFDIO_COPY into unregistered memory");
	r = uffd_copy(fd, a, src, 2 * pg, 0, &c);
	expect_errno(r, errno, ENOENT, "UFFDIO_COPY past the end of the mapping");
	if (munmap(b, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	r = uffd_copy(fd, b, src, pg, 0, &c);
	expect_errno(r, errno, ENOENT, "UFFDIO_COPY into unmapped memory");
	holds("destination not in one registered mapping: ENOENT");
}
