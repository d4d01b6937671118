/*
 * dirty_track: what it costs to learn which pages of a memory area were
 * written, by four methods the kernel offers.
 *
 *	dirty_track [-r ROUNDS] [-l] [-X] METHOD M N
 *
 * Maps M pages of private anonymous memory, writes to every one of them
 * (so that all are present), and starts tracking.  Then, for each round:
 * writes one byte to N of the pages (page i * (M / N), for i = 0 .. N-1,
 * M / N rounded down),
 * collects the set of pages the method reports as written, and resets the
 * tracking for the next round.  After each round the collected set must
 * equal the written set, else the program fails.  One untimed round warms
 * up; ROUNDS rounds are timed, each on its own.
 *
 * METHOD is one of
 *	uffd-wp-sync	userfaultfd write-protect mode; a handler thread reads
 *			each fault, records the page and removes its
 *			protection (UFFDIO_WRITEPROTECT, which wakes the
 *			writer); the reset write-protects the whole area.
 *	uffd-wp-sync-2cpu  the same, with the handler thread on another CPU
 *			than the writer (the two CPUs first allowed to the
 *			process); each fault then wakes a thread across CPUs.
 *	uffd-wp-async	userfaultfd with UFFD_FEATURE_WP_ASYNC: the kernel
 *			resolves the faults itself; one PAGEMAP_SCAN ioctl
 *			(PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC,
 *			PAGE_IS_WRITTEN) collects the written pages and
 *			write-protects them again.
 *	mprotect	the area is PROT_READ; a SIGSEGV handler records the
 *			page and makes it PROT_READ | PROT_WRITE; the reset
 *			makes the whole area PROT_READ again.
 *	soft-dirty	"4" written to /proc/self/clear_refs clears the
 *			soft-dirty bits (of the whole process); bit 55 of each
 *			page's /proc/self/pagemap entry tells which were
 *			written.
 *	none		a reference, not a method: the writes alone, nothing
 *			tracked, nothing checked.
 *
 * Output, one line, tab-separated, printed only once everything passed:
 *	METHOD M N ROUNDS ROUND_NS PAGE_NS WRITE_NS COLLECT_NS MIN_NS MAX_NS
 * ROUND_NS is the median time of a round (writes, collection and reset),
 * PAGE_NS is ROUND_NS / N, WRITE_NS and COLLECT_NS the medians of the two
 * halves of a round (the writes, with the faults they cause; the
 * collection and the reset), MIN_NS and MAX_NS the fastest and the
 * slowest round.  With -l, a second line lists the pages collected in the
 * last round: "collected P1 P2 ...".  -X tests the check: each round also
 * writes page 1, which is not in the written set (N < M only), so that a
 * method that works must fail.
 *
 * Exit status: 0 done; 1 the collected set differs from the written set,
 * or a system call failed; 2 usage; 77 the method is not available on this
 * kernel (the reason is printed on standard output, "skip METHOD: why").
 *
 * Transparent huge pages are disabled on the area (MADV_NOHUGEPAGE) so that
 * every method tracks 4096-byte pages.  All threads run on one CPU, the
 * first that the process may use (uffd-wp-sync-2cpu: the handler on the
 * second), so that the figures do not depend on where the scheduler
 * happens to put the threads.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Debian 12's <linux/userfaultfd.h> and <linux/fs.h> are from Linux 6.1. */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif
