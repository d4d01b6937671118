/*
 * uffd-fork-close-ufd: closing the descriptor that a UFFD_EVENT_FORK
 * message installed (fork.ufd) unregisters the child's ranges and removes
 * their write protection: the child's mapping loses its "uw" flag in
 * /proc/pid/smaps and a write completes without a handler.  While the
 * descriptor is open, the child's range is registered ("uw").  Linux
 * 6.18 also clears pagemap bit 57 of the child's pages; whether older
 * kernels leave a stale bit there is reported, not judged.
 */
#include "ioctl.h"
#include "wp.h"
#include "fork.h"

/* Does the mapping that holds A have the VmFlags mnemonic "uw"? */
static int
has_uw(const char *a)
{
	FILE           *f;
	char           line[512];
	unsigned long  lo, hi;
	int            in = 0, uw = 0;

	f = fopen("/proc/self/smaps", "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "VmFlags:", 8) == 0) {
			if (in)
				uw = strstr(line, " uw") != NULL;
			continue;
		}
		if (parse_range(line, &lo, &hi))
			in = (uintptr_t) a >= lo && (uintptr_t) a < hi;
	}
	fclose(f);
	return uw;
}

/* In the child, while fork.ufd is open: 1 when the range is registered. */
static int
child_registered(void *a)
{
	return has_uw(a) == 1 ? 1 : 0;
}

/* In the child, after the parent closed fork.ufd: 0 when unregistered,
   unprotected, and the write completes. */
static int
child_released(void *p)
{
	char  *a = p;

	int  stale = kernel_version() >= LINUX(5, 13, 0) && wp_bit(a);

	if (has_uw(a) != 0)
		return 1;
	a[0] = 'w';     /* would block for ever if still protected */
	return stale ? 2 : 0;
}

int
main(void)
{
	int            fd, ufd, st;
	char           *a;
	struct forker  f;
	struct uffdio_api  api = { .api = UFFD_API,
				   .features = UFFD_FEATURE_EVENT_FORK };

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	fd = open_uffd(O_NONBLOCK);
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		untestable("UFFD_FEATURE_EVENT_FORK refused: %s (needs "
			   "CAP_SYS_PTRACE)", strerrorname_np(errno));
	a = map_anon(1);
	a[0] = 'x';
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, page_size(), UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (has_uw(a) != 1)
		untestable("smaps shows no \"uw\" flag for a registered range");

	ufd = fork_start(&f, fd, 1, child_registered, a);
	fork_go(&f);
	st = fork_wait(&f, 5000);
	if (st != 1)
		contradicted("fork.ufd open: the child's range is not registered "
			     "(status %d)", st);
	close(ufd);

	ufd = fork_start(&f, fd, 1, child_released, a);
	close(ufd);
	fork_go(&f);
	st = fork_wait(&f, 2000);
	if (st == -1)
		contradicted("fork.ufd closed: the child's write blocked");
	if (st == 1)
		contradicted("fork.ufd closed: the child's range is still registered");
	if (st == 2 && kernel_version() >= LINUX(6, 18, 0))
		contradicted("fork.ufd closed: the child's pagemap bit 57 is still "
			     "set on Linux 6.18 or later");
	if (st != 0 && st != 2)
		untestable("the child failed (status %d)", st);
	holds("closing fork.ufd unregistered and unprotected the child's range%s",
	      st == 2 ? " (a stale pagemap bit 57 remains on this kernel)" : "");
}
