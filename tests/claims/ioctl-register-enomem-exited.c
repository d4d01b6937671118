/*
 * ioctl-register-enomem-exited: UFFDIO_REGISTER fails with ENOMEM when the
 * process that created the userfaultfd has exited (its address space is
 * gone).
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	struct uffdio_register  reg;

	fd = orphan_uffd();
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) map_anon(1);
	reg.range.len = page_size();
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	EXPECT(fd, UFFDIO_REGISTER, &reg, ENOMEM,
	       "UFFDIO_REGISTER after the creator exited");
	holds("the address space is gone: ENOMEM");
}
