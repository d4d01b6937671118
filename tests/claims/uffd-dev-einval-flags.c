/*
 * uffd-dev-einval-flags: USERFAULTFD_IOC_NEW on /dev/userfaultfd fails
 * with EINVAL when its argument holds a bit other than O_CLOEXEC,
 * O_NONBLOCK and UFFD_USER_MODE_ONLY.
 *
 * claims-context: user=root
 */
#include "priv.h"

int
main(void)
{
	int  dev, fd;

	dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev == -1)
		untestable("cannot open /dev/userfaultfd: %s",
			   strerrorname_np(errno));
	fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_RDWR);
	if (fd != -1)
		contradicted("USERFAULTFD_IOC_NEW with O_RDWR returned a "
			     "descriptor");
	if (errno != EINVAL)
		contradicted("USERFAULTFD_IOC_NEW with O_RDWR failed with %s, "
			     "not EINVAL", strerrorname_np(errno));
	holds("USERFAULTFD_IOC_NEW with an unknown flag failed with EINVAL");
}
