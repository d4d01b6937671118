/*
 * uffd-event-remove: after a UFFD_EVENT_REMOVE for a page discarded with
 * MADV_DONTNEED, the range is still registered.  On private anonymous
 * memory the page is gone: the next access is a missing fault.  On shared
 * memory the page stays in the page cache: the next access maps it again,
 * with no fault, and sees its old contents.  MADV_FREE is reported as
 * UFFD_EVENT_REMOVE too.
 */
#include "ioctl.h"

static void *
free_page(void *p)
{
	madvise(p, page_size(), MADV_FREE);
	return NULL;
}

/* The event that madvise(MADV_FREE) of P's page sends to UFFD. */
static unsigned int
free_event(int uffd, char *p)
{
	pthread_t        t;
	struct uffd_msg  msg;

	p[0] = 'f';
	if (pthread_create(&t, NULL, free_page, p) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(uffd, 2000, &msg))
		contradicted("MADV_FREE: no event");
	if (pthread_join(t, NULL) != 0)
		untestable("pthread_join failed");
	return msg.event;
}

/* Populate P's page through UFFD with BYTE, then discard it. */
static void
fill_and_discard(int uffd, char *p, char byte)
{
	char                  *src = map_anon(1);
	struct uffdio_copy    c;
	struct pending_event  ev;

	src[0] = byte;
	if (uffd_copy(uffd, p, src, page_size(), 0, &c) == -1)
		untestable("UFFDIO_COPY: %s", strerror(errno));
	start_pending_event(&ev, uffd, p);
	end_pending_event(&ev);
}

int
main(void)
{
	int              fd;
	char             *p;
	struct writer    w;
	struct uffd_msg  msg;

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	p = map_anon(1);
	do_register(fd, p, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	fill_and_discard(fd, p, 'a');
	start_writer(&w, p);
	if (!wait_msg(fd, 2000, &msg))
		contradicted("private anonymous: no fault after the discard");
	if (msg.event != UFFD_EVENT_PAGEFAULT
	    || (msg.arg.pagefault.flags & ~UFFD_PAGEFAULT_FLAG_WRITE) != 0)
		contradicted("private anonymous: event %#x, flags %#llx, "
			     "not a missing fault", msg.event,
			     (unsigned long long) msg.arg.pagefault.flags);
	if (uffd_zeropage(fd, p, page_size(), 0,
			  &(struct uffdio_zeropage) { 0 }) == -1)
		untestable("UFFDIO_ZEROPAGE: %s", strerror(errno));
	join_writer(&w);
	if (free_event(fd, p) != UFFD_EVENT_REMOVE)
		contradicted("MADV_FREE: not UFFD_EVENT_REMOVE");

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	p = map_shmem(1, 1);
	do_register(fd, p, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	fill_and_discard(fd, p, 's');
	start_writer(&w, p + 1);
	if (wait_msg(fd, 500, &msg))
		contradicted("shared memory: event %#x after the discard",
			     msg.event);
	join_writer(&w);
	if (p[0] != 's')
		contradicted("shared memory: the page reads %#x, not 's'", p[0]);
	holds("after REMOVE: anonymous page missing, shared memory page "
	      "kept; MADV_FREE reported too");
}
