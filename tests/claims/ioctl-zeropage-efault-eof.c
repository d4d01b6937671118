/*
 * ioctl-zeropage-efault-eof: UFFDIO_ZEROPAGE fails with EFAULT when the
 * page lies beyond the end of the shared-memory file it maps.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *s;
	size_t                  pg = page_size();
	struct uffdio_zeropage  z;

	fd = new_uffd(0);
	s = map_shmem(2, 1);
	do_register(fd, s, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_zeropage(fd, s + pg, pg, 0, &z);
	expect_errno(r, errno, EFAULT, "UFFDIO_ZEROPAGE past the end of a memfd");
	EXPECT_FIELD(z.zeropage, -EFAULT, "UFFDIO_ZEROPAGE past the end of a memfd");
	holds("beyond the end of the file: EFAULT");
}
