/*
 * ioctl-continue-einval-eof: UFFDIO_CONTINUE fails with EINVAL when the
 * page lies beyond the end of the shared-memory file.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *s;
	size_t                  pg = page_size();
	struct uffdio_continue  c;

	fd = new_uffd(0);
	s = map_shmem(2, 1);
	do_register(fd, s, 2 * pg, UFFDIO_REGISTER_MODE_MINOR);
	r = uffd_continue(fd, s + pg, pg, 0, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE past the end of a memfd");
	EXPECT_FIELD(c.mapped, -EINVAL, "UFFDIO_CONTINUE past the end of a memfd");
	holds("beyond the end of the file: EINVAL");
}
