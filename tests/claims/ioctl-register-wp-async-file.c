/*
 * ioctl-register-wp-async-file: with UFFD_FEATURE_WP_ASYNC enabled,
 * UFFDIO_REGISTER_MODE_WP alone is accepted on any mapping, here a shared
 * mapping of a regular file not on tmpfs, while other modes on it still
 * fail with EINVAL.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
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
#include <sys/vfs.h>
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

/*
 * A file of LEN bytes, already unlinked, on a filesystem that is not
 * tmpfs: a file on tmpfs is shared memory, which may be registered.
 * Tries $TMPDIR, /var/tmp, the current directory and /tmp; WHERE gets the
 * directory.  77 when none will do.
 */
static int
disk_file(size_t len, const char **where)
{
	const char     *dirs[] = { getenv("TMPDIR"), "/var/tmp", ".", "/tmp" };
	char           path[4096];
	struct statfs  st;
	int            fd;

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		if (statfs(dirs[i], &st) == -1 || st.f_type == TMPFS_MAGIC)
			continue;
		if (snprintf(path, sizeof(path), "%s/ioctl-claim-XXXXXX",
			     dirs[i]) >= (int) sizeof(path))
			continue;
		fd = mkstemp(path);
		if (fd == -1)
			continue;
		unlink(path);
		if (ftruncate(fd, len) == -1)
			untestable("ftruncate %s: %s", path, strerror(errno));
		*where = dirs[i];
		return fd;
	}
	untestable("no disk-backed filesystem to create a file on "
		   "($TMPDIR, /var/tmp, . and /tmp are tmpfs or not writable)");
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
	int                     fd, file;
	char                    *f;
	const char              *dir;
	size_t                  pg = page_size();
	struct uffdio_register  reg;

	if (!(offered_features() & FEATURE_WP_ASYNC))
		untestable("this kernel lacks UFFD_FEATURE_WP_ASYNC (Linux 6.7)");
	fd = new_uffd(FEATURE_WP_ASYNC);
	file = disk_file(pg, &dir);
	f = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, file, 0);
	if (f == MAP_FAILED)
		untestable("mmap of a file in %s: %s", dir, strerror(errno));
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) f;
	reg.range.len = pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP;
	EXPECT(fd, UFFDIO_REGISTER, &reg, EINVAL,
	       "UFFDIO_REGISTER MISSING|WP of a file (not tmpfs) with WP_ASYNC");
	reg.mode = UFFDIO_REGISTER_MODE_WP;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1)
		contradicted("UFFDIO_REGISTER_MODE_WP of a file with WP_ASYNC: %s",
			     strerrorname_np(errno));
	holds("WP_ASYNC: WP alone on a regular file (in %s) accepted", dir);
}
