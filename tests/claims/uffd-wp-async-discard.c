/*
 * uffd-wp-async-discard: in asynchronous write-protect mode, discarding a
 * protected page with MADV_DONTNEED counts as writing it on private
 * anonymous memory (PAGEMAP_SCAN reports it written), while on shared
 * memory the protection outlives the discard and the page is not
 * reported.
 */
#include "ioctl.h"
#include "wp.h"

#define NPAGES  4

/* The pages of P reported written, as a bit mask (bit N: page N). */
static unsigned int
written(const char *p)
{
	int                 pagemap, n;
	unsigned int        mask = 0;
	size_t              pg = page_size();
	struct page_region  r[NPAGES];
	struct pm_scan_arg  arg;

	pagemap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (pagemap == -1)
		untestable("open /proc/self/pagemap: %s", strerror(errno));
	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	arg.start = (uintptr_t) p;
	arg.end = (uintptr_t) p + NPAGES * pg;
	arg.vec = (uintptr_t) r;
	arg.vec_len = NPAGES;
	arg.category_mask = PAGE_IS_WRITTEN;
	arg.return_mask = PAGE_IS_WRITTEN;
	n = ioctl(pagemap, PAGEMAP_SCAN, &arg);
	if (n == -1)
		untestable("PAGEMAP_SCAN: %s", strerror(errno));
	close(pagemap);
	for (int i = 0; i < n; i++)
		for (uint64_t a = r[i].start; a < r[i].end; a += pg)
			mask |= 1U << ((a - (uintptr_t) p) / pg);
	return mask;
}

/* Protect the NPAGES pages of P, discard page 1, and say what is written. */
static unsigned int
discard_protected(char *p)
{
	int     fd;
	size_t  pg = page_size();

	fd = new_uffd(UFFD_FEATURE_WP_ASYNC);
	memset(p, 'x', NPAGES * pg);
	do_register(fd, p, NPAGES * pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, p, NPAGES * pg,
			      UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (written(p) != 0)
		contradicted("pages reported written right after protection: %#x",
			     written(p));
	if (madvise(p + pg, pg, MADV_DONTNEED) == -1)
		untestable("madvise: %s", strerror(errno));
	return written(p);
}

int
main(void)
{
	unsigned int  anon, shmem;

	need_feature(UFFD_FEATURE_WP_ASYNC, "UFFD_FEATURE_WP_ASYNC",
		     "asynchronous write-protect mode", "6.7");
	anon = discard_protected(map_anon(NPAGES));
	shmem = discard_protected(map_shmem(NPAGES, NPAGES));
	if (anon != 1U << 1)
		contradicted("private anonymous: after MADV_DONTNEED of page 1, "
			     "pages %#x reported written, not 0x2", anon);
	if (shmem != 0)
		contradicted("shared memory: after MADV_DONTNEED of page 1, "
			     "pages %#x reported written, not none", shmem);
	holds("MADV_DONTNEED: written on private anonymous memory, "
	      "not on shared memory");
}
