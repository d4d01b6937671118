/*
 * ioctl-wp-per-mapping: a page protected with UFFDIO_WRITEPROTECT stays
 * readable with no fault, and a write to it is a write-protect fault
 * (UFFD_PAGEFAULT_FLAG_WP); the protection belongs to the mapping: on
 * shared memory (Linux 5.19) a write through a second mapping of the same
 * page completes with no fault.  With UFFD_FEATURE_WP_ASYNC (Linux 6.7)
 * the kernel resolves the write itself: no message, and the page is no
 * longer protected (pagemap bit 57 clear).
 */
#include "ioctl.h"
#include "wp.h"

/* A write to PAGE, protected in a range registered with FD, must be
   reported as a write-protect fault; the check then unprotects it. */
static void
write_faults(int fd, char *page)
{
	struct writer    w;
	struct uffd_msg  msg;

	start_writer(&w, page);
	if (!wait_msg(fd, 5000, &msg))
		contradicted("a write to a protected page was not reported");
	if (msg.event != UFFD_EVENT_PAGEFAULT
	    || !(msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP))
		contradicted("a write to a protected page: event %#x flags %#llx, "
			     "expected a write-protect fault", msg.event,
			     (unsigned long long) msg.arg.pagefault.flags);
	if (uffd_writeprotect(fd, page, page_size(), 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	join_writer(&w);
}

int
main(void)
{
	uint64_t         offered = offered_features();
	size_t           pg = page_size();
	int              fd;
	char             *s, *s2, *a;
	struct uffd_msg  msg;

	if (!(offered & UFFD_FEATURE_WP_HUGETLBFS_SHMEM))
		untestable("write protection of shared memory needs Linux 5.19");
	fd = new_uffd(UFFD_FEATURE_PAGEFAULT_FLAG_WP);
	s = map_shmem(1, 1);
	s[0] = 'a';
	s2 = alias(s, pg);
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, s, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (*(volatile char *) s != 'a' || wait_msg(fd, 0, &msg))
		contradicted("reading a protected page faulted or read wrong");
	s2[0] = 'b';
	if (wait_msg(fd, 200, &msg))
		contradicted("a write through another mapping was reported");
	if (s[0] != 'b')
		contradicted("the write through another mapping is not seen");
	write_faults(fd, s);
	close(fd);

	if (!(offered & UFFD_FEATURE_WP_ASYNC))
		untestable("the shared-memory part holds; UFFD_FEATURE_WP_ASYNC "
			   "needs Linux 6.7");
	fd = new_uffd(UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED);
	a = map_anon(1);
	a[0] = 'a';
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (!wp_bit(a))
		contradicted("asynchronous mode: pagemap shows the page unprotected");
	a[0] = 'b';
	if (wait_msg(fd, 0, &msg))
		contradicted("asynchronous mode: the write was reported");
	if (wp_bit(a))
		contradicted("asynchronous mode: still protected after the write");
	holds("readable, a write faults (WP) in this mapping only; "
	      "WP_ASYNC resolves the write in the kernel");
}
