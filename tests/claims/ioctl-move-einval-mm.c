/*
 * ioctl-move-einval-mm: UFFDIO_MOVE fails with EINVAL when the caller is
 * not the process that created the userfaultfd, here a child (after
 * fork(2)) calling it while the creator is alive.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, status;
	char                *a;
	size_t              pg = page_size();
	pid_t               pid;
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(0);
	a = map_anon(2);
	a[pg] = 's';
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	pid = fork();
	if (pid == -1)
		untestable("fork: %s", strerror(errno));
	if (pid == 0) {
		int  r = uffd_move(fd, a, a + pg, pg, 0, &m);

		expect_errno(r, errno, EINVAL,
			     "UFFDIO_MOVE from a child of the creator");
		_exit(0);
	}
	if (waitpid(pid, &status, 0) == -1)
		untestable("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status))
		untestable("the child was killed");
	if (WEXITSTATUS(status) != 0)
		contradicted("the child's UFFDIO_MOVE did not fail with EINVAL");
	holds("a caller other than the creator: EINVAL");
}
