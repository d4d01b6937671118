/*
 * uffd-fault-killable: a thread stopped on a fault that no handler will
 * resolve can still be killed: SIGKILL ends a process whose only thread
 * waits on a missing fault of a registered range.
 */
#include "ioctl.h"

int
main(void)
{
	int    fd, status, i;
	char   *a;
	pid_t  pid;

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	pid = fork();
	if (pid == -1)
		untestable("fork: %s", strerror(errno));
	if (pid == 0) {
		/* The child shares the object, not the registration: it
		   registers its own copy of the range. */
		fd = new_uffd(0);
		do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
		*(volatile char *) a = 1;
		_exit(0);
	}
	sleep_ms(300);
	if (waitpid(pid, &status, WNOHANG) != 0)
		untestable("the child did not stay blocked on its fault");
	if (kill(pid, SIGKILL) == -1)
		untestable("kill: %s", strerror(errno));
	for (i = 0; i < 50; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		sleep_ms(100);
	}
	if (i == 50) {
		contradicted("SIGKILL did not end a thread stopped on a fault "
			     "within 5 s");
	}
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
		contradicted("the child ended with status %#x, expected SIGKILL",
			     status);
	holds("SIGKILL ended a thread stopped on an unresolved fault");
}
