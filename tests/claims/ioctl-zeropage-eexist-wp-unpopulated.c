/*
 * ioctl-zeropage-eexist-wp-unpopulated: EEXIST is not always a sign that
 * another thread resolved the fault.  On private anonymous memory
 * registered in missing and write-protect modes, with
 * UFFD_FEATURE_WP_UNPOPULATED (Linux 6.4), a page never populated and then
 * write-protected causes a missing fault on access; UFFDIO_ZEROPAGE fails
 * on it with EEXIST, and the page stays missing, so that the fault comes
 * back as often as it is retried; UFFDIO_COPY fills it.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *a;
	size_t                  pg = page_size();
	struct writer           w;
	struct uffd_msg         msg;
	struct uffdio_zeropage  z;
	struct uffdio_copy      c;
	struct uffdio_range     r;

	need_feature(UFFD_FEATURE_WP_UNPOPULATED, "UFFD_FEATURE_WP_UNPOPULATED",
		     "write protection of unpopulated pages", "6.4");
	fd = new_uffd(UFFD_FEATURE_WP_UNPOPULATED);
	a = map_anon(1);
	do_register(fd, a, pg,
		    UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	start_writer(&w, a);
	if (!wait_msg(fd, 1000, &msg))
		contradicted("no fault for the first write");
	if (msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP)
		contradicted("the first write was a write-protect fault, not a "
			     "missing one (flags %#llx)",
			     (unsigned long long) msg.arg.pagefault.flags);
	if (uffd_zeropage(fd, a, pg, 0, &z) == 0)
		contradicted("UFFDIO_ZEROPAGE filled the protected unpopulated page");
	if (errno != EEXIST)
		contradicted("UFFDIO_ZEROPAGE: %s, expected EEXIST",
			     strerrorname_np(errno));
	/* EEXIST did not resolve anything: woken, the writer faults again. */
	r.start = (uintptr_t) a;
	r.len = pg;
	if (ioctl(fd, UFFDIO_WAKE, &r) == -1)
		untestable("UFFDIO_WAKE: %s", strerror(errno));
	if (!wait_msg(fd, 1000, &msg))
		contradicted("after UFFDIO_ZEROPAGE's EEXIST and a wake, no second "
			     "fault: the page was resolved");
	if (uffd_zeropage(fd, a, pg, 0, &z) != -1 || errno != EEXIST)
		contradicted("UFFDIO_ZEROPAGE again: expected EEXIST");
	if (uffd_copy(fd, a, map_anon(1), pg, 0, &c) == -1)
		contradicted("UFFDIO_COPY on the protected unpopulated page: %s",
			     strerrorname_np(errno));
	join_writer(&w);
	if (a[0] != 'w')
		contradicted("the write did not complete after UFFDIO_COPY");
	holds("protected unpopulated page: missing fault, UFFDIO_ZEROPAGE EEXIST "
	      "and the fault comes back; UFFDIO_COPY resolves it");
}
