/*
 * ioctl-move-ebusy: UFFDIO_MOVE fails with EBUSY when a source page is
 * shared with another process (here a child after fork(2)), and still
 * after the child has exited, until the process writes to the page.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *src;
	size_t              pg = page_size();
	pid_t               pid;
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(0);
	a = map_anon(1);
	src = map_anon(1);
	src[0] = 's';
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	pid = fork();
	if (pid == -1)
		untestable("fork: %s", strerror(errno));
	if (pid == 0) {
		pause();
		_exit(0);
	}
	r = uffd_move(fd, a, src, pg, 0, &m);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	expect_errno(r, errno, EBUSY, "UFFDIO_MOVE of a page shared with a child");
	EXPECT_FIELD(m.move, -EBUSY, "UFFDIO_MOVE of a page shared with a child");
	r = uffd_move(fd, a, src, pg, 0, &m);
	expect_errno(r, errno, EBUSY,
		     "UFFDIO_MOVE of a page once shared with an exited child");
	src[0] = 't';
	if (uffd_move(fd, a, src, pg, 0, &m) == -1)
		contradicted("UFFDIO_MOVE after writing to the page: %s",
			     strerrorname_np(errno));
	holds("shared source page: EBUSY, after the child too, until written");
}
