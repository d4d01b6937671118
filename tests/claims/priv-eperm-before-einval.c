/*
 * priv-eperm-before-einval: userfaultfd(2) checks the caller's privilege
 * before its flags.  With vm.unprivileged_userfaultfd at 0, a process
 * without CAP_SYS_PTRACE whose flags lack UFFD_USER_MODE_ONLY gets EPERM
 * even when the flags also hold an unknown bit; with UFFD_USER_MODE_ONLY
 * and the unknown bit, it gets EINVAL (Linux 5.11, which brought the
 * flag).
 *
 * claims-context: sysctl=0 user=nobody
 */
#include "priv.h"

#define UNKNOWN_FLAG 0x2    /* not O_CLOEXEC, O_NONBLOCK, nor UFFD_USER_MODE_ONLY */

int
main(void)
{
	int  fd;

	need_sysctl(0);
	need_unprivileged();
	fd = uffd_syscall(UNKNOWN_FLAG);
	if (fd != -1)
		contradicted("userfaultfd with an unknown flag returned a descriptor");
	if (errno != EPERM)
		contradicted("userfaultfd with an unknown flag and no "
			     "UFFD_USER_MODE_ONLY: %s, expected EPERM",
			     strerrorname_np(errno));
	fd = uffd_syscall(UFFD_USER_MODE_ONLY);
	if (fd == -1)
		untestable("unknown flag: EPERM; this kernel refuses "
			   "UFFD_USER_MODE_ONLY (%s; Linux 5.11)",
			   strerrorname_np(errno));
	close(fd);
	fd = uffd_syscall(UFFD_USER_MODE_ONLY | UNKNOWN_FLAG);
	if (fd != -1)
		contradicted("UFFD_USER_MODE_ONLY with an unknown flag returned a "
			     "descriptor");
	if (errno != EINVAL)
		contradicted("UFFD_USER_MODE_ONLY with an unknown flag: %s, "
			     "expected EINVAL", strerrorname_np(errno));
	holds("unknown flag without UFFD_USER_MODE_ONLY: EPERM first; with it: "
	      "EINVAL");
}
