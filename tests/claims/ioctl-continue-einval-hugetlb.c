/*
 * ioctl-continue-einval-hugetlb: UFFDIO_CONTINUE fails with EINVAL on
 * hugetlbfs memory when the range is not aligned to the huge page size
 * (needs 2 MiB huge pages).
 *
 * claims-context: hugepages=2
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *h;
	struct uffdio_continue  c;

	h = map_huge();
	h[0] = 1;               /* a huge page in the page cache */
	fd = new_uffd(0);
	if (madvise(h, 2 * HPAGE, MADV_DONTNEED) == -1)
		untestable("madvise: %s", strerror(errno));
	do_register(fd, h, 2 * HPAGE, UFFDIO_REGISTER_MODE_MINOR);
	r = uffd_continue(fd, h, page_size(), 0, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE of a small page of hugetlbfs");
	if (uffd_continue(fd, h, HPAGE, 0, &c) == -1)
		contradicted("UFFDIO_CONTINUE of one huge page: %s", strerrorname_np(errno));
	holds("hugetlbfs, not huge-page aligned: EINVAL");
}
