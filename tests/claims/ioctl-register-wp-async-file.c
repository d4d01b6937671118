/*
 * ioctl-register-wp-async-file: with UFFD_FEATURE_WP_ASYNC enabled,
 * UFFDIO_REGISTER_MODE_WP alone is accepted on any mapping, here a shared
 * mapping of a regular file not on tmpfs, while other modes on it still
 * fail with EINVAL.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *f;
	const char              *dir;
	size_t                  pg = page_size();
	struct uffdio_register  reg;

	if (!(offered_features() & UFFD_FEATURE_WP_ASYNC))
		untestable("this kernel lacks UFFD_FEATURE_WP_ASYNC (Linux 6.7)");
	fd = new_uffd(UFFD_FEATURE_WP_ASYNC);
	f = map_disk_file(pg, &dir);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) f;
	reg.range.len = pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP;
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL,
	       "UFFDIO_REGISTER MISSING|WP of a file (not tmpfs) with WP_ASYNC");
	reg.mode = UFFDIO_REGISTER_MODE_WP;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		contradicted("UFFDIO_REGISTER_MODE_WP of a file with WP_ASYNC: %s",
			     strerrorname_np(errno));
	holds("WP_ASYNC: WP alone on a regular file (in %s) accepted", dir);
}
