/*
 * ioctl-unregister-einval-hugetlb: UFFDIO_UNREGISTER fails with EINVAL
 * when the range starts or ends inside a huge page of a hugetlbfs mapping
 * (needs 2 MiB huge pages).
 *
 * claims-context: hugepages=2
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd;
	char                 *h;
	struct uffdio_range  range;

	h = map_huge();
	fd = new_uffd(0);
	do_register(fd, h, 2 * HPAGE, UFFDIO_REGISTER_MODE_MISSING);
	range.start = (uintptr_t) h + page_size();
	range.len = HPAGE - page_size();
	EXPECT(fd, UFFDIO_UNREGISTER, &range, EINVAL,
	       "UFFDIO_UNREGISTER of hugetlbfs memory, start not aligned");
	range.start = (uintptr_t) h;
	range.len = HPAGE + page_size();
	EXPECT(fd, UFFDIO_UNREGISTER, &range, EINVAL,
	       "UFFDIO_UNREGISTER of hugetlbfs memory, end not aligned");
	range.len = HPAGE;
	if (ioctl(fd, UFFDIO_UNREGISTER, &range) == -1)
		contradicted("UFFDIO_UNREGISTER of one aligned huge page: %s",
			     strerrorname_np(errno));
	holds("hugetlbfs range not aligned to the huge page size: EINVAL");
}
