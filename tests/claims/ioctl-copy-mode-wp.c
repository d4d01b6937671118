/*
 * ioctl-copy-mode-wp: UFFDIO_COPY with UFFDIO_COPY_MODE_WP fills the page
 * write-protected: the next write to it is a write-protect fault; without
 * the flag the page is writable.
 */
#include "ioctl.h"

int
main(void)
{
	int                 fd;
	char                *a, *src;
	size_t              pg = page_size();
	struct writer       w;
	struct uffd_msg     msg;
	struct uffdio_copy  c;

	fd = new_uffd(UFFD_FEATURE_PAGEFAULT_FLAG_WP);
	a = map_anon(2);
	src = map_anon(1);
	do_register(fd, a, 2 * pg,
		    UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP);
	if (uffd_copy(fd, a, src, pg, UFFDIO_COPY_MODE_WP, &c) == -1)
		untestable("UFFDIO_COPY_MODE_WP: %s", strerror(errno));
	if (uffd_copy(fd, a + pg, src, pg, 0, &c) == -1)
		untestable("UFFDIO_COPY: %s", strerror(errno));
	a[pg] = 'w';    /* must not fault */

	start_writer(&w, a);
	if (!wait_msg(fd, 5000, &msg))
		contradicted("writing the page copied with UFFDIO_COPY_MODE_WP did not fault");
	if (msg.event != UFFD_EVENT_PAGEFAULT
	    || !(msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP))
		contradicted("event %#x flags %#llx, expected a write-protect fault",
			     msg.event, (unsigned long long) msg.arg.pagefault.flags);
	if (uffd_writeprotect(fd, a, pg, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	join_writer(&w);
	holds("UFFDIO_COPY_MODE_WP: write-protected page; without it: writable");
}
