/*
 * ioctl-api-einval-twice: a second UFFDIO_API on the same descriptor fails
 * with EINVAL, even when the first asked for no features, and zeroes the
 * structure.
 */
#include "ioctl.h"

int
main(void)
{
	int                fd;
	struct uffdio_api  api = { .api = UFFD_API };

	fd = new_uffd(0);
	EXPECT(fd, UFFDIO_API, &api, EINVAL, "a second UFFDIO_API");
	EXPECT_FIELD(api.api, 0, "a second UFFDIO_API");
	EXPECT_FIELD(api.features, 0, "a second UFFDIO_API");
	EXPECT_FIELD(api.ioctls, 0, "a second UFFDIO_API");
	holds("a second UFFDIO_API failed with EINVAL and zeroed the structure");
}
