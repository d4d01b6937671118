/*
 * uffd-poll-pollerr-before-api: until the UFFDIO_API handshake,
 * poll(2) on a userfaultfd reports POLLERR (a nonblocking one too); after
 * it, with nothing pending, poll(2) reports nothing.
 */
#include "ioctl.h"

static short
revents(int fd)
{
	struct pollfd  pfd = { .fd = fd, .events = POLLIN };

	if (poll(&pfd, 1, 0) == -1)
		untestable("poll: %s", strerror(errno));
	return pfd.revents;
}

int
main(void)
{
	int                fd;
	short              ev;
	struct uffdio_api  api;

	fd = open_uffd(O_NONBLOCK);
	ev = revents(fd);
	if (!(ev & POLLERR))
		contradicted("before the handshake, poll(2) reported %#x, "
			     "not POLLERR", (unsigned) ev);
	handshake(fd, 0, &api);
	ev = revents(fd);
	if (ev != 0)
		contradicted("after the handshake, with nothing pending, "
			     "poll(2) reported %#x", (unsigned) ev);
	holds("poll(2) reported POLLERR before the handshake, nothing after");
}
