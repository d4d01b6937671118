/*
 * ioctl.h: what the checks of ioctl_userfaultfd.2 (tests/claims/ioctl-*.c)
 * share.
 *
 * A check is one program, with no arguments, that provokes the condition
 * of one statement of the page: exit 0 when the statement holds, 1 when
 * it is contradicted (what was seen goes to stdout), 77 when it cannot be
 * tested here (the reason goes to stdout).  finish() and its holds(),
 * contradicted() and untestable() come from priv.h.  A helper below that
 * cannot set the scene (mmap(2) fails, the kernel lacks a feature) ends
 * the check with 77: that is a failure of the machinery, not of the claim.
 *
 * Include this header first.  Everything here is static inline, so that
 * a check compiles cleanly with -Wall -Wextra -Werror whatever it uses.
 */
#ifndef CLAIMS_IOCTL_H
#define CLAIMS_IOCTL_H

#include "priv.h"

#include <ctype.h>
#include <stdatomic.h>
#include <linux/magic.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <time.h>

/*
 * What the 6.1 header of Debian 12 lacks (UFFD_USER_MODE_ONLY is in
 * priv.h): the checks skip at run time, not at build time, what an older
 * kernel lacks, so each must compile on this machine.
 */
#ifndef UFFD_FEATURE_WP_UNPOPULATED
#define UFFD_FEATURE_WP_UNPOPULATED (1 << 13)
#endif
#ifndef UFFD_FEATURE_POISON
#define UFFD_FEATURE_POISON (1 << 14)
#endif
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif
#ifndef UFFD_FEATURE_MOVE
#define UFFD_FEATURE_MOVE (1 << 16)
#endif
#ifndef UFFDIO_CONTINUE_MODE_WP
#define UFFDIO_CONTINUE_MODE_WP ((__u64) 1 << 1)
#endif
#ifndef UFFDIO_POISON
#define _UFFDIO_POISON (0x08)
#define UFFDIO_POISON_MODE_DONTWAKE ((__u64) 1 << 0)
struct uffdio_poison {
	struct uffdio_range range;
	__u64 mode;
	__s64 updated;
};
#define UFFDIO_POISON _IOWR(UFFDIO, _UFFDIO_POISON, struct uffdio_poison)
#endif
#ifndef UFFDIO_MOVE
#define _UFFDIO_MOVE (0x05)
#define UFFDIO_MOVE_MODE_DONTWAKE ((__u64) 1 << 0)
#define UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES ((__u64) 1 << 1)
struct uffdio_move {
	__u64 dst;
	__u64 src;
	__u64 len;
	__u64 mode;
	__s64 move;
};
#define UFFDIO_MOVE _IOWR(UFFDIO, _UFFDIO_MOVE, struct uffdio_move)
#endif

/* --- the verdict -------------------------------------------------------- */

/*
 * The claims are about errnos: RET and ERR are what a call returned and
 * errno; WANT is the errno the page states; WHAT names the call in the
 * message.  Anything else contradicts the page.
 */
static inline void
expect_errno(int ret, int err, int want, const char *what)
{
	if (ret != -1)
		contradicted("%s succeeded, expected %s", what,
			     strerrorname_np(want));
	if (err != want)
		contradicted("%s failed with %s, expected %s", what,
			     strerrorname_np(err), strerrorname_np(want));
}

/* The same, making the call itself: the ioctl OP on FD with ARG. */
#define EXPECT(fd, op, arg, want, what)					\
	do {								\
		int r_ = ioctl(fd, op, arg);				\
		expect_errno(r_, errno, want, what);			\
	} while (0)

/*
 * The operations that fill or move pages also report in a 64-bit field
 * of their argument (copy, zeropage, mapped, updated, move): the bytes
 * done, or the negated errno.  Expect FIELD to hold VALUE; the message
 * names the field.
 */
