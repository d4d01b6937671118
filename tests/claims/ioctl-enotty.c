/*
 * ioctl-enotty: a userfaultfd operation on a descriptor that is not a
 * userfaultfd (here /dev/null) fails with ENOTTY.
 */
#include "ioctl.h"

int
main(void)
{
	int                fd;
	struct uffdio_api  api = { .api = UFFD_API };

	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd == -1)
		untestable("/dev/null: %s", strerror(errno));
	EXPECT(fd, UFFDIO_API, &api, ENOTTY, "UFFDIO_API on /dev/null");
	holds("UFFDIO_API on /dev/null failed with ENOTTY");
}
