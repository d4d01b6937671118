/*
 * ioctl-zeropage-efault-eof: UFFDIO_ZEROPAGE fails with EFAULT when the
 * page lies beyond the end of the shared-memory file it maps.
 * Linux 7.2 (Debian's 7.2.13) answers ENOMEM instead; the kernels between
 * 6.18 and 7.2 were not tried, so there the claim is not judged.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd, r;
	char                    *s;
	size_t                  pg = page_size();
	struct uffdio_zeropage  z;

	fd = new_uffd(0);
	s = map_shmem(2, 1);
	do_register(fd, s, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_zeropage(fd, s + pg, pg, 0, &z);
	if (kernel_at_least(7, 2)) {
		expect_errno(r, errno, ENOMEM, "UFFDIO_ZEROPAGE past the end of a memfd");
		EXPECT_FIELD(z.zeropage, -ENOMEM, "UFFDIO_ZEROPAGE past the end of a memfd");
		holds("beyond the end of the file: ENOMEM (Linux 7.2 on)");
	}
	if (kernel_at_least(6, 19))
		untestable("EFAULT up to Linux 6.18, ENOMEM on 7.2: this kernel is between, not tried");
	expect_errno(r, errno, EFAULT, "UFFDIO_ZEROPAGE past the end of a memfd");
	EXPECT_FIELD(z.zeropage, -EFAULT, "UFFDIO_ZEROPAGE past the end of a memfd");
	holds("beyond the end of the file: EFAULT");
}