#ifndef UFFD_FEATURE_WP_UNPOPULATED
#define UFFD_FEATURE_WP_UNPOPULATED (1 << 13)
#endif
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1 << 15)
#endif
#ifndef PAGEMAP_SCAN
/* From include/uapi/linux/fs.h of Linux 6.7. */
struct page_region {
	uint64_t start;
	uint64_t end;		/* exclusive */
	uint64_t categories;
};
struct pm_scan_arg {
	uint64_t size;
	uint64_t flags;
	uint64_t start;
	uint64_t end;
	uint64_t walk_end;
	uint64_t vec;
	uint64_t vec_len;
	uint64_t max_pages;
	uint64_t category_inverted;
	uint64_t category_mask;
	uint64_t category_anyof_mask;
	uint64_t return_mask;
};
#define PAGEMAP_SCAN		_IOWR('f', 16, struct pm_scan_arg)
#define PAGE_IS_WPALLOWED	(1 << 0)
#define PAGE_IS_WRITTEN		(1 << 1)
#define PM_SCAN_WP_MATCHING	(1 << 0)
#define PM_SCAN_CHECK_WPASYNC	(1 << 1)
#endif

#define PM_SOFT_DIRTY	((uint64_t) 1 << 55)	/* a /proc/PID/pagemap bit */

#define EXIT_USAGE	2
#define EXIT_SKIP	77
#define MAX_ROUNDS	100000

#define STRING(x)	#x
#define XSTRING(x)	STRING(x)
#define LINE_STRING	XSTRING(__LINE__)

#define die(...)	die_at(__LINE__, __VA_ARGS__)
#define die_errno(what)	die_at(__LINE__, "%s: %s", what, strerror(errno))

static void
die_at(int line, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

static void
die_at(int line, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s:%d: ", __FILE__, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_FAILURE);
}

static void
skip(const char *method, const char *why)
{
	printf("skip %s: %s\n", method, why);
	exit(EXIT_SKIP);
}

static long	page_size;
static char	*area;			/* M pages */
static size_t	npages;			/* M */

/*
 * Pages reported as written in the current round.  The fault handlers
 * (a thread, a signal handler) append to it; the main thread reads it once
 * its writes are done.
 */
static size_t	*collected;
static size_t	ncollected;
static volatile sig_atomic_t overflow;

static void
collect(size_t page)
{
	size_t n = __atomic_load_n(&ncollected, __ATOMIC_RELAXED);

	if (n >= npages) {
		overflow = 1;
		return;
	}
	collected[n] = page;
	__atomic_store_n(&ncollected, n + 1, __ATOMIC_RELEASE);
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		die_errno("clock_gettime");
	return (uint64_t) ts.tv_sec * 1000000000 + (uint64_t) ts.tv_nsec;
}

/* ---- CPUs ---- */

static int	cpus[2];		/* the writer's, the handler's */

/* Pins the calling thread to one CPU. */
static void
pin(int cpu)
{
	cpu_set_t set;
	int err;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	err = pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	if (err != 0)
		die("pthread_setaffinity_np(CPU %d): %s", cpu, strerror(err));
}

/* Chooses the CPUs (the first two allowed) and pins the main thread. */
static int
choose_cpus(void)
{
	cpu_set_t set;
	int cpu, n = 0;

	if (sched_getaffinity(0, sizeof(set), &set) == -1)
		die_errno("sched_getaffinity");
	for (cpu = 0; cpu < CPU_SETSIZE && n < 2; cpu++)
		if (CPU_ISSET(cpu, &set))
			cpus[n++] = cpu;
	if (n == 1)
		cpus[1] = cpus[0];
	pin(cpus[0]);
	return n;
}

/* ---- userfaultfd, common part ---- */

static int uffd = -1;

/* Returns 0, or a reason (static text) why the features are not there. */
static const char *
uffd_open(uint64_t features)
{
	struct uffdio_api api;
	struct uffdio_register reg;

	uffd = (int) syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
	if (uffd == -1)
		uffd = (int) syscall(SYS_userfaultfd, O_CLOEXEC);
	if (uffd == -1) {
		if (errno == ENOSYS)
			return "no userfaultfd system call (CONFIG_USERFAULTFD unset)";
		if (errno == EPERM)
			return "userfaultfd refused (EPERM: vm.unprivileged_userfaultfd = 0?)";
		die_errno("userfaultfd");
	}
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	api.features = features;
	if (ioctl(uffd, UFFDIO_API, &api) == -1) {
		if (errno == EINVAL)
			return "UFFDIO_API refuses the features (kernel too old?)";
		die_errno("UFFDIO_API");
	}
	if ((api.features & features) != features)
		return "the kernel does not offer the features";

	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) area;
	reg.range.len = npages * (size_t) page_size;
	reg.mode = UFFDIO_REGISTER_MODE_WP;
	if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1) {
		if (errno == EINVAL)
			return "UFFDIO_REGISTER_MODE_WP refused on anonymous memory";
		die_errno("UFFDIO_REGISTER");
	}
	if (!(reg.ioctls & ((uint64_t) 1 << _UFFDIO_WRITEPROTECT)))
		return "no UFFDIO_WRITEPROTECT on anonymous memory";
	return NULL;
}

