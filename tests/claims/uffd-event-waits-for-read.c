/*
 * uffd-event-waits-for-read: with UFFD_FEATURE_EVENT_UNMAP,
 * UFFD_FEATURE_EVENT_REMAP and UFFD_FEATURE_EVENT_REMOVE, munmap(2),
 * mremap(2) moving a registered range and madvise(MADV_DONTNEED) on one
 * are reported as UFFD_EVENT_UNMAP, UFFD_EVENT_REMAP and UFFD_EVENT_REMOVE
 * messages, and the thread that made the change does not return from its
 * call until the message is read.
 */
#include "ioctl.h"

enum change { UNMAP, REMAP, REMOVE };

static const char *const names[] = { "munmap", "mremap", "madvise" };
static const uint8_t events[] = {
	UFFD_EVENT_UNMAP, UFFD_EVENT_REMAP, UFFD_EVENT_REMOVE,
};

struct changer {
	pthread_t    thread;
	enum change  what;
	char         *addr, *to;
	int          failed;    /* errno of the change, 0 if it worked */
};

static void *
change(void *arg)
{
	struct changer  *c = arg;
	size_t          pg = page_size();

	int             r = 0;

	switch (c->what) {
	case UNMAP:
		r = munmap(c->addr, pg);
		break;
	case REMAP:
		if (mremap(c->addr, pg, pg, MREMAP_MAYMOVE | MREMAP_FIXED,
			   c->to) == MAP_FAILED)
			r = -1;
		break;
	case REMOVE:
		r = madvise(c->addr, pg, MADV_DONTNEED);
		break;
	}
	c->failed = r == -1 ? errno : 0;
	return NULL;
}

/* Did the changer finish within MS milliseconds? */
static int
finished(struct changer *c, int ms)
{
	for (int t = 0; t < ms; t += 10) {
		if (pthread_tryjoin_np(c->thread, NULL) == 0)
			return 1;
		sleep_ms(10);
	}
	return pthread_tryjoin_np(c->thread, NULL) == 0;
}

int
main(void)
{
	size_t          pg = page_size();
	struct uffd_msg msg;
	struct pollfd   pfd;
	char            extra[128] = "";
	size_t          n;

	for (int i = UNMAP; i <= REMOVE; i++) {
		struct changer  c = { .what = i };
		int             fd;

		fd = new_uffd(UFFD_FEATURE_EVENT_UNMAP | UFFD_FEATURE_EVENT_REMAP
			      | UFFD_FEATURE_EVENT_REMOVE);
		c.addr = map_anon(1);
		c.addr[0] = 1;
		c.to = map_anon(1);
		do_register(fd, c.addr, pg, UFFDIO_REGISTER_MODE_MISSING);
		if (pthread_create(&c.thread, NULL, change, &c) != 0)
			untestable("pthread_create failed");
		pfd.fd = fd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, 5000) != 1)
			contradicted("%s: no message", names[i]);
		if (finished(&c, 300))
			contradicted("%s returned before its message was read",
				     names[i]);
		if (read(fd, &msg, sizeof(msg)) != sizeof(msg))
			untestable("read: %s", strerror(errno));
		if (msg.event != events[i])
			contradicted("%s: event %#x, not %#x", names[i],
				     msg.event, events[i]);
		/* Other messages may follow (mremap also unmaps the old
		   range); each is read as it comes. */
		for (int t = 0; !finished(&c, 10); t += 10) {
			if (t >= 5000)
				contradicted("%s still blocked after its message "
					     "was read", names[i]);
			if (wait_msg(fd, 0, &msg)) {
				n = strlen(extra);
				snprintf(extra + n, sizeof(extra) - n,
					 "; %s then event %#x", names[i],
					 msg.event);
			}
		}
		if (c.failed)
			untestable("%s: %s", names[i], strerror(c.failed));
		close(fd);
	}
	holds("munmap, mremap and madvise reported, each waiting until its "
	      "message was read%s", extra);
}
