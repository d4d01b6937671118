/*
 * ioctl-poison-eexist: UFFDIO_POISON fails with EEXIST when the page is
 * present, already poisoned, or (not populated) write-protected; only
 * the mapping counts: a shared-memory page that is in the page cache but
 * not mapped here is poisoned.
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, r;
	char                  *a;
	size_t                pg = page_size();
	struct uffdio_poison  p;

	need_poison();
	fd = new_uffd(0);
	a = map_anon(2);
	a[0] = 1;       /* present before registering: no fault */
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = uffd_poison(fd, a, pg, 0, &p);
	expect_errno(r, errno, EEXIST, "UFFDIO_POISON of a present page");
	EXPECT_FIELD(p.updated, -EEXIST, "UFFDIO_POISON of a present page");
	if (uffd_poison(fd, a + pg, pg, 0, &p) == -1)
		untestable("UFFDIO_POISON: %s", strerror(errno));
	r = uffd_poison(fd, a + pg, pg, 0, &p);
	expect_errno(r, errno, EEXIST, "UFFDIO_POISON of a poisoned page");

	fd = new_uffd(0);
	a = map_shmem(1, 1);
	do_register(fd, a, pg,
		    UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	r = uffd_poison(fd, a, pg, 0, &p);
	expect_errno(r, errno, EEXIST,
		     "UFFDIO_POISON of an unpopulated, protected page");

	fd = new_uffd(0);
	a = cached_page('c');
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_poison(fd, a, pg, 0, &p) == -1)
		contradicted("UFFDIO_POISON of a page only in the page cache: %s",
			     strerrorname_np(errno));
	holds("present, poisoned or protected: EEXIST; "
	      "in the page cache only: poisoned");
}
