/*
 * ioctl-register-einval-unmapped: UFFDIO_REGISTER fails with EINVAL when
 * no mapping overlaps the range; a range with a hole between mappings is
 * accepted.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *a;
	size_t                  pg = page_size();
	struct uffdio_register  reg;

	fd = new_uffd(0);
	a = map_anon(3);
	if (munmap(a, 3 * pg) == -1)
		untestable("munmap: %s", strerror(errno));
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) a;
	reg.range.len = 3 * pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL, "UFFDIO_REGISTER of unmapped memory");

	a = map_anon(3);
	if (munmap(a + pg, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	reg.range.start = (uintptr_t) a;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		contradicted("UFFDIO_REGISTER of a range with a hole: %s",
			     strerrorname_np(errno));
	holds("no mapping: EINVAL; a hole inside the range is accepted");
}
