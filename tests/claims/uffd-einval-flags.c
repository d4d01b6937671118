/*
 * uffd-einval-flags: userfaultfd(2) fails with EINVAL when flags holds a
 * bit other than O_CLOEXEC, O_NONBLOCK and UFFD_USER_MODE_ONLY.
 * (UFFD_USER_MODE_ONLY is passed too, so that no privilege is needed:
 * the permission check comes first.)
 */
#include "priv.h"

int
main(void)
{
	int  fd;

	fd = syscall(SYS_userfaultfd, UFFD_USER_MODE_ONLY | O_RDWR);
	if (fd != -1)
		contradicted("userfaultfd(UFFD_USER_MODE_ONLY | O_RDWR) "
			     "returned a descriptor");
	if (errno != EINVAL)
		contradicted("userfaultfd(UFFD_USER_MODE_ONLY | O_RDWR) failed "
			     "with %s, not EINVAL", strerrorname_np(errno));
	holds("userfaultfd with an unknown flag failed with EINVAL");
}
