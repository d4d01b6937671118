/*
 * uffd-sigbus-wp: with UFFD_FEATURE_SIGBUS, every fault that would be
 * reported raises SIGBUS in the faulting thread instead, write-protect
 * faults (Linux 5.7) and minor faults (Linux 5.14, shared memory)
 * included, not only missing faults; no message is queued.
 */
#include "ioctl.h"
#include <setjmp.h>

static sigjmp_buf  env;

static void
on_sigbus(int sig)
{
	(void) sig;
	siglongjmp(env, 1);
}

/* Does writing to A raise SIGBUS? */
static int
write_sigbus(volatile char *a)
{
	if (sigsetjmp(env, 1) == 0) {
		a[0] = 'w';
		return 0;
	}
	return 1;
}

static void
no_message(int fd, const char *what)
{
	struct uffd_msg  msg;

	if (wait_msg(fd, 0, &msg))
		contradicted("%s: a message was queued (event %#x)", what, msg.event);
}

int
main(void)
{
	int               fd;
	char              *a;
	size_t            pg = page_size();
	struct sigaction  sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigbus;
	if (sigaction(SIGBUS, &sa, NULL) == -1)
		untestable("sigaction: %s", strerror(errno));
	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	fd = new_uffd(UFFD_FEATURE_SIGBUS);
	a = map_anon(1);
	a[0] = 'x';
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (!write_sigbus(a))
		contradicted("SIGBUS mode: a write to a protected page did not raise "
			     "SIGBUS");
	no_message(fd, "write-protect fault in SIGBUS mode");
	if (uffd_writeprotect(fd, a, pg, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (write_sigbus(a))
		contradicted("SIGBUS after the protection was removed");
	close(fd);

	if (!(offered_features() & UFFD_FEATURE_MINOR_SHMEM))
		untestable("write-protect faults: SIGBUS; this kernel lacks minor "
			   "mode on shared memory (Linux 5.14)");
	fd = new_uffd(UFFD_FEATURE_SIGBUS);
	a = cached_page('c');
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MINOR);
	if (!write_sigbus(a))
		contradicted("SIGBUS mode: a minor fault did not raise SIGBUS");
	no_message(fd, "minor fault in SIGBUS mode");
	holds("SIGBUS mode: write-protect and minor faults raise SIGBUS too");
}
