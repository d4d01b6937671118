/*
 * ioctl-zeropage-kinds: what UFFDIO_ZEROPAGE maps depends on the memory.
 * On private anonymous memory it maps the kernel's shared zero page
 * (/proc/kpageflags shows KPF_ZERO_PAGE for its frame), read-only: a write
 * then gets a private page of its own, with no fault reported.  On shared
 * memory it adds a zeroed page to the file, which another mapping finds
 * in the page cache.  On hugetlbfs it is refused (EINVAL: the claim
 * ioctl-zeropage-einval-hugetlb).
 *
 * claims-context: user=root
 */
#include "ioctl.h"
#include "wp.h"

#define PM_PFN ((1ULL << 55) - 1)
#define KPF_ZERO_PAGE (1ULL << 24)

static uint64_t
pfn(const void *addr)
{
	uint64_t  e = pagemap_entry(0, addr);

	if (!(e & PM_PRESENT))
		contradicted("the page at %p is not present", addr);
	if ((e & PM_PFN) == 0)
		untestable("pagemap shows no page frame numbers (needs "
			   "CAP_SYS_ADMIN)");
	return e & PM_PFN;
}

/* Is the page at ADDR the zero page? */
static int
is_zero_page(const void *addr)
{
	uint64_t  f, n = pfn(addr);
	int       fd = open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		untestable("open /proc/kpageflags: %s", strerror(errno));
	if (pread(fd, &f, sizeof(f), n * sizeof(f)) != sizeof(f))
		untestable("read /proc/kpageflags: %s", strerror(errno));
	close(fd);
	return (f & KPF_ZERO_PAGE) != 0;
}

int
main(void)
{
	int                     fd = new_uffd(0);
	size_t                  pg = page_size();
	char                    *a = map_anon(1), *s, *s2;
	unsigned char           vec;
	struct uffdio_zeropage  z;

	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (uffd_zeropage(fd, a, pg, 0, &z) == -1)
		contradicted("UFFDIO_ZEROPAGE on anonymous memory: %s",
			     strerror(errno));
	if (!is_zero_page(a))
		contradicted("anonymous: the filled page (frame %#llx) is not the "
			     "zero page", (unsigned long long) pfn(a));
	/* Were the write reported, it would wait for good: the claim
	   would time out, which counts as contradicted. */
	a[0] = 'w';
	if (is_zero_page(a) || a[0] != 'w')
		contradicted("anonymous: a write left the zero page mapped");

	s = map_shmem(1, 1);
	s2 = alias(s, pg);
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (mincore(s2, pg, &vec) == -1)
		untestable("mincore: %s", strerror(errno));
	if (vec & 1)
		untestable("the memfd's page is in the page cache already");
	if (uffd_zeropage(fd, s, pg, 0, &z) == -1)
		contradicted("UFFDIO_ZEROPAGE on shared memory: %s",
			     strerror(errno));
	if (mincore(s2, pg, &vec) == -1)
		untestable("mincore: %s", strerror(errno));
	if (!(vec & 1) || s2[0] != 0)
		contradicted("shared memory: no zeroed page in the page cache "
			     "after UFFDIO_ZEROPAGE");
	holds("UFFDIO_ZEROPAGE maps the zero page on anonymous memory, adds a "
	      "zeroed page to the file on shared memory");
}
