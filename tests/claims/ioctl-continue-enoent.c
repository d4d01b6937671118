/*
 * ioctl-continue-enoent: UFFDIO_CONTINUE fails with ENOENT when the range
 * is not inside one mapping registered with this userfaultfd; any
 * registration mode will do for the rest.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *s, *u;
	size_t                  pg = page_size();
	struct uffdio_continue  c;

	if (!kernel_at_least(5, 13))
		untestable("UFFDIO_CONTINUE is from Linux 5.13");

	fd = new_uffd(0);
	s = cached_page('c');
	u = map_shmem(1, 1);
	r = uffd_continue(fd, u, pg, 0, &c);
	expect_errno(r, errno, ENOENT, "UFFDIO_CONTINUE on unregistered memory");
	EXPECT_FIELD(c.mapped, -ENOENT, "UFFDIO_CONTINUE on unregistered memory");
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_continue(fd, s, pg, 0, &c) == -1)
		contradicted("UFFDIO_CONTINUE on a MISSING-registered memfd: %s",
			     strerrorname_np(errno));
	if (s[0] != 'c')
		contradicted("the page mapped is not the page of the file");
	holds("unregistered: ENOENT; MISSING registration is enough");
}
