/* uffd_wp_dirty.c: learn which pages of a buffer a program writes */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef UFFD_USER_MODE_ONLY	/* Linux 5.11; not in older headers */
#define UFFD_USER_MODE_ONLY  1
#endif

struct tracker {
	int     uffd;		/* The userfaultfd (nonblocking) */
	int     done;		/* eventfd: the writer has finished */
	char    *base;		/* The tracked buffer */
	long    page_size;
	bool    *written;	/* written[i]: page i was written */
};

/* Set or remove write protection on 'count' pages from 'first' */
static void
protect(struct tracker *t, size_t first, size_t count, bool on)
{
	struct uffdio_writeprotect  wp;

	wp.range.start = (uintptr_t) t->base + first * t->page_size;
	wp.range.len = count * t->page_size;
	wp.mode = on ? UFFDIO_WRITEPROTECT_MODE_WP : 0;
	if (ioctl(t->uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
		err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");
}

/* The handler thread: record each write fault, then let it go on */
static void *
handler(void *arg)
{
	size_t           page;
	uint64_t         flags;
	struct pollfd    pfd[2];
	struct tracker   *t = arg;
	struct uffd_msg  msg;

	pfd[0].fd = t->uffd;
	pfd[0].events = POLLIN;
	pfd[1].fd = t->done;
	pfd[1].events = POLLIN;

	for (;;) {
		if (poll(pfd, 2, -1) == -1)
			err(EXIT_FAILURE, "poll");
		if (pfd[1].revents & POLLIN)
			return NULL;

		if (read(t->uffd, &msg, sizeof(msg)) == -1) {
			if (errno == EAGAIN)
				continue;	/* Nothing to read after all */
			err(EXIT_FAILURE, "read");
		}
		if (msg.event != UFFD_EVENT_PAGEFAULT)
			errx(EXIT_FAILURE, "unexpected event %u", msg.event);

		flags = msg.arg.pagefault.flags;
		page = (msg.arg.pagefault.address - (uintptr_t) t->base)
		       / t->page_size;
		printf("handler: page %zu written (flags:%s%s)\n", page,
		       (flags & UFFD_PAGEFAULT_FLAG_WRITE) ? " WRITE" : "",
		       (flags & UFFD_PAGEFAULT_FLAG_WP) ? " WP" : "");
		t->written[page] = true;

		/* Removing the protection also wakes the writer */
		protect(t, page, 1, false);
	}
}

int
main(int argc, char *argv[])
{
	int                     s;
	char                    *end;
	size_t                  npages, page;
	uint64_t                one = 1;
	pthread_t               thr;
	struct tracker          t;
	struct uffdio_api       api;
	struct uffdio_register  reg;

	if (argc < 2) {
		fprintf(stderr, "Usage: %s npages [page...]\n", argv[0]);
		exit(EXIT_FAILURE);
	}
	npages = strtoul(argv[1], &end, 0);
	if (*end != '\0' || npages == 0)
		errx(EXIT_FAILURE, "bad page count: %s", argv[1]);

	t.page_size = sysconf(_SC_PAGESIZE);
	t.written = calloc(npages, sizeof(bool));
	if (t.written == NULL)
		err(EXIT_FAILURE, "calloc");
	t.base = mmap(NULL, npages * t.page_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (t.base == MAP_FAILED)
		err(EXIT_FAILURE, "mmap");

	/* Populate the pages: protection applies to existing pages */
	memset(t.base, 0, npages * t.page_size);

	/* Only faults of user-space code are handled: no privilege is
	   needed for that */
	t.uffd = syscall(SYS_userfaultfd,
			 O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
	if (t.uffd == -1)
		err(EXIT_FAILURE, "userfaultfd");

	/* The handshake fails with EINVAL if the kernel lacks
	   write-protect mode */
	api.api = UFFD_API;
	api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP;
	if (ioctl(t.uffd, UFFDIO_API, &api) == -1)
		err(EXIT_FAILURE, "ioctl-UFFDIO_API");

	reg.range.start = (uintptr_t) t.base;
	reg.range.len = npages * t.page_size;
	reg.mode = UFFDIO_REGISTER_MODE_WP;
	if (ioctl(t.uffd, UFFDIO_REGISTER, &reg) == -1)
		err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");

	protect(&t, 0, npages, true);

	t.done = eventfd(0, EFD_CLOEXEC);
	if (t.done == -1)
		err(EXIT_FAILURE, "eventfd");
	s = pthread_create(&thr, NULL, handler, &t);
	if (s != 0)
		errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));

	/* Write one byte into each page named on the command line */
	for (int i = 2; i < argc; i++) {
		page = strtoul(argv[i], &end, 0);
		if (*end != '\0' || page >= npages)
			errx(EXIT_FAILURE, "bad page: %s", argv[i]);
		printf("main: writing page %zu\n", page);
		t.base[page * t.page_size] = 'x';
	}

	if (write(t.done, &one, sizeof(one)) == -1)
		err(EXIT_FAILURE, "write");
	s = pthread_join(thr, NULL);
	if (s != 0)
		errx(EXIT_FAILURE, "pthread_join: %s", strerror(s));

	printf("pages written:");
	for (page = 0; page < npages; page++) {
		if (t.written[page])
			printf(" %zu", page);
	}
	printf("\n");

	free(t.written);
	exit(EXIT_SUCCESS);
}
