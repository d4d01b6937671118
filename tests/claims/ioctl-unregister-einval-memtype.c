/*
 * ioctl-unregister-einval-memtype: UFFDIO_UNREGISTER fails with EINVAL
 * when the range covers a mapping that could not have been registered (a
 * regular file, not on tmpfs, whose files are shared memory), even on
 * an object with UFFD_FEATURE_WP_ASYNC, which could register it in
 * write-protect mode; once registered so, it unregisters.
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
	if (offered_features() & UFFD_FEATURE_WP_ASYNC) {
		fd = new_uffd(UFFD_FEATURE_WP_ASYNC);
		EXPECT(fd, UFFDIO_UNREGISTER, &range, EINVAL,
		       "UFFDIO_UNREGISTER of the file mapping, with WP_ASYNC");
		do_register(fd, f, pg, UFFDIO_REGISTER_MODE_WP);
		if (ioctl(fd, UFFDIO_UNREGISTER, &range) == -1)
			contradicted("UFFDIO_UNREGISTER of the file mapping "
				     "registered with WP_ASYNC: %s",
				     strerrorname_np(errno));
	}
	holds("a regular file mapping (in %s) in the range: EINVAL, "
	      "unless registered", dir);
}
