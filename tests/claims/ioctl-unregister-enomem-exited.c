/*
 * ioctl-unregister-enomem-exited: UFFDIO_UNREGISTER fails with ENOMEM when
 * the process that created the userfaultfd has exited.
 */
#include "ioctl.h"

int
main(void)
{
	int                  fd;
	struct uffdio_range  range;

	fd = orphan_uffd();
	range.start = (uintptr_t) map_anon(1);
	range.len = page_size();
	EXPECT(fd, UFFDIO_UNREGISTER, &range, ENOMEM,
	       "UFFDIO_UNREGISTER after the creator exited");
	holds("the address space is gone: ENOMEM");
}
