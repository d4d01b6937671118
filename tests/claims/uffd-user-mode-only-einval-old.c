/*
 * uffd-user-mode-only-einval-old: a kernel older than Linux 5.11 rejects
 * UFFD_USER_MODE_ONLY with EINVAL, and retrying without the flag works
 * there (vm.unprivileged_userfaultfd was 1 by default, or the caller is
 * privileged); from 5.11 on the flag is accepted.
 */
#include "ioctl.h"

int
main(void)
{
	int   fd;
	long  v = kernel_version();

	fd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (v >= LINUX(5, 11, 0)) {
		if (fd == -1)
			contradicted("Linux 5.11 or later: userfaultfd"
				     "(UFFD_USER_MODE_ONLY) failed: %s",
				     strerror(errno));
		holds("Linux 5.11 or later accepts UFFD_USER_MODE_ONLY (the EINVAL "
		      "is checked on older kernels)");
	}
	if (fd != -1 || errno != EINVAL)
		contradicted("before Linux 5.11: userfaultfd(UFFD_USER_MODE_ONLY) "
			     "gave %d (%s), expected EINVAL", fd,
			     fd == -1 ? strerror(errno) : "no error");
	fd = syscall(SYS_userfaultfd, O_CLOEXEC);
	if (fd == -1)
		untestable("without the flag too: %s (an unprivileged caller with "
			   "vm.unprivileged_userfaultfd set to 0)", strerror(errno));
	holds("before Linux 5.11: EINVAL for UFFD_USER_MODE_ONLY; without it, "
	      "a descriptor");
}
