/*
 * ioctl-copy-einval-hugetlb: UFFDIO_COPY fails with EINVAL on hugetlbfs
 * memory when dst or len is not a multiple of the huge page size (needs 2
 * MiB huge pages).
 *
 * claims-context: hugepages=2
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *h, *src;
	struct uffdio_copy  c;

	h = map_huge();
	fd = new_uffd(0);
	src = map_anon(HPAGE / page_size());
	do_register(fd, h, 2 * HPAGE, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_copy(fd, h + page_size(), src, page_size(), 0, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_COPY of a small page into hugetlbfs");
	if (uffd_copy(fd, h, src, HPAGE, 0, &c) == -1)
		contradicted("UFFDIO_COPY of one huge page: %s", strerrorname_np(errno));
	holds("hugetlbfs, not huge-page aligned: EINVAL");
}
