/*
 * ioctl-move-no-feature: UFFDIO_MOVE works on a userfaultfd whose
 * handshake did not ask for UFFD_FEATURE_MOVE: the page moves, and src is
 * left a hole.
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
	src[0] = 'm';
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_move(fd, a, src, pg, 0, &m) == -1)
		contradicted("UFFDIO_MOVE: %s", strerrorname_np(errno));
	if (a[0] != 'm')
		contradicted("the page did not arrive");
	if (src[0] != 0)
		contradicted("src still holds the page");
	holds("moved without UFFD_FEATURE_MOVE; src reads zero after");
}
