/*
 * uffd-close-wakes-wp-only: closing the last descriptor of a userfaultfd
 * unregisters every range it registered and wakes every thread waiting on
 * it: a thread waiting on a missing fault and one waiting on a
 * write-protect fault of a range registered in write-protect mode alone
 * (which UFFDIO_UNREGISTER would not wake) both complete their writes.
 */
#include "ioctl.h"

/* Did the writer W finish within MS milliseconds? */
static int
finished(struct writer *w, int ms)
{
	for (int t = 0; t < ms; t += 10) {
		if (pthread_tryjoin_np(w->thread, NULL) == 0)
			return 1;
		sleep_ms(10);
	}
	return pthread_tryjoin_np(w->thread, NULL) == 0;
}

int
main(void)
{
	int              fd;
	char             *a, *b;
	size_t           pg = page_size();
	struct writer    wa, wb;
	struct uffd_msg  msg;

	fd = new_uffd(0);
	a = map_anon(1);
	b = map_anon(1);
	b[0] = 1;
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	do_register(fd, b, pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, b, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	start_writer(&wa, a);
	start_writer(&wb, b);
	for (int i = 0; i < 2; i++)
		if (!wait_msg(fd, 5000, &msg))
			contradicted("the writers did not both fault");
	if (finished(&wa, 100) || finished(&wb, 0))
		contradicted("a writer went on before the descriptor was closed");
	close(fd);
	if (!finished(&wa, 5000))
		contradicted("the writer of the missing-mode range still waits "
			     "after close");
	if (!finished(&wb, 5000))
		contradicted("the writer of the write-protect range still waits "
			     "after close");
	if (a[0] != 'w' || b[0] != 'w')
		contradicted("a write was lost");
	holds("close woke the missing-mode and the write-protect writers; "
	      "both writes done");
}
