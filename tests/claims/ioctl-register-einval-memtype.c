/*
 * ioctl-register-einval-memtype: UFFDIO_REGISTER fails with EINVAL on a
 * mapping of a regular file, and with UFFDIO_REGISTER_MODE_MINOR on
 * private anonymous memory.  The file must not be on tmpfs, whose files
 * are shared memory, which may be registered.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *a, *f;
	const char              *dir;
	size_t                  pg = page_size();
	struct uffdio_register  reg;

	fd = new_uffd(0);
	f = map_disk_file(pg, &dir);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) f;
	reg.range.len = pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL,
	       "UFFDIO_REGISTER of a shared mapping of a file (not tmpfs)");

	a = map_anon(1);
	reg.range.start = (uintptr_t) a;
	reg.mode = UFFDIO_REGISTER_MODE_MINOR;
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL,
	       "UFFDIO_REGISTER_MODE_MINOR on anonymous memory");
	holds("regular file (in %s) and MINOR on anonymous memory: EINVAL", dir);
}
