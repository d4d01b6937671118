/*
 * ioctl-wp-unpopulated: on private anonymous memory, UFFDIO_WRITEPROTECT
 * does not protect pages never touched, unless UFFD_FEATURE_WP_UNPOPULATED
 * was enabled; on a range also registered with
 * UFFDIO_REGISTER_MODE_MISSING the first write is then a missing fault.
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

static int
writeprotect(int fd, void *addr, size_t len, uint64_t mode)
{
	struct uffdio_writeprotect  wp;

	memset(&wp, 0, sizeof(wp));
	wp.range.start = (uintptr_t) addr;
	wp.range.len = len;
	wp.mode = mode;
	return ioctl(fd, UFFDIO_WRITEPROTECT, &wp);
}

struct writer {
	pthread_t  thread;
	char       *addr;
};

static void *
write_byte(void *arg)
{
	struct writer  *w = arg;

	w->addr[0] = 'w';
	return NULL;
}

/* What a write to a page never touched does after UFFDIO_WRITEPROTECT:
   -1 no fault, else the fault's flags (the fault is then resolved). */
static long long
first_write(uint64_t features, uint64_t mode)
{
	int                 fd;
	char                *a;
	long long           flags = -1;
	size_t              pg = page_size();
	struct pollfd       pfd;
	struct writer       w;
	struct uffd_msg     msg;
	struct uffdio_copy  c;

	fd = new_uffd(features);
	a = map_anon(1);
	do_register(fd, a, pg, mode);
	if (writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	w.addr = a;
	if (pthread_create(&w.thread, NULL, write_byte, &w) != 0)
		untestable("pthread_create failed");
	pfd.fd = fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 500) == 1) {
		if (read(fd, &msg, sizeof(msg)) != sizeof(msg))
			untestable("read: %s", strerror(errno));
		flags = msg.arg.pagefault.flags;
		if (flags & UFFD_PAGEFAULT_FLAG_WP) {
			if (writeprotect(fd, a, pg, 0) == -1)
				untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
		} else {
			char  *src = map_anon(1);

			memset(&c, 0, sizeof(c));
			c.dst = (uintptr_t) a;
			c.src = (uintptr_t) src;
			c.len = pg;
			if (ioctl(fd, UFFDIO_COPY, &c) == -1)
				untestable("UFFDIO_COPY: %s", strerror(errno));
		}
	}
	if (pthread_join(w.thread, NULL) != 0)
		untestable("pthread_join failed");
	close(fd);
	return flags;
}

int
main(void)
{
	long long  f;

	f = first_write(0, UFFDIO_REGISTER_MODE_WP);
	if (f != -1)
		contradicted("WP only: the write faulted, flags %#llx", f);
	f = first_write(0, UFFDIO_REGISTER_MODE_WP | UFFDIO_REGISTER_MODE_MISSING);
	if (f != UFFD_PAGEFAULT_FLAG_WRITE)
		contradicted("MISSING|WP: flags %#llx, expected WRITE (a missing fault)", f);
	if (!(offered_features() & FEATURE_WP_UNPOPULATED))
		untestable("unpopulated pages: not protected; this kernel lacks "
			   "UFFD_FEATURE_WP_UNPOPULATED (Linux 6.4)");
	f = first_write(FEATURE_WP_UNPOPULATED, UFFDIO_REGISTER_MODE_WP);
	if (f != (UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("with WP_UNPOPULATED: flags %#llx, expected WP|WRITE", f);
	holds("unpopulated pages: not protected; with WP_UNPOPULATED: protected");
}
