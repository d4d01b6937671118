/*
 * ioctl-api-eperm-fork: UFFDIO_API fails with EPERM when features holds
 * UFFD_FEATURE_EVENT_FORK and the caller lacks CAP_SYS_PTRACE (the check
 * drops the capability from its effective set).
 */
#include "ioctl.h"
#include <linux/capability.h>

int
main(void)
{
	int                                fd;
	struct uffdio_api                  api;
	struct __user_cap_header_struct    hdr;
	struct __user_cap_data_struct      data[2];

	fd = open_uffd(0);

	memset(&hdr, 0, sizeof(hdr));
	hdr.version = _LINUX_CAPABILITY_VERSION_3;
	if (syscall(SYS_capget, &hdr, data) == -1)
		untestable("capget: %s", strerror(errno));
	data[CAP_SYS_PTRACE / 32].effective &= ~(1U << (CAP_SYS_PTRACE % 32));
	if (syscall(SYS_capset, &hdr, data) == -1)
		untestable("capset: %s", strerror(errno));

	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	api.features = UFFD_FEATURE_EVENT_FORK;
	EXPECT(fd, UFFDIO_API, &api, EPERM,
	       "UFFDIO_API with UFFD_FEATURE_EVENT_FORK without CAP_SYS_PTRACE");
	holds("UFFD_FEATURE_EVENT_FORK without CAP_SYS_PTRACE: EPERM");
}
