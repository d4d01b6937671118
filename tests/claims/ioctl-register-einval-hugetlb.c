/*
 * ioctl-register-einval-hugetlb: UFFDIO_REGISTER fails with EINVAL when a
 * range on hugetlbfs memory does not start or end on a huge-page boundary
 * (needs 2 MiB huge pages).
 *
 * claims-context: hugepages=2
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *h;
	struct uffdio_register  reg;

	h = map_huge();
	fd = new_uffd(0);
	memset(&reg, 0, sizeof(reg));
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	reg.range.start = (uintptr_t) h + page_size();
	reg.range.len = HPAGE - page_size();
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL,
	       "UFFDIO_REGISTER of hugetlbfs memory, start not aligned");
	reg.range.start = (uintptr_t) h;
	reg.range.len = HPAGE + page_size();
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL,
	       "UFFDIO_REGISTER of hugetlbfs memory, end not aligned");
	reg.range.len = HPAGE;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		contradicted("UFFDIO_REGISTER of one aligned huge page: %s",
			     strerrorname_np(errno));
	holds("hugetlbfs range not aligned to the huge page size: EINVAL");
}
