/*
 * ioctl-zeropage-eexist: UFFDIO_ZEROPAGE fails with EEXIST, zeropage set
 * to -EEXIST, when the page is already present (or poisoned with
 * UFFDIO_POISON, on a kernel that has it: Linux 6.6).
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *a;
	size_t                  pg = page_size();
	struct uffdio_zeropage  z;
	struct uffdio_poison    p;

	fd = new_uffd(0);
	a = map_anon(2);
	a[0] = 1;       /* present before registering: no fault */
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_zeropage(fd, a, pg, 0, &z);
	expect_errno(r, errno, EEXIST, "UFFDIO_ZEROPAGE on a present page");
	EXPECT_FIELD(z.zeropage, -EEXIST, "UFFDIO_ZEROPAGE on a present page");
	if (!(offered_features() & UFFD_FEATURE_POISON))
		untestable("present page: EEXIST; this kernel lacks UFFDIO_POISON "
			   "(Linux 6.6): the handshake does not offer "
			   "UFFD_FEATURE_POISON");
	if (uffd_poison(fd, a + pg, pg, 0, &p) == -1)
		untestable("UFFDIO_POISON: %s", strerror(errno));
	r = uffd_zeropage(fd, a + pg, pg, 0, &z);
	expect_errno(r, errno, EEXIST, "UFFDIO_ZEROPAGE on a poisoned page");
	holds("present or poisoned page: EEXIST");
}