#define EXPECT_FIELD(field, value, what)				\
	do {								\
		long long f_ = (field), v_ = (value);			\
									\
		if (f_ != v_)						\
			contradicted("%s: %s is %lld, expected %lld",	\
				     what, #field, f_, v_);		\
	} while (0)

/*
 * What the wrappers of those operations (uffd_copy() and the others
 * below) put in the output field before the call: still there after it,
 * the kernel did not write the field.
 */
#define UNTOUCHED 12345

/* --- the descriptor ----------------------------------------------------- */

/*
 * A userfaultfd before the handshake, with FLAGS besides O_CLOEXEC and
 * UFFD_USER_MODE_ONLY (which an unprivileged user may need); 77 when this
 * kernel or user cannot have one.
 */
static inline int
open_uffd(int flags)
{
	int  fd;

	fd = uffd_user_mode(flags);
	if (fd == -1)
		untestable("userfaultfd: %s", strerror(errno));
	return fd;
}

/*
 * The UFFDIO_API handshake on FD, asking for FEATURES; *API gets the
 * kernel's answer.  77 when the kernel refuses.
 */
static inline void
handshake(int fd, uint64_t features, struct uffdio_api *api)
{
	memset(api, 0, sizeof(*api));
	api->api = UFFD_API;
	api->features = features;
	if (ioctl(fd, UFFDIO_API, api) == -1)
		untestable("UFFDIO_API with features %#llx: %s",
			   (unsigned long long) features, strerror(errno));
}

/*
 * A userfaultfd after the handshake, ready for the operations; reads of
 * it do not block (O_NONBLOCK).
 */
static inline int
new_uffd(uint64_t features)
{
	int                fd;
	struct uffdio_api  api;

	fd = open_uffd(O_NONBLOCK);
	handshake(fd, features, &api);
	return fd;
}

/*
 * The features this kernel offers: the answer to a handshake that asks
 * for none, on a descriptor of its own.  It tells what the kernel has,
 * so that a check skips what came after it.
 */
static inline uint64_t
offered_features(void)
{
	int                fd;
	struct uffdio_api  api;

	fd = open_uffd(0);
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		untestable("UFFDIO_API: %s", strerror(errno));
	close(fd);
	return api.features;
}

/*
 * 77 unless the handshake offers BIT (named BITNAME), which came with
 * WHAT in Linux SINCE.
 */
static inline void
need_feature(uint64_t bit, const char *bitname, const char *what,
	     const char *since)
{
	if (!(offered_features() & bit))
		untestable("this kernel lacks %s (Linux %s): the handshake "
			   "does not offer %s", what, since, bitname);
}

/* The checks of UFFDIO_POISON and UFFDIO_MOVE begin with these. */
static inline void
need_poison(void)
{
	need_feature(UFFD_FEATURE_POISON, "UFFD_FEATURE_POISON",
		     "UFFDIO_POISON", "6.6");
}

static inline void
need_move(void)
{
	need_feature(UFFD_FEATURE_MOVE, "UFFD_FEATURE_MOVE", "UFFDIO_MOVE",
		     "6.8");
}

/*
 * A userfaultfd whose creator has exited, for the claims about a
 * descriptor that outlived its address space (ESRCH, ENOMEM): a child makes
 * one, sends it here over a socket (SCM_RIGHTS) and exits.
 */
static inline int
orphan_uffd(void)
{
	int      sv[2], fd = -1, status;
	char     c = 0;
	pid_t    pid;
	union {
		struct cmsghdr  h;
		char            buf[CMSG_SPACE(sizeof(int))];
	} u;
	struct iovec   iov = { &c, 1 };
	struct msghdr  m = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = u.buf,
			     .msg_controllen = sizeof(u.buf) };
	struct cmsghdr  *cm;

	memset(&u, 0, sizeof(u));
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1)
		untestable("socketpair: %s", strerror(errno));
	pid = fork();
	if (pid == -1)
		untestable("fork: %s", strerror(errno));
	if (pid == 0) {
		int  child_fd;

		close(sv[0]);
		child_fd = new_uffd(0);

		cm = CMSG_FIRSTHDR(&m);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &child_fd, sizeof(child_fd));
		_exit(sendmsg(sv[1], &m, 0) == 1 ? 0 : 1);
	}
	/* A child that cannot make one exits: the read then ends. */
	close(sv[1]);
	if (recvmsg(sv[0], &m, 0) != 1)
		untestable("no descriptor from the child");
	cm = CMSG_FIRSTHDR(&m);
	if (cm == NULL || cm->cmsg_type != SCM_RIGHTS)
		untestable("no descriptor received");
	memcpy(&fd, CMSG_DATA(cm), sizeof(fd));
	if (fd < 0)
		untestable("no descriptor received");
	if (waitpid(pid, &status, 0) == -1 || status != 0)
		untestable("the child failed");
	close(sv[0]);
	return fd;
}

/* --- memory ------------------------------------------------------------- */

/* The unit of every range the operations take, and of the mappings here. */
static inline size_t
page_size(void)
{
	return sysconf(_SC_PAGESIZE);
}

