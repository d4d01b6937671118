/*
 * ioctl-continue-efault: UFFDIO_CONTINUE fails with EFAULT, mapped set to
 * -EFAULT, when the page is not in the page cache.
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
	s = map_shmem(1, 1);
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MINOR);
	r = uffd_continue(fd, s, pg, 0, &c);
	expect_errno(r, errno, EFAULT, "UFFDIO_CONTINUE of a page not in the cache");
	EXPECT_FIELD(c.mapped, -EFAULT, "UFFDIO_CONTINUE of a page not in the cache");
	holds("no page in the cache: EFAULT");
}
