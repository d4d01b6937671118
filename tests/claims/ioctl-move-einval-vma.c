/*
 * ioctl-move-einval-vma: UFFDIO_MOVE fails with EINVAL when the
 * destination is not registered with this userfaultfd, either mapping is
 * shared or not anonymous, the two mappings differ in protection, or a
 * range runs past the end of its mapping.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd, r;
	char                *a, *b, *src, *ro, *s;
	size_t              pg = page_size();
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(0);
	a = map_anon(2);
	b = map_anon(1);
	src = map_anon(2);
	memset(src, 'm', 2 * pg);
	ro = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	s = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (ro == MAP_FAILED || s == MAP_FAILED)
		untestable("mmap: %s", strerror(errno));
	s[0] = 1;
	(void) *(volatile char *) ro;
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MISSING);

	r = uffd_move(fd, b, src, pg, 0, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE into unregistered memory");
	r = uffd_move(fd, s, src, pg, 0, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE into shared memory");
	r = uffd_move(fd, a, ro, pg, 0, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE from a read-only mapping");
	r = uffd_move(fd, a, src + pg, 2 * pg, 0, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE, src past the end of its mapping");
	r = uffd_move(fd, a + pg, src, 2 * pg, 0, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE, dst past the end of its mapping");
	holds("unsuitable mappings: EINVAL");
}
