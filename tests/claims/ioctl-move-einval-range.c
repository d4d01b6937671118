/*
 * ioctl-move-einval-range: UFFDIO_MOVE fails with EINVAL, leaving move
 * untouched, when src, dst or len is not page-aligned, len is 0, or a
 * range leaves the user address space.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd;
	char                *a, *src;
	size_t              pg = page_size();
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(0);
	a = map_anon(1);
	src = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	struct {
		char        *dst, *src;
		size_t      len;
		const char  *what;
	} t[] = {
		{ a + 8, src, pg, "dst not page-aligned" },
		{ a, src + 8, pg, "src not page-aligned" },
		{ a, src, pg / 2, "len not a multiple of the page size" },
		{ a, src, 0, "len 0" },
		{ a, (char *) (UINTPTR_MAX & ~(pg - 1)), pg, "src above user space" },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int  r = uffd_move(fd, t[i].dst, t[i].src, t[i].len, 0, &m);

		expect_errno(r, errno, EINVAL, t[i].what);
		EXPECT_FIELD(m.move, UNTOUCHED, t[i].what);
	}
	holds("malformed ranges: EINVAL, move untouched");
}
