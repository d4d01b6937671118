/*
 * ioctl-api-einval-version: UFFDIO_API fails with EINVAL when api is not
 * UFFD_API, and zeroes the structure.
 */
#include "ioctl.h"

int
main(void)
{
	int                fd;
	struct uffdio_api  api = { .api = 0xAB, .features = 0, .ioctls = 7 };

	fd = open_uffd(0);
	EXPECT(fd, UFFDIO_API, &api, EINVAL, "UFFDIO_API with api 0xAB");
	EXPECT_FIELD(api.api, 0, "UFFDIO_API with api 0xAB");
	EXPECT_FIELD(api.ioctls, 0, "UFFDIO_API with api 0xAB");
	holds("UFFDIO_API with a wrong api failed with EINVAL, structure zeroed");
}
