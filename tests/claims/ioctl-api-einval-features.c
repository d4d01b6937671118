/*
 * ioctl-api-einval-features: UFFDIO_API fails with EINVAL when features
 * holds a bit this kernel does not know, and zeroes the structure; the
 * descriptor can then still be initialized.
 */
#include "ioctl.h"

int
main(void)
{
	int                fd;
	struct uffdio_api  api = { .api = UFFD_API, .features = 1ULL << 40 };

	fd = open_uffd(0);
	EXPECT(fd, UFFDIO_API, &api, EINVAL, "UFFDIO_API with feature bit 40");
	EXPECT_FIELD(api.api, 0, "UFFDIO_API with feature bit 40");
	EXPECT_FIELD(api.features, 0, "UFFDIO_API with feature bit 40");
	api.api = UFFD_API;
	api.features = 0;
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		contradicted("a correct UFFDIO_API after the failed one: %s",
			     strerrorname_np(errno));
	holds("unknown feature bit: EINVAL, structure zeroed, handshake still possible");
}
