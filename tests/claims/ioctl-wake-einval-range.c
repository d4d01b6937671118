/*
 * ioctl-wake-einval-range: UFFDIO_WAKE fails with EINVAL on a malformed
 * range, and succeeds on any well-formed one, registered or not.
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd;
	char                 *a;
	struct uffdio_range  range;

	fd = new_uffd(0);
	a = map_anon(1);
	check_ranges(fd, UFFDIO_WAKE, &range, &range, a, "UFFDIO_WAKE");
	range.start = (uintptr_t) a;
	range.len = page_size();
	if (ioctl(fd, UFFDIO_WAKE, &range) == -1)
		contradicted("UFFDIO_WAKE of an unregistered range: %s",
			     strerrorname_np(errno));
	holds("malformed ranges: EINVAL; an unregistered range: success");
}
