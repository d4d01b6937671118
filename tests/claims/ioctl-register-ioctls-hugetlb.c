/*
 * ioctl-register-ioctls-hugetlb: on hugetlbfs memory, UFFDIO_REGISTER
 * returns in ioctls WAKE, COPY and POISON, without ZEROPAGE and MOVE, plus
 * WRITEPROTECT with UFFDIO_REGISTER_MODE_WP and CONTINUE with
 * UFFDIO_REGISTER_MODE_MINOR (needs 2 MiB huge pages).  POISON only from
 * Linux 6.6, the kernel that offers UFFD_FEATURE_POISON.
 *
 * claims-context: hugepages=2
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *h;
	uint64_t                want;
	struct uffdio_register  reg;

	h = map_huge();
	fd = new_uffd(0);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) h;
	reg.range.len = HPAGE;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP
		   | UFFDIO_REGISTER_MODE_MINOR;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		untestable("UFFDIO_REGISTER: %s", strerror(errno));
	want = (1ULL << _UFFDIO_WAKE) | (1ULL << _UFFDIO_COPY)
	       | (1ULL << _UFFDIO_WRITEPROTECT) | (1ULL << _UFFDIO_CONTINUE);
	if (offered_features() & UFFD_FEATURE_POISON)
		want |= 1ULL << _UFFDIO_POISON;
	if (reg.ioctls != want)
		contradicted("ioctls %#llx, expected %#llx",
			     (unsigned long long) reg.ioctls,
			     (unsigned long long) want);
	holds("hugetlbfs: WAKE, COPY, WRITEPROTECT, CONTINUE%s",
	      (want & (1ULL << _UFFDIO_POISON))
	      ? ", POISON" : " (no POISON before 6.6)");
}
