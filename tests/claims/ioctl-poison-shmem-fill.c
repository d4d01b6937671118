/*
 * ioctl-poison-shmem-fill: what fills a page poisoned with UFFDIO_POISON
 * depends on the memory.  On private anonymous memory UFFDIO_COPY fills
 * it and UFFDIO_ZEROPAGE fails with EEXIST.  On shared memory both go by
 * the page cache: a poisoned page that is not in the page cache is filled
 * by either (UFFDIO_ZEROPAGE included), and one that is in the page cache
 * gets EEXIST from either (UFFDIO_COPY included).  UFFDIO_POISON again
 * fails with EEXIST everywhere.  (Linux 6.6, which brought UFFDIO_POISON.)
 */
#include "ioctl.h"

/* A page at A (registered in missing mode on a new object), poisoned. */
static int
poisoned(char *a)
{
	int                   fd = new_uffd(UFFD_FEATURE_POISON);
	struct uffdio_poison  p;

	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_poison(fd, a, page_size(), 0, &p) == -1)
		untestable("UFFDIO_POISON: %s", strerror(errno));
	return fd;
}

/* errno of UFFDIO_COPY (ZERO false) or UFFDIO_ZEROPAGE on a poisoned
   page at A; 0 when it filled the page. */
static int
fill(char *a, int zero)
{
	int                     fd = poisoned(a), r;
	struct uffdio_copy      c;
	struct uffdio_zeropage  z;
	struct uffdio_poison    p;

	if (uffd_poison(fd, a, page_size(), 0, &p) == 0)
		contradicted("UFFDIO_POISON on a poisoned page succeeded, expected "
			     "EEXIST");
	if (errno != EEXIST)
		contradicted("UFFDIO_POISON on a poisoned page: %s, expected EEXIST",
			     strerrorname_np(errno));
	if (zero)
		r = uffd_zeropage(fd, a, page_size(), 0, &z);
	else
		r = uffd_copy(fd, a, map_anon(1), page_size(), 0, &c);
	r = r == 0 ? 0 : errno;
	close(fd);
	return r;
}

/* A page of shared memory, mapped but not present; in the page cache
   (written through a second mapping) when CACHED. */
static char *
shmem_page(int cached)
{
	char  *a = map_shmem(1, 1);

	if (cached)
		alias(a, page_size())[0] = 'c';
	return a;
}

static const char *
name(int err)
{
	return err ? strerrorname_np(err) : "filled";
}

int
main(void)
{
	int  e;

	need_poison();
	e = fill(map_anon(1), 0);
	if (e != 0)
		contradicted("anonymous: UFFDIO_COPY on a poisoned page: %s", name(e));
	e = fill(map_anon(1), 1);
	if (e != EEXIST)
		contradicted("anonymous: UFFDIO_ZEROPAGE on a poisoned page: %s, "
			     "expected EEXIST", name(e));
	e = fill(shmem_page(0), 1);
	if (e != 0)
		contradicted("shared memory, not in the page cache: UFFDIO_ZEROPAGE "
			     "on a poisoned page: %s, expected it filled", name(e));
	e = fill(shmem_page(0), 0);
	if (e != 0)
		contradicted("shared memory, not in the page cache: UFFDIO_COPY "
			     "on a poisoned page: %s, expected it filled", name(e));
	e = fill(shmem_page(1), 0);
	if (e != EEXIST)
		contradicted("shared memory, in the page cache: UFFDIO_COPY on a "
			     "poisoned page: %s, expected EEXIST", name(e));
	e = fill(shmem_page(1), 1);
	if (e != EEXIST)
		contradicted("shared memory, in the page cache: UFFDIO_ZEROPAGE on a "
			     "poisoned page: %s, expected EEXIST", name(e));
	holds("poisoned page: anonymous COPY fills, ZEROPAGE EEXIST; shared "
	      "memory: both fill unless the page cache has the page (EEXIST)");
}
