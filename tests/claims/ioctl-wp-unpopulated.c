/*
 * ioctl-wp-unpopulated: on private anonymous memory, UFFDIO_WRITEPROTECT
 * does not protect pages never touched, unless UFFD_FEATURE_WP_UNPOPULATED
 * was enabled; on a range also registered with
 * UFFDIO_REGISTER_MODE_MISSING the first write is then a missing fault.
 * On shared memory a page not yet in the page cache is protected all the
 * same (a missing fault first when missing mode is registered too).
 */
#include "ioctl.h"

/* What a write to a page never touched does after UFFDIO_WRITEPROTECT:
   -1 no fault, else the fault's flags (the fault is then resolved). */
static long long
first_write(char *a, uint64_t features, uint64_t mode)
{
	int                 fd;
	long long           flags = -1;
	size_t              pg = page_size();
	struct writer       w;
	struct uffd_msg     msg;
	struct uffdio_copy  c;

	fd = new_uffd(features);
	do_register(fd, a, pg, mode);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	start_writer(&w, a);
	if (wait_msg(fd, 500, &msg)) {
		flags = msg.arg.pagefault.flags;
		if (flags & UFFD_PAGEFAULT_FLAG_WP) {
			if (uffd_writeprotect(fd, a, pg, 0) == -1)
				untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
		} else if (uffd_copy(fd, a, map_anon(1), pg, 0, &c) == -1) {
			untestable("UFFDIO_COPY: %s", strerror(errno));
		}
	}
	join_writer(&w);
	close(fd);
	return flags;
}

int
main(void)
{
	long long  f;

	f = first_write(map_anon(1), 0, UFFDIO_REGISTER_MODE_WP);
	if (f != -1)
		contradicted("WP only: the write faulted, flags %#llx", f);
	f = first_write(map_anon(1), 0,
			UFFDIO_REGISTER_MODE_WP | UFFDIO_REGISTER_MODE_MISSING);
	if (f != UFFD_PAGEFAULT_FLAG_WRITE)
		contradicted("MISSING|WP: flags %#llx, expected WRITE (a missing fault)", f);
	f = first_write(map_shmem(1, 1), 0, UFFDIO_REGISTER_MODE_WP);
	if (f != (UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("shared memory, WP only: flags %#llx, expected WP|WRITE", f);
	f = first_write(map_shmem(1, 1), 0,
			UFFDIO_REGISTER_MODE_WP | UFFDIO_REGISTER_MODE_MISSING);
	if (f != UFFD_PAGEFAULT_FLAG_WRITE)
		contradicted("shared memory, MISSING|WP: flags %#llx, expected WRITE", f);
	if (!(offered_features() & UFFD_FEATURE_WP_UNPOPULATED))
		untestable("unpopulated pages: not protected; this kernel lacks "
			   "UFFD_FEATURE_WP_UNPOPULATED (Linux 6.4)");
	f = first_write(map_anon(1), UFFD_FEATURE_WP_UNPOPULATED,
			UFFDIO_REGISTER_MODE_WP);
	if (f != (UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("with WP_UNPOPULATED: flags %#llx, expected WP|WRITE", f);
	holds("unpopulated anonymous pages: not protected, but with "
	      "WP_UNPOPULATED; shared memory: protected");
}
