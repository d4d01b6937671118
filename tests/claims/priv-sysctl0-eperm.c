/*
 * priv-sysctl0-eperm: with vm.unprivileged_userfaultfd at 0, a process
 * without CAP_SYS_PTRACE that asks userfaultfd(2) for a descriptor able to
 * handle kernel faults (no UFFD_USER_MODE_ONLY) gets EPERM.
 *
 * claims-context: sysctl=0 user=nobody
 */
#include "priv.h"

int
main(void)
{
	int  fd;

	need_sysctl(0);
	need_unprivileged();
	fd = uffd_syscall(0);
	if (fd != -1)
		contradicted("userfaultfd(0) returned a descriptor");
	if (errno != EPERM)
		contradicted("userfaultfd(0) failed with %s, not EPERM",
			     strerrorname_np(errno));
	holds("userfaultfd(0) failed with EPERM");
}
