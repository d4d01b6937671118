/*
 * ioctl-api-informative: the availability bits need not be asked for: with
 * no features enabled, UFFDIO_REGISTER_MODE_WP works on anonymous and
 * shared memory, UFFDIO_REGISTER_MODE_MISSING and
 * UFFDIO_REGISTER_MODE_MINOR on shared memory, and UFFDIO_POISON and
 * UFFDIO_MOVE work.  On a kernel without UFFDIO_POISON (Linux 6.6) or
 * UFFDIO_MOVE (Linux 6.8), the rest is checked, then 77.
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

/* Register ADDR, LEN in MODE on FD, whose handshake did not ask for
   FEATURE (named NAME): a failure contradicts the page, unless the kernel
   does not offer FEATURE at all. */
static void
register_unasked(int fd, void *addr, size_t len, uint64_t mode,
		 uint64_t feature, const char *name)
{
	struct uffdio_register  reg;

	if (!(offered_features() & feature))
		untestable("this kernel lacks %s", name);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) addr;
	reg.range.len = len;
	reg.mode = mode;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		contradicted("UFFDIO_REGISTER mode %#llx without asking for %s: %s",
			     (unsigned long long) mode, name,
			     strerrorname_np(errno));
}

int
main(void)
{
	int                   fd;
	char                  *a, *s, *src;
	size_t                pg = page_size();
	struct uffdio_poison  p;
	struct uffdio_move    m;

	fd = new_uffd(0);
	a = map_anon(2);
	s = map_shmem(3, 3);
	src = map_anon(1);
	src[0] = 1;
	register_unasked(fd, a, 2 * pg,
			 UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP,
			 UFFD_FEATURE_PAGEFAULT_FLAG_WP,
			 "UFFD_FEATURE_PAGEFAULT_FLAG_WP");
	register_unasked(fd, s, pg, UFFDIO_REGISTER_MODE_MISSING,
			 UFFD_FEATURE_MISSING_SHMEM, "UFFD_FEATURE_MISSING_SHMEM");
	register_unasked(fd, s + pg, pg, UFFDIO_REGISTER_MODE_WP,
			 UFFD_FEATURE_WP_HUGETLBFS_SHMEM,
			 "UFFD_FEATURE_WP_HUGETLBFS_SHMEM");
	register_unasked(fd, s + 2 * pg, pg, UFFDIO_REGISTER_MODE_MINOR,
			 UFFD_FEATURE_MINOR_SHMEM, "UFFD_FEATURE_MINOR_SHMEM");
	if (!(offered_features() & FEATURE_POISON))
		untestable("WP and the shared memory modes need no feature bit; "
			   "this kernel lacks UFFDIO_POISON (Linux 6.6): the "
			   "handshake does not offer UFFD_FEATURE_POISON");
	if (poison(fd, a, pg, 0, &p) == -1)
		contradicted("UFFDIO_POISON: %s", strerrorname_np(errno));
	if (!(offered_features() & FEATURE_MOVE))
		untestable("WP, the shared memory modes and POISON need no "
			   "feature bit; this kernel lacks UFFDIO_MOVE (Linux "
			   "6.8): the handshake does not offer UFFD_FEATURE_MOVE");
	if (move(fd, a + pg, src, pg, 0, &m) == -1)
		contradicted("UFFDIO_MOVE: %s", strerrorname_np(errno));
	holds("no feature bit needed for WP, shmem modes, POISON, MOVE");
}
