/*
 * priv-sysctl1-kernel-faults: with vm.unprivileged_userfaultfd at 1, an
 * unprivileged process gets a descriptor from userfaultfd(0), and faults
 * the kernel takes on its registered ranges are delivered to it.
 *
 * claims-context: sysctl=1 user=nobody
 */
#include "priv.h"

int
main(void)
{
	int  fd;

	need_sysctl(1);
	need_unprivileged();
	fd = uffd_syscall(0);
	if (fd == -1)
		contradicted("userfaultfd(0) failed with %s",
			     strerrorname_np(errno));
	uffd_handshake(fd);
	expect_kernel_fault_delivered(fd, "userfaultfd(0)");
	holds("userfaultfd(0) works, kernel faults are delivered");
}
