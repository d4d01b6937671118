/*
 * ioctl-zeropage-enoent: UFFDIO_ZEROPAGE fails with ENOENT when the range
 * is not inside one mapping registered with this userfaultfd.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *a, *b;
	size_t                  pg = page_size();
	struct uffdio_zeropage  z;

	fd = new_uffd(0);
	a = map_anon(1);
	b = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_zeropage(fd, b, pg, 0, &z);
	expect_errno(r, errno, ENOENT, "UFFDIO_ZEROPAGE on unregistered memory");
	EXPECT_FIELD(z.zeropage, -ENOENT, "UFFDIO_ZEROPAGE on unregistered memory");
	r = uffd_zeropage(fd, a, 2 * pg, 0, &z);
	expect_errno(r, errno, ENOENT, "UFFDIO_ZEROPAGE past the end of the mapping");
	holds("not in one registered mapping: ENOENT");
}
