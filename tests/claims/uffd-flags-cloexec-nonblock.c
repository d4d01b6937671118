/*
 * uffd-flags-cloexec-nonblock: userfaultfd(2)'s O_CLOEXEC sets the
 * close-on-exec flag of the new descriptor and its O_NONBLOCK makes the
 * file nonblocking; without them the descriptor has neither.
 */
#include "ioctl.h"

static void
expect_flags(int fd, int cloexec, int nonblock, const char *what)
{
	int  fdf, fl;

	fdf = fcntl(fd, F_GETFD);
	fl = fcntl(fd, F_GETFL);
	if (fdf == -1 || fl == -1)
		untestable("fcntl: %s", strerror(errno));
	if (!(fdf & FD_CLOEXEC) != !cloexec)
		contradicted("%s: FD_CLOEXEC is %s", what,
			     (fdf & FD_CLOEXEC) ? "set" : "clear");
	if (!(fl & O_NONBLOCK) != !nonblock)
		contradicted("%s: O_NONBLOCK is %s", what,
			     (fl & O_NONBLOCK) ? "set" : "clear");
}

int
main(void)
{
	/* Linux 5.10 does not know the flag; the claims run as root there. */
	int  user = kernel_at_least(5, 11) ? UFFD_USER_MODE_ONLY : 0;
	int  plain, both;

	plain = syscall(SYS_userfaultfd, user);
	both = syscall(SYS_userfaultfd, user | O_CLOEXEC | O_NONBLOCK);
	if (plain == -1 || both == -1)
		untestable("userfaultfd: %s", strerror(errno));
	expect_flags(plain, 0, 0, "flags 0");
	expect_flags(both, 1, 1, "O_CLOEXEC | O_NONBLOCK");
	holds("O_CLOEXEC and O_NONBLOCK set the descriptor's flags, and "
	      "nothing else does");
}
