/*
 * fork.h: fork(2) of a process whose memory is registered, for the checks
 * of what the child inherits.  With UFFD_FEATURE_EVENT_FORK, fork(2) waits
 * until the UFFD_EVENT_FORK message is read: a thread forks, the check
 * reads the message.  The child runs CHILD(ARG) and exits with what it
 * returns; the parent gets the child's fork.ufd (or -1 without the
 * feature) and, from fork_wait(), the child's exit status.
 *
 * Include it after ioctl.h.
 */
#ifndef CLAIMS_FORK_H
#define CLAIMS_FORK_H

#include "ioctl.h"

struct forker {
	pthread_t  thread;
	pid_t      pid;
	int        (*child)(void *);
	void       *arg;
	int        go[2];       /* the child waits for a byte here */
};

static inline void *
forker_main(void *p)
{
	struct forker  *f = p;

	f->pid = fork();
	if (f->pid == 0) {
		char  c;

		if (read(f->go[0], &c, 1) != 1)
			_exit(100);
		_exit(f->child(f->arg));
	}
	return NULL;
}

/*
 * Fork a child that runs CHILD(ARG) once fork_go() is called; UFFD is the
 * parent's userfaultfd: when EVENTS (UFFD_FEATURE_EVENT_FORK enabled), the
 * fork message is read and the child's new descriptor returned, else -1.
 */
static inline int
fork_start(struct forker *f, int uffd, int events, int (*child)(void *),
	   void *arg)
{
	struct uffd_msg  msg;
	int              ufd = -1;

	f->child = child;
	f->arg = arg;
	if (pipe(f->go) == -1)
		untestable("pipe: %s", strerror(errno));
	if (pthread_create(&f->thread, NULL, forker_main, f) != 0)
		untestable("pthread_create failed");
	if (events) {
		if (!wait_msg(uffd, 5000, &msg))
			contradicted("no UFFD_EVENT_FORK message");
		if (msg.event != UFFD_EVENT_FORK)
			contradicted("event %#x, expected UFFD_EVENT_FORK", msg.event);
		ufd = (int) msg.arg.fork.ufd;
	}
	if (pthread_join(f->thread, NULL) != 0)
		untestable("pthread_join failed");
	if (f->pid == -1)
		untestable("fork: %s", strerror(errno));
	return ufd;
}

static inline void
fork_go(struct forker *f)
{
	if (write(f->go[1], "g", 1) != 1)
		untestable("write: %s", strerror(errno));
}

/* The child's exit status, waiting up to MS milliseconds; -1: still
   running (it is then killed). */
static inline int
fork_wait(struct forker *f, int ms)
{
	int  status;

	for (int t = 0; t < ms; t += 10) {
		pid_t  r = waitpid(f->pid, &status, WNOHANG);

		if (r == f->pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
		sleep_ms(10);
	}
	kill(f->pid, SIGKILL);
	waitpid(f->pid, &status, 0);
	return -1;
}

#endif
