/*
 * ioctl-efault: every operation fails with EFAULT when its argument points
 * outside the accessible address space.  UFFDIO_POISON and UFFDIO_MOVE
 * are tried only on the kernels that have them, those whose handshake
 * offers UFFD_FEATURE_POISON (Linux 6.6) and UFFD_FEATURE_MOVE (Linux
 * 6.8); elsewhere their requests are unknown.
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

/* Expect the ioctl OP on ARG to fail with WANT. */
#define EXPECT(fd, op, arg, want, what)					\
	do {								\
		int r_ = ioctl(fd, op, arg);				\
		expect_errno(r_, errno, want, what);			\
	} while (0)

int
main(void)
{
	int       fd;
	void      *bad = (void *) 8;
	int       tried = 1;
	uint64_t  offered = offered_features();
	static const struct {
		unsigned long  op;
		const char     *name;
		uint64_t       feature;     /* 0: on every kernel */
	} ops[] = {
		{ UFFDIO_REGISTER, "UFFDIO_REGISTER", 0 },
		{ UFFDIO_UNREGISTER, "UFFDIO_UNREGISTER", 0 },
		{ UFFDIO_WAKE, "UFFDIO_WAKE", 0 },
		{ UFFDIO_COPY, "UFFDIO_COPY", 0 },
		{ UFFDIO_ZEROPAGE, "UFFDIO_ZEROPAGE", 0 },
		{ UFFDIO_WRITEPROTECT, "UFFDIO_WRITEPROTECT", 0 },
		{ UFFDIO_CONTINUE, "UFFDIO_CONTINUE", 0 },
		{ UFFDIO_POISON, "UFFDIO_POISON", FEATURE_POISON },
		{ UFFDIO_MOVE, "UFFDIO_MOVE", FEATURE_MOVE },
	};

	fd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (fd == -1)
		untestable("userfaultfd: %s", strerror(errno));
	EXPECT(fd, UFFDIO_API, bad, EFAULT, "UFFDIO_API with a bad pointer");
	close(fd);

	fd = new_uffd(0);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (ops[i].feature != 0 && !(offered & ops[i].feature))
			continue;
		EXPECT(fd, ops[i].op, bad, EFAULT, ops[i].name);
		tried++;
	}
	holds("all %d operations of this kernel failed with EFAULT on a bad "
	      "pointer%s%s", tried,
	      (offered & FEATURE_POISON) ? "" : "; it lacks UFFDIO_POISON (6.6)",
	      (offered & FEATURE_MOVE) ? "" : "; it lacks UFFDIO_MOVE (6.8)");
}
