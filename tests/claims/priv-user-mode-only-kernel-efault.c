/*
 * priv-user-mode-only-kernel-efault: a fault the kernel takes on a range
 * registered with a UFFD_USER_MODE_ONLY descriptor is not delivered: the
 * system call that touched the range fails with EFAULT, whatever
 * vm.unprivileged_userfaultfd says.
 *
 * claims-context: sysctl=0,1 user=nobody
 */
#include "priv.h"

int
main(void)
{
	size_t          page = sysconf(_SC_PAGESIZE);
	int             fd;
	char            *area;
	struct handler  h;
	ssize_t         n;
	int             err;

	need_unprivileged();
	if (!kernel_at_least(5, 11))
		untestable("this kernel predates UFFD_USER_MODE_ONLY (Linux 5.11)");
	fd = uffd_syscall(UFFD_USER_MODE_ONLY);
	if (fd == -1)
		contradicted("userfaultfd(UFFD_USER_MODE_ONLY) failed with %s",
			     strerrorname_np(errno));
	uffd_handshake(fd);
	area = registered_page(fd, page);
	/* Should the fault be delivered after all, answer it, not hang. */
	handler_start(&h, fd, page);
	n = kernel_access(area, page);
	err = errno;
	handler_stop(&h);
	if (h.faults != 0)
		contradicted("the kernel's fault was delivered (%d messages), "
			     "read(2) returned %zd", h.faults, n);
	if (n != -1)
		contradicted("read(2) into the registered page returned %zd",
			     n);
	if (err != EFAULT)
		contradicted("read(2) into the registered page failed with %s, "
			     "not EFAULT", strerrorname_np(err));
	holds("read(2) into the registered page failed with EFAULT, "
	      "no message was delivered");
}
