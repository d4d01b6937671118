/*
 * ioctl-copy-other-process: a process other than the creator can use the
 * userfaultfd: UFFDIO_COPY then reads src in the caller's address space
 * and fills dst in the creator's.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, status;
	char                *a;
	size_t              pg = page_size();
	pid_t               pid;
	struct uffdio_copy  c;

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	pid = fork();
	if (pid == -1)
		untestable("fork: %s", strerror(errno));
	if (pid == 0) {
		/* The child's copy of a is not registered: it is the
		   parent's a that the copy fills. */
		char  *buf = map_anon(1);

		memset(buf, 'P', pg);
		_exit(uffd_copy(fd, a, buf, pg, 0, &c) == -1 ? 1 : 0);
	}
	if (waitpid(pid, &status, 0) == -1)
		untestable("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status))
		untestable("the child was killed");
	if (WEXITSTATUS(status) == 77)
		untestable("the child could not map its buffer");
	if (WEXITSTATUS(status) != 0)
		contradicted("UFFDIO_COPY from the child failed");
	if (a[0] != 'P')
		contradicted("the parent's page holds %#x, not the child's data", a[0]);
	holds("UFFDIO_COPY from another process: src there, dst here");
}
