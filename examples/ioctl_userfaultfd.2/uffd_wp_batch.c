/* uffd_wp_batch.c: resolve write-protect faults, then wake once */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY  1
#endif

#define MAXWRITERS  8

struct writer {
	pthread_t    thread;
	char         *addr;     /* the page this thread writes */
	atomic_int   *done;     /* how many writers have finished */
};

static void *
write_page(void *arg)
{
	struct writer  *w = arg;

	w->addr[0] = 'w';       /* blocks until the page is unprotected */
	atomic_fetch_add(w->done, 1);
	return NULL;
}

static void
write_protect(int uffd, const void *addr, size_t len, uint64_t mode)
{
	struct uffdio_writeprotect  wp;

	memset(&wp, 0, sizeof(wp));
	wp.range.start = (uintptr_t) addr;
	wp.range.len = len;
	wp.mode = mode;
	if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
		err(EXIT_FAILURE, "UFFDIO_WRITEPROTECT");
}

static int
compare_addr(const void *a, const void *b)
{
	uint64_t  x = *(const uint64_t *) a, y = *(const uint64_t *) b;

	return (x > y) - (x < y);
}

int
main(int argc, char *argv[])
{
	int                     uffd, nwriters, nfaults, s;
	char                    *base;
	size_t                  page, len;
	uint64_t                faults[MAXWRITERS];
	atomic_int              done = 0;
	struct pollfd           pfd;
	struct uffd_msg         msg;
	struct writer           writers[MAXWRITERS];
	struct uffdio_api       api;
	struct uffdio_range     range;
	struct uffdio_register  reg;
	struct timespec         tenth = { .tv_nsec = 100000000 };

	nwriters = (argc > 1) ? strtol(argv[1], NULL, 0) : 4;
	if (nwriters < 1 || nwriters > MAXWRITERS)
		errx(EXIT_FAILURE, "1 to %d writers", MAXWRITERS);
	page = sysconf(_SC_PAGESIZE);
	len = nwriters * page;

	uffd = syscall(SYS_userfaultfd,
		       O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
	if (uffd == -1)
		err(EXIT_FAILURE, "userfaultfd");
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP;
	if (ioctl(uffd, UFFDIO_API, &api) == -1)
		err(EXIT_FAILURE, "UFFDIO_API");

	base = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		err(EXIT_FAILURE, "mmap");
	memset(base, 0, len);   /* populate: protect present pages */

	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) base;
	reg.range.len = len;
	reg.mode = UFFDIO_REGISTER_MODE_WP;
	if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
		err(EXIT_FAILURE, "UFFDIO_REGISTER");
	write_protect(uffd, base, len, UFFDIO_WRITEPROTECT_MODE_WP);

	for (int i = 0; i < nwriters; i++) {
		writers[i].addr = base + i * page;
		writers[i].done = &done;
		s = pthread_create(&writers[i].thread, NULL, write_page,
				   &writers[i]);
		if (s != 0)
			errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));
	}

	/* Collect one write-protect fault from each writer. */
	pfd.fd = uffd;
	pfd.events = POLLIN;
	for (nfaults = 0; nfaults < nwriters; ) {
		if (poll(&pfd, 1, -1) == -1)
			err(EXIT_FAILURE, "poll");
		if (read(uffd, &msg, sizeof(msg)) != sizeof(msg)) {
			if (errno == EAGAIN)
				continue;
			err(EXIT_FAILURE, "read");
		}
		if (msg.event != UFFD_EVENT_PAGEFAULT
		    || !(msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP))
		{
			errx(EXIT_FAILURE, "unexpected event %#x", msg.event);
		}
		faults[nfaults++] = msg.arg.pagefault.address;
	}
	qsort(faults, nfaults, sizeof(faults[0]), compare_addr);

	/* Unprotect each page, but let its writer sleep. */
	for (int i = 0; i < nfaults; i++) {
		printf("unprotect page %ju, do not wake\n",
		       (uintmax_t) (faults[i] - (uintptr_t) base) / page);
		write_protect(uffd, (void *) (uintptr_t) faults[i], page,
			      UFFDIO_WRITEPROTECT_MODE_DONTWAKE);
	}
	/* Time enough for a writer to finish, were it woken. */
	if (nanosleep(&tenth, NULL) == -1)
		err(EXIT_FAILURE, "nanosleep");
	printf("writers done after unprotecting: %d\n", atomic_load(&done));

	/* One wake-up for the whole range. */
	range.start = (uintptr_t) base;
	range.len = len;
	if (ioctl(uffd, UFFDIO_WAKE, &range) == -1)
		err(EXIT_FAILURE, "UFFDIO_WAKE");
	for (int i = 0; i < nwriters; i++) {
		s = pthread_join(writers[i].thread, NULL);
		if (s != 0)
			errx(EXIT_FAILURE, "pthread_join: %s", strerror(s));
	}
	printf("writers done after UFFDIO_WAKE: %d\n", atomic_load(&done));

	exit(EXIT_SUCCESS);
}
