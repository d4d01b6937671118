/*
 * ioctl-register-ebusy: UFFDIO_REGISTER fails with EBUSY when part of the
 * range is registered with another userfaultfd.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd1, fd2;
	char                    *a;
	size_t                  pg = page_size();
	struct uffdio_register  reg;

	fd1 = new_uffd(0);
	fd2 = new_uffd(0);
	a = map_anon(2);
	do_register(fd1, a + pg, pg, UFFDIO_REGISTER_MODE_MISSING);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) a;
	reg.range.len = 2 * pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	EXPECT(fd2, UFFDIO_REGISTER, &reg, EBUSY,
	       "UFFDIO_REGISTER of a range another userfaultfd holds");
	if (ioctl(fd1, UFFDIO_REGISTER, &reg) == -1)
		contradicted("registering again with the same userfaultfd: %s",
			     strerrorname_np(errno));
	holds("another userfaultfd: EBUSY; the same one: accepted");
}
