/*
 * ioctl-unregister-einval-other: since Linux 6.17, UFFDIO_UNREGISTER fails
 * with EINVAL when part of the range is registered with another
 * userfaultfd of the same process; before, it unregistered the range.
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd1, fd2;
	long                 v = kernel_version();
	char                 *a;
	struct uffdio_range  range;

	struct uffdio_copy   c;

	fd1 = new_uffd(0);
	fd2 = new_uffd(0);
	a = map_anon(1);
	do_register(fd1, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	range.start = (uintptr_t) a;
	range.len = page_size();
	if (v < LINUX(6, 17, 0)) {
		int  r;

		if (ioctl(fd2, UFFDIO_UNREGISTER, &range) == -1)
			contradicted("before 6.17, UFFDIO_UNREGISTER through "
				     "another userfaultfd: %s",
				     strerrorname_np(errno));
		r = uffd_copy(fd1, a, a, page_size(), 0, &c);
		expect_errno(r, errno, ENOENT,
			     "UFFDIO_COPY after the other's unregister");
		holds("before 6.17: another userfaultfd unregistered the range");
	}
	EXPECT(fd2, UFFDIO_UNREGISTER, &range, EINVAL,
	       "UFFDIO_UNREGISTER through another userfaultfd");
	if (ioctl(fd1, UFFDIO_UNREGISTER, &range) == -1)
		contradicted("UFFDIO_UNREGISTER through the registering one: %s",
			     strerrorname_np(errno));
	holds("another userfaultfd: EINVAL; the registering one: success");
}
