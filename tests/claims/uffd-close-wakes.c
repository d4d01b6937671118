/*
 * uffd-close-wakes: closing the last descriptor of a userfaultfd wakes
 * the threads stopped on its faults, and their faults are then resolved
 * as if the range had never been registered (a missing page of private
 * anonymous memory reads as zeros); the range is no longer registered
 * (its mapping loses the VmFlags mnemonic "um" in /proc/self/smaps).
 */
#include "ioctl.h"

/* Does the mapping that holds A have the VmFlags mnemonic "um"? */
static int
has_um(const char *a)
{
	FILE           *f;
	char           line[512];
	unsigned long  lo, hi;
	int            in = 0, um = 0;

	f = fopen("/proc/self/smaps", "r");
	if (f == NULL)
		untestable("open /proc/self/smaps: %s", strerror(errno));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "VmFlags:", 8) == 0) {
			if (in)
				um = strstr(line, " um") != NULL;
			continue;
		}
		if (parse_range(line, &lo, &hi))
			in = (uintptr_t) a >= lo && (uintptr_t) a < hi;
	}
	fclose(f);
	return um;
}

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
	if (!has_um(a))
		untestable("smaps shows no \"um\" flag for a registered range");
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
			if (has_um(a))
				contradicted("the range is still registered "
					     "after the close");
			holds("closing the descriptor woke the reader, "
			      "whose page was filled with zeros, and "
			      "unregistered the range");
		}
		sleep_ms(10);
	}
	contradicted("the reader was still stopped 5 s after the close");
}
