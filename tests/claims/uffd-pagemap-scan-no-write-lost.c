/*
 * uffd-pagemap-scan-no-write-lost: PAGEMAP_SCAN with PM_SCAN_WP_MATCHING
 * over a range in asynchronous write-protect mode loses no write: while a
 * thread keeps writing, a tracker that copies every page each scan
 * reports ends with a copy equal to the memory.  (A page may be reported
 * by two scans in a row for one write; that is allowed, not checked.)
 * Sequentially, a scan reports exactly the pages written since the
 * previous one.
 */
#include "ioctl.h"
#include "wp.h"

#define NPAGES 64
#define ROUNDS 2000

static char           *mem;
static volatile int    stop;

static void *
writer_loop(void *arg)
{
	size_t    pg = page_size();
	uint64_t  v = 1;

	(void) arg;
	while (!stop) {
		size_t  i = (v * 2654435761U) % NPAGES;

		__atomic_store_n((uint64_t *) (mem + i * pg), v, __ATOMIC_RELAXED);
		v++;
	}
	return NULL;
}

/* One scan that protects again what it reports: the pages, as a mask. */
static uint64_t
scan(void)
{
	struct page_region  r[NPAGES];
	uint64_t            mask = 0;
	size_t              pg = page_size();
	int                 n;

	n = pagemap_scan(mem, mem + NPAGES * pg, PM_SCAN_WP_MATCHING,
			 PAGE_IS_WRITTEN, r, NPAGES);
	if (n == -1)
		untestable("PAGEMAP_SCAN: %s", strerror(errno));
	for (int i = 0; i < n; i++)
		for (uint64_t a = r[i].start; a < r[i].end; a += pg)
			mask |= 1ULL << ((a - (uintptr_t) mem) / pg);
	return mask;
}

int
main(void)
{
	int        fd;
	size_t     pg = page_size();
	uint64_t   copy[NPAGES], m;
	pthread_t  t;

	need_feature(UFFD_FEATURE_WP_ASYNC, "UFFD_FEATURE_WP_ASYNC",
		     "asynchronous write-protect mode", "6.7");
	fd = new_uffd(UFFD_FEATURE_WP_ASYNC);
	mem = map_anon(NPAGES);
	memset(mem, 0, NPAGES * pg);
	do_register(fd, mem, NPAGES * pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, mem, NPAGES * pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));

	if ((m = scan()) != 0)
		contradicted("pages %#llx reported before any write",
			     (unsigned long long) m);
	mem[3 * pg] = 1;
	mem[17 * pg] = 1;
	if ((m = scan()) != ((1ULL << 3) | (1ULL << 17)))
		contradicted("after writing pages 3 and 17: pages %#llx reported",
			     (unsigned long long) m);
	if ((m = scan()) != 0)
		contradicted("a second scan with no write reported pages %#llx",
			     (unsigned long long) m);
	mem[17 * pg] = 2;
	if ((m = scan()) != 1ULL << 17)
		contradicted("after writing page 17 again: pages %#llx reported",
			     (unsigned long long) m);

	memset(copy, 0, sizeof(copy));
	for (int i = 0; i < NPAGES; i++)
		copy[i] = *(uint64_t *) (mem + i * pg);
	if (pthread_create(&t, NULL, writer_loop, NULL) != 0)
		untestable("pthread_create failed");
	for (int round = 0; round < ROUNDS; round++) {
		m = scan();
		for (int i = 0; i < NPAGES; i++)
			if (m & (1ULL << i))
				copy[i] = __atomic_load_n((uint64_t *) (mem + i * pg),
							  __ATOMIC_RELAXED);
	}
	stop = 1;
	if (pthread_join(t, NULL) != 0)
		untestable("pthread_join failed");
	m = scan();
	for (int i = 0; i < NPAGES; i++)
		if (m & (1ULL << i))
			copy[i] = *(uint64_t *) (mem + i * pg);
	for (int i = 0; i < NPAGES; i++)
		if (copy[i] != *(uint64_t *) (mem + i * pg))
			contradicted("page %d: written (value %llu) but its last "
				     "write never reported (copy holds %llu)", i,
				     (unsigned long long) *(uint64_t *) (mem + i * pg),
				     (unsigned long long) copy[i]);
	holds("PAGEMAP_SCAN with PM_SCAN_WP_MATCHING: exactly the pages written "
	      "since the previous scan when sequential; no write lost in %d "
	      "scans beside a writer", ROUNDS);
}
