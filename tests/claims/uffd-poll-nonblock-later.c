/*
 * uffd-poll-nonblock-later: poll(2) reports POLLERR on a userfaultfd
 * object that is not nonblocking, but the object need not be created
 * with O_NONBLOCK: poll(2) looks at the file's flags when it is called,
 * so that O_NONBLOCK set later with fcntl(F_SETFL) or ioctl(FIONBIO)
 * makes it report a pending message as POLLIN, and clearing the flag
 * again brings POLLERR back.
 */
#include "ioctl.h"

/* What poll(2) reports for FD, waiting up to MS milliseconds. */
static short
revents(int fd, int ms)
{
	struct pollfd  pfd = { .fd = fd, .events = POLLIN };

	if (poll(&pfd, 1, ms) == -1)
		untestable("poll: %s", strerror(errno));
	return pfd.revents;
}

int
main(void)
{
	int                fd, on = 1, off = 0;
	size_t             pg = page_size();
	char               *a;
	struct uffdio_api  api;
	struct writer      w;
	short              r;

	fd = open_uffd(0);
	handshake(fd, 0, &api);
	a = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	start_writer(&w, a);
	wait_writer_blocked(&w);

	r = revents(fd, 0);
	if (!(r & POLLERR))
		contradicted("blocking object with a pending fault: revents %#x, "
			     "expected POLLERR", r);
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == -1)
		untestable("fcntl: %s", strerror(errno));
	r = revents(fd, 5000);
	if (r != POLLIN)
		contradicted("after fcntl(F_SETFL, O_NONBLOCK): revents %#x, "
			     "expected POLLIN", r);
	if (ioctl(fd, FIONBIO, &off) == -1)
		untestable("ioctl FIONBIO: %s", strerror(errno));
	r = revents(fd, 0);
	if (!(r & POLLERR))
		contradicted("after clearing O_NONBLOCK with FIONBIO: revents %#x, "
			     "expected POLLERR", r);
	if (ioctl(fd, FIONBIO, &on) == -1)
		untestable("ioctl FIONBIO: %s", strerror(errno));
	r = revents(fd, 5000);
	if (r != POLLIN)
		contradicted("after ioctl(FIONBIO, 1): revents %#x, expected POLLIN", r);

	{
		struct uffd_msg     msg;
		struct uffdio_copy  c;

		if (!wait_msg(fd, 1000, &msg))
			contradicted("POLLIN reported, but no message read");
		if (uffd_copy(fd, a, map_anon(1), pg, 0, &c) == -1)
			untestable("UFFDIO_COPY: %s", strerror(errno));
	}
	join_writer(&w);
	holds("POLLERR while blocking; POLLIN once O_NONBLOCK is set later "
	      "(fcntl or FIONBIO)");
}
