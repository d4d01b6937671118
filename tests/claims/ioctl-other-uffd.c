/*
 * ioctl-other-uffd: UFFDIO_COPY and UFFDIO_WRITEPROTECT through a second
 * userfaultfd of the same process act on a range registered with the
 * first, and wake none of the first one's waiting threads; UFFDIO_MOVE
 * refuses such a destination with EINVAL.
 */
#include "ioctl.h"
#include <stdatomic.h>
#include <time.h>

static atomic_int  done;

static void *
read_page(void *arg)
{
	if (*(volatile char *) arg != 'x')
		contradicted("the page does not hold what was copied");
	atomic_store(&done, 1);
	return NULL;
}

int
main(void)
{
	int                  owner, other;
	char                 *a, *src;
	size_t               pg = page_size();
	pthread_t            reader;
	struct uffd_msg      msg;
	struct uffdio_copy   c;
	struct uffdio_move   m;
	struct uffdio_range  range;

	owner = new_uffd(0);
	other = new_uffd(0);
	a = map_anon(2);
	src = map_anon(2);
	memset(src, 'x', 2 * pg);
	do_register(owner, a, 2 * pg,
		    UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP);

	if (pthread_create(&reader, NULL, read_page, a) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(owner, 5000, &msg))
		untestable("no fault arrived");
	if (uffd_copy(other, a, src, pg, 0, &c) == -1)
		contradicted("UFFDIO_COPY through the other userfaultfd: %s",
			     strerrorname_np(errno));
	nanosleep(&(struct timespec) { .tv_nsec = 200000000 }, NULL);
	if (atomic_load(&done))
		contradicted("the other userfaultfd's UFFDIO_COPY woke the reader");
	range.start = (uintptr_t) a;
	range.len = pg;
	if (ioctl(owner, UFFDIO_WAKE, &range) == -1)
		untestable("UFFDIO_WAKE: %s", strerror(errno));
	if (pthread_join(reader, NULL) != 0)
		untestable("pthread_join failed");

	if (uffd_writeprotect(other, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		contradicted("UFFDIO_WRITEPROTECT through the other "
			     "userfaultfd: %s", strerrorname_np(errno));
	if (offered_features() & UFFD_FEATURE_MOVE) {
		int  r = uffd_move(other, a + pg, src + pg, pg, 0, &m);
		expect_errno(r, errno, EINVAL,
			     "UFFDIO_MOVE through the other userfaultfd");
	}
	holds("COPY and WRITEPROTECT through another userfaultfd: done, "
	      "nobody woken; MOVE: EINVAL");
}
