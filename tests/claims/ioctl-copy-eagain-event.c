/*
 * ioctl-copy-eagain-event: UFFDIO_COPY fails with EAGAIN, and sets copy to
 * -EAGAIN, while a non-cooperative event (here UFFD_EVENT_REMOVE) is
 * waiting to be read; before Linux 6.15, 6.14.7 and 6.12.29, copy is left
 * as it was.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the 6.1 header of Debian 12 lacks. */
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif
#ifndef UFFDIO_REGISTER_MODE_MINOR
#define UFFDIO_REGISTER_MODE_MINOR ((__u64) 1 << 2)
#endif
#ifndef UFFDIO_CONTINUE_MODE_WP
#define UFFDIO_CONTINUE_MODE_WP ((__u64) 1 << 1)
#endif
#ifndef UFFDIO_POISON
#define UFFDIO_POISON_MODE_DONTWAKE ((__u64) 1 << 0)
struct uffdio_poison {
	struct uffdio_range range;
	__u64 mode;
	__s64 updated;
};
#define UFFDIO_POISON _IOWR(UFFDIO, 0x08, struct uffdio_poison)
#endif
#ifndef UFFDIO_MOVE
#define UFFDIO_MOVE_MODE_DONTWAKE ((__u64) 1 << 0)
#define UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES ((__u64) 1 << 1)
struct uffdio_move {
	__u64 dst;
	__u64 src;
	__u64 len;
	__u64 mode;
	__s64 move;
};
#define UFFDIO_MOVE _IOWR(UFFDIO, 0x05, struct uffdio_move)
#endif
#define FEATURE_WP_UNPOPULATED (1ULL << 13)
#define FEATURE_WP_ASYNC (1ULL << 15)

static void __attribute__((format(printf, 2, 3), noreturn))
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

#define holds(...)        finish(0, __VA_ARGS__)
#define contradicted(...) finish(1, __VA_ARGS__)
#define untestable(...)   finish(77, __VA_ARGS__)

/*
 * The running kernel's version from uname(2), as LINUX(major, minor,
 * patch level).  Only for behaviour that changed with no feature bit to
 * reveal it.  A distribution may keep a patch level of 0 in the release
 * (Debian's "6.1.0-57-cloud-amd64" is 6.1.192).
 */
#define LINUX(a, b, c) ((a) * 1000000L + (b) * 1000L + (c))

static long
kernel_version(void)
{
	struct utsname  u;
	char            *p;
	long            v[3] = { 0, 0, 0 };

	if (uname(&u) == -1)
		untestable("uname: %s", strerror(errno));
	p = u.release;
	for (int i = 0; i < 3; i++) {
		v[i] = strtol(p, &p, 10);
		if (*p != '.')
			break;
		p++;
	}
	return LINUX(v[0], v[1], v[2]);
}

/*
 * Whether the output field is set to -EAGAIN when the event was already
 * waiting at the call.  Since Linux 6.15, and the stable updates 6.14.7
 * and 6.12.29 (commit 95567729173e, "mm/userfaultfd: fix uninitialized
 * output field for -EAGAIN race"); earlier kernels return EAGAIN before
 * they write the field.  No feature bit tells, hence the version.
 */
static int
eagain_sets_field(void)
{
	long  v = kernel_version();

	return v >= LINUX(6, 14, 7)
	       || (v >= LINUX(6, 12, 29) && v < LINUX(6, 13, 0));
}

static size_t
page_size(void)
{
	return sysconf(_SC_PAGESIZE);
}

/* A userfaultfd after the handshake; 77 when this kernel or user
   cannot have one. */
