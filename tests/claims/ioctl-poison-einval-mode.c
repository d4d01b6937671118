/*
 * ioctl-poison-einval-mode: UFFDIO_POISON fails with EINVAL when mode
 * holds a bit other than UFFDIO_POISON_MODE_DONTWAKE.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a;
	struct uffdio_poison  p;

	need_poison();
	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_poison(fd, a, page_size(), 1 << 1, &p);
	expect_errno(r, errno, EINVAL, "UFFDIO_POISON with mode bit 1");
	EXPECT_FIELD(p.updated, UNTOUCHED, "UFFDIO_POISON with mode bit 1");
	holds("unknown mode bit: EINVAL");
}
