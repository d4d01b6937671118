/*
 * ioctl-register-ioctls: UFFDIO_REGISTER returns in ioctls WAKE, COPY,
 * ZEROPAGE, MOVE and POISON for anonymous and shared memory, plus
 * WRITEPROTECT with UFFDIO_REGISTER_MODE_WP and CONTINUE with
 * UFFDIO_REGISTER_MODE_MINOR.  POISON and MOVE only from the kernels that
 * offer UFFD_FEATURE_POISON (Linux 6.6) and UFFD_FEATURE_MOVE (Linux 6.8).
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

static uint64_t
reg_ioctls(int fd, const char *addr, uint64_t mode)
{
	struct uffdio_register  reg;
	struct uffdio_range     range;

	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) addr;
	reg.range.len = page_size();
	reg.mode = mode;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		untestable("UFFDIO_REGISTER mode %#llx: %s",
			   (unsigned long long) mode, strerror(errno));
	range = reg.range;
	if (ioctl(fd, UFFDIO_UNREGISTER, &range) == -1)
		untestable("UFFDIO_UNREGISTER: %s", strerror(errno));
	return reg.ioctls;
}

static void
expect(uint64_t got, uint64_t want, const char *what)
{
	if (got != want)
		contradicted("%s: ioctls %#llx, expected %#llx", what,
			     (unsigned long long) got,
			     (unsigned long long) want);
}

int
main(void)
{
	int       fd;
	char      *a, *s;
	uint64_t  base = (1ULL << _UFFDIO_WAKE) | (1ULL << _UFFDIO_COPY)
			 | (1ULL << _UFFDIO_ZEROPAGE);
	uint64_t  wp = 1ULL << 0x06, cont = 1ULL << 0x07;
	uint64_t  offered = offered_features();

	if (offered & FEATURE_MOVE)
		base |= 1ULL << 0x05;
	if (offered & FEATURE_POISON)
		base |= 1ULL << 0x08;
	fd = new_uffd(0);
	a = map_anon(1);
	s = map_shmem(1, 1);
	expect(reg_ioctls(fd, a, UFFDIO_REGISTER_MODE_MISSING), base, "anonymous, MISSING");
	expect(reg_ioctls(fd, a, UFFDIO_REGISTER_MODE_WP), base | wp, "anonymous, WP");
	expect(reg_ioctls(fd, s, UFFDIO_REGISTER_MODE_MISSING), base, "memfd, MISSING");
	expect(reg_ioctls(fd, s, UFFDIO_REGISTER_MODE_WP), base | wp, "memfd, WP");
	expect(reg_ioctls(fd, s, UFFDIO_REGISTER_MODE_MINOR), base | cont, "memfd, MINOR");
	holds("ioctls masks as stated for anonymous and memfd memory%s%s",
	      (offered & FEATURE_POISON) ? "" : " (no POISON before 6.6)",
	      (offered & FEATURE_MOVE) ? "" : " (no MOVE before 6.8)");
}
