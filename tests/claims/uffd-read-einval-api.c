/*
 * uffd-read-einval-api: read(2) from a userfaultfd on which the
 * UFFDIO_API handshake has not been done fails with EINVAL.
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
	n = read(fd, &msg, sizeof(msg));
	if (n != -1)
		contradicted("read(2) before UFFDIO_API returned %zd", n);
	if (errno != EINVAL)
		contradicted("read(2) before UFFDIO_API failed with %s, "
			     "not EINVAL", strerrorname_np(errno));
	holds("read(2) before UFFDIO_API failed with EINVAL");
}
