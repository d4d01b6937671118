/*
 * ioctl-poison-efault-eof: UFFDIO_POISON fails with EFAULT when the page
 * lies beyond the end of the shared-memory file.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *s;
	size_t                pg = page_size();
	struct uffdio_poison  p;

	need_poison();
	fd = new_uffd(0);
	s = map_shmem(2, 1);
	do_register(fd, s, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_poison(fd, s + pg, pg, 0, &p);
	expect_errno(r, errno, EFAULT, "UFFDIO_POISON past the end of a memfd");
	EXPECT_FIELD(p.updated, -EFAULT, "UFFDIO_POISON past the end of a memfd");
	holds("beyond the end of the file: EFAULT");
}
