/*
 * ioctl-continue-einval-range: UFFDIO_CONTINUE fails with EINVAL on a
 * malformed range.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *s;
	struct uffdio_continue  c;

	fd = new_uffd(0);
	s = map_shmem(1, 1);
	do_register(fd, s, page_size(), UFFDIO_REGISTER_MODE_MINOR);
	memset(&c, 0, sizeof(c));
	check_ranges(fd, UFFDIO_CONTINUE, &c, &c.range, s, "UFFDIO_CONTINUE");
	holds("malformed ranges: EINVAL");
}
