/*
 * ioctl-move-einval-mode: UFFDIO_MOVE fails with EINVAL when mode holds an
 * unknown bit.
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
#define FEATURE_MOVE (1ULL << 16)

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

static int
move(int fd, void *dst, void *src, size_t len, uint64_t mode,
     struct uffdio_move *m)
{
	memset(m, 0, sizeof(*m));
	m->dst = (uintptr_t) dst;
	m->src = (uintptr_t) src;
	m->len = len;
	m->mode = mode;
	m->move = 12345;
	return ioctl(fd, UFFDIO_MOVE, m);
}

int
main(void)
{
	int                 fd, r;
	char                *a, *src;
	struct uffdio_move  m;

	need_feature(FEATURE_MOVE, "UFFD_FEATURE_MOVE", "UFFDIO_MOVE", "6.8");
	fd = new_uffd(0);
	a = map_anon(1);
	src = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	r = move(fd, a, src, page_size(), 1 << 2, &m);
	expect_errno(r, errno, EINVAL, "UFFDIO_MOVE with mode bit 2");
	holds("unknown mode bit: EINVAL");
}
