/*
 * ioctl-zeropage-einval-mode: UFFDIO_ZEROPAGE fails with EINVAL when mode
 * holds a bit other than UFFDIO_ZEROPAGE_MODE_DONTWAKE.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *a;
	struct uffdio_zeropage  z;

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_zeropage(fd, a, page_size(), 1 << 1, &z);
	expect_errno(r, errno, EINVAL, "UFFDIO_ZEROPAGE with mode bit 1");
	holds("unknown mode bit: EINVAL");
}