/*
 * NPAGES pages of private anonymous memory, between two inaccessible
 * guard pages so that the mapping merges with no other: a check that
 * registers "this mapping" must not register its neighbour too.
 */
static inline char *
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

/*
 * Shared memory: NPAGES pages of a shared mapping of a memfd of FILEPAGES
 * pages (fewer file pages than mapped pages leave some beyond the end of
 * the file).
 */
static inline char *
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

/*
 * A second mapping of the pages of S, a shared mapping, for the minor
 * fault claims: writing through it puts a page in the page cache without
 * touching S itself.
 */
static inline char *
alias(char *s, size_t len)
{
	char  *p;

	p = mremap(s, 0, len, MREMAP_MAYMOVE);
	if (p == MAP_FAILED)
		untestable("mremap: %s", strerror(errno));
	return p;
}

/*
 * One page of shared memory that holds BYTE in the page cache but is not
 * yet mapped at the address returned: the scene of a minor fault, which
 * UFFDIO_CONTINUE resolves.  BYTE is written through a second mapping.
 */
static inline char *
cached_page(char byte)
{
	char  *s = map_shmem(1, 1);

	alias(s, page_size())[0] = byte;
	return s;
}

/* The huge page size the hugetlbfs claims need (x86-64's default). */
#define HPAGE (2UL * 1024 * 1024)

/* Two huge pages of a hugetlbfs memfd, or 77 where there are none. */
static inline char *
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

/*
 * A shared mapping of LEN bytes of a file, already unlinked, on a
 * filesystem that is not tmpfs: a file on tmpfs is shared memory, which
 * may be registered, and the claims are about a regular file, which may
 * not.  Tries $TMPDIR, /var/tmp, the current directory and /tmp; WHERE
 * gets the directory.  77 when none will do.
 */
static inline char *
map_disk_file(size_t len, const char **where)
{
	const char     *dirs[] = { getenv("TMPDIR"), "/var/tmp", ".", "/tmp" };
	char           path[4096];
	struct statfs  st;
	int            fd;
	char           *p;

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
		p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (p == MAP_FAILED)
			untestable("mmap of a file in %s: %s", dirs[i],
				   strerror(errno));
		close(fd);
		*where = dirs[i];
		return p;
	}
	untestable("no disk-backed filesystem to create a file on "
		   "($TMPDIR, /var/tmp, . and /tmp are tmpfs or not writable)");
}

/*
 * For the ENOMEM claims of a split at vm.max_map_count: map single pages,
 * alternately inaccessible and readable so that none merge, until the
 * kernel refuses; the process then has as many mappings as it may.
 */
static inline void
exhaust_map_count(void)
{
	for (long n = 0; ; n++) {
		int   prot = (n & 1) ? PROT_READ : PROT_NONE;
		void  *p = mmap(NULL, page_size(), prot,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			if (errno != ENOMEM)
				untestable("mmap: %s", strerror(errno));
			if (n < 2)
				untestable("could not map two pages");
			return;
		}
	}
}

/* --- registration and the operations ------------------------------------ */

/* Register ADDR, LEN in MODE: the scene of a check, 77 if refused. */
static inline void
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

/*
 * The ioctls that UFFDIO_REGISTER answers for one page at ADDR in MODE;
 * the page is unregistered again.  A refusal is 77, or, with REFUSED_OK,
 * 0 when the kernel refused with EINVAL (a mode or memory it lacks).
 */
static inline uint64_t
register_ioctls(int fd, const char *addr, uint64_t mode, int refused_ok)
{
	struct uffdio_register  reg;
	struct uffdio_range     range;

	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) addr;
	reg.range.len = page_size();
	reg.mode = mode;
	if (ioctl(fd, UFFDIO_REGISTER, &reg) == -1) {
		if (refused_ok && errno == EINVAL)
			return 0;
		untestable("UFFDIO_REGISTER mode %#llx: %s",
			   (unsigned long long) mode, strerror(errno));
	}
	range = reg.range;
	if (ioctl(fd, UFFDIO_UNREGISTER, &range) == -1)
		untestable("UFFDIO_UNREGISTER: %s", strerror(errno));
	return reg.ioctls;
}

/*
 * One wrapper per operation: fill the structure the caller gives (whose
 * output field the check looks at after the call), output field set to
 * UNTOUCHED, and return what ioctl(2) returned, errno kept.
 */
