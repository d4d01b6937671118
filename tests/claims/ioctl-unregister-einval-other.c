/*
 * ioctl-unregister-einval-other: since Linux 6.17, UFFDIO_UNREGISTER fails
 * with EINVAL when part of the range is registered with another
 * userfaultfd of the same process.
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd1, fd2;
	long                 v = kernel_version();
	char                 *a;
	struct uffdio_range  range;

	if (v < LINUX(6, 17, 0))
		untestable("Linux %ld.%ld: the check came in 6.17",
			   v / 1000000, v / 1000 % 1000);
	fd1 = new_uffd(0);
	fd2 = new_uffd(0);
	a = map_anon(1);
	do_register(fd1, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	range.start = (uintptr_t) a;
	range.len = page_size();
	EXPECT(fd2, UFFDIO_UNREGISTER, &range, EINVAL,
	       "UFFDIO_UNREGISTER through another userfaultfd");
	if (ioctl(fd1, UFFDIO_UNREGISTER, &range) == -1)
		contradicted("UFFDIO_UNREGISTER through the registering one: %s",
			     strerrorname_np(errno));
	holds("another userfaultfd: EINVAL; the registering one: success");
}
