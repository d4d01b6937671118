/*
 * uffd-wp-dontneed: madvise(MADV_DONTNEED) of a write-protected page of
 * private anonymous memory drops its protection silently in synchronous
 * write-protect mode: the next write faults neither as write-protect nor
 * as missing fault (when only write-protect mode is registered), and
 * pagemap bit 57 is clear; UFFD_FEATURE_WP_UNPOPULATED changes nothing.
 * On shared memory and hugetlbfs the protection stays (bit 57 set, a
 * marker in place of the page): the next write is a write-protect fault.  (Linux 5.19 for shared memory and hugetlbfs,
 * 6.4 for WP_UNPOPULATED.)
 *
 * claims-context: hugepages=1
 */
#include "ioctl.h"
#include "wp.h"

/* The flags of the fault of a write to A (registered in WP mode on FD),
   resolved; -1 for none. */
static long long
write_flags(int fd, char *a, size_t len)
{
	long long        flags = -1;
	struct writer    w;
	struct uffd_msg  msg;

	start_writer(&w, a);
	if (wait_msg(fd, 1000, &msg)) {
		flags = msg.arg.pagefault.flags;
		if (uffd_writeprotect(fd, a, len, 0) == -1)
			untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	}
	join_writer(&w);
	return flags;
}

/* Protect the present page(s) A of LEN bytes, discard them, write;
   pagemap bit 57 must then be clear (ANON) or set (else, 5.13 on). */
static long long
discard_then_write(char *a, size_t len, uint64_t features, int anon)
{
	int  fd = new_uffd(features);

	memset(a, 'x', len);
	do_register(fd, a, len, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, len, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (madvise(a, len, MADV_DONTNEED) == -1)
		untestable("madvise: %s", strerror(errno));
	if (kernel_version() >= LINUX(5, 13, 0) && wp_bit(a) != !anon)
		contradicted("%s: pagemap bit 57 %s after MADV_DONTNEED",
			     anon ? "anonymous" : "shared memory or hugetlbfs",
			     anon ? "still set" : "clear");
	return write_flags(fd, a, len);
}

/* One huge page of hugetlbfs, or NULL. */
static char *
huge_page(void)
{
	int   fd;
	char  *p;

	fd = memfd_create("claim", MFD_CLOEXEC | MFD_HUGETLB);
	if (fd == -1 || ftruncate(fd, HPAGE) == -1)
		return NULL;
	p = mmap(NULL, HPAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return NULL;
	return p;
}

int
main(void)
{
	long long  f;
	uint64_t   have = offered_features();
	char       *h;
	const long long  wp = UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE;

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	f = discard_then_write(map_anon(1), page_size(), 0, 1);
	if (f != -1)
		contradicted("anonymous: the write after MADV_DONTNEED faulted "
			     "(flags %#llx)", f);
	if (have & UFFD_FEATURE_WP_UNPOPULATED) {
		f = discard_then_write(map_anon(1), page_size(),
				       UFFD_FEATURE_WP_UNPOPULATED, 1);
		if (f != -1)
			contradicted("anonymous, WP_UNPOPULATED: the write after "
				     "MADV_DONTNEED faulted (flags %#llx)", f);
	}
	if (!(have & UFFD_FEATURE_WP_HUGETLBFS_SHMEM))
		untestable("anonymous: protection dropped; this kernel lacks "
			   "write-protect mode on shared memory (Linux 5.19)");
	f = discard_then_write(map_shmem(1, 1), page_size(), 0, 0);
	if (f != wp)
		contradicted("shared memory: the write after MADV_DONTNEED: flags "
			     "%#llx, expected WP|WRITE", f);
	h = huge_page();
	if (h == NULL)
		untestable("anonymous: dropped; shared memory: kept; no huge page "
			   "for the hugetlbfs part");
	f = discard_then_write(h, HPAGE, 0, 0);
	if (f != wp)
		contradicted("hugetlbfs: the write after MADV_DONTNEED: flags %#llx, "
			     "expected WP|WRITE", f);
	holds("MADV_DONTNEED: protection dropped on anonymous memory (also with "
	      "WP_UNPOPULATED), kept on shared memory and hugetlbfs");
}
