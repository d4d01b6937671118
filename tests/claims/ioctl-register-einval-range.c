/*
 * ioctl-register-einval-range: UFFDIO_REGISTER fails with EINVAL when the
 * range is not page-aligned, is empty, or does not lie in the user address
 * space.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	struct uffdio_register  reg;

	fd = new_uffd(0);
	memset(&reg, 0, sizeof(reg));
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	check_ranges(fd, UFFDIO_REGISTER, &reg, &reg.range, map_anon(1),
		     "UFFDIO_REGISTER");
	holds("malformed ranges: EINVAL");
}
