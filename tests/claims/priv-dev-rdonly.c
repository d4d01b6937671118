/*
 * priv-dev-rdonly: /dev/userfaultfd may be opened read-only (or
 * write-only): the device asks for no access mode, and USERFAULTFD_IOC_NEW
 * on such a descriptor gives a working userfaultfd (Linux 6.1).
 *
 * claims-context: user=root
 */
#include "ioctl.h"

int
main(void)
{
	int  modes[] = { O_RDONLY, O_WRONLY };

	need_root();
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		const char         *name = modes[i] == O_RDONLY ? "O_RDONLY"
								: "O_WRONLY";
		int                dev, fd;
		struct uffdio_api  api;

		dev = open("/dev/userfaultfd", modes[i] | O_CLOEXEC);
		if (dev == -1) {
			if (errno == ENOENT)
				untestable("no /dev/userfaultfd here (Linux before "
					   "6.1, or no devtmpfs)");
			contradicted("open(/dev/userfaultfd, %s): %s", name,
				     strerrorname_np(errno));
		}
		fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
		if (fd == -1)
			contradicted("USERFAULTFD_IOC_NEW on a descriptor opened %s: %s",
				     name, strerrorname_np(errno));
		memset(&api, 0, sizeof(api));
		api.api = UFFD_API;
		if (ioctl(fd, UFFDIO_API, &api) == -1)
			contradicted("UFFDIO_API on the userfaultfd from a %s device: %s",
				     name, strerrorname_np(errno));
		close(fd);
		close(dev);
	}
	holds("/dev/userfaultfd opened O_RDONLY or O_WRONLY: USERFAULTFD_IOC_NEW works");
}
