/*
 * ioctl-copy-einval-mode: UFFDIO_COPY fails with EINVAL when mode holds an
 * unknown bit.
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
	r = uffd_copy(fd, a, src, pg, 1 << 2, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_COPY with mode bit 2");
	holds("unknown mode bit: EINVAL");
}
