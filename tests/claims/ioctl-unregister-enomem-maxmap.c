/*
 * ioctl-unregister-enomem-maxmap: UFFDIO_UNREGISTER fails with ENOMEM when
 * unregistering part of a registered mapping would split it and the
 * process already has vm.max_map_count mappings.
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd;
	char                 *a;
	size_t               pg = page_size();
	struct uffdio_range  range;

	fd = new_uffd(0);
	a = map_anon(3);
	do_register(fd, a, 3 * pg, UFFDIO_REGISTER_MODE_MISSING);
	exhaust_map_count();
	range.start = (uintptr_t) a + pg;
	range.len = pg;
	EXPECT(fd, UFFDIO_UNREGISTER, &range, ENOMEM,
	       "UFFDIO_UNREGISTER of the middle page at vm.max_map_count");
	holds("no mapping left for the split: ENOMEM");
}
