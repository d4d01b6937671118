/*
 * ioctl-register-ioctls-hugetlb: on hugetlbfs memory, UFFDIO_REGISTER
 * returns in ioctls WAKE, COPY and POISON, without ZEROPAGE and MOVE, plus
 * WRITEPROTECT with UFFDIO_REGISTER_MODE_WP and CONTINUE with
 * UFFDIO_REGISTER_MODE_MINOR (needs 2 MiB huge pages).  POISON only from
 * Linux 6.6, the kernel that offers UFFD_FEATURE_POISON.
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

#define HPAGE (2UL * 1024 * 1024)

/* Two huge pages of a hugetlbfs memfd, or 77 where there are none. */
static char *
map_huge(void)
{
	int   fd;
	char  *p;

	fd = memfd_create("claim", MFD_CLOEXEC | MFD_HUGETLB);
	if (fd == -1)
		untestable("memfd_create(MFD_HUGETLB): %s", strerror(errno));
	if (ftruncate(fd, 2 * HPAGE) == -1)
		untestable("ftruncate: %s", strerror(errno));
	p = mmap(NULL, 2 * HPAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		untestable("no huge pages to map (vm.nr_hugepages is 0?): %s",
			   strerror(errno));
	close(fd);
	return p;
}

int
main(void)
{
	int                     fd;
	char                    *h;
	uint64_t                want;
	struct uffdio_register  reg;

	h = map_huge();
	fd = new_uffd(0);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) h;
	reg.range.len = HPAGE;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP
		   | UFFDIO_REGISTER_MODE_MINOR;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		untestable("UFFDIO_REGISTER: %s", strerror(errno));
	want = (1ULL << _UFFDIO_WAKE) | (1ULL << _UFFDIO_COPY)
	       | (1ULL << 0x06) | (1ULL << 0x07);
	if (offered_features() & FEATURE_POISON)
		want |= 1ULL << 0x08;
	if (reg.ioctls != want)
		contradicted("ioctls %#llx, expected %#llx",
			     (unsigned long long) reg.ioctls,
			     (unsigned long long) want);
	holds("hugetlbfs: WAKE, COPY, WRITEPROTECT, CONTINUE%s",
	      (want & (1ULL << 0x08)) ? ", POISON" : " (no POISON before 6.6)");
}
