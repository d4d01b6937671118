/*
 * priv.h: what the privilege checks (tests/claims/priv-*.c) share.
 *
 * Each check is one program: exit 0 when the page's statement holds,
 * 1 when it is contradicted (what was seen goes to stdout), 77 when it
 * cannot be tested here (the reason goes to stdout).  A line
 *
 *	claims-context: sysctl=0,1 user=nobody caps=sys_ptrace
 *
 * in a check's leading comment tells scripts/claims/exec.sh how to run it:
 * with vm.unprivileged_userfaultfd set to each value listed, as the
 * unprivileged user 65534 (user=nobody) or as root (user=root), with the
 * capabilities listed kept.  Each check verifies that it got what it asked
 * for, and skips when run any other way.
 */
#ifndef CLAIMS_PRIV_H
#define CLAIMS_PRIV_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

/* The 6.1 header of Debian 12 lacks what came later. */
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif

#define SYSCTL_PATH "/proc/sys/vm/unprivileged_userfaultfd"
#define CAP_SYS_PTRACE_BIT 19

static inline void __attribute__((format(printf, 2, 3), noreturn))
finish(int status, const char *fmt, ...)
{
	va_list  ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	_exit(status);
}

#define holds(...)       finish(0, __VA_ARGS__)
#define contradicted(...) finish(1, __VA_ARGS__)
#define untestable(...)  finish(77, __VA_ARGS__)

/* An unexpected failure of the machinery, not of the claim. */
#define broken(what) \
	untestable("%s:%d: %s: %s", __FILE__, __LINE__, what, strerror(errno))

static inline int
sysctl_value(void)
{
	FILE  *f;
	char  line[32];
	char  *end;
	long  v;

	f = fopen(SYSCTL_PATH, "r");
	if (f == NULL)
		untestable("cannot read %s: %s", SYSCTL_PATH, strerror(errno));
	if (fgets(line, sizeof(line), f) == NULL)
		untestable("cannot read %s", SYSCTL_PATH);
	fclose(f);
	errno = 0;
	v = strtol(line, &end, 10);
	if (errno != 0 || end == line || (*end != '\n' && *end != '\0'))
		untestable("cannot parse %s: %s", SYSCTL_PATH, line);
	return (int) v;
}

/* Does the calling process have CAP_SYS_PTRACE in its effective set? */
static inline int
has_cap_sys_ptrace(void)
{
	FILE                *f;
	char                line[256];
	unsigned long long  eff = 0;

	f = fopen("/proc/self/status", "r");
	if (f == NULL)
		broken("fopen /proc/self/status");
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "CapEff:", 7) == 0) {
			eff = strtoull(line + 7, NULL, 16);
			break;
		}
	}
	fclose(f);
	return (eff >> CAP_SYS_PTRACE_BIT) & 1;
}

static inline void
need_sysctl(int want)
{
	int  v = sysctl_value();

	if (v != want)
		untestable("needs vm.unprivileged_userfaultfd=%d, it is %d "
			   "(run through scripts/claims/exec.sh)", want, v);
}

static inline void
need_unprivileged(void)
{
	if (geteuid() == 0 || has_cap_sys_ptrace())
		untestable("needs an unprivileged user without CAP_SYS_PTRACE "
			   "(run through scripts/claims/exec.sh)");
}

static inline void
need_root(void)
{
	if (geteuid() != 0)
		untestable("needs root (run through scripts/claims/exec.sh)");
}

/*
 * Whether the running kernel is at least MAJOR.MINOR, for a claim about
 * something an older kernel has not at all (its failure there would
 * look like a contradiction).
 */
static inline int
kernel_at_least(long major, long minor)
{
	struct utsname  u;
	char            *end;
	long            ma, mi;

	if (uname(&u) == -1)
		broken("uname");
	ma = strtol(u.release, &end, 10);
	mi = *end == '.' ? strtol(end + 1, NULL, 10) : 0;
	return ma > major || (ma == major && mi >= minor);
}

/*
 * userfaultfd(2) itself, nonblocking, with FLAGS added: -1 and errno on
 * failure, which is what the privilege checks look at.
 */
static inline int
uffd_syscall(int flags)
{
	return syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK | flags);
}

/*
 * A userfaultfd for a check that is not about privileges: with
 * UFFD_USER_MODE_ONLY where the kernel knows it (Linux 5.11), without it
 * before; FLAGS besides O_CLOEXEC.  -1 and errno on failure.
 */
static inline int
uffd_user_mode(int flags)
{
	int  fd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY | flags);

	if (fd == -1 && errno == EINVAL && !kernel_at_least(5, 11))
		fd = syscall(SYS_userfaultfd, O_CLOEXEC | flags);
	return fd;
}

/* The API handshake, asking for no feature. */
static inline void
uffd_handshake(int uffd)
{
	struct uffdio_api  api;

	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	if (ioctl(uffd, UFFDIO_API, &api) == -1)
		broken("UFFDIO_API");
}