static int
new_uffd(uint64_t features)
{
	int                fd;
	struct uffdio_api  api;

	fd = syscall(SYS_userfaultfd,
		     O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
	if (fd == -1)
		untestable("userfaultfd: %s", strerror(errno));
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	api.features = features;
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		untestable("UFFDIO_API with features %#llx: %s",
			   (unsigned long long) features, strerror(errno));
	return fd;
}

/* NPAGES pages of private anonymous memory, between two inaccessible
   guard pages so that the mapping merges with no other. */
static char *
map_anon(size_t npages)
{
	size_t  pg = page_size();
	char    *p;

	p = mmap(NULL, (npages + 2) * pg, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		untestable("mmap: %s", strerror(errno));
	if (mprotect(p + pg, npages * pg, PROT_READ | PROT_WRITE) == -1)
		untestable("mprotect: %s", strerror(errno));
	return p + pg;
}

static void
do_register(int uffd, void *addr, size_t len, uint64_t mode)
{
	struct uffdio_register  reg;

	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) addr;
	reg.range.len = len;
	reg.mode = mode;
	if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
		untestable("UFFDIO_REGISTER mode %#llx: %s",
			   (unsigned long long) mode, strerror(errno));
}

/* RET, ERR: what an ioctl returned and errno; WANT: the errno the page
   states; WHAT: the call, for the message. */
static void
expect_errno(int ret, int err, int want, const char *what)
{
	if (ret != -1)
		contradicted("%s succeeded, expected %s", what,
			     strerrorname_np(want));
	if (err != want)
		contradicted("%s failed with %s, expected %s", what,
			     strerrorname_np(err), strerrorname_np(want));
}

/* Expect the 64-bit result field FIELD to hold VALUE. */
#define EXPECT_FIELD(field, value, what)				\
	do {								\
		if ((long long) (field) != (long long) (value))		\
			contradicted("%s: %s is %lld, expected %lld",	\
				     what, #field, (long long) (field),	\
				     (long long) (value));		\
	} while (0)

struct pending_event {
	pthread_t  thread;
	int        uffd;
	char       *addr;
};

static void *
pending_event_thread(void *arg)
{
	struct pending_event  *ev = arg;

	madvise(ev->addr, page_size(), MADV_DONTNEED);
	return NULL;
}

/* Leave a UFFD_EVENT_REMOVE unread on UFFD: a thread calls
   madvise(MADV_DONTNEED) on ADDR, a page of a range registered with
   UFFD (which has UFFD_FEATURE_EVENT_REMOVE), and blocks until the
   event is read. */
static void
start_pending_event(struct pending_event *ev, int uffd, char *addr)
{
	struct pollfd  pfd = { .fd = uffd, .events = POLLIN };

	ev->uffd = uffd;
	ev->addr = addr;
	if (pthread_create(&ev->thread, NULL, pending_event_thread, ev) != 0)
		untestable("pthread_create failed");
	if (poll(&pfd, 1, 5000) != 1)
		untestable("no event arrived");
}

static void
end_pending_event(struct pending_event *ev)
{
	struct uffd_msg  msg;

	if (read(ev->uffd, &msg, sizeof(msg)) != sizeof(msg))
		untestable("read: %s", strerror(errno));
	if (msg.event != UFFD_EVENT_REMOVE)
		contradicted("read event %#x, expected UFFD_EVENT_REMOVE",
			     msg.event);
	if (pthread_join(ev->thread, NULL) != 0)
		untestable("pthread_join failed");
}

static int
copy(int fd, void *dst, const void *src, size_t len, uint64_t mode,
     struct uffdio_copy *c)
{
	memset(c, 0, sizeof(*c));
	c->dst = (uintptr_t) dst;
	c->src = (uintptr_t) src;
	c->len = len;
	c->mode = mode;
	c->copy = 12345;        /* to see whether the kernel wrote it */
	return ioctl(fd, UFFDIO_COPY, c);
}

int
main(void)
{
	int                   fd, r;
	char                  *a, *src;
	size_t                pg = page_size();
	struct uffdio_copy    c;
	struct pending_event  ev;
	int                   sets = eagain_sets_field();

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(2);
	src = map_anon(1);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	start_pending_event(&ev, fd, a + pg);
	r = copy(fd, a, src, pg, 0, &c);
	expect_errno(r, errno, EAGAIN, "UFFDIO_COPY with an event pending");
	EXPECT_FIELD(c.copy, sets ? -EAGAIN : 12345,
		     "UFFDIO_COPY with an event pending");
	end_pending_event(&ev);
	if (copy(fd, a, src, pg, 0, &c) == -1)
		contradicted("UFFDIO_COPY after the event was read: %s",
			     strerrorname_np(errno));
	holds("event pending: EAGAIN, copy %s",
	      sets ? "= -EAGAIN" : "untouched (before 6.15, 6.14.7, 6.12.29)");
}
