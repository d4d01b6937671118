/*
 * priv-dev-ioc-new: whoever has /dev/userfaultfd open gets, from its
 * USERFAULTFD_IOC_NEW ioctl, a userfaultfd that handles kernel faults
 * too, with no capability and whatever vm.unprivileged_userfaultfd says.
 * Root opens the device, then becomes user 65534, which userfaultfd(2)
 * refuses (vm.unprivileged_userfaultfd=0) but the device does not.
 *
 * claims-context: sysctl=0 user=root
 */
#include "priv.h"
#include <grp.h>

int
main(void)
{
	int  dev, fd;

	need_sysctl(0);
	need_root();
	dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev == -1) {
		if (errno == ENOENT)
			untestable("no /dev/userfaultfd here (Linux before 6.1, "
				   "or no devtmpfs)");
		contradicted("root cannot open /dev/userfaultfd: %s",
			     strerrorname_np(errno));
	}
	if (setgroups(0, NULL) == -1 || setresgid(65534, 65534, 65534) == -1
	    || setresuid(65534, 65534, 65534) == -1)
		broken("dropping privileges");
	if (has_cap_sys_ptrace())
		untestable("CAP_SYS_PTRACE survived the change of user");
	fd = uffd_syscall(0);
	if (fd != -1 || errno != EPERM)
		untestable("unprivileged userfaultfd(0) was not refused with "
			   "EPERM, so the device would prove nothing");
	fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
	if (fd == -1)
		contradicted("USERFAULTFD_IOC_NEW failed with %s",
			     strerrorname_np(errno));
	uffd_handshake(fd);
	expect_kernel_fault_delivered(fd, "USERFAULTFD_IOC_NEW");
	holds("USERFAULTFD_IOC_NEW gave an unprivileged process a userfaultfd "
	      "that handles kernel faults");
}