static inline int
uffd_copy(int fd, void *dst, const void *src, size_t len, uint64_t mode,
	  struct uffdio_copy *c)
{
	memset(c, 0, sizeof(*c));
	c->dst = (uintptr_t) dst;
	c->src = (uintptr_t) src;
	c->len = len;
	c->mode = mode;
	c->copy = UNTOUCHED;
	return ioctl(fd, UFFDIO_COPY, c);
}

static inline int
uffd_zeropage(int fd, void *dst, size_t len, uint64_t mode,
	      struct uffdio_zeropage *z)
{
	memset(z, 0, sizeof(*z));
	z->range.start = (uintptr_t) dst;
	z->range.len = len;
	z->mode = mode;
	z->zeropage = UNTOUCHED;
	return ioctl(fd, UFFDIO_ZEROPAGE, z);
}

static inline int
uffd_continue(int fd, void *addr, size_t len, uint64_t mode,
	      struct uffdio_continue *c)
{
	memset(c, 0, sizeof(*c));
	c->range.start = (uintptr_t) addr;
	c->range.len = len;
	c->mode = mode;
	c->mapped = UNTOUCHED;
	return ioctl(fd, UFFDIO_CONTINUE, c);
}

static inline int
uffd_poison(int fd, void *addr, size_t len, uint64_t mode,
	    struct uffdio_poison *p)
{
	memset(p, 0, sizeof(*p));
	p->range.start = (uintptr_t) addr;
	p->range.len = len;
	p->mode = mode;
	p->updated = UNTOUCHED;
	return ioctl(fd, UFFDIO_POISON, p);
}

static inline int
uffd_move(int fd, void *dst, void *src, size_t len, uint64_t mode,
	  struct uffdio_move *m)
{
	memset(m, 0, sizeof(*m));
	m->dst = (uintptr_t) dst;
	m->src = (uintptr_t) src;
	m->len = len;
	m->mode = mode;
	m->move = UNTOUCHED;
	return ioctl(fd, UFFDIO_MOVE, m);
}

/* UFFDIO_WRITEPROTECT has no output field. */
static inline int
uffd_writeprotect(int fd, void *addr, size_t len, uint64_t mode)
{
	struct uffdio_writeprotect  wp;

	memset(&wp, 0, sizeof(wp));
	wp.range.start = (uintptr_t) addr;
	wp.range.len = len;
	wp.mode = mode;
	return ioctl(fd, UFFDIO_WRITEPROTECT, &wp);
}

/*
 * The malformed ranges every range operation rejects with EINVAL: the
 * ioctl OP on FD with ARG, whose range is *R, near the registered page
 * A; NAME names the operation in the messages.
 */
static inline void
check_ranges(int fd, unsigned long op, void *arg, struct uffdio_range *r,
	     const char *a, const char *name)
{
	size_t  pg = page_size();
	char    what[128];

	r->start = (uintptr_t) a + 1;
	r->len = pg;
	snprintf(what, sizeof(what), "%s, start not page-aligned", name);
	EXPECT(fd, op, arg, EINVAL, what);
	r->start = (uintptr_t) a;
	r->len = 0;
	snprintf(what, sizeof(what), "%s, len 0", name);
	EXPECT(fd, op, arg, EINVAL, what);
	r->len = pg / 2;
	snprintf(what, sizeof(what), "%s, len not a multiple of the page size", name);
	EXPECT(fd, op, arg, EINVAL, what);
	r->start = UINT64_MAX & ~(uint64_t) (pg - 1);
	r->len = pg;
	snprintf(what, sizeof(what), "%s, start above the user address space", name);
	EXPECT(fd, op, arg, EINVAL, what);
	r->start = (uintptr_t) a;
	r->len = UINT64_MAX - pg + 1;
	snprintf(what, sizeof(what), "%s, range past the end of user space", name);
	EXPECT(fd, op, arg, EINVAL, what);
	/* The same without wrapping around 2^64: the kernel must compare
	   with the end of the user address space, not only look for an
	   overflow. */
	r->start = 1ULL << 63;
	r->len = pg;
	snprintf(what, sizeof(what), "%s, start at 2^63", name);
	EXPECT(fd, op, arg, EINVAL, what);
	r->start = (uintptr_t) a;
	r->len = 1ULL << 62;
	snprintf(what, sizeof(what), "%s, len 2^62 from a mapped page", name);
	EXPECT(fd, op, arg, EINVAL, what);
}

/* --- faults and events -------------------------------------------------- */

