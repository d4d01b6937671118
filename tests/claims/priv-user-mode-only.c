/*
 * priv-user-mode-only: whatever vm.unprivileged_userfaultfd says, an
 * unprivileged process gets a descriptor from
 * userfaultfd(UFFD_USER_MODE_ONLY), and faults its threads take in user
 * mode are delivered to it.
 *
 * claims-context: sysctl=0,1 user=nobody
 */
#include "priv.h"

int
main(void)
{
	int  fd;

	need_unprivileged();
	if (!kernel_at_least(5, 11))
		untestable("this kernel predates UFFD_USER_MODE_ONLY (Linux 5.11)");
	fd = uffd_syscall(UFFD_USER_MODE_ONLY);
	if (fd == -1)
		contradicted("userfaultfd(UFFD_USER_MODE_ONLY) failed with %s",
			     strerrorname_np(errno));
	uffd_handshake(fd);
	expect_user_fault_delivered(fd, "UFFD_USER_MODE_ONLY");
	holds("userfaultfd(UFFD_USER_MODE_ONLY) works, user-mode faults "
	      "are delivered");
}
