/*
 * ioctl-copy-eagain-partial: UFFDIO_COPY that copies only part of the
 * range fails with EAGAIN and reports in copy the bytes it copied; the
 * faults of that part are resolved, and retrying the rest shows the error
 * that stopped it.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *src;
	size_t              pg = page_size();
	struct uffdio_copy  c;

	fd = new_uffd(0);
	a = map_anon(2);
	src = map_anon(2);
	memset(src, 'x', 2 * pg);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_copy(fd, a + pg, src, pg, 0, &c) == -1)
		untestable("UFFDIO_COPY of one page: %s", strerror(errno));
	r = uffd_copy(fd, a, src, 2 * pg, 0, &c);
	expect_errno(r, errno, EAGAIN, "UFFDIO_COPY of two pages, the second present");
	EXPECT_FIELD(c.copy, pg, "UFFDIO_COPY of two pages, the second present");
	if (a[0] != 'x')
		contradicted("the first page was not filled");
	r = uffd_copy(fd, a + pg, src, pg, 0, &c);
	expect_errno(r, errno, EEXIST, "retrying the rest");
	holds("partial copy: EAGAIN, copy = %lld", (long long) pg);
}
