/*
 * ioctl-poison-einval-range: UFFDIO_POISON fails with EINVAL on a
 * malformed range.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd;
	char                  *a;
	struct uffdio_poison  p;

	need_poison();
	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	memset(&p, 0, sizeof(p));
	check_ranges(fd, UFFDIO_POISON, &p, &p.range, a, "UFFDIO_POISON");
	holds("malformed ranges: EINVAL");
}
