/*
 * ioctl-wp-einval-mode: UFFDIO_WRITEPROTECT fails with EINVAL when mode
 * holds an unknown bit or both UFFDIO_WRITEPROTECT_MODE_WP and
 * UFFDIO_WRITEPROTECT_MODE_DONTWAKE.
 */
#include "ioctl.h"

int
main(void)
{
	int     fd, r;
	char    *a;
	size_t  pg = page_size();

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_WP);
	r = uffd_writeprotect(fd, a, pg, 1 << 2);
	expect_errno(r, errno, EINVAL, "UFFDIO_WRITEPROTECT with mode bit 2");
	r = uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP
			      | UFFDIO_WRITEPROTECT_MODE_DONTWAKE);
	expect_errno(r, errno, EINVAL, "UFFDIO_WRITEPROTECT with WP | DONTWAKE");
	holds("unknown bit, WP with DONTWAKE: EINVAL");
}
