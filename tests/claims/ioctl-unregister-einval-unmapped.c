/*
 * ioctl-unregister-einval-unmapped: UFFDIO_UNREGISTER fails with EINVAL
 * when no mapping overlaps the range, and succeeds on a mapped range that
 * was never registered.
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd;
	char                 *a;
	size_t               pg = page_size();
	struct uffdio_range  range;

	fd = new_uffd(0);
	a = map_anon(2);
	range.start = (uintptr_t) a;
	range.len = 2 * pg;
	if (ioctl(fd, UFFDIO_UNREGISTER, &range) == -1)
		contradicted("UFFDIO_UNREGISTER of memory never registered: %s",
			     strerrorname_np(errno));
	if (munmap(a, 2 * pg) == -1)
		untestable("munmap: %s", strerror(errno));
	EXPECT(fd, UFFDIO_UNREGISTER, &range, EINVAL,
	       "UFFDIO_UNREGISTER of unmapped memory");
	holds("no mapping: EINVAL; a mapping never registered: success");
}
