/*
 * uffd-dontneed-shmem-modes: on shared memory, after madvise(MADV_DONTNEED)
 * of a page that stays in the page cache, what the next access does
 * depends on the mode: in missing mode it maps the page again with no
 * fault; in minor mode it is a minor fault (Linux 5.14); and write
 * protection outlives the discard (Linux 5.19): a read maps the page with
 * no fault, a write is a write-protect fault.
 */
#include "ioctl.h"

/* The flags of the fault of a write to A on FD, -1 for none; a fault
   is resolved, so that the write completes. */
static long long
write_flags(int fd, char *a)
{
	long long        flags = -1;
	struct writer    w;
	struct uffd_msg  msg;

	start_writer(&w, a);
	if (wait_msg(fd, 1000, &msg)) {
		flags = msg.arg.pagefault.flags;
		if (flags & UFFD_PAGEFAULT_FLAG_WP) {
			if (uffd_writeprotect(fd, a, page_size(), 0) == -1)
				untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
		} else if (flags & UFFD_PAGEFAULT_FLAG_MINOR) {
			struct uffdio_continue  c;

			if (uffd_continue(fd, a, page_size(), 0, &c) == -1)
				untestable("UFFDIO_CONTINUE: %s", strerror(errno));
		} else {
			/* A missing fault: unregistering wakes the writer,
			   whose write then maps the cached page. */
			struct uffdio_range  r = { (uintptr_t) a, page_size() };

			if (ioctl(fd, UFFDIO_UNREGISTER, &r) == -1)
				untestable("UFFDIO_UNREGISTER: %s", strerror(errno));
		}
	}
	join_writer(&w);
	return flags;
}

/* A page of shared memory, in the page cache and mapped, registered
   with a new object in MODE; the object is returned. */
static int
scene(char **a, uint64_t mode)
{
	int  fd = new_uffd(0);

	*a = map_shmem(1, 1);
	(*a)[0] = 'x';
	do_register(fd, *a, page_size(), mode);
	return fd;
}

int
main(void)
{
	int        fd;
	char       *a;
	long long  f;
	uint64_t   have = offered_features();
	size_t     pg = page_size();

	fd = scene(&a, UFFDIO_REGISTER_MODE_MISSING);
	if (madvise(a, pg, MADV_DONTNEED) == -1)
		untestable("madvise: %s", strerror(errno));
	f = write_flags(fd, a);
	if (f != -1)
		contradicted("missing mode: the write after MADV_DONTNEED faulted, "
			     "flags %#llx", f);
	close(fd);

	if (!(have & UFFD_FEATURE_MINOR_SHMEM))
		untestable("missing mode: no fault; this kernel lacks minor mode "
			   "on shared memory (Linux 5.14)");
	fd = scene(&a, UFFDIO_REGISTER_MODE_MINOR);
	if (madvise(a, pg, MADV_DONTNEED) == -1)
		untestable("madvise: %s", strerror(errno));
	f = write_flags(fd, a);
	if (f != (UFFD_PAGEFAULT_FLAG_MINOR | UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("minor mode: the write after MADV_DONTNEED: flags %#llx, "
			     "expected MINOR|WRITE", f);
	close(fd);

	if (!(have & UFFD_FEATURE_WP_HUGETLBFS_SHMEM))
		untestable("missing mode: no fault; minor mode: minor fault; this "
			   "kernel lacks write-protect mode on shared memory (Linux 5.19)");
	fd = scene(&a, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (madvise(a, pg, MADV_DONTNEED) == -1)
		untestable("madvise: %s", strerror(errno));
	if (a[0] != 'x')        /* a read: no fault in write-protect mode */
		contradicted("write-protect mode: the page lost its contents");
	f = write_flags(fd, a);
	if (f != (UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("write-protect mode: the write after MADV_DONTNEED: "
			     "flags %#llx, expected WP|WRITE", f);
	holds("shared memory after MADV_DONTNEED: missing mode no fault; minor "
	      "mode a minor fault; write protection kept (WP|WRITE fault)");
}
