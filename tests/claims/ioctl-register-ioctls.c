/*
 * ioctl-register-ioctls: UFFDIO_REGISTER returns in ioctls WAKE, COPY,
 * ZEROPAGE, MOVE and POISON for anonymous and shared memory, plus
 * WRITEPROTECT with UFFDIO_REGISTER_MODE_WP and CONTINUE with
 * UFFDIO_REGISTER_MODE_MINOR.  POISON and MOVE only from the kernels that
 * offer UFFD_FEATURE_POISON (Linux 6.6) and UFFD_FEATURE_MOVE (Linux 6.8).
 */
#include "ioctl.h"

static void
expect(uint64_t got, uint64_t want, const char *what)
{
	if (got != want)
		contradicted("%s: ioctls %#llx, expected %#llx", what,
			     (unsigned long long) got,
			     (unsigned long long) want);
}

int
main(void)
{
	int       fd;
	char      *a, *s;
	uint64_t  base = (1ULL << _UFFDIO_WAKE) | (1ULL << _UFFDIO_COPY)
			 | (1ULL << _UFFDIO_ZEROPAGE);
	uint64_t  wp = 1ULL << _UFFDIO_WRITEPROTECT;
	uint64_t  cont = 1ULL << _UFFDIO_CONTINUE;
	uint64_t  offered = offered_features();

	if (offered & UFFD_FEATURE_MOVE)
		base |= 1ULL << _UFFDIO_MOVE;
	if (offered & UFFD_FEATURE_POISON)
		base |= 1ULL << _UFFDIO_POISON;
	fd = new_uffd(0);
	a = map_anon(1);
	s = map_shmem(1, 1);
	expect(register_ioctls(fd, a, UFFDIO_REGISTER_MODE_MISSING, 0),
	       base, "anonymous, MISSING");
	expect(register_ioctls(fd, a, UFFDIO_REGISTER_MODE_WP, 0),
	       base | wp, "anonymous, WP");
	expect(register_ioctls(fd, s, UFFDIO_REGISTER_MODE_MISSING, 0),
	       base, "memfd, MISSING");
	expect(register_ioctls(fd, s, UFFDIO_REGISTER_MODE_WP, 0),
	       base | wp, "memfd, WP");
	expect(register_ioctls(fd, s, UFFDIO_REGISTER_MODE_MINOR, 0),
	       base | cont, "memfd, MINOR");
	holds("ioctls masks as stated for anonymous and memfd memory%s%s",
	      (offered & UFFD_FEATURE_POISON) ? "" : " (no POISON before 6.6)",
	      (offered & UFFD_FEATURE_MOVE) ? "" : " (no MOVE before 6.8)");
}
