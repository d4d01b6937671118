/*
 * ioctl-register-einval-mode: UFFDIO_REGISTER fails with EINVAL when mode
 * is zero or holds an unknown bit.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *a;
	struct uffdio_register  reg;

	fd = new_uffd(0);
	a = map_anon(1);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) a;
	reg.range.len = page_size();
	reg.mode = 0;
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL, "UFFDIO_REGISTER with mode 0");
	reg.mode = 1 << 3;
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL, "UFFDIO_REGISTER with mode bit 3");
	holds("mode 0 and an unknown mode bit: EINVAL");
}
