/*
 * ioctl-register-again: registering again, with the same userfaultfd, a
 * range already registered keeps the mapping as it is when the new modes
 * are a subset of its modes, and otherwise gives it exactly the new modes.
 */
#include "ioctl.h"

int
main(void)
{
	int     fd;
	char    *a, *b;
	size_t  pg = page_size();

	fd = new_uffd(0);
	a = map_anon(1);
	b = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		contradicted("MISSING|WP then MISSING: WP mode was lost (%s)",
			     strerrorname_np(errno));
	do_register(fd, b, pg, UFFDIO_REGISTER_MODE_WP);
	do_register(fd, b, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_writeprotect(fd, b, pg, UFFDIO_WRITEPROTECT_MODE_WP) != -1
	    || errno != ENOENT)
		contradicted("WP then MISSING: WP mode was kept");
	holds("a subset keeps the modes; other modes replace them");
}