static void
uffd_protect(size_t first, size_t count, int protect)
{
	struct uffdio_writeprotect wp;

	memset(&wp, 0, sizeof(wp));
	wp.range.start = (uintptr_t) area + first * (size_t) page_size;
	wp.range.len = count * (size_t) page_size;
	wp.mode = protect ? UFFDIO_WRITEPROTECT_MODE_WP : 0;
	if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
		die_errno("UFFDIO_WRITEPROTECT");
}

/* ---- uffd-wp-sync ---- */

static void *
wp_handler(void *arg)
{
	struct uffd_msg msg;
	uintptr_t addr;

	pin(*(const int *) arg);
	for (;;) {
		ssize_t n = read(uffd, &msg, sizeof(msg));

		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			die_errno("read userfaultfd");
		if (n != sizeof(msg))
			die("read userfaultfd: %zd bytes", n);
		if (msg.event != UFFD_EVENT_PAGEFAULT)
			die("unexpected event %u", (unsigned) msg.event);
		if (!(msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP))
			die("fault without UFFD_PAGEFAULT_FLAG_WP");
		addr = (uintptr_t) msg.arg.pagefault.address;
		if (addr < (uintptr_t) area ||
		    addr >= (uintptr_t) area + npages * (size_t) page_size)
			die("fault outside the area: %#lx", (unsigned long) addr);
		collect((addr - (uintptr_t) area) / (size_t) page_size);
		/* Unprotecting the page wakes the writer. */
		uffd_protect((addr - (uintptr_t) area) / (size_t) page_size,
			     1, 0);
	}
	return NULL;
}

static void
sync_start_on(const char *name, int *cpu)
{
	const char *why;
	pthread_t thread;
	int err;

	why = uffd_open(UFFD_FEATURE_PAGEFAULT_FLAG_WP);
	if (why != NULL)
		skip(name, why);
	uffd_protect(0, npages, 1);
	err = pthread_create(&thread, NULL, wp_handler, cpu);
	if (err != 0)
		die("pthread_create: %s", strerror(err));
}

static void
sync_start(void)
{
	sync_start_on("uffd-wp-sync", &cpus[0]);
}

static void
sync2_start(void)
{
	if (cpus[1] == cpus[0])
		skip("uffd-wp-sync-2cpu", "the process may use one CPU only");
	sync_start_on("uffd-wp-sync-2cpu", &cpus[1]);
}

static void
sync_collect_reset(void)
{
	uffd_protect(0, npages, 1);
}

/* ---- uffd-wp-async ---- */

static int pagemap = -1;
static struct page_region *regions;	/* at most M / 2 + 1 are needed */

static void
async_start(void)
{
	const char *why;

	why = uffd_open(UFFD_FEATURE_PAGEFAULT_FLAG_WP | UFFD_FEATURE_WP_ASYNC);
	if (why != NULL)
		skip("uffd-wp-async", why);
	pagemap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (pagemap == -1)
		die_errno("/proc/self/pagemap");
	regions = calloc(npages, sizeof(*regions));
	if (regions == NULL)
		die_errno("calloc");
	uffd_protect(0, npages, 1);
}

