/*
 * priv-userns-eperm: CAP_SYS_PTRACE counts only in the initial user
 * namespace.  An unprivileged process that makes a user namespace of its
 * own has every capability in it, CAP_SYS_PTRACE included, and still gets
 * EPERM from userfaultfd(0) while vm.unprivileged_userfaultfd is 0.
 *
 * claims-context: sysctl=0 user=nobody
 */
#include "priv.h"
#include <sched.h>

int
main(void)
{
	int  fd;

	need_sysctl(0);
	need_unprivileged();
	if (unshare(CLONE_NEWUSER) == -1)
		untestable("cannot make a user namespace: %s",
			   strerrorname_np(errno));
	if (!has_cap_sys_ptrace())
		untestable("no CAP_SYS_PTRACE in the new user namespace");
	fd = uffd_syscall(0);
	if (fd != -1)
		contradicted("userfaultfd(0) with CAP_SYS_PTRACE in a user "
			     "namespace returned a descriptor");
	if (errno != EPERM)
		contradicted("userfaultfd(0) with CAP_SYS_PTRACE in a user "
			     "namespace failed with %s, not EPERM",
			     strerrorname_np(errno));
	holds("userfaultfd(0) with CAP_SYS_PTRACE in a user namespace "
	      "failed with EPERM");
}
