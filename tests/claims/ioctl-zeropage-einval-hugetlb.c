/*
 * ioctl-zeropage-einval-hugetlb: UFFDIO_ZEROPAGE fails with EINVAL on
 * hugetlbfs memory (needs 2 MiB huge pages).
 *
 * claims-context: hugepages=2
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *h;
	struct uffdio_zeropage  z;

	h = map_huge();
	fd = new_uffd(0);
	do_register(fd, h, 2 * HPAGE, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_zeropage(fd, h, HPAGE, 0, &z);
	expect_errno(r, errno, EINVAL, "UFFDIO_ZEROPAGE on hugetlbfs");
	holds("hugetlbfs: EINVAL");
}
