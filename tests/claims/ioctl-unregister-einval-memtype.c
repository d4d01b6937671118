/*
 * ioctl-unregister-einval-memtype: UFFDIO_UNREGISTER fails with EINVAL
 * when the range covers a mapping that could not have been registered (a
 * regular file, not on tmpfs, whose files are shared memory).
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd;
	char                 *f;
	const char           *dir;
	size_t               pg = page_size();
	struct uffdio_range  range;

	fd = new_uffd(0);
	f = map_disk_file(pg, &dir);
	range.start = (uintptr_t) f;
	range.len = pg;
	EXPECT(fd, UFFDIO_UNREGISTER, &range, EINVAL,
	       "UFFDIO_UNREGISTER of a shared mapping of a file (not tmpfs)");
	holds("a regular file mapping (in %s) in the range: EINVAL", dir);
}
