/*
 * ioctl-register-droppable: since Linux 6.17, a MAP_DROPPABLE mapping
 * cannot be registered (EINVAL), not even in write-protect mode alone
 * with UFFD_FEATURE_WP_ASYNC; before, it could be.
 */
#include "ioctl.h"

#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE  0x08
#endif

int
main(void)
{
	int                     fd, r;
	char                    *d;
	size_t                  pg = page_size();
	long                    v = kernel_version();
	struct uffdio_register  reg;

	d = mmap(NULL, pg, PROT_READ | PROT_WRITE,
		 MAP_DROPPABLE | MAP_ANONYMOUS, -1, 0);
	if (d == MAP_FAILED)
		untestable("mmap(MAP_DROPPABLE): %s (Linux 6.11)",
			   strerror(errno));
	fd = new_uffd(0);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) d;
	reg.range.len = pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	r = ioctl(fd, UFFDIO_REGISTER, &reg);
	if (v < LINUX(6, 17, 0)) {
		if (r == -1)
			contradicted("before 6.17, UFFDIO_REGISTER of a "
				     "MAP_DROPPABLE mapping: %s",
				     strerrorname_np(errno));
		holds("before 6.17: a MAP_DROPPABLE mapping is registered");
	}
	expect_errno(r, errno, EINVAL,
		     "UFFDIO_REGISTER of a MAP_DROPPABLE mapping");
	if (offered_features() & UFFD_FEATURE_WP_ASYNC) {
		fd = new_uffd(UFFD_FEATURE_WP_ASYNC);
		reg.mode = UFFDIO_REGISTER_MODE_WP;
		EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL,
		       "UFFDIO_REGISTER_MODE_WP of a MAP_DROPPABLE mapping "
		       "with WP_ASYNC");
	}
	holds("MAP_DROPPABLE: EINVAL, even with WP_ASYNC");
}
