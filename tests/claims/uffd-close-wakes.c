/*
 * uffd-close-wakes: closing the last descriptor of a userfaultfd wakes
 * the threads stopped on its faults, and their faults are then resolved
 * as if the range had never been registered (a missing page of private
 * anonymous memory reads as zeros); the range is no longer registered.
 */
#include "ioctl.h"

struct reader {
	pthread_t      thread;
	volatile char  *addr;
	char           seen;
};

static void *
read_byte(void *arg)
{
	struct reader  *r = arg;

	r->seen = r->addr[0];
	return NULL;
}

int
main(void)
{
	int              fd;
	char             *a;
	struct reader    r = { .seen = 'x' };
	struct uffd_msg  msg;

	fd = new_uffd(0);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	r.addr = a;
	if (pthread_create(&r.thread, NULL, read_byte, &r) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 5000, &msg))
		untestable("no fault arrived");
	if (msg.event != UFFD_EVENT_PAGEFAULT)
		untestable("message %u, not a page fault", msg.event);
	sleep_ms(100);
	if (pthread_tryjoin_np(r.thread, NULL) == 0)
		untestable("the reader went on before the fault was resolved");
	close(fd);
	for (int t = 0; t < 5000; t += 10) {
		if (pthread_tryjoin_np(r.thread, NULL) == 0) {
			if (r.seen != 0)
				contradicted("the reader saw %#x, not a zero "
					     "page", (unsigned char) r.seen);
			a[0] = 'y';
			holds("closing the descriptor woke the reader, "
			      "whose page was filled with zeros");
		}
		sleep_ms(10);
	}
	contradicted("the reader was still stopped 5 s after the close");
}
