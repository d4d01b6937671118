/*
 * ioctl-poison-sigbus: an access to a page poisoned with UFFDIO_POISON
 * raises SIGBUS; UFFDIO_COPY, and on shared memory UFFDIO_CONTINUE, may
 * then fill the page again.
 */
#include "ioctl.h"

static int
touch_in_child(const volatile char *addr)
{
	int    status;
	pid_t  pid;

	pid = fork();
	if (pid == -1)
		untestable("fork: %s", strerror(errno));
	if (pid == 0) {
		(void) *addr;
		_exit(0);
	}
	if (waitpid(pid, &status, 0) == -1)
		untestable("waitpid: %s", strerror(errno));
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

int
main(void)
{
	int                   fd, sig;
	char                  *a, *src;
	size_t                pg = page_size();
	struct uffdio_poison  p;
	struct uffdio_copy    c;

	need_poison();
	fd = new_uffd(0);
	a = map_anon(1);
	src = map_anon(1);
	memset(src, 'x', pg);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_poison(fd, a, pg, 0, &p) == -1)
		untestable("UFFDIO_POISON: %s", strerror(errno));
	/* A child shares the poisoned entry; the parent stays intact. */
	sig = touch_in_child(a);
	if (sig != SIGBUS)
		contradicted("reading the poisoned page: signal %d, expected SIGBUS", sig);
	if (uffd_copy(fd, a, src, pg, 0, &c) == -1)
		contradicted("UFFDIO_COPY onto the poisoned page: %s", strerrorname_np(errno));
	if (a[0] != 'x')
		contradicted("the page does not hold what was copied");

	{
		struct uffdio_continue  k;

		fd = new_uffd(0);
		a = cached_page('c');
		do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MINOR);
		if (uffd_poison(fd, a, pg, 0, &p) == -1)
			untestable("UFFDIO_POISON of shared memory: %s",
				   strerror(errno));
		if (uffd_continue(fd, a, pg, 0, &k) == -1)
			contradicted("UFFDIO_CONTINUE onto the poisoned page: %s",
				     strerrorname_np(errno));
		if (a[0] != 'c')
			contradicted("the page does not hold its cached contents");
	}
	holds("poisoned page: SIGBUS; UFFDIO_COPY and UFFDIO_CONTINUE "
	      "replace the poison");
}