static void
async_collect_reset(void)
{
	struct pm_scan_arg arg;
	uint64_t end = (uintptr_t) area + npages * (size_t) page_size;
	uint64_t start = (uintptr_t) area;
	uint64_t a;
	long i;

	while (start < end) {
		long n;

		memset(&arg, 0, sizeof(arg));
		arg.size = sizeof(arg);
		arg.flags = PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC;
		arg.start = start;
		arg.end = end;
		arg.vec = (uintptr_t) regions;
		arg.vec_len = npages;
		arg.category_mask = PAGE_IS_WRITTEN;
		arg.return_mask = PAGE_IS_WRITTEN;
		n = ioctl(pagemap, PAGEMAP_SCAN, &arg);
		if (n == -1) {
			if (errno == ENOTTY || errno == EINVAL)
				skip("uffd-wp-async",
				     "no PAGEMAP_SCAN ioctl (Linux < 6.7)");
			die_errno("PAGEMAP_SCAN");
		}
		for (i = 0; i < n; i++)
			for (a = regions[i].start; a < regions[i].end;
			     a += (uint64_t) page_size)
				collect((a - (uintptr_t) area) /
					(size_t) page_size);
		if (arg.walk_end <= start)
			die("PAGEMAP_SCAN made no progress");
		start = arg.walk_end;
	}
}

/* ---- mprotect + SIGSEGV ---- */

static void
segv_handler(int sig, siginfo_t *si, void *uc)
{
	uintptr_t addr = (uintptr_t) si->si_addr;
	uintptr_t page;

	(void) uc;
	if (addr < (uintptr_t) area ||
	    addr >= (uintptr_t) area + npages * (size_t) page_size) {
		signal(sig, SIG_DFL);	/* a real crash: let it happen */
		return;
	}
	page = (addr - (uintptr_t) area) / (size_t) page_size;
	collect(page);
	if (mprotect(area + page * (size_t) page_size, (size_t) page_size,
		     PROT_READ | PROT_WRITE) == -1) {
		/* ENOMEM: more mappings than vm.max_map_count allows */
		static const char msg[] = __FILE__ ":" LINE_STRING
			": mprotect in the SIGSEGV handler failed "
			"(more mappings than vm.max_map_count?)\n";

		if (write(STDERR_FILENO, msg, sizeof(msg) - 1) == -1)
			_exit(EXIT_FAILURE);
		_exit(EXIT_FAILURE);
	}
}

static void
mprotect_start(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = segv_handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, NULL) == -1)
		die_errno("sigaction");
	if (mprotect(area, npages * (size_t) page_size, PROT_READ) == -1)
		die_errno("mprotect");
}

static void
mprotect_collect_reset(void)
{
	if (mprotect(area, npages * (size_t) page_size, PROT_READ) == -1)
		die_errno("mprotect");
}

/* ---- soft-dirty ---- */

static int clear_refs = -1;
static uint64_t *entries;		/* M pagemap entries */

static void
soft_clear(void)
{
	if (pwrite(clear_refs, "4", 1, 0) != 1)
		die_errno("write /proc/self/clear_refs");
}

static void
soft_read(void)
{
	size_t len = npages * sizeof(*entries);
	off_t off = (off_t) ((uintptr_t) area / (size_t) page_size *
			     sizeof(*entries));
	ssize_t n;

	n = pread(pagemap, entries, len, off);
	if (n == -1)
		die_errno("read /proc/self/pagemap");
	if ((size_t) n != len)
		die("read /proc/self/pagemap: %zd bytes of %zu", n, len);
}

