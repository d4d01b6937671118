/*
 * uffd-emfile: userfaultfd(2) fails with EMFILE when the process has
 * reached its limit of open file descriptors (RLIMIT_NOFILE).
 */
#include "priv.h"
#include <sys/resource.h>

int
main(void)
{
	int            fd;
	struct rlimit  rl;

	/* With a limit of 3, descriptors 0 to 2 leave no room for more. */
	for (fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) == -1 && open("/dev/null", O_RDONLY) != fd)
			broken("opening descriptors 0 to 2");
	rl.rlim_cur = 3;
	rl.rlim_max = 3;
	if (setrlimit(RLIMIT_NOFILE, &rl) == -1)
		broken("setrlimit");
	fd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	/* Before Linux 5.11 the flag is unknown, and checked first. */
	if (fd == -1 && errno == EINVAL && !kernel_at_least(5, 11))
		fd = syscall(SYS_userfaultfd, O_CLOEXEC);
	if (fd != -1)
		contradicted("userfaultfd returned descriptor %d beyond the "
			     "limit", fd);
	if (errno != EMFILE)
		contradicted("userfaultfd failed with %s, not EMFILE",
			     strerrorname_np(errno));
	holds("userfaultfd failed with EMFILE at RLIMIT_NOFILE");
}
