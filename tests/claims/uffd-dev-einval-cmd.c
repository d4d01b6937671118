/*
 * uffd-dev-einval-cmd: an ioctl(2) request other than USERFAULTFD_IOC_NEW
 * on /dev/userfaultfd fails with EINVAL (not ENOTTY).
 *
 * claims-context: user=root
 */
#include "priv.h"

int
main(void)
{
	int  dev, ret;

	dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev == -1)
		untestable("cannot open /dev/userfaultfd: %s",
			   strerrorname_np(errno));
	/* UFFDIO_API is a request for a userfaultfd, not for the device. */
	ret = ioctl(dev, UFFDIO_API, NULL);
	if (ret != -1)
		contradicted("UFFDIO_API on /dev/userfaultfd returned %d", ret);
	if (errno != EINVAL)
		contradicted("UFFDIO_API on /dev/userfaultfd failed with %s, "
			     "not EINVAL", strerrorname_np(errno));
	holds("an unknown request on /dev/userfaultfd failed with EINVAL");
}