/*
 * The next message on FD, waiting up to MS milliseconds for it: 1 and the
 * message in *MSG, or 0 when none came.
 */
static inline int
wait_msg(int fd, int ms, struct uffd_msg *msg)
{
	struct pollfd  pfd = { .fd = fd, .events = POLLIN };

	if (poll(&pfd, 1, ms) != 1)
		return 0;
	if (read(fd, msg, sizeof(*msg)) != sizeof(*msg))
		untestable("read: %s", strerror(errno));
	return 1;
}

/* Let another thread or process run for MS milliseconds (MS < 1000). */
static inline void
sleep_ms(long ms)
{
	struct timespec  ts = { .tv_sec = 0, .tv_nsec = ms * 1000000L };

	nanosleep(&ts, NULL);
}

/*
 * A thread that writes to a page, for the write-protect claims: the
 * write faults, and the thread waits while the check reads the fault
 * message and resolves it; join_writer() then waits for the write.
 */
struct writer {
	pthread_t    thread;
	char         *addr;
	atomic_int   tid;
};

static inline void *
writer_main(void *arg)
{
	struct writer  *w = arg;

	atomic_store(&w->tid, gettid());
	w->addr[0] = 'w';
	return NULL;
}

/*
 * Wait (up to 5 s) until the writer sleeps, which it does only in its
 * fault: then the fault is queued, whatever the machine's load.
 */
static inline void
wait_writer_blocked(struct writer *w)
{
	char  path[64], buf[256], *p;
	int   fd;

	for (int i = 0; i < 5000; i++) {
		if (atomic_load(&w->tid) != 0) {
			snprintf(path, sizeof(path), "/proc/self/task/%d/stat",
				 atomic_load(&w->tid));
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd != -1) {
				ssize_t  n = read(fd, buf, sizeof(buf) - 1);

				close(fd);
				buf[n > 0 ? n : 0] = '\0';
				p = strrchr(buf, ')');
				if (p != NULL && (p[2] == 'S' || p[2] == 'D'))
					return;
			}
		}
		sleep_ms(1);
	}
	untestable("the writer did not block in its fault within 5 s");
}

static inline void
start_writer(struct writer *w, char *addr)
{
	w->addr = addr;
	atomic_init(&w->tid, 0);
	if (pthread_create(&w->thread, NULL, writer_main, w) != 0)
		untestable("pthread_create failed");
}

static inline void
join_writer(struct writer *w)
{
	if (pthread_join(w->thread, NULL) != 0)
		untestable("pthread_join failed");
}

/*
 * An event left unread, for the EAGAIN claims (an operation refuses to
 * change the address space while the manager has not yet seen an event
 * that changed it): start_pending_event() has a thread call
 * madvise(MADV_DONTNEED) on ADDR, a present page of a range registered
 * with UFFD (whose handshake asked for UFFD_FEATURE_EVENT_REMOVE); the
 * thread blocks until end_pending_event() reads the UFFD_EVENT_REMOVE.
 */
struct pending_event {
	pthread_t  thread;
	int        uffd;
	char       *addr;
};

static inline void *
pending_event_thread(void *arg)
{
	struct pending_event  *ev = arg;

	madvise(ev->addr, page_size(), MADV_DONTNEED);
	return NULL;
}

static inline void
start_pending_event(struct pending_event *ev, int uffd, char *addr)
{
	struct pollfd  pfd = { .fd = uffd, .events = POLLIN };

	ev->uffd = uffd;
	ev->addr = addr;
	if (pthread_create(&ev->thread, NULL, pending_event_thread, ev) != 0)
		untestable("pthread_create failed");
	if (poll(&pfd, 1, 5000) != 1)
		untestable("no event arrived");
}

static inline void
end_pending_event(struct pending_event *ev)
{
	struct uffd_msg  msg;

	if (read(ev->uffd, &msg, sizeof(msg)) != sizeof(msg))
		untestable("read: %s", strerror(errno));
	if (msg.event != UFFD_EVENT_REMOVE)
		contradicted("read event %#x, expected UFFD_EVENT_REMOVE",
			     msg.event);
	if (pthread_join(ev->thread, NULL) != 0)
		untestable("pthread_join failed");
}

/* --- behaviour that changed with no feature bit to tell ----------------- */

/*
 * The running kernel's version from uname(2), as LINUX(major, minor,
 * patch level).  Only for behaviour that changed with no feature bit to
 * reveal it.  A distribution may keep a patch level of 0 in the release
 * (Debian's "6.1.0-57-cloud-amd64" is 6.1.192).
 */
