/*
 * uffd-wp-swap: write protection survives swap-out: a protected page of
 * private anonymous memory pushed to swap with madvise(MADV_PAGEOUT) keeps
 * pagemap bit 57 (PM_UFFD_WP) while swapped, and the next write is a
 * write-protect fault.  Needs swap space: without any, root gets a
 * temporary swap file for the check, taken away again before the exit
 * (also on SIGTERM, as a timeout sends it).
 */
#include "ioctl.h"
#include "wp.h"

#include <signal.h>
#include <sys/swap.h>
#include <sys/wait.h>

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

#define SWAP_PAGES 2048

/* Is there an active swap area? */
static int
have_swap(void)
{
	FILE  *f = fopen("/proc/swaps", "r");
	char  line[256];
	int   n = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		n++;
	fclose(f);
	return n > 1;   /* a header line, then one line per area */
}

/*
 * A swap file as mkswap(8) writes it: zeros with, in the first page, the
 * version 1 header after 1024 bytes and the signature at the page's end.
 * Written, not allocated, since swapon(2) refuses a file with holes.
 */
static int
make_swap_file(char *path, size_t pg)
{
	char      *buf;
	uint32_t  head[3] = { 1, SWAP_PAGES - 1, 0 };
	static const char  magic[10] = "SWAPSPACE2";   /* no NUL: as on disk */
	int       fd, ok = 1;

	fd = mkstemp(path);
	if (fd == -1)
		return 0;
	buf = calloc(1, pg);
	if (buf == NULL)
		broken("calloc");
	for (int i = 0; i < SWAP_PAGES && ok; i++)
		ok = write(fd, buf, pg) == (ssize_t) pg;
	memcpy(buf + 1024, head, sizeof(head));
	memcpy(buf + pg - sizeof(magic), magic, sizeof(magic));
	ok = ok && pwrite(fd, buf, pg, 0) == (ssize_t) pg && fsync(fd) == 0;
	free(buf);
	close(fd);
	return ok;
}

static int check(void);

/*
 * With a temporary swap file: the check runs in a child, and the swap
 * file goes away whatever the child's end, before this process ends.
 */
static int
with_swap_file(size_t pg)
{
	char      path[] = "/var/tmp/uffd-wp-swap.XXXXXX";
	sigset_t  stop, old;
	pid_t     pid;
	int       status;

	if (geteuid() != 0)
		untestable("no swap space (/proc/swaps lists none) and not root "
			   "to add a temporary swap file");
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	sigprocmask(SIG_BLOCK, &stop, &old);
	if (!make_swap_file(path, pg)) {
		unlink(path);
		untestable("cannot write a swap file in /var/tmp: %s", strerror(errno));
	}
	if (swapon(path, 0) == -1) {
		int  e = errno;

		unlink(path);
		untestable("no swap space, and swapon(2) refuses a swap file in "
			   "/var/tmp: %s", strerror(e));
	}
	fflush(stdout);
	pid = fork();
	if (pid == -1) {
		swapoff(path);
		unlink(path);
		broken("fork");
	}
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		_exit(check());
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			broken("waitpid");
	if (swapoff(path) == -1)
		printf("swapoff %s: %s; ", path, strerror(errno));
	unlink(path);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	contradicted("the check was killed by signal %d", WTERMSIG(status));
}

int
main(void)
{
	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	if (!have_swap())
		return with_swap_file(page_size());
	return check();
}

static int
check(void)
{
	int              fd;
	char             *a;
	size_t           pg = page_size();
	uint64_t         e;
	struct writer    w;
	struct uffd_msg  msg;

	fd = new_uffd(0);
	a = map_anon(1);
	memset(a, 'x', pg);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_WP);
	need_pagemap_wp(fd, a);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (madvise(a, pg, MADV_PAGEOUT) == -1)
		untestable("madvise(MADV_PAGEOUT): %s", strerror(errno));
	e = pagemap_entry(0, a);
	if (!(e & PM_SWAP))
		untestable("MADV_PAGEOUT did not swap the page out (entry %#llx)",
			   (unsigned long long) e);
	if (!(e & PM_UFFD_WP))
		contradicted("swapped-out protected page: bit 57 clear (entry %#llx)",
			     (unsigned long long) e);
	start_writer(&w, a);
	if (!wait_msg(fd, 1000, &msg))
		contradicted("the write to the swapped-out protected page did not fault");
	if (msg.arg.pagefault.flags != (UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("the write faulted with flags %#llx, expected WP|WRITE",
			     (unsigned long long) msg.arg.pagefault.flags);
	if (uffd_writeprotect(fd, a, pg, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	join_writer(&w);
	if (a[0] != 'w')
		contradicted("the page lost the write or its contents");
	holds("a protected page swapped out keeps bit 57; the write is a WP fault");
}
