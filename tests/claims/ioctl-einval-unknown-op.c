/*
 * ioctl-einval-unknown-op: an ioctl(2) request that is not a userfaultfd
 * operation fails with EINVAL (not ENOTTY) on a userfaultfd.
 */
#include "ioctl.h"

int
main(void)
{
	int   fd, n;
	char  arg[64];

	fd = new_uffd(0);
	memset(arg, 0, sizeof(arg));
	EXPECT(fd, _IOWR(UFFDIO, 0x20, struct uffdio_range), arg, EINVAL,
	       "request number 0x20 of type 0xAA");
	EXPECT(fd, FIONREAD, &n, EINVAL, "FIONREAD");
	holds("unknown requests failed with EINVAL");
}
