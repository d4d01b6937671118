/*
 * ioctl-ebadf: an operation on a descriptor that is not open fails with
 * EBADF.
 */
#include "ioctl.h"

int
main(void)
{
	int                fd;
	struct uffdio_api  api = { .api = UFFD_API };

	fd = new_uffd(0);
	close(fd);
	EXPECT(fd, UFFDIO_API, &api, EBADF, "UFFDIO_API on a closed descriptor");
	holds("UFFDIO_API on a closed descriptor failed with EBADF");
}
