/*
 * ioctl-wp-einval-hugetlb: UFFDIO_WRITEPROTECT fails with EINVAL on
 * hugetlbfs memory when the range is not aligned to the huge page size
 * (needs 2 MiB huge pages).
 *
 * claims-context: hugepages=2
 */
#include "ioctl.h"

int
main(void)
{
	int   fd, r;
	char  *h;

	h = map_huge();
	fd = new_uffd(0);
	do_register(fd, h, 2 * HPAGE, UFFDIO_REGISTER_MODE_WP);
	r = uffd_writeprotect(fd, h, page_size(), UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, EINVAL, "UFFDIO_WRITEPROTECT of a small page of hugetlbfs");
	if (uffd_writeprotect(fd, h, HPAGE, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		contradicted("UFFDIO_WRITEPROTECT of one huge page: %s",
			     strerrorname_np(errno));
	holds("hugetlbfs, not huge-page aligned: EINVAL");
}