static void
soft_start(void)
{
	clear_refs = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
	if (clear_refs == -1) {
		if (errno == ENOENT)
			skip("soft-dirty", "no /proc/self/clear_refs "
			     "(CONFIG_PROC_PAGE_MONITOR unset)");
		die_errno("/proc/self/clear_refs");
	}
	pagemap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (pagemap == -1)
		die_errno("/proc/self/pagemap");
	entries = calloc(npages, sizeof(*entries));
	if (entries == NULL)
		die_errno("calloc");

	/* Does a write after clear_refs leave a soft-dirty bit? */
	soft_clear();
	area[0]++;
	soft_read();
	if (!(entries[0] & PM_SOFT_DIRTY))
		skip("soft-dirty", "a page written after clear_refs has no "
		     "soft-dirty bit in pagemap (CONFIG_MEM_SOFT_DIRTY unset)");
	soft_clear();
}

static void
soft_collect_reset(void)
{
	size_t i;

	soft_read();
	for (i = 0; i < npages; i++)
		if (entries[i] & PM_SOFT_DIRTY)
			collect(i);
	soft_clear();
}

/* ---- none ---- */

static void
none_start(void)
{
}

static void
none_collect_reset(void)
{
}

/* ---- the rounds ---- */

static const struct method {
	const char *name;
	void (*start)(void);
	void (*collect_reset)(void);
	int checked;
} methods[] = {
	{ "uffd-wp-sync", sync_start, sync_collect_reset, 1 },
	{ "uffd-wp-sync-2cpu", sync2_start, sync_collect_reset, 1 },
	{ "uffd-wp-async", async_start, async_collect_reset, 1 },
	{ "mprotect", mprotect_start, mprotect_collect_reset, 1 },
	{ "soft-dirty", soft_start, soft_collect_reset, 1 },
	{ "none", none_start, none_collect_reset, 0 },
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;

	return (x > y) - (x < y);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *) a, y = *(const size_t *) b;

	return (x > y) - (x < y);
}

static uint64_t
median(uint64_t *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_u64);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The written set is { i * stride : i < n }; is the collected set that? */
static void
check(const struct method *m, long round, size_t n, size_t stride)
{
	size_t got = __atomic_load_n(&ncollected, __ATOMIC_ACQUIRE);
	size_t i;

	if (overflow)
		die("%s, round %ld: more pages reported than the area has, "
		    "or mprotect failed in the handler", m->name, round);
	if (!m->checked)
		return;
	qsort(collected, got, sizeof(*collected), cmp_size);
	for (i = 0; i < got && i < n; i++)
		if (collected[i] != i * stride)
			break;
	if (i < got && i < n)
		die("%s, round %ld: page %zu reported, page %zu written "
		    "(%zu pages reported, %zu written)", m->name, round,
		    collected[i], i * stride, got, n);
	if (got != n)
		die("%s, round %ld: %zu pages reported, %zu written",
		    m->name, round, got, n);
}

static void
usage(void)
{
	fprintf(stderr, "usage: dirty_track [-r ROUNDS] [-l] [-X] METHOD M N\n"
		"METHOD: uffd-wp-sync, uffd-wp-sync-2cpu, uffd-wp-async, "
		"mprotect, soft-dirty, none\n1 <= N <= M; the pages written are i * (M / N), 0 <= i < N\n");
	exit(EXIT_USAGE);
}

static long
number(const char *what, const char *s, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > max) {
		fprintf(stderr, "dirty_track: %s must be a number from 1 to "
			"%ld, not \"%s\"\n", what, max, s);
		usage();
	}
	return v;
}