/* One anonymous page, not yet populated, registered for missing faults. */
static inline char *
registered_page(int uffd, size_t page)
{
	char                    *area;
	struct uffdio_register  reg;

	area = mmap(NULL, page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		broken("mmap");
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) area;
	reg.range.len = page;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
		broken("UFFDIO_REGISTER");
	return area;
}

/*
 * A thread that answers every page-fault message on the descriptor by
 * copying in a page of 'h', until told to stop.
 */
struct handler {
	pthread_t  thread;
	int        uffd;
	int        stop[2];
	size_t     page;
	int        faults;
	uint64_t   flags;
};

static inline void *
handler_main(void *arg)
{
	struct handler      *h = arg;
	struct pollfd       fds[2];
	struct uffd_msg     msg;
	struct uffdio_copy  copy;
	char                *src;

	src = malloc(h->page);
	if (src == NULL)
		broken("malloc");
	memset(src, 'h', h->page);
	fds[0].fd = h->uffd;
	fds[0].events = POLLIN;
	fds[1].fd = h->stop[0];
	fds[1].events = POLLIN;
	for (;;) {
		if (poll(fds, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			broken("poll");
		}
		if (fds[1].revents != 0)
			break;
		if (read(h->uffd, &msg, sizeof(msg)) != sizeof(msg)) {
			if (errno == EAGAIN)
				continue;
			broken("read from the userfaultfd");
		}
		if (msg.event != UFFD_EVENT_PAGEFAULT)
			continue;
		h->faults++;
		h->flags = msg.arg.pagefault.flags;
		memset(&copy, 0, sizeof(copy));
		copy.dst = msg.arg.pagefault.address & ~(uint64_t) (h->page - 1);
		copy.src = (uintptr_t) src;
		copy.len = h->page;
		if (ioctl(h->uffd, UFFDIO_COPY, &copy) == -1 && errno != EEXIST)
			broken("UFFDIO_COPY");
	}
	free(src);
	return NULL;
}

static inline void
handler_start(struct handler *h, int uffd, size_t page)
{
	memset(h, 0, sizeof(*h));
	h->uffd = uffd;
	h->page = page;
	if (pipe2(h->stop, O_CLOEXEC) == -1)
		broken("pipe2");
	errno = pthread_create(&h->thread, NULL, handler_main, h);
	if (errno != 0)
		broken("pthread_create");
}

static inline void
handler_stop(struct handler *h)
{
	if (write(h->stop[1], "x", 1) != 1)
		broken("write to the stop pipe");
	errno = pthread_join(h->thread, NULL);
	if (errno != 0)
		broken("pthread_join");
	close(h->stop[0]);
	close(h->stop[1]);
}

/* A fault taken in user mode: this thread reads the page itself. */
static inline char
user_access(const char *area)
{
	return *(const volatile char *) area;
}

/*
 * A fault taken in kernel mode: read(2) from a pipe into the page makes
 * the kernel write to it.  Returns what read(2) returned; errno is kept.
 */
static inline ssize_t
kernel_access(char *area, size_t page)
{
	int      fds[2], saved;
	char     *src;
	ssize_t  n;

	src = malloc(page);
	if (src == NULL)
		broken("malloc");
	memset(src, 'k', page);
	if (pipe2(fds, O_CLOEXEC) == -1)
		broken("pipe2");
	/* A pipe holds 16 pages by default; one page does not block. */
	if (write(fds[1], src, page) != (ssize_t) page)
		broken("write to the pipe");
	n = read(fds[0], area, page);
	saved = errno;
	close(fds[0]);
	close(fds[1]);
	free(src);
	errno = saved;
	return n;
}

/*
 * Let the kernel fault on a page registered with this userfaultfd, and
 * report whether the fault was delivered to the descriptor and resolved.
 */
static inline void
expect_kernel_fault_delivered(int uffd, const char *what)
{
	size_t          page = sysconf(_SC_PAGESIZE);
	char            *area = registered_page(uffd, page);
	struct handler  h;
	ssize_t         n;
	int             err;

	handler_start(&h, uffd, page);
	n = kernel_access(area, page);
	err = errno;
	handler_stop(&h);
	if (n == -1)
		contradicted("%s: read(2) into a registered page failed with %s "
			     "(the kernel's fault was not handled)",
			     what, strerrorname_np(err));
	if (h.faults != 1 || n != (ssize_t) page || area[0] != 'k')
		contradicted("%s: read(2) returned %zd after %d fault messages",
			     what, n, h.faults);
	munmap(area, page);
}

static inline void
expect_user_fault_delivered(int uffd, const char *what)
{
	size_t          page = sysconf(_SC_PAGESIZE);
	char            *area = registered_page(uffd, page);
	struct handler  h;
	char            c;

	handler_start(&h, uffd, page);
	c = user_access(area);
	handler_stop(&h);
	if (h.faults != 1 || c != 'h')
		contradicted("%s: a user-mode read of a registered page saw %d "
			     "fault messages and byte 0x%02x", what, h.faults,
			     (unsigned char) c);
	munmap(area, page);
}

#endif
