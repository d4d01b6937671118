/*
 * ioctl-register-eperm: UFFDIO_REGISTER fails with EPERM on a shared
 * mapping that could never be made writable: a memfd opened read-only, a
 * memfd sealed against writing.
 */
#include "ioctl.h"

#ifndef F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010      /* Linux 5.1 */
#endif

/*
 * A page of a new memfd, mapped shared and read-only through a descriptor
 * that will never write it: one opened O_RDONLY when SEAL is 0, else the
 * memfd itself, sealed with SEAL.
 */
static char *
readonly_memfd_page(int seal)
{
	int           mfd, fd;
	char          *p;
	size_t        pg = page_size();
	unsigned int  flags = MFD_CLOEXEC;

	if (seal != 0)
		flags |= MFD_ALLOW_SEALING;
	mfd = memfd_create("claim", flags);
	if (mfd == -1 || ftruncate(mfd, pg) == -1)
		untestable("memfd: %s", strerror(errno));
	if (seal == 0) {
		char  path[64];

		snprintf(path, sizeof(path), "/proc/self/fd/%d", mfd);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd == -1)
			untestable("%s: %s", path, strerror(errno));
	} else {
		if (fcntl(mfd, F_ADD_SEALS, seal) == -1)
			untestable("F_ADD_SEALS: %s", strerror(errno));
		fd = mfd;
	}
	p = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		untestable("mmap: %s", strerror(errno));
	return p;
}

int
main(void)
{
	int                     fd;
	struct uffdio_register  reg;

	fd = new_uffd(0);
	memset(&reg, 0, sizeof(reg));
	reg.range.len = page_size();
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;

	reg.range.start = (uintptr_t) readonly_memfd_page(0);
	EXPECT(fd, UFFDIO_REGISTER, &reg, EPERM,
	       "UFFDIO_REGISTER of a memfd mapped through a read-only descriptor");
	reg.range.start = (uintptr_t) readonly_memfd_page(F_SEAL_WRITE);
	EXPECT(fd, UFFDIO_REGISTER, &reg, EPERM,
	       "UFFDIO_REGISTER of a memfd sealed with F_SEAL_WRITE");
	reg.range.start = (uintptr_t) readonly_memfd_page(F_SEAL_FUTURE_WRITE);
	EXPECT(fd, UFFDIO_REGISTER, &reg, EPERM,
	       "UFFDIO_REGISTER of a memfd sealed with F_SEAL_FUTURE_WRITE");
	holds("shared mappings that cannot become writable: EPERM");
}