int
main(int argc, char *argv[])
{
	const struct method *m = NULL;
	uint64_t *round_ns, *write_ns, *collect_ns, lo, hi;
	uint64_t rmed;
	size_t n, stride, i, k;
	long rounds = 11, r;
	int list = 0, extra = 0, opt;

	while ((opt = getopt(argc, argv, "r:lX")) != -1) {
		switch (opt) {
		case 'r':
			rounds = number("ROUNDS", optarg, MAX_ROUNDS);
			break;
		case 'l':
			list = 1;
			break;
		case 'X':
			extra = 1;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 3)
		usage();
	for (k = 0; k < sizeof(methods) / sizeof(methods[0]); k++)
		if (strcmp(argv[optind], methods[k].name) == 0)
			m = &methods[k];
	if (m == NULL) {
		fprintf(stderr, "dirty_track: unknown method \"%s\"\n",
			argv[optind]);
		usage();
	}
	npages = (size_t) number("M", argv[optind + 1], 1L << 24);
	n = (size_t) number("N", argv[optind + 2], 1L << 24);
	if (n > npages) {
		fprintf(stderr, "dirty_track: N (%zu) is larger than M (%zu)\n",
			n, npages);
		usage();
	}
	stride = npages / n;
	if (extra && stride == 1) {
		fprintf(stderr, "dirty_track: -X needs N < M\n");
		usage();
	}

	page_size = sysconf(_SC_PAGESIZE);
	if (page_size == -1)
		die_errno("sysconf(_SC_PAGESIZE)");
	collected = calloc(npages, sizeof(*collected));
	round_ns = calloc((size_t) rounds, sizeof(*round_ns));
	write_ns = calloc((size_t) rounds, sizeof(*write_ns));
	collect_ns = calloc((size_t) rounds, sizeof(*collect_ns));
	if (collected == NULL || round_ns == NULL || write_ns == NULL ||
	    collect_ns == NULL)
		die_errno("calloc");

	area = mmap(NULL, npages * (size_t) page_size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		die_errno("mmap");
	if (madvise(area, npages * (size_t) page_size, MADV_NOHUGEPAGE) == -1)
		die_errno("madvise(MADV_NOHUGEPAGE)");
	/* Populate (Linux 5.14 and later: in one call). */
	if (madvise(area, npages * (size_t) page_size,
		    MADV_POPULATE_WRITE) == -1) {
		if (errno != EINVAL)
			die_errno("madvise(MADV_POPULATE_WRITE)");
		for (i = 0; i < npages; i++)
			area[i * (size_t) page_size] = 1;
	}

	choose_cpus();
	m->start();

	/* Round 0 warms up and is not timed. */
	for (r = 0; r <= rounds; r++) {
		uint64_t t0, t1, t2;

		__atomic_store_n(&ncollected, 0, __ATOMIC_RELEASE);
		t0 = now_ns();
		for (i = 0; i < n; i++)
			((volatile char *) area)[i * stride *
						 (size_t) page_size] += 1;
		if (extra)
			((volatile char *) area)[(size_t) page_size] += 1;
		t1 = now_ns();
		m->collect_reset();
		t2 = now_ns();
		check(m, r, n, stride);
		if (r > 0) {
			write_ns[r - 1] = t1 - t0;
			collect_ns[r - 1] = t2 - t1;
			round_ns[r - 1] = t2 - t0;
		}
	}

	lo = hi = round_ns[0];
	for (r = 0; r < rounds; r++) {
		if (round_ns[r] < lo)
			lo = round_ns[r];
		if (round_ns[r] > hi)
			hi = round_ns[r];
	}
	rmed = median(round_ns, (size_t) rounds);
	printf("%s\t%zu\t%zu\t%ld\t%" PRIu64 "\t%.1f\t%" PRIu64 "\t%" PRIu64
	       "\t%" PRIu64 "\t%" PRIu64 "\n", m->name, npages, n, rounds,
	       rmed, (double) rmed / (double) n,
	       median(write_ns, (size_t) rounds),
	       median(collect_ns, (size_t) rounds), lo, hi);
	if (list) {
		size_t got = __atomic_load_n(&ncollected, __ATOMIC_ACQUIRE);

		fputs("collected", stdout);
		for (i = 0; i < got; i++)
			printf(" %zu", collected[i]);
		fputc('\n', stdout);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		die_errno("stdout");
	return 0;
}
