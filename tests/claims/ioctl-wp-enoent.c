/*
 * ioctl-wp-enoent: UFFDIO_WRITEPROTECT fails with ENOENT when a mapping in
 * the range is not registered with UFFDIO_REGISTER_MODE_WP, or no mapping
 * is in the range.  Since Linux 6.4, unmapped gaps between registered
 * mappings are skipped; before, a range not inside a single mapping, as
 * one over a gap, failed with ENOENT.
 */
#include "ioctl.h"

/*
 * Whether UFFDIO_WRITEPROTECT goes through the several mappings of its
 * range, skipping the holes between them: since Linux 6.4 (commit
 * a1b92a3f1498, "mm/userfaultfd: support WP on multiple VMAs"); before,
 * the range had to lie inside a single mapping.  No feature bit tells,
 * hence the version.
 */
static int
gaps_skipped(void)
{
	return kernel_version() >= LINUX(6, 4, 0);
}

int
main(void)
{
	int     fd, r;
	char    *a, *b;
	size_t  pg = page_size();

	fd = new_uffd(0);
	a = map_anon(1);
	b = map_anon(3);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, ENOENT, "UFFDIO_WRITEPROTECT of a MISSING-only range");
	do_register(fd, b, 2 * pg, UFFDIO_REGISTER_MODE_WP);
	r = uffd_writeprotect(fd, b, 3 * pg, UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, ENOENT, "UFFDIO_WRITEPROTECT past the WP-registered part");
	if (munmap(a, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	r = uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, ENOENT, "UFFDIO_WRITEPROTECT of unmapped memory");
	if (munmap(b + pg, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	r = uffd_writeprotect(fd, b, 2 * pg, UFFDIO_WRITEPROTECT_MODE_WP);
	if (!gaps_skipped()) {
		expect_errno(r, errno, ENOENT,
			     "UFFDIO_WRITEPROTECT over a gap (before Linux 6.4)");
		holds("not registered for WP, or nothing mapped: ENOENT; "
		      "over a gap (before 6.4): ENOENT");
	}
	if (r == -1)
		contradicted("UFFDIO_WRITEPROTECT over a gap: %s",
			     strerrorname_np(errno));
	holds("not registered for WP, or nothing mapped: ENOENT; gaps skipped");
}
