/*
 * ioctl-continue-einval-eof: UFFDIO_CONTINUE fails with EINVAL when the
 * page lies beyond the end of the shared-memory file.
 * Linux 7.2 (Debian's 7.2.13) answers EFAULT instead; the kernels between
 * 6.18 and 7.2 were not tried, so there the claim is not judged.
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
	if (kernel_at_least(7, 2)) {
		expect_errno(r, errno, EFAULT, "UFFDIO_CONTINUE past the end of a memfd");
		EXPECT_FIELD(c.mapped, -EFAULT, "UFFDIO_CONTINUE past the end of a memfd");
		holds("beyond the end of the file: EFAULT (Linux 7.2 on)");
	}
	if (kernel_at_least(6, 19))
		untestable("EINVAL up to Linux 6.18, EFAULT on 7.2: this kernel is between, not tried");
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE past the end of a memfd");
	EXPECT_FIELD(c.mapped, -EINVAL, "UFFDIO_CONTINUE past the end of a memfd");
	holds("beyond the end of the file: EINVAL");
}
