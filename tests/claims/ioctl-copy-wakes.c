/*
 * ioctl-copy-wakes: a thread woken (UFFDIO_WAKE) before its page is filled
 * faults again; UFFDIO_COPY wakes the thread waiting on the page it fills,
 * and with UFFDIO_COPY_MODE_DONTWAKE leaves it asleep until UFFDIO_WAKE.
 */
#include "ioctl.h"
#include <stdatomic.h>
#include <time.h>

struct reader {
	pthread_t   thread;
	char        *addr;
	atomic_int  done;
};

static void *
read_byte(void *arg)
{
	struct reader  *r = arg;

	if (*(volatile char *) r->addr != 'x')
		contradicted("the page does not hold what was copied");
	atomic_store(&r->done, 1);
	return NULL;
}

/* A thread reading ADDR, and the fault it caused, read from FD. */
static void
start_reader(struct reader *r, int fd, char *addr)
{
	struct uffd_msg  msg;

	r->addr = addr;
	atomic_store(&r->done, 0);
	if (pthread_create(&r->thread, NULL, read_byte, r) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 5000, &msg))
		untestable("no fault arrived");
}

static void
wake(int fd, const char *addr)
{
	struct uffdio_range  range = {
		.start = (uintptr_t) addr, .len = page_size()
	};

	if (ioctl(fd, UFFDIO_WAKE, &range) == -1)
		untestable("UFFDIO_WAKE: %s", strerror(errno));
}

int
main(void)
{
	int                 fd;
	char                *a, *src;
	size_t              pg = page_size();
	struct reader       r;
	struct uffd_msg     msg;
	struct uffdio_copy  c;

	fd = new_uffd(0);
	a = map_anon(2);
	src = map_anon(1);
	memset(src, 'x', pg);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);

	start_reader(&r, fd, a);
	wake(fd, a);
	if (!wait_msg(fd, 2000, &msg))
		contradicted("woken before the page was filled, the reader "
			     "did not fault again");
	if (uffd_copy(fd, a, src, pg, UFFDIO_COPY_MODE_DONTWAKE, &c) == -1)
		untestable("UFFDIO_COPY: %s", strerror(errno));
	nanosleep(&(struct timespec) { .tv_nsec = 200000000 }, NULL);
	if (atomic_load(&r.done))
		contradicted("the reader woke without UFFDIO_WAKE");
	wake(fd, a);
	if (pthread_join(r.thread, NULL) != 0)
		untestable("pthread_join failed");

	start_reader(&r, fd, a + pg);
	if (uffd_copy(fd, a + pg, src, pg, 0, &c) == -1)
		untestable("UFFDIO_COPY: %s", strerror(errno));
	if (pthread_join(r.thread, NULL) != 0)
		untestable("pthread_join failed");
	holds("woken early: faults again; DONTWAKE: asleep until "
	      "UFFDIO_WAKE; otherwise UFFDIO_COPY wakes");
}
