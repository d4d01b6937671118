/*
 * priv-cap-sys-ptrace: with vm.unprivileged_userfaultfd at 0, a process
 * that is not root but has CAP_SYS_PTRACE gets a descriptor from
 * userfaultfd(0), and faults the kernel takes are delivered to it.
 *
 * claims-context: sysctl=0 user=nobody caps=sys_ptrace
 */
#include "priv.h"

int
main(void)
{
	int  fd;

	need_sysctl(0);
	if (geteuid() == 0 || !has_cap_sys_ptrace())
		untestable("needs a user other than root with CAP_SYS_PTRACE "
			   "(run through scripts/claims/exec.sh)");
	fd = uffd_syscall(0);
	if (fd == -1)
		contradicted("userfaultfd(0) with CAP_SYS_PTRACE failed with %s",
			     strerrorname_np(errno));
	uffd_handshake(fd);
	expect_kernel_fault_delivered(fd, "userfaultfd(0) with CAP_SYS_PTRACE");
	holds("userfaultfd(0) works with CAP_SYS_PTRACE alone, kernel faults "
	      "are delivered");
}
