/*
 * uffd-sigbus: with UFFD_FEATURE_SIGBUS, a thread that touches a missing
 * page of a registered range gets SIGBUS, and no message is queued; when
 * the kernel touches the page for a system call (read(2) into it), the
 * call fails with EFAULT instead, without a signal.
 */
#include "ioctl.h"
#include <setjmp.h>
#include <signal.h>

static sigjmp_buf          on_sigbus;
static volatile sig_atomic_t  sigbus_count;

static void
catch_sigbus(int sig)
{
	(void) sig;
	sigbus_count++;
	siglongjmp(on_sigbus, 1);
}

int
main(void)
{
	int                fd, zero;
	char               *a;
	ssize_t            n;
	struct uffd_msg    msg;
	struct sigaction   sa;
	struct uffdio_api  api;

	/* Without UFFD_USER_MODE_ONLY, so that the kernel's own accesses
	   are handled too. */
	fd = uffd_syscall(0);
	if (fd == -1)
		untestable("userfaultfd without UFFD_USER_MODE_ONLY: %s",
			   strerror(errno));
	handshake(fd, UFFD_FEATURE_SIGBUS, &api);
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = catch_sigbus;
	if (sigaction(SIGBUS, &sa, NULL) == -1)
		untestable("sigaction: %s", strerror(errno));
	if (sigsetjmp(on_sigbus, 1) == 0)
		(void) *(volatile char *) a;
	if (sigbus_count != 1)
		contradicted("a read of the missing page raised no SIGBUS");

	zero = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	if (zero == -1)
		untestable("open /dev/zero: %s", strerror(errno));
	n = read(zero, a, 1);
	expect_errno((int) n, errno, EFAULT, "read(2) into the missing page");
	if (sigbus_count != 1)
		contradicted("read(2) into the missing page raised SIGBUS");
	if (wait_msg(fd, 0, &msg))
		contradicted("a message was queued: event %#x", msg.event);
	holds("SIGBUS for the thread's access, EFAULT for the kernel's, "
	      "no message");
}
