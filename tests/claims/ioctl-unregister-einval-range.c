/*
 * ioctl-unregister-einval-range: UFFDIO_UNREGISTER fails with EINVAL when
 * the range is not page-aligned, is empty, or does not lie in the user
 * address space.
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd;
	struct uffdio_range  range;

	fd = new_uffd(0);
	check_ranges(fd, UFFDIO_UNREGISTER, &range, &range, map_anon(1),
		     "UFFDIO_UNREGISTER");
	holds("malformed ranges: EINVAL");
}
