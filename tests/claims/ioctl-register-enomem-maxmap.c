/*
 * ioctl-register-enomem-maxmap: UFFDIO_REGISTER fails with ENOMEM when
 * registering would split a mapping and the process already has
 * vm.max_map_count mappings.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *a;
	size_t                  pg = page_size();
	struct uffdio_register  reg;

	fd = new_uffd(0);
	a = map_anon(3);
	exhaust_map_count();
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) a + pg;
	reg.range.len = pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	EXPECT(fd, UFFDIO_REGISTER, &reg, ENOMEM,
	       "UFFDIO_REGISTER of the middle page at vm.max_map_count");
	holds("no mapping left for the split: ENOMEM");
}
