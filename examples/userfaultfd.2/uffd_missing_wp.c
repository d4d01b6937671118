/* uffd_missing_wp.c: supply pages on demand, then catch their first
   write, with missing and write-protect modes on one range */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
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

#define NPAGES  2

struct pager {
	int     uffd;		/* The userfaultfd (nonblocking) */
	int     done;		/* eventfd: main has finished */
	char    *base;		/* The registered range */
	long    page_size;
	char    *source;	/* Contents for UFFDIO_COPY */
};

/* Resolve a missing fault: copy in a page, write-protected */
static void
supply(struct pager *p, size_t page)
{
	struct uffdio_copy  copy;

	snprintf(p->source, p->page_size, "page %zu, from the handler",
		 page);
	copy.dst = (uintptr_t) p->base + page * p->page_size;
	copy.src = (uintptr_t) p->source;
	copy.len = p->page_size;
	copy.mode = UFFDIO_COPY_MODE_WP;
	if (ioctl(p->uffd, UFFDIO_COPY, &copy) == -1)
		err(EXIT_FAILURE, "ioctl-UFFDIO_COPY");
}

/* Resolve a write-protect fault: remove the protection */
static void
unprotect(struct pager *p, size_t page)
{
	struct uffdio_writeprotect  wp;

	wp.range.start = (uintptr_t) p->base + page * p->page_size;
	wp.range.len = p->page_size;
	wp.mode = 0;
	if (ioctl(p->uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
		err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");
}

static void *
handler(void *arg)
{
	size_t           page;
	uint64_t         flags;
	const char       *access;
	struct pager     *p = arg;
	struct pollfd    pfd[2];
	struct uffd_msg  msg;

	pfd[0].fd = p->uffd;
	pfd[0].events = POLLIN;
	pfd[1].fd = p->done;
	pfd[1].events = POLLIN;

	for (;;) {
		if (poll(pfd, 2, -1) == -1)
			err(EXIT_FAILURE, "poll");
		if (pfd[1].revents & POLLIN)
			return NULL;

		if (read(p->uffd, &msg, sizeof(msg)) == -1) {
			if (errno == EAGAIN)
				continue;
			err(EXIT_FAILURE, "read");
		}
		if (msg.event != UFFD_EVENT_PAGEFAULT)
			errx(EXIT_FAILURE, "unexpected event %u", msg.event);

		flags = msg.arg.pagefault.flags;
		page = (msg.arg.pagefault.address - (uintptr_t) p->base)
		       / p->page_size;
		access = (flags & UFFD_PAGEFAULT_FLAG_WRITE) ? "write"
							     : "read";

		if (flags & UFFD_PAGEFAULT_FLAG_WP) {
			printf("handler: %s of write-protected page %zu:"
			       " unprotecting it\n", access, page);
			unprotect(p, page);
		} else {
			printf("handler: %s of missing page %zu:"
			       " supplying it, write-protected\n",
			       access, page);
			supply(p, page);
		}
	}
}

/* Copy the start of a page out of the registered range (never while
   holding a lock that the handler needs, such as that of stdout) */
static void
show(struct pager *p, size_t page)
{
	char  text[64];

	memcpy(text, p->base + page * p->page_size, sizeof(text));
	text[sizeof(text) - 1] = '\0';
	printf("main: page %zu holds \"%s\"\n", page, text);
}

int
main(void)
{
	int                     s;
	uint64_t                one = 1;
	pthread_t               thr;
	struct pager            p;
	struct uffdio_api       api;
	struct uffdio_register  reg;

	p.page_size = sysconf(_SC_PAGESIZE);
	p.source = malloc(p.page_size);
	if (p.source == NULL)
		err(EXIT_FAILURE, "malloc");
	p.base = mmap(NULL, NPAGES * p.page_size, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p.base == MAP_FAILED)
		err(EXIT_FAILURE, "mmap");

	p.uffd = syscall(SYS_userfaultfd,
			 O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
	if (p.uffd == -1)
		err(EXIT_FAILURE, "userfaultfd");

	api.api = UFFD_API;
	api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP;
	if (ioctl(p.uffd, UFFDIO_API, &api) == -1)
		err(EXIT_FAILURE, "ioctl-UFFDIO_API");

	/* Both modes on the same range */
	reg.range.start = (uintptr_t) p.base;
	reg.range.len = NPAGES * p.page_size;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP;
	if (ioctl(p.uffd, UFFDIO_REGISTER, &reg) == -1)
		err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");
	if (!(reg.ioctls & (1ULL << _UFFDIO_WRITEPROTECT)))
		errx(EXIT_FAILURE, "no UFFDIO_WRITEPROTECT on this range");

	p.done = eventfd(0, EFD_CLOEXEC);
	if (p.done == -1)
		err(EXIT_FAILURE, "eventfd");
	s = pthread_create(&thr, NULL, handler, &p);
	if (s != 0)
		errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));

	printf("main: reading page 0\n");
	show(&p, 0);
	printf("main: writing page 0\n");
	p.base[0] = 'P';
	show(&p, 0);
	printf("main: writing page 1\n");
	p.base[p.page_size] = 'P';
	show(&p, 1);

	if (write(p.done, &one, sizeof(one)) == -1)
		err(EXIT_FAILURE, "write");
	s = pthread_join(thr, NULL);
	if (s != 0)
		errx(EXIT_FAILURE, "pthread_join: %s", strerror(s));

	free(p.source);
	exit(EXIT_SUCCESS);
}
