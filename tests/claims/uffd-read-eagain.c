/*
 * uffd-read-eagain: read(2) from a nonblocking userfaultfd with no
 * message pending fails with EAGAIN.
 */
#include "priv.h"

int
main(void)
{
	int              fd;
	ssize_t          n;
	struct uffd_msg  msg;

	fd = uffd_user_mode(O_NONBLOCK);
	if (fd == -1)
		broken("userfaultfd");
	uffd_handshake(fd);
	n = read(fd, &msg, sizeof(msg));
	if (n != -1)
		contradicted("read(2) returned %zd", n);
	if (errno != EAGAIN)
		contradicted("read(2) failed with %s, not EAGAIN",
			     strerrorname_np(errno));
	holds("read(2) with nothing pending failed with EAGAIN");
}
