/*
 * ioctl-poison-efault-eof: UFFDIO_POISON fails with EFAULT when the page
 * lies beyond the end of the shared-memory file.
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
#define FEATURE_POISON (1ULL << 14)

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

/* The features this kernel offers: the answer to a handshake that asks
   for none, on a descriptor of its own. */
static uint64_t
offered_features(void)
{
	int                fd;
	struct uffdio_api  api;

	fd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (fd == -1)
		untestable("userfaultfd: %s", strerror(errno));
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		untestable("UFFDIO_API: %s", strerror(errno));
	close(fd);
	return api.features;
}

/* 77 unless the handshake offers BIT (named BITNAME), which came with
   WHAT in Linux SINCE. */
static void
need_feature(uint64_t bit, const char *bitname, const char *what,
	     const char *since)
{
	if (!(offered_features() & bit))
		untestable("this kernel lacks %s (Linux %s): the handshake "
			   "does not offer %s", what, since, bitname);
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
poison(int fd, void *addr, size_t len, uint64_t mode, struct uffdio_poison *p)
{
	memset(p, 0, sizeof(*p));
	p->range.start = (uintptr_t) addr;
	p->range.len = len;
	p->mode = mode;
	p->updated = 12345;
	return ioctl(fd, UFFDIO_POISON, p);
}

int
main(void)
{
	int                   fd, r;
	char                  *s;
	size_t                pg = page_size();
	struct uffdio_poison  p;

	need_feature(FEATURE_POISON, "UFFD_FEATURE_POISON", "UFFDIO_POISON",
		     "6.6");
	fd = new_uffd(0);
	s = map_shmem(2, 1);
	do_register(fd, s, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	r = poison(fd, s + pg, pg, 0, &p);
	expect_errno(r, errno, EFAULT, "UFFDIO_POISON past the end of a memfd");
	EXPECT_FIELD(p.updated, -EFAULT, "UFFDIO_POISON past the end of a memfd");
	holds("beyond the end of the file: EFAULT");
}
