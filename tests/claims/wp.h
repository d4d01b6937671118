/*
 * wp.h: what the write-protect checks share beyond ioctl.h: the pagemap
 * entry of a page (bit 57, PM_UFFD_WP, set while the page is
 * write-protected by a userfaultfd, since Linux 5.13), the PAGEMAP_SCAN
 * request (Linux 6.7), and the pages of a THP.
 *
 * Include it after ioctl.h.
 */
#ifndef CLAIMS_WP_H
#define CLAIMS_WP_H

#include "ioctl.h"
#include <linux/fs.h>

#ifndef PAGEMAP_SCAN
#define PAGE_IS_WPALLOWED  (1 << 0)
#define PAGE_IS_WRITTEN    (1 << 1)
#define PM_SCAN_WP_MATCHING     (1 << 0)
#define PM_SCAN_CHECK_WPASYNC   (1 << 1)
struct page_region {
	__u64  start;
	__u64  end;
	__u64  categories;
};
struct pm_scan_arg {
	__u64  size;
	__u64  flags;
	__u64  start;
	__u64  end;
	__u64  walk_end;
	__u64  vec;
	__u64  vec_len;
	__u64  max_pages;
	__u64  category_inverted;
	__u64  category_mask;
	__u64  category_anyof_mask;
	__u64  return_mask;
};
#define PAGEMAP_SCAN  _IOWR('f', 16, struct pm_scan_arg)
#endif

#define PM_UFFD_WP   (1ULL << 57)
#define PM_PRESENT   (1ULL << 63)
#define PM_SWAP      (1ULL << 62)

/* The pagemap entry of the page at ADDR in process PID (0: this one). */
static inline uint64_t
pagemap_entry(pid_t pid, const void *addr)
{
	char      path[64];
	int       fd;
	uint64_t  e;
	off_t     off = (uintptr_t) addr / page_size() * sizeof(e);

	if (pid == 0)
		snprintf(path, sizeof(path), "/proc/self/pagemap");
	else
		snprintf(path, sizeof(path), "/proc/%d/pagemap", (int) pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1)
		untestable("open %s: %s", path, strerror(errno));
	if (pread(fd, &e, sizeof(e), off) != sizeof(e))
		untestable("read %s: %s", path, strerror(errno));
	close(fd);
	return e;
}

/* Is the page at ADDR write-protected by a userfaultfd, per pagemap? */
static inline int
wp_bit(const void *addr)
{
	return (pagemap_entry(0, addr) & PM_UFFD_WP) != 0;
}

/*
 * 77 unless pagemap shows PM_UFFD_WP (Linux 5.13): FD is a userfaultfd
 * that may protect the private anonymous page A (registered in
 * write-protect mode and present); the page is left unprotected.
 */
static inline void
need_pagemap_wp(int fd, char *a)
{
	int  seen;

	if (uffd_writeprotect(fd, a, page_size(), UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	seen = wp_bit(a);
	if (uffd_writeprotect(fd, a, page_size(), 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (!seen) {
		if (kernel_version() >= LINUX(5, 13, 0))
			contradicted("pagemap bit 57 (PM_UFFD_WP) is clear on a "
				     "write-protected page on Linux 5.13 or later");
		untestable("pagemap has no PM_UFFD_WP bit before Linux 5.13");
	}
}

/*
 * PAGEMAP_SCAN of [START, END) of this process with FLAGS, for the pages
 * in CATEGORY (reported with that category): the regions in VEC (room for
 * N), their number returned, or -1 and errno.
 */
static inline int
pagemap_scan(void *start, void *end, uint64_t flags, uint64_t category,
	     struct page_region *vec, size_t n)
{
	int                 fd, r, err;
	struct pm_scan_arg  arg;

	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (fd == -1)
		untestable("open /proc/self/pagemap: %s", strerror(errno));
	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	arg.flags = flags;
	arg.start = (uintptr_t) start;
	arg.end = (uintptr_t) end;
	arg.vec = (uintptr_t) vec;
	arg.vec_len = n;
	arg.category_mask = category;
	arg.return_mask = category;
	r = ioctl(fd, PAGEMAP_SCAN, &arg);
	err = errno;
	close(fd);
	errno = err;
	return r;
}

/* The size of a PMD-mapped transparent huge page (x86-64, arm64 4K). */
#define THP_SIZE (2UL * 1024 * 1024)

/*
 * THP_SIZE bytes of private anonymous memory at an address that is a
 * multiple of THP_SIZE, not yet populated: a free place of twice the size
 * is found, then the aligned part of it mapped.
 */
static inline char *
map_thp_aligned(void)
{
	char       *p;
	uintptr_t  at;

	p = mmap(NULL, 2 * THP_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (p == MAP_FAILED)
		untestable("mmap: %s", strerror(errno));
	at = ((uintptr_t) p + THP_SIZE - 1) & ~(THP_SIZE - 1);
	if (munmap(p, 2 * THP_SIZE) == -1)
		untestable("munmap: %s", strerror(errno));
	p = mmap((void *) at, THP_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == MAP_FAILED)
		untestable("mmap at %#lx: %s", (unsigned long) at, strerror(errno));
	if ((uintptr_t) p != at)
		untestable("mmap ignored MAP_FIXED_NOREPLACE");
	return p;
}

/* 77 unless transparent huge pages may be had with MADV_HUGEPAGE. */
static inline void
need_thp(void)
{
	FILE  *f;
	char  line[128];

	f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	if (f == NULL)
		untestable("no transparent huge pages on this kernel");
	if (fgets(line, sizeof(line), f) == NULL || strstr(line, "[never]"))
		untestable("transparent huge pages are disabled");
	fclose(f);
}

/*
 * A THP_SIZE-aligned range of private anonymous memory, populated by a
 * transparent huge page when the kernel gives one (the caller checks
 * with anon_huge_kb()).
 */
static inline char *
map_thp(void)
{
	char  *a;

	need_thp();
	a = map_thp_aligned();
	if (madvise(a, THP_SIZE, MADV_HUGEPAGE) == -1)
		untestable("madvise(MADV_HUGEPAGE): %s", strerror(errno));
	memset(a, 'h', THP_SIZE);
	return a;
}

/* The kilobytes of AnonHugePages of the mapping that holds ADDR. */
static inline long
anon_huge_kb(const void *addr)
{
	FILE           *f;
	char           line[256];
	unsigned long  lo, hi;
	int            in = 0;
	long           kb = -1;

	f = fopen("/proc/self/smaps", "r");
	if (f == NULL)
		untestable("open /proc/self/smaps: %s", strerror(errno));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (parse_range(line, &lo, &hi)) {
			in = (uintptr_t) addr >= lo && (uintptr_t) addr < hi;
			continue;
		}
		if (in && strncmp(line, "AnonHugePages:", 14) == 0) {
			kb = strtol(line + 14, NULL, 10);
			break;
		}
	}
	fclose(f);
	return kb;
}

#endif
