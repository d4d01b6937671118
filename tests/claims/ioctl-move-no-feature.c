/*
 * ioctl-move-no-feature: UFFDIO_MOVE works on a userfaultfd whose
 * handshake did not ask for UFFD_FEATURE_MOVE: the page moves, and src is
 * left a hole, which reads zero, or faults when src is registered in
 * missing mode.
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

	{
		struct writer    w;
		struct uffd_msg  msg;
		char             *b = map_anon(1), *dst = map_anon(1);

		b[0] = 'n';
		do_register(fd, b, pg, UFFDIO_REGISTER_MODE_MISSING);
		do_register(fd, dst, pg, UFFDIO_REGISTER_MODE_MISSING);
		if (uffd_move(fd, dst, b, pg, 0, &m) == -1)
			contradicted("UFFDIO_MOVE from a registered src: %s",
				     strerrorname_np(errno));
		start_writer(&w, b);
		if (!wait_msg(fd, 2000, &msg))
			contradicted("the moved-from page of a missing-mode "
				     "range did not fault");
		if (uffd_zeropage(fd, b, pg, 0,
				  &(struct uffdio_zeropage) { 0 }) == -1)
			untestable("UFFDIO_ZEROPAGE: %s", strerror(errno));
		join_writer(&w);
	}
	holds("moved without UFFD_FEATURE_MOVE; src reads zero after, "
	      "or faults in missing mode");
}
