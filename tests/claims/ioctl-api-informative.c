/*
 * ioctl-api-informative: the availability bits need not be asked for: with
 * no features enabled, UFFDIO_REGISTER_MODE_WP works on anonymous and
 * shared memory, UFFDIO_REGISTER_MODE_MISSING and
 * UFFDIO_REGISTER_MODE_MINOR on shared memory, and UFFDIO_POISON and
 * UFFDIO_MOVE work.  On a kernel without UFFDIO_POISON (Linux 6.6) or
 * UFFDIO_MOVE (Linux 6.8), the rest is checked, then 77.
 */
#include "ioctl.h"

/* Register ADDR, LEN in MODE on FD, whose handshake did not ask for
   FEATURE (named NAME): a failure contradicts the page, unless the kernel
   does not offer FEATURE at all. */
static void
register_unasked(int fd, void *addr, size_t len, uint64_t mode,
		 uint64_t feature, const char *name)
{
	struct uffdio_register  reg;

	if (!(offered_features() & feature))
		untestable("this kernel lacks %s", name);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) addr;
	reg.range.len = len;
	reg.mode = mode;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		contradicted("UFFDIO_REGISTER mode %#llx without asking for %s: %s",
			     (unsigned long long) mode, name,
			     strerrorname_np(errno));
}

int
main(void)
{
	int                   fd;
	char                  *a, *s, *src;
	size_t                pg = page_size();
	struct uffdio_poison  p;
	struct uffdio_move    m;

	fd = new_uffd(0);
	a = map_anon(2);
	s = map_shmem(3, 3);
	src = map_anon(1);
	src[0] = 1;
	register_unasked(fd, a, 2 * pg,
			 UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP,
			 UFFD_FEATURE_PAGEFAULT_FLAG_WP,
			 "UFFD_FEATURE_PAGEFAULT_FLAG_WP");
	register_unasked(fd, s, pg, UFFDIO_REGISTER_MODE_MISSING,
			 UFFD_FEATURE_MISSING_SHMEM, "UFFD_FEATURE_MISSING_SHMEM");
	register_unasked(fd, s + pg, pg, UFFDIO_REGISTER_MODE_WP,
			 UFFD_FEATURE_WP_HUGETLBFS_SHMEM,
			 "UFFD_FEATURE_WP_HUGETLBFS_SHMEM");
	register_unasked(fd, s + 2 * pg, pg, UFFDIO_REGISTER_MODE_MINOR,
			 UFFD_FEATURE_MINOR_SHMEM, "UFFD_FEATURE_MINOR_SHMEM");
	if (!(offered_features() & UFFD_FEATURE_POISON))
		untestable("WP and the shared memory modes need no feature bit; "
			   "this kernel lacks UFFDIO_POISON (Linux 6.6): the "
			   "handshake does not offer UFFD_FEATURE_POISON");
	if (uffd_poison(fd, a, pg, 0, &p) == -1)
		contradicted("UFFDIO_POISON: %s", strerrorname_np(errno));
	if (!(offered_features() & UFFD_FEATURE_MOVE))
		untestable("WP, the shared memory modes and POISON need no "
			   "feature bit; this kernel lacks UFFDIO_MOVE (Linux "
			   "6.8): the handshake does not offer UFFD_FEATURE_MOVE");
	if (uffd_move(fd, a + pg, src, pg, 0, &m) == -1)
		contradicted("UFFDIO_MOVE: %s", strerrorname_np(errno));
	holds("no feature bit needed for WP, shmem modes, POISON, MOVE");
}
