/*
 * probe: report what the running kernel offers of userfaultfd, one fact a
 * line, so that scripts can decide which examples can run here.
 *
 *	release 6.18.44
 *	access syscall yes
 *	feature UFFD_FEATURE_PAGEFAULT_FLAG_WP
 *	ioctl UFFDIO_WRITEPROTECT
 *	have PAGEMAP_SCAN
 *
 * A missing fact is simply not printed: older kernels answer with less.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

/* The 6.1 header of Debian 12 lacks what came later. */
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif
#ifndef UFFDIO_REGISTER_MODE_MINOR
#define UFFDIO_REGISTER_MODE_MINOR ((__u64) 1 << 2)
#endif
#ifndef MFD_HUGETLB
#define MFD_HUGETLB 0x0004U
#endif
#ifndef PAGEMAP_SCAN
#define PAGEMAP_SCAN _IOWR('f', 16, struct pm_scan_arg)
struct pm_scan_arg {
	uint64_t size, flags, start, end, walk_end, vec, vec_len;
	uint64_t max_pages, category_inverted, category_mask;
	uint64_t category_anyof_mask, return_mask;
};
#endif

/* Bit numbers, not masks: the header of the build machine may be older. */
static const char *const feature_names[] = {
	"UFFD_FEATURE_PAGEFAULT_FLAG_WP",
	"UFFD_FEATURE_EVENT_FORK",
	"UFFD_FEATURE_EVENT_REMAP",
	"UFFD_FEATURE_EVENT_REMOVE",
	"UFFD_FEATURE_MISSING_HUGETLBFS",
	"UFFD_FEATURE_MISSING_SHMEM",
	"UFFD_FEATURE_EVENT_UNMAP",
	"UFFD_FEATURE_SIGBUS",
	"UFFD_FEATURE_THREAD_ID",
	"UFFD_FEATURE_MINOR_HUGETLBFS",
	"UFFD_FEATURE_MINOR_SHMEM",
	"UFFD_FEATURE_EXACT_ADDRESS",
	"UFFD_FEATURE_WP_HUGETLBFS_SHMEM",
	"UFFD_FEATURE_WP_UNPOPULATED",
	"UFFD_FEATURE_POISON",
	"UFFD_FEATURE_WP_ASYNC",
	"UFFD_FEATURE_MOVE",
};

/* Indexed by the ioctl's number (_UFFDIO_REGISTER is 0, and so on). */
static const char *const ioctl_names[64] = {
	[0x00] = "UFFDIO_REGISTER",
	[0x01] = "UFFDIO_UNREGISTER",
	[0x02] = "UFFDIO_WAKE",
	[0x03] = "UFFDIO_COPY",
	[0x04] = "UFFDIO_ZEROPAGE",
	[0x05] = "UFFDIO_MOVE",
	[0x06] = "UFFDIO_WRITEPROTECT",
	[0x07] = "UFFDIO_CONTINUE",
	[0x08] = "UFFDIO_POISON",
	[0x3f] = "UFFDIO_API",
};

static int
new_uffd(int flags)
{
	return syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK | flags);
}

static const char *
yes_no(int ok)
{
	return ok ? "yes" : "no";
}

static int
dev_userfaultfd_works(void)
{
	int  dev, fd;

	dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev == -1)
		return 0;
	fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
	close(dev);
	if (fd == -1)
		return 0;
	close(fd);
	return 1;
}

/*
 * Register one page of memory with every mode the kernel accepts for it and
 * return the union of the ioctls the kernel then offers on the range.
 */
static uint64_t
range_ioctls(int uffd, void *addr, size_t len)
{
	static const uint64_t modes[] = {
		UFFDIO_REGISTER_MODE_MISSING,
		UFFDIO_REGISTER_MODE_WP,
		UFFDIO_REGISTER_MODE_MINOR,
	};
	struct uffdio_register  reg;
	struct uffdio_range     range;
	uint64_t                ioctls = 0;

	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		memset(&reg, 0, sizeof(reg));
		reg.range.start = (uintptr_t) addr;
		reg.range.len = len;
		reg.mode = modes[i];
		if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
			continue;
		ioctls |= reg.ioctls;
		range = reg.range;
		if (ioctl(uffd, UFFDIO_UNREGISTER, &range) == -1) {
			perror("probe: UFFDIO_UNREGISTER");
			exit(EXIT_FAILURE);
		}
	}
	return ioctls;
}

