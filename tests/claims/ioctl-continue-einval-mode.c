/*
 * ioctl-continue-einval-mode: UFFDIO_CONTINUE fails with EINVAL when mode
 * holds an unknown bit, or UFFDIO_CONTINUE_MODE_WP on a range not
 * registered with UFFDIO_REGISTER_MODE_WP (Linux 6.4 and later: before,
 * the mode bit is unknown).
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
 * Does this kernel know UFFDIO_CONTINUE_MODE_WP (Linux 6.4)?  No feature
 * bit says so; the kernel's answer to a call does.  A kernel that does not
 * know the bit rejects it with EINVAL before it looks at the range; one
 * that knows it looks for the mapping, and finds none at an address where
 * nothing is mapped (ENOENT).  A kernel of 6.4 or later that does not know
 * it contradicts the page.
 */
static int
continue_knows_wp(int fd)
{
	size_t                  pg = sysconf(_SC_PAGESIZE);
	char                    *hole;
	int                     err;
	struct uffdio_continue  c;

	hole = mmap(NULL, pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (hole == MAP_FAILED || munmap(hole, pg) == -1)
		untestable("mmap, munmap: %s", strerror(errno));
	memset(&c, 0, sizeof(c));
	c.range.start = (uintptr_t) hole;
	c.range.len = pg;
	c.mode = UFFDIO_CONTINUE_MODE_WP;
	if (ioctl(fd, UFFDIO_CONTINUE, &c) == 0)
		untestable("UFFDIO_CONTINUE on unmapped memory succeeded");
	err = errno;
	if (err == ENOENT)
		return 1;
	if (err != EINVAL)
		untestable("UFFDIO_CONTINUE_MODE_WP on unmapped memory: %s",
			   strerror(err));
	if (kernel_version() >= LINUX(6, 4, 0))
		contradicted("UFFDIO_CONTINUE rejects UFFDIO_CONTINUE_MODE_WP as "
			     "an unknown mode on Linux 6.4 or later");
	return 0;
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

/* NPAGES pages of a shared mapping of a memfd of FILEPAGES pages. */
static char *
map_shmem(size_t npages, size_t filepages)
{
	size_t  pg = page_size();
	int     fd;
	char    *p;

	fd = memfd_create("claim", MFD_CLOEXEC);
	if (fd == -1 || ftruncate(fd, filepages * pg) == -1)
		untestable("memfd: %s", strerror(errno));
	p = mmap(NULL, npages * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		untestable("mmap: %s", strerror(errno));
	close(fd);
	return p;
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

static int
cont(int fd, void *addr, size_t len, uint64_t mode, struct uffdio_continue *c)
{
	memset(c, 0, sizeof(*c));
	c->range.start = (uintptr_t) addr;
	c->range.len = len;
	c->mode = mode;
	c->mapped = 12345;
	return ioctl(fd, UFFDIO_CONTINUE, c);
}

/* A second mapping of the pages of S, to put them in the page cache
   without touching S itself. */
static char *
alias(char *s, size_t len)
{
	char  *p;

	p = mremap(s, 0, len, MREMAP_MAYMOVE);
	if (p == MAP_FAILED)
		untestable("mremap: %s", strerror(errno));
	return p;
}

int
main(void)
{
	int                     fd, r;
	char                    *s, *t;
	size_t                  pg = page_size();
	struct uffdio_continue  c;

	fd = new_uffd(0);
	s = map_shmem(1, 1);
	t = alias(s, pg);
	t[0] = 1;
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MINOR);
	r = cont(fd, s, pg, 1 << 2, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE with mode bit 2");
	EXPECT_FIELD(c.mapped, 12345, "UFFDIO_CONTINUE with mode bit 2");
	if (!continue_knows_wp(fd))
		untestable("unknown bit: EINVAL; this kernel lacks "
			   "UFFDIO_CONTINUE_MODE_WP (Linux 6.4): UFFDIO_CONTINUE "
			   "rejects it as an unknown mode");
	r = cont(fd, s, pg, UFFDIO_CONTINUE_MODE_WP, &c);
	expect_errno(r, errno, EINVAL, "UFFDIO_CONTINUE_MODE_WP on a MINOR-only range");
	EXPECT_FIELD(c.mapped, -EINVAL, "UFFDIO_CONTINUE_MODE_WP on a MINOR-only range");
	holds("unknown bit: EINVAL; MODE_WP without WP registration: EINVAL");
}
