/*
 * ioctl-wp-einval-range: UFFDIO_WRITEPROTECT fails with EINVAL on a
 * malformed range.
 */
#include "ioctl.h"

int
main(void)
{
	int                         fd;
	char                        *a;
	struct uffdio_writeprotect  wp;

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_WP);
	memset(&wp, 0, sizeof(wp));
	wp.mode = UFFDIO_WRITEPROTECT_MODE_WP;
	check_ranges(fd, UFFDIO_WRITEPROTECT, &wp, &wp.range, a,
		     "UFFDIO_WRITEPROTECT");
	holds("malformed ranges: EINVAL");
}
