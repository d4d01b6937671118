/*
 * uffd-fork-wp: what fork(2) does to write protection, seen in the
 * child's pagemap bit 57 (PM_UFFD_WP, Linux 5.13).  Without
 * UFFD_FEATURE_EVENT_FORK the child's pages are not protected; with it
 * they stay protected.  The same holds for a page that is protected but
 * not present (a page of shared memory discarded with MADV_DONTNEED,
 * which keeps its protection as a marker, Linux 5.19).  The parent's
 * pages stay protected either way.
 */
#include "ioctl.h"
#include "wp.h"
#include "fork.h"

/* In the child: 1 if the page is protected, 0 if not. */
static int
child_bit(void *a)
{
	return wp_bit(a);
}

/* The child's bit 57 for page A, protected and registered with a
   userfaultfd with EVENTS or not. */
static int
child_sees(char *a, int shmem_zapped, int events)
{
	int            fd, ufd, st;
	struct forker  f;

	fd = new_uffd(events ? UFFD_FEATURE_EVENT_FORK : 0);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, page_size(), UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (shmem_zapped && madvise(a, page_size(), MADV_DONTNEED) == -1)
		untestable("madvise: %s", strerror(errno));
	ufd = fork_start(&f, fd, events, child_bit, a);
	fork_go(&f);
	st = fork_wait(&f, 5000);
	if (st != 0 && st != 1)
		untestable("the child failed (status %d)", st);
	if (!wp_bit(a))
		contradicted("the parent's page lost its protection at fork");
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

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	fd = new_uffd(0);
	a = map_anon(1);
	a[0] = 'x';
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_WP);
	need_pagemap_wp(fd, a);
	close(fd);
	{
		int  probe = open_uffd(0);
		struct uffdio_api  api = { .api = UFFD_API,
					   .features = UFFD_FEATURE_EVENT_FORK };

		if (ioctl(probe, UFFDIO_API, &api) == -1)
			untestable("UFFD_FEATURE_EVENT_FORK refused: %s (needs "
				   "CAP_SYS_PTRACE)", strerrorname_np(errno));
		close(probe);
	}

	a = map_anon(1);
	a[0] = 'x';
	if (child_sees(a, 0, 0) != 0)
		contradicted("without EVENT_FORK: the child's page is protected");
	a = map_anon(1);
	a[0] = 'x';
	if (child_sees(a, 0, 1) != 1)
		contradicted("with EVENT_FORK: the child's page is not protected");

	if (!(offered_features() & UFFD_FEATURE_WP_HUGETLBFS_SHMEM))
		untestable("present pages: as stated; this kernel lacks write-protect "
			   "mode on shared memory (Linux 5.19) for the page not present");
	a = map_shmem(1, 1);
	a[0] = 'x';
	if (child_sees(a, 1, 0) != 0)
		contradicted("without EVENT_FORK: the child's discarded shared page "
			     "is protected");
	a = map_shmem(1, 1);
	a[0] = 'x';
	if (child_sees(a, 1, 1) != 1)
		contradicted("with EVENT_FORK: the child's discarded shared page is "
			     "not protected");
	holds("fork: child's pages unprotected without EVENT_FORK, protected with "
	      "it; present and not present alike");
}
