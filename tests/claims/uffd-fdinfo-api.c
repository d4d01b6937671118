/*
 * uffd-fdinfo-api: in /proc/pid/fdinfo/fd of a userfaultfd, the line
 * "API:\t<api>:<features>:<ioctls>" does not tell exactly what the object
 * has: the features value holds, besides the features enabled, an
 * internal bit (0x80000000, set once the handshake is done; since Linux
 * 5.15, and 5.10.y/5.4.y updates that took the same change), and the
 * ioctls value is one fixed mask, the same before and after the handshake
 * and whatever memory is registered, not the requests this object can
 * do.
 */
#include "ioctl.h"

#define UFFD_FEATURE_INITIALIZED_BIT (1ULL << 31)

static void
api_line(int fd, unsigned long long *features, unsigned long long *ioctls)
{
	unsigned long long  api;

	if (!fdinfo_api(fd, &api, features, ioctls))
		untestable("no API line in /proc/self/fdinfo/%d", fd);
}

int
main(void)
{
	int                 fd;
	unsigned long long  f0, i0, f1, i1;
	struct uffdio_api   api;

	fd = open_uffd(0);
	api_line(fd, &f0, &i0);
	handshake(fd, UFFD_FEATURE_EVENT_REMOVE, &api);
	do_register(fd, map_anon(1), page_size(), UFFDIO_REGISTER_MODE_MISSING);
	api_line(fd, &f1, &i1);
	if (i0 != i1)
		contradicted("ioctls changed with the handshake and a registration: "
			     "%#llx, then %#llx", i0, i1);
	if (i1 == api.ioctls)
		contradicted("ioctls %#llx equals the handshake's answer: expected the "
			     "fixed mask with the range operations", i1);
	if (!(i1 & (1ULL << _UFFDIO_COPY)) || !(i1 & (1ULL << _UFFDIO_API)))
		contradicted("ioctls %#llx lacks UFFDIO_COPY or UFFDIO_API", i1);
	if (!(f1 & UFFD_FEATURE_EVENT_REMOVE))
		contradicted("features %#llx lacks the feature enabled", f1);
	if ((f1 & UFFD_FEATURE_INITIALIZED_BIT) == 0) {
		if (kernel_version() >= LINUX(5, 15, 0))
			contradicted("features %#llx: no internal bit 0x80000000 on "
				     "Linux 5.15 or later", f1);
		untestable("ioctls: a fixed mask (%#llx); features %#llx: no "
			   "internal bit on this kernel (before the 5.15 change)",
			   i1, f1);
	}
	if (f0 != 0)
		contradicted("features before the handshake: %#llx, expected 0", f0);
	holds("fdinfo: features %#llx = enabled | 0x80000000; ioctls %#llx, a "
	      "fixed mask", f1, i1);
}
