/*
 * uffd-read-emfile-fork: read(2) installs the descriptor of a
 * UFFD_EVENT_FORK message (fork.ufd) in the reading process, and fails
 * with EMFILE when the process has no free descriptor (ENOMEM when the
 * kernel runs out of memory, not provoked here); the message stays
 * queued, the forking thread keeps waiting, and a read once a descriptor
 * is free returns it.
 */
#include "ioctl.h"
#include "fork.h"
#include <sys/resource.h>

static int
child_nothing(void *arg)
{
	(void) arg;
	return 0;
}

static void *
forker_only(void *p)
{
	return forker_main(p);
}

/* Wait up to 5 s for FD to be readable. */
static int
wait_for_event(int fd)
{
	struct pollfd  pfd = { .fd = fd, .events = POLLIN };

	return poll(&pfd, 1, 5000) == 1;
}

int
main(void)
{
	int                fd, r, err;
	char               *a;
	struct forker      f;
	struct uffd_msg    msg;
	struct rlimit      rl;
	struct uffdio_api  api = { .api = UFFD_API,
				   .features = UFFD_FEATURE_EVENT_FORK };

	fd = open_uffd(O_NONBLOCK);
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		untestable("UFFD_FEATURE_EVENT_FORK refused: %s (needs "
			   "CAP_SYS_PTRACE)", strerrorname_np(errno));
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	f.child = child_nothing;
	f.arg = NULL;
	if (pipe(f.go) == -1)
		untestable("pipe: %s", strerror(errno));

	/* Every descriptor below a low limit in use. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == -1)
		untestable("getrlimit: %s", strerror(errno));
	rl.rlim_cur = 64;
	if (setrlimit(RLIMIT_NOFILE, &rl) == -1)
		untestable("setrlimit: %s", strerror(errno));
	while (dup(fd) != -1)
		;
	if (errno != EMFILE)
		untestable("dup: %s", strerror(errno));

	if (pthread_create(&f.thread, NULL, forker_only, &f) != 0)
		untestable("pthread_create failed");
	if (!wait_for_event(fd))
		contradicted("no fork event");
	r = read(fd, &msg, sizeof(msg));
	err = errno;
	if (r != -1)
		contradicted("read of a fork event with no free descriptor returned "
			     "%d (event %#x)", r, msg.event);
	if (err != EMFILE)
		contradicted("read of a fork event with no free descriptor: %s, "
			     "expected EMFILE", strerrorname_np(err));
	sleep_ms(100);
	if (pthread_tryjoin_np(f.thread, NULL) == 0)
		contradicted("fork(2) returned although its event was not read");
	rl.rlim_cur = rl.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &rl) == -1)
		untestable("setrlimit: %s", strerror(errno));
	if (!wait_for_event(fd))
		contradicted("the fork event was lost after EMFILE");
	if (read(fd, &msg, sizeof(msg)) != sizeof(msg))
		contradicted("read after a descriptor was freed: %s",
			     strerrorname_np(errno));
	if (msg.event != UFFD_EVENT_FORK)
		contradicted("event %#x after EMFILE, expected UFFD_EVENT_FORK",
			     msg.event);
	if (pthread_join(f.thread, NULL) != 0)
		untestable("pthread_join failed");
	if (f.pid == -1)
		untestable("fork: %s", strerror(errno));
	fork_go(&f);
	fork_wait(&f, 5000);
	holds("read of a fork event with no free descriptor: EMFILE, the event "
	      "kept and read afterwards");
}