static uint64_t
memfd_ioctls(int uffd, unsigned int flags, size_t len)
{
	int       fd;
	void      *addr;
	uint64_t  ioctls;

	fd = memfd_create("probe", MFD_CLOEXEC | flags);
	if (fd == -1)
		return 0;
	if (ftruncate(fd, len) == -1) {
		close(fd);
		return 0;
	}
	addr = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (addr == MAP_FAILED)
		return 0;
	ioctls = range_ioctls(uffd, addr, len);
	munmap(addr, len);
	return ioctls;
}

static int
pagemap_scan_works(void)
{
	int                 fd, ret;
	struct pm_scan_arg  arg;

	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (fd == -1)
		return 0;
	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	/* An empty range: a kernel with the ioctl accepts it and does nothing. */
	ret = ioctl(fd, PAGEMAP_SCAN, &arg);
	close(fd);
	return ret == 0;
}

int
main(void)
{
	int                 uffd;
	long                page = sysconf(_SC_PAGESIZE);
	void                *anon;
	uint64_t            ioctls;
	struct utsname      uts;
	struct uffdio_api   api;

	if (uname(&uts) == -1) {
		perror("probe: uname");
		return EXIT_FAILURE;
	}
	printf("release %s\n", uts.release);

	uffd = new_uffd(0);
	printf("access syscall %s\n", yes_no(uffd != -1));
	if (uffd != -1)
		close(uffd);
	uffd = new_uffd(UFFD_USER_MODE_ONLY);
	printf("access user-mode-only %s\n", yes_no(uffd != -1));
	if (uffd != -1)
		close(uffd);
	printf("access dev %s\n", yes_no(dev_userfaultfd_works()));
	printf("privileged %s\n", yes_no(geteuid() == 0));
	if (geteuid() == 0)
		printf("have root\n");
	if (pagemap_scan_works())
		printf("have PAGEMAP_SCAN\n");

	/* Kernel faults are not needed to learn features; any flavour will do. */
	uffd = new_uffd(0);
	if (uffd == -1)
		uffd = new_uffd(UFFD_USER_MODE_ONLY);
	if (uffd == -1)
		return EXIT_SUCCESS;

	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	if (ioctl(uffd, UFFDIO_API, &api) == -1) {
		perror("probe: UFFDIO_API");
		return EXIT_FAILURE;
	}
	for (size_t bit = 0; bit < sizeof(feature_names) / sizeof(feature_names[0]); bit++)
		if (api.features & (1ULL << bit))
			printf("feature %s\n", feature_names[bit]);
	for (unsigned int bit = 0; bit < 64; bit++)
		if ((api.features & (1ULL << bit))
		    && bit >= sizeof(feature_names) / sizeof(feature_names[0]))
			printf("feature UFFD_FEATURE_BIT_%u\n", bit);

	/*
	 * The range ioctls are known only once a range is registered, and
	 * after the handshake above only the features asked for (none) are
	 * enabled: a second descriptor asks for them all.
	 */
	ioctls = api.ioctls;
	close(uffd);
	uffd = new_uffd(0);
	if (uffd == -1)
		uffd = new_uffd(UFFD_USER_MODE_ONLY);
	if (uffd == -1) {
		perror("probe: userfaultfd");
		return EXIT_FAILURE;
	}
	api.api = UFFD_API;
	/* Asynchronous write-protection changes how faults are reported. */
	api.features &= ~(1ULL << 15);
	if (ioctl(uffd, UFFDIO_API, &api) == -1) {
		perror("probe: UFFDIO_API with all features");
		return EXIT_FAILURE;
	}
	anon = mmap(NULL, page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (anon == MAP_FAILED) {
		perror("probe: mmap");
		return EXIT_FAILURE;
	}
	ioctls |= range_ioctls(uffd, anon, page);
	ioctls |= memfd_ioctls(uffd, 0, page);
	ioctls |= memfd_ioctls(uffd, MFD_HUGETLB, 2UL * 1024 * 1024);
	for (unsigned int nr = 0; nr < 64; nr++)
		if (ioctls & (1ULL << nr))
			printf("ioctl %s\n", ioctl_names[nr] ? ioctl_names[nr] : "UFFDIO_UNKNOWN");
	return EXIT_SUCCESS;
}
