/*
 * ioctl-continue-mode-wp: UFFDIO_CONTINUE with UFFDIO_CONTINUE_MODE_WP
 * maps the page write-protected on a range registered with
 * UFFDIO_REGISTER_MODE_MINOR and UFFDIO_REGISTER_MODE_WP: reading it
 * works, writing it is a write-protect fault.  Linux 6.4 and later only:
 * no feature bit tells, so the claim asks UFFDIO_CONTINUE whether it knows
 * the mode bit.
 */
#include "ioctl.h"

int
main(void)
{
	int                     fd;
	char                    *s;
	size_t                  pg = page_size();
	struct writer           w;
	struct uffd_msg         msg;
	struct uffdio_continue  c;

	fd = new_uffd(0);
	if (!continue_knows_wp(fd))
		untestable("this kernel lacks UFFDIO_CONTINUE_MODE_WP (Linux "
			   "6.4): UFFDIO_CONTINUE rejects it as an unknown mode");
	s = cached_page('c');
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MINOR | UFFDIO_REGISTER_MODE_WP);
	if (uffd_continue(fd, s, pg, UFFDIO_CONTINUE_MODE_WP, &c) == -1)
		contradicted("UFFDIO_CONTINUE_MODE_WP: %s", strerrorname_np(errno));
	if (s[0] != 'c')
		contradicted("reading the page did not give the file's contents");
	start_writer(&w, s);
	if (!wait_msg(fd, 5000, &msg))
		contradicted("writing the page did not fault");
	if (!(msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP))
		contradicted("fault flags %#llx, expected a write-protect fault",
			     (unsigned long long) msg.arg.pagefault.flags);
	if (uffd_writeprotect(fd, s, pg, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	join_writer(&w);
	holds("UFFDIO_CONTINUE_MODE_WP: mapped write-protected");
}
