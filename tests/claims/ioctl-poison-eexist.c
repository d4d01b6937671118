/*
 * ioctl-poison-eexist: UFFDIO_POISON fails with EEXIST when the page is
 * present or already poisoned.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a;
	size_t                pg = page_size();
	struct uffdio_poison  p;

	need_poison();
	fd = new_uffd(0);
	a = map_anon(2);
	a[0] = 1;       /* present before registering: no fault */
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_poison(fd, a, pg, 0, &p);
	expect_errno(r, errno, EEXIST, "UFFDIO_POISON of a present page");
	EXPECT_FIELD(p.updated, -EEXIST, "UFFDIO_POISON of a present page");
	if (uffd_poison(fd, a + pg, pg, 0, &p) == -1)
		untestable("UFFDIO_POISON: %s", strerror(errno));
	r = uffd_poison(fd, a + pg, pg, 0, &p);
	expect_errno(r, errno, EEXIST, "UFFDIO_POISON of a poisoned page");
	holds("present or poisoned: EEXIST");
}