#define LINUX(a, b, c) ((a) * 1000000L + (b) * 1000L + (c))

static inline long
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

/*
 * Whether the output field is set to -EAGAIN when the event was already
 * waiting at the call.  Since Linux 6.15, and the stable updates 6.14.7
 * and 6.12.29 (commit 95567729173e, "mm/userfaultfd: fix uninitialized
 * output field for -EAGAIN race"); earlier kernels return EAGAIN before
 * they write the field, which stays UNTOUCHED.  No feature bit tells,
 * hence the version.
 */
static inline int
eagain_sets_field(void)
{
	long  v = kernel_version();

	return v >= LINUX(6, 14, 7)
	       || (v >= LINUX(6, 12, 29) && v < LINUX(6, 13, 0));
}

/*
 * The answer of an operation that found an event waiting (see
 * start_pending_event()): RET, what its wrapper returned, says EAGAIN,
 * and its output field FIELD holds -EAGAIN, or UNTOUCHED on a kernel
 * before the fix.
 */
static inline long long
eagain_pending_field(void)
{
	return eagain_sets_field() ? -EAGAIN : UNTOUCHED;
}

#define EXPECT_EAGAIN_PENDING(ret, field, what)				\
	do {								\
		int r_ = (ret), e_ = errno;				\
									\
		expect_errno(r_, e_, EAGAIN, what);			\
		EXPECT_FIELD(field, eagain_pending_field(), what);	\
	} while (0)

/*
 * Does this kernel know UFFDIO_CONTINUE_MODE_WP (Linux 6.4)?  No feature
 * bit says so; the kernel's answer to a call does.  A kernel that does not
 * know the bit rejects it with EINVAL before it looks at the range; one
 * that knows it looks for the mapping, and finds none at an address where
 * nothing is mapped (ENOENT).  A kernel of 6.4 or later that does not know
 * it contradicts the page.
 */
static inline int
continue_knows_wp(int fd)
{
	size_t                  pg = page_size();
	char                    *hole;
	int                     err;
	struct uffdio_continue  c;

	hole = mmap(NULL, pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (hole == MAP_FAILED || munmap(hole, pg) == -1)
		untestable("mmap, munmap: %s", strerror(errno));
	if (uffd_continue(fd, hole, pg, UFFDIO_CONTINUE_MODE_WP, &c) == 0)
		untestable("UFFDIO_CONTINUE on unmapped memory succeeded");
	err = errno;
	if (err == ENOENT)
		return 1;
	if (err != EINVAL)
		untestable("UFFDIO_CONTINUE_MODE_WP on unmapped memory: %s",
			   strerror(err));
	if (kernel_version() >= LINUX(6, 4, 0))
		contradicted("UFFDIO_CONTINUE rejects UFFDIO_CONTINUE_MODE_WP as "
			     "an unknown mode on Linux 6.4 or later");
	return 0;
}

/* --- time ----------------------------------------------------------------- */


/*
 * The three hexadecimal fields of the line "API:\t<api>:<features>:<ioctls>"
 * of /proc/self/fdinfo/FD, a userfaultfd: 1 and the values, or 0 when
 * there is no such line.
 */
static inline int
fdinfo_api(int fd, unsigned long long *api, unsigned long long *features,
	   unsigned long long *ioctls)
{
	char  path[64], line[256], *p;
	FILE  *f;
	int   found = 0;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	if (f == NULL)
		untestable("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "API:\t", 5) != 0)
			continue;
		*api = strtoull(line + 5, &p, 16);
		if (*p != ':')
			break;
		*features = strtoull(p + 1, &p, 16);
		if (*p != ':')
			break;
		*ioctls = strtoull(p + 1, &p, 16);
		found = 1;
	}
	fclose(f);
	return found;
}

/*
 * The addresses of a line of /proc/self/maps or /proc/self/smaps that
 * names a mapping ("LO-HI perms ..."): 1 and the addresses, or 0 for any
 * other line.
 */
static inline int
parse_range(const char *line, unsigned long *lo, unsigned long *hi)
{
	char  *p;

	if (!isxdigit((unsigned char) line[0]))
		return 0;
	*lo = strtoul(line, &p, 16);
	if (*p != '-')
		return 0;
	*hi = strtoul(p + 1, &p, 16);
	return *p == ' ';
}

#endif
