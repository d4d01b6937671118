/*
 * ioctl-unregister-wake: UFFDIO_UNREGISTER wakes the threads waiting on
 * faults in the range only when the range was registered in missing mode;
 * then it wakes them all, those waiting on write-protect faults included.
 * A thread waiting on a write-protect fault in a range registered in
 * write-protect mode alone stays blocked after UFFDIO_UNREGISTER until
 * UFFDIO_WAKE (then its write completes, the range being unprotected); so
 * does one left waiting by UFFDIO_WRITEPROTECT with
 * UFFDIO_WRITEPROTECT_MODE_DONTWAKE.
 */
#include "ioctl.h"

/*
 * Is the writer W still blocked after MS milliseconds?  It is looked at
 * every 10 ms, so that a writer that was woken is seen to finish early
 * even on a loaded machine (the callers that expect it to finish give it
 * seconds, those that expect it to stay blocked a fraction of one).
 */
static int
still_blocked(struct writer *w, int ms)
{
	for (int t = 0; t < ms; t += 10) {
		if (pthread_tryjoin_np(w->thread, NULL) == 0)
			return 0;
		sleep_ms(10);
	}
	return pthread_tryjoin_np(w->thread, NULL) != 0;
}

static void
wake(int fd, const char *a)
{
	struct uffdio_range  r = { (uintptr_t) a, page_size() };

	if (ioctl(fd, UFFDIO_WAKE, &r) == -1)
		untestable("UFFDIO_WAKE: %s", strerror(errno));
}

static void
unregister(int fd, const char *a)
{
	struct uffdio_range  r = { (uintptr_t) a, page_size() };

	if (ioctl(fd, UFFDIO_UNREGISTER, &r) == -1)
		untestable("UFFDIO_UNREGISTER: %s", strerror(errno));
}

/* A writer blocked on a write-protect fault on a present page of a
   range registered in MODE; the fault message has been read. */
static int
blocked_wp_writer(struct writer *w, char **a, uint64_t mode)
{
	int              fd = new_uffd(0);
	struct uffd_msg  msg;

	*a = map_anon(1);
	(*a)[0] = 'x';
	do_register(fd, *a, page_size(), mode);
	if (uffd_writeprotect(fd, *a, page_size(), UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	start_writer(w, *a);
	if (!wait_msg(fd, 1000, &msg))
		untestable("no write-protect fault");
	if (!(msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP))
		untestable("not a write-protect fault: flags %#llx",
			   (unsigned long long) msg.arg.pagefault.flags);
	return fd;
}

int
main(void)
{
	int              fd;
	char             *a;
	struct writer    w;
	struct uffd_msg  msg;

	/* missing mode: the missing-fault waiter is woken, and completes */
	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	start_writer(&w, a);
	if (!wait_msg(fd, 1000, &msg))
		untestable("no missing fault");
	unregister(fd, a);
	if (still_blocked(&w, 3000))
		contradicted("missing mode: a thread waiting on a missing fault "
			     "is still blocked after UFFDIO_UNREGISTER");
	close(fd);

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	/* missing and write-protect modes: the WP waiter is woken too */
	fd = blocked_wp_writer(&w, &a,
			       UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP);
	unregister(fd, a);
	if (still_blocked(&w, 3000))
		contradicted("missing|WP: a thread waiting on a write-protect fault "
			     "is still blocked after UFFDIO_UNREGISTER");
	close(fd);

	/* write-protect mode alone: nobody is woken */
	fd = blocked_wp_writer(&w, &a, UFFDIO_REGISTER_MODE_WP);
	unregister(fd, a);
	if (!still_blocked(&w, 300))
		contradicted("WP only: UFFDIO_UNREGISTER woke the thread waiting "
			     "on a write-protect fault");
	wake(fd, a);
	if (still_blocked(&w, 3000))
		contradicted("WP only: UFFDIO_WAKE after UFFDIO_UNREGISTER did not "
			     "let the write complete");
	close(fd);

	/* unprotect with DONTWAKE: still blocked until UFFDIO_WAKE */
	fd = blocked_wp_writer(&w, &a, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, page_size(),
			      UFFDIO_WRITEPROTECT_MODE_DONTWAKE) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (!still_blocked(&w, 300))
		contradicted("unprotect with DONTWAKE woke the writer");
	wake(fd, a);
	if (still_blocked(&w, 3000))
		contradicted("UFFDIO_WAKE after an unprotect with DONTWAKE did not "
			     "let the write complete");
	holds("UFFDIO_UNREGISTER wakes every waiter of a range registered in "
	      "missing mode, none of a WP-only range (UFFDIO_WAKE needed)");
}
