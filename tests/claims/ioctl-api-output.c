/*
 * ioctl-api-output: after UFFDIO_API, features holds every feature the
 * kernel supports (not only those asked for), ioctls holds the bits of
 * UFFDIO_REGISTER, UFFDIO_UNREGISTER and UFFDIO_API, and asking for
 * UFFD_FEATURE_WP_ASYNC also enables UFFD_FEATURE_WP_UNPOPULATED (seen in
 * /proc/self/fdinfo; on a kernel that has it, Linux 6.7).
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

int
main(void)
{
	int                fd;
	char               path[64], line[256];
	FILE               *f;
	char               *p;
	unsigned long long  enabled = 0;
	struct uffdio_api  api;
	uint64_t           want = (1ULL << _UFFDIO_REGISTER)
				  | (1ULL << _UFFDIO_UNREGISTER)
				  | (1ULL << _UFFDIO_API);
	uint64_t           ask = offered_features() & FEATURE_WP_ASYNC;

	fd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (fd == -1)
		untestable("userfaultfd: %s", strerror(errno));
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	api.features = ask;
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		untestable("UFFDIO_API with features %#llx: %s",
			   (unsigned long long) ask, strerror(errno));
	if (api.ioctls != want)
		contradicted("ioctls is %#llx, expected %#llx",
			     (unsigned long long) api.ioctls,
			     (unsigned long long) want);
	if ((api.features & ~ask) == 0)
		contradicted("features holds only what was asked for: %#llx",
			     (unsigned long long) api.features);
	if (ask == 0)
		untestable("features: all supported; ioctls: %#llx; this kernel "
			   "lacks UFFD_FEATURE_WP_ASYNC (Linux 6.7)",
			   (unsigned long long) api.ioctls);

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	if (f == NULL)
		untestable("%s: %s", path, strerror(errno));
	/* "API:\t<api>:<enabled features>:<ioctls>", in hexadecimal */
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "API:\t", 5) != 0)
			continue;
		p = strchr(line, ':');
		p = (p == NULL) ? NULL : strchr(p + 1, ':');
		if (p == NULL)
			untestable("cannot parse %s", line);
		enabled = strtoull(p + 1, NULL, 16);
	}
	fclose(f);
	if (!(enabled & FEATURE_WP_UNPOPULATED))
		contradicted("enabled features %#llx lack UFFD_FEATURE_WP_UNPOPULATED",
			     enabled);
	holds("features: all supported; ioctls: %#llx; WP_ASYNC implies WP_UNPOPULATED",
	      (unsigned long long) api.ioctls);
}
