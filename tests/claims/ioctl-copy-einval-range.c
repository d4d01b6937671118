/*
 * ioctl-copy-einval-range: UFFDIO_COPY fails with EINVAL, leaving copy
 * untouched, when dst or len is not page-aligned, len is 0, or either
 * range leaves the user address space (src: since Linux 6.6; before, a
 * src there gives EFAULT); src itself may be unaligned.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd;
	char                *a, *src;
	size_t              pg = page_size();
	struct uffdio_copy  c;

	fd = new_uffd(0);
	a = map_anon(2);
	src = map_anon(2);
	memset(src, 'y', 2 * pg);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	struct {
		char        *dst;
		const char  *src;
		size_t      len;
		const char  *what;
	} t[] = {
		{ a + 1, src, pg, "dst not page-aligned" },
		{ a, src, 0, "len 0" },
		{ a, src, pg / 2, "len not a multiple of the page size" },
		{ a, (char *) (UINTPTR_MAX - pg + 1), pg, "src range past the end of user space" },
		{ (char *) (UINTPTR_MAX & ~(pg - 1)), src, pg, "dst above the user address space" },
		{ (char *) (1ULL << 63), src, pg, "dst at 2^63" },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int  r = uffd_copy(fd, t[i].dst, t[i].src, t[i].len, 0, &c);

		expect_errno(r, errno, EINVAL, t[i].what);
		EXPECT_FIELD(c.copy, UNTOUCHED, t[i].what);
	}
	/* A src above the user address space that does not wrap around:
	   EINVAL since Linux 6.6, EFAULT (nothing copied) before. */
	{
		int   r = uffd_copy(fd, a, (char *) (1ULL << 63), pg, 0, &c);
		int   want = kernel_version() >= LINUX(6, 6, 0) ? EINVAL : EFAULT;

		expect_errno(r, errno, want, "src at 2^63");
	}
	if (uffd_copy(fd, a, src + 1, pg, 0, &c) == -1)
		contradicted("UFFDIO_COPY from an unaligned src: %s",
			     strerrorname_np(errno));
	holds("malformed ranges: EINVAL, copy untouched; unaligned src accepted");
}
