/*
 * uffd-fork-wp-pinned: a write-protected page that is pinned for DMA (here
 * by registering it as an io_uring fixed buffer, which pins it for the
 * long term) is copied at fork(2) instead of shared, and the copy follows
 * the same rule as any page: in the child it is protected with
 * UFFD_FEATURE_EVENT_FORK (pagemap bit 57 set), not without.
 *
 * claims-context: user=root
 */
#include "ioctl.h"
#include "wp.h"
#include "fork.h"
#include <linux/io_uring.h>
#include <sys/uio.h>

#ifndef SYS_io_uring_setup
#define SYS_io_uring_setup 425
#endif
#ifndef SYS_io_uring_register
#define SYS_io_uring_register 427
#endif

/* Pin the page at A as an io_uring fixed buffer; the ring stays open. */
static void
pin(const char *a)
{
	struct io_uring_params  p;
	struct iovec            iov = { (void *) a, page_size() };
	int                     ring;

	memset(&p, 0, sizeof(p));
	ring = syscall(SYS_io_uring_setup, 1, &p);
	if (ring == -1)
		untestable("io_uring_setup: %s (no io_uring to pin a page with)",
			   strerror(errno));
	if (syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS, &iov, 1) == -1)
		untestable("io_uring_register(IORING_REGISTER_BUFFERS): %s",
			   strerror(errno));
}

#define PM_PFN_MASK ((1ULL << 55) - 1)

struct scene {
	char      *a;
	uint64_t  pfn;          /* the parent's page frame */
};

/* In the child: bit 0, the page is protected; bit 1, it is a copy. */
static int
child_bits(void *p)
{
	struct scene  *s = p;
	uint64_t      e = pagemap_entry(0, s->a);

	return ((e & PM_UFFD_WP) != 0) | (((e & PM_PFN_MASK) != s->pfn) << 1);
}

/* The child's bit 57 for a pinned protected page, with EVENTS or not. */
static int
child_sees(int events)
{
	int            fd, ufd, st;
	char           *a;
	struct forker  f;
	struct scene   s;

	fd = new_uffd(events ? UFFD_FEATURE_EVENT_FORK : 0);
	a = map_anon(1);
	a[0] = 'x';
	pin(a);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, page_size(), UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	s.a = a;
	s.pfn = pagemap_entry(0, a) & PM_PFN_MASK;
	if (s.pfn == 0)
		untestable("pagemap shows no page frame numbers (needs "
			   "CAP_SYS_ADMIN)");
	ufd = fork_start(&f, fd, events, child_bits, &s);
	fork_go(&f);
	st = fork_wait(&f, 5000);
	if (st < 0 || st > 3)
		untestable("the child failed (status %d)", st);
	if (!(st & 2))
		untestable("the pinned page was shared with the child, not copied: "
			   "the pin did not take");
	st &= 1;
	if (!wp_bit(a))
		contradicted("the parent's pinned page lost its protection at fork");
	if (ufd != -1)
		close(ufd);
	close(fd);
	return st;
}

int
main(void)
{
	int   fd;
	char  *a;

	need_root();
	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	fd = new_uffd(0);
	a = map_anon(1);
	a[0] = 'x';
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_WP);
	need_pagemap_wp(fd, a);
	close(fd);
	if (child_sees(0) != 0)
		contradicted("without EVENT_FORK: the child's copy of a pinned page "
			     "is protected");
	if (child_sees(1) != 1)
		contradicted("with EVENT_FORK: the child's copy of a pinned page is "
			     "not protected");
	holds("pinned page: the child's copy protected with EVENT_FORK only");
}
