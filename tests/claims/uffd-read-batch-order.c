/*
 * uffd-read-batch-order: one read(2) returns every pending message that
 * fits in its buffer, page faults before other events (here a page fault
 * that came after an UFFD_EVENT_REMOVE), and the faults in the order in
 * which they occurred; a fault read but not yet resolved is not reported
 * again (the next read finds nothing).
 */
#include "ioctl.h"

int
main(void)
{
	int                   fd, i;
	size_t                pg = page_size();
	char                  *a;
	ssize_t               n;
	struct uffd_msg       m[4];
	struct writer         w[2];
	struct pending_event  ev;
	struct uffdio_zeropage  z;

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(3);
	a[0] = 1;
	do_register(fd, a, 3 * pg, UFFDIO_REGISTER_MODE_MISSING);

	/* An event first, then two faults, each given time to be queued. */
	start_pending_event(&ev, fd, a);
	sleep_ms(100);
	start_writer(&w[0], a + pg);
	wait_writer_blocked(&w[0]);
	start_writer(&w[1], a + 2 * pg);
	wait_writer_blocked(&w[1]);

	n = read(fd, m, sizeof(m));
	if (n == -1)
		untestable("read: %s", strerror(errno));
	if (n != 3 * (ssize_t) sizeof(m[0]))
		contradicted("read returned %zd bytes for 3 pending messages, "
			     "expected %zu", n, 3 * sizeof(m[0]));
	if (m[0].event != UFFD_EVENT_PAGEFAULT || m[1].event != UFFD_EVENT_PAGEFAULT
	    || m[2].event != UFFD_EVENT_REMOVE)
		contradicted("events %#x %#x %#x, expected two page faults, then "
			     "UFFD_EVENT_REMOVE", m[0].event, m[1].event, m[2].event);
	if (m[0].arg.pagefault.address != (uintptr_t) (a + pg)
	    || m[1].arg.pagefault.address != (uintptr_t) (a + 2 * pg))
		contradicted("faults at %#llx then %#llx, expected %p then %p",
			     (unsigned long long) m[0].arg.pagefault.address,
			     (unsigned long long) m[1].arg.pagefault.address,
			     (void *) (a + pg), (void *) (a + 2 * pg));
	n = read(fd, m, sizeof(m));
	if (n != -1 || errno != EAGAIN)
		contradicted("a second read returned %zd (%s), expected EAGAIN: "
			     "faults read but not resolved were reported again",
			     n, n == -1 ? strerror(errno) : "no error");

	/* The madvise(2) of the event goes on now that it was read. */
	if (pthread_join(ev.thread, NULL) != 0)
		untestable("pthread_join failed");
	for (i = 1; i <= 2; i++)
		if (uffd_zeropage(fd, a + i * pg, pg, 0, &z) == -1)
			untestable("UFFDIO_ZEROPAGE: %s", strerror(errno));
	join_writer(&w[0]);
	join_writer(&w[1]);
	holds("one read gave 3 messages: the 2 faults in order, then "
	      "UFFD_EVENT_REMOVE; nothing more until they are resolved");
}
