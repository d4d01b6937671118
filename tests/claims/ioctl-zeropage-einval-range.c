/*
 * ioctl-zeropage-einval-range: UFFDIO_ZEROPAGE fails with EINVAL on a
 * malformed range.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *a;
	struct uffdio_zeropage  z;

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	memset(&z, 0, sizeof(z));
	check_ranges(fd, UFFDIO_ZEROPAGE, &z, &z.range, a, "UFFDIO_ZEROPAGE");
	holds("malformed ranges: EINVAL");
}
