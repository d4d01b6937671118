/*
 * ioctl-poison-enoent: UFFDIO_POISON fails with ENOENT when the range is
 * not inside one mapping registered with this userfaultfd.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a, *b;
	size_t                pg = page_size();
	struct uffdio_poison  p;

	need_poison();
	fd = new_uffd(0);
	a = map_anon(1);
	b = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_poison(fd, b, pg, 0, &p);
	expect_errno(r, errno, ENOENT, "UFFDIO_POISON of unregistered memory");
	EXPECT_FIELD(p.updated, -ENOENT, "UFFDIO_POISON of unregistered memory");
	r = uffd_poison(fd, a, 2 * pg, 0, &p);
	expect_errno(r, errno, ENOENT, "UFFDIO_POISON past the end of the mapping");
	holds("not in one registered mapping: ENOENT");
}
