/*
 * ioctl-wp-enoent: UFFDIO_WRITEPROTECT fails with ENOENT when a mapping in
 * the range is not registered with UFFDIO_REGISTER_MODE_WP, or no mapping
 * is in the range.  Since Linux 6.4, unmapped gaps between registered
 * mappings are skipped; before, a range not inside a single mapping, as
 * one over a gap, failed with ENOENT.
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

/*
 * Whether UFFDIO_WRITEPROTECT goes through the several mappings of its
 * range, skipping the holes between them: since Linux 6.4 (commit
 * a1b92a3f1498, "mm/userfaultfd: support WP on multiple VMAs"); before,
 * the range had to lie inside a single mapping.  No feature bit tells,
 * hence the version.
 */
static int
gaps_skipped(void)
{
	return kernel_version() >= LINUX(6, 4, 0);
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

int
main(void)
{
	int     fd, r;
	char    *a, *b;
	size_t  pg = page_size();

	fd = new_uffd(0);
	a = map_anon(1);
	b = map_anon(3);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_MISSING);
	r = writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, ENOENT, "UFFDIO_WRITEPROTECT of a MISSING-only range");
	do_register(fd, b, 2 * pg, UFFDIO_REGISTER_MODE_WP);
	r = writeprotect(fd, b, 3 * pg, UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, ENOENT, "UFFDIO_WRITEPROTECT past the WP-registered part");
	if (munmap(a, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	r = writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP);
	expect_errno(r, errno, ENOENT, "UFFDIO_WRITEPROTECT of unmapped memory");
	if (munmap(b + pg, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	r = writeprotect(fd, b, 2 * pg, UFFDIO_WRITEPROTECT_MODE_WP);
	if (!gaps_skipped()) {
		expect_errno(r, errno, ENOENT,
			     "UFFDIO_WRITEPROTECT over a gap (before Linux 6.4)");
		holds("not registered for WP, or nothing mapped: ENOENT; "
		      "over a gap (before 6.4): ENOENT");
	}
	if (r == -1)
		contradicted("UFFDIO_WRITEPROTECT over a gap: %s",
			     strerrorname_np(errno));
	holds("not registered for WP, or nothing mapped: ENOENT; gaps skipped");
}
