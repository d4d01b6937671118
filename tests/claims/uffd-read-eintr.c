/*
 * uffd-read-eintr: a read(2) that blocks on a userfaultfd (no O_NONBLOCK)
 * fails with EINTR when a signal handler runs (installed without
 * SA_RESTART).
 */
#include "priv.h"
#include <signal.h>
#include <sys/time.h>

static void
on_alarm(int sig)
{
	(void) sig;
}

int
main(void)
{
	int               fd;
	ssize_t           n;
	struct uffd_msg   msg;
	struct sigaction  sa;
	/* Again and again, so that one signal surely finds read(2) blocked. */
	struct itimerval  every_50ms = {
		.it_interval = { .tv_usec = 50000 },
		.it_value = { .tv_usec = 50000 },
	};

	fd = uffd_user_mode(0);
	if (fd == -1)
		broken("userfaultfd");
	uffd_handshake(fd);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	if (sigaction(SIGALRM, &sa, NULL) == -1)
		broken("sigaction");
	if (setitimer(ITIMER_REAL, &every_50ms, NULL) == -1)
		broken("setitimer");
	n = read(fd, &msg, sizeof(msg));
	if (n != -1)
		contradicted("read(2) returned %zd", n);
	if (errno != EINTR)
		contradicted("read(2) failed with %s, not EINTR",
			     strerrorname_np(errno));
	holds("a blocked read(2) failed with EINTR when a signal arrived");
}
