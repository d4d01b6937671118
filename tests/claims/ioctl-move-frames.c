/*
 * ioctl-move-frames: UFFDIO_MOVE moves pages without copying them: the
 * destination maps the very page frame the source had.  The two mappings
 * must be both locked in memory or both not, and writable: EINVAL
 * otherwise.  A transparent huge page moves whole when the ranges cover
 * it (the destination then has it as a huge page), and is split when they
 * cover part of it.  (Linux 6.8.)
 *
 * claims-context: user=root
 */
#include "ioctl.h"
#include "wp.h"

#define PM_PFN ((1ULL << 55) - 1)

static uint64_t
pfn(const void *addr)
{
	uint64_t  e = pagemap_entry(0, addr);

	if (!(e & PM_PRESENT) || (e & PM_PFN) == 0)
		untestable("pagemap shows no page frame at %p (needs "
			   "CAP_SYS_ADMIN)", addr);
	return e & PM_PFN;
}

static void
move_fails(int fd, char *dst, char *src, const char *what)
{
	struct uffdio_move  m;

	do_register(fd, dst, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	src[0] = 's';
	if (uffd_move(fd, dst, src, page_size(), 0, &m) == 0)
		contradicted("%s: UFFDIO_MOVE succeeded, expected EINVAL", what);
	if (errno != EINVAL)
		contradicted("%s: %s, expected EINVAL", what, strerrorname_np(errno));
}

/* A THP_SIZE-aligned, registered, empty destination of THP_SIZE. */
static char *
huge_dst(int fd)
{
	char  *d = map_thp_aligned();

	do_register(fd, d, THP_SIZE, UFFDIO_REGISTER_MODE_MISSING);
	return d;
}

int
main(void)
{
	size_t              pg = page_size();
	int                 fd;
	char                *src, *dst, *ro1, *ro2;
	uint64_t            frame;
	struct uffdio_move  m;

	need_move();
	fd = new_uffd(UFFD_FEATURE_MOVE);

	src = map_anon(1);
	dst = map_anon(1);
	src[0] = 'x';
	frame = pfn(src);
	do_register(fd, dst, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_move(fd, dst, src, pg, 0, &m) == -1)
		untestable("UFFDIO_MOVE: %s", strerror(errno));
	if (dst[0] != 'x' || pfn(dst) != frame)
		contradicted("the destination does not map the source's page frame");

	src = map_anon(1);
	if (mlock(src, pg) == -1)
		untestable("mlock: %s", strerror(errno));
	move_fails(fd, map_anon(1), src, "source locked, destination not");
	ro1 = map_anon(1);
	ro2 = map_anon(1);
	ro1[0] = 's';
	if (mprotect(ro1, pg, PROT_READ) == -1 || mprotect(ro2, pg, PROT_READ) == -1)
		untestable("mprotect: %s", strerror(errno));
	do_register(fd, ro2, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_move(fd, ro2, ro1, pg, 0, &m) == 0)
		contradicted("read-only mappings: UFFDIO_MOVE succeeded");
	if (errno != EINVAL)
		contradicted("read-only mappings: %s, expected EINVAL",
			     strerrorname_np(errno));

	src = map_thp();
	if (anon_huge_kb(src) != (long) (THP_SIZE / 1024))
		untestable("no transparent huge page was given");
	dst = huge_dst(fd);
	if (uffd_move(fd, dst, src, THP_SIZE, 0, &m) == -1)
		contradicted("UFFDIO_MOVE of a whole huge page: %s", strerror(errno));
	if (anon_huge_kb(dst) != (long) (THP_SIZE / 1024) || dst[0] != 'h')
		contradicted("the huge page did not move whole (AnonHugePages of "
			     "the destination %ld kB)", anon_huge_kb(dst));

	src = map_thp();
	if (anon_huge_kb(src) != (long) (THP_SIZE / 1024))
		untestable("no transparent huge page was given");
	dst = huge_dst(fd);
	if (uffd_move(fd, dst, src, THP_SIZE / 2, 0, &m) == -1)
		contradicted("UFFDIO_MOVE of half a huge page: %s", strerror(errno));
	if (anon_huge_kb(src) != 0 || anon_huge_kb(dst) != 0)
		contradicted("half a huge page moved: AnonHugePages %ld kB at the "
			     "source, %ld kB at the destination, expected 0",
			     anon_huge_kb(src), anon_huge_kb(dst));
	holds("the page frame moves; locking must match, mappings writable; "
	      "a huge page moves whole, or is split");
}
