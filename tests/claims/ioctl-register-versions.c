/*
 * ioctl-register-versions: what UFFDIO_REGISTER accepts and reports, by
 * kernel version.  Each mode on each kind of memory is accepted from the
 * kernel that brought it (missing mode: anonymous memory 4.3, shared memory
 * and hugetlbfs 4.11; write-protect mode: anonymous memory 5.7, shared
 * memory and hugetlbfs 5.19; minor mode: hugetlbfs 5.13, shared memory
 * 5.14), never before, and exactly when UFFDIO_API offers the feature bit
 * that announces it.  The operations reported in ioctls appear from their
 * first kernel on (UFFDIO_WRITEPROTECT 5.7, UFFDIO_CONTINUE 5.13,
 * UFFDIO_POISON 6.6, UFFDIO_MOVE 6.8), under the numbers of the table in
 * ioctl_userfaultfd(2), and UFFDIO_API reports UFFDIO_API,
 * UFFDIO_REGISTER and UFFDIO_UNREGISTER.  Without a free huge page the
 * hugetlbfs part is skipped, and said so.
 *
 * claims-context: hugepages=1
 */
#include "ioctl.h"

#ifndef UFFD_FEATURE_MINOR_HUGETLBFS
#define UFFD_FEATURE_MINOR_HUGETLBFS (1 << 9)
#endif
#ifndef UFFD_FEATURE_MINOR_SHMEM
#define UFFD_FEATURE_MINOR_SHMEM (1 << 10)
#endif
#ifndef UFFD_FEATURE_WP_HUGETLBFS_SHMEM
#define UFFD_FEATURE_WP_HUGETLBFS_SHMEM (1 << 12)
#endif
#ifndef UFFDIO_REGISTER_MODE_MINOR
#define UFFDIO_REGISTER_MODE_MINOR ((__u64) 1 << 2)
#endif

enum memory { ANON, SHMEM, HUGETLB };

static const char *const memname[] = { "anonymous", "shared", "hugetlbfs" };

static const struct {
	uint64_t      mode;
	enum memory   mem;
	int           major, minor;
	uint64_t      feature;  /* 0: none announces it */
	const char    *what;
} pairs[] = {
	{ UFFDIO_REGISTER_MODE_MISSING, ANON, 4, 3, 0, "missing" },
	{ UFFDIO_REGISTER_MODE_MISSING, SHMEM, 4, 11,
	  UFFD_FEATURE_MISSING_SHMEM, "missing" },
	{ UFFDIO_REGISTER_MODE_MISSING, HUGETLB, 4, 11,
	  UFFD_FEATURE_MISSING_HUGETLBFS, "missing" },
	{ UFFDIO_REGISTER_MODE_WP, ANON, 5, 7,
	  UFFD_FEATURE_PAGEFAULT_FLAG_WP, "write-protect" },
	{ UFFDIO_REGISTER_MODE_MINOR, HUGETLB, 5, 13,
	  UFFD_FEATURE_MINOR_HUGETLBFS, "minor" },
	{ UFFDIO_REGISTER_MODE_MINOR, SHMEM, 5, 14,
	  UFFD_FEATURE_MINOR_SHMEM, "minor" },
	{ UFFDIO_REGISTER_MODE_WP, SHMEM, 5, 19,
	  UFFD_FEATURE_WP_HUGETLBFS_SHMEM, "write-protect" },
	{ UFFDIO_REGISTER_MODE_WP, HUGETLB, 5, 19,
	  UFFD_FEATURE_WP_HUGETLBFS_SHMEM, "write-protect" },
};

/* Operation numbers and first kernels, as the overview's table gives them. */
static const struct {
	unsigned int  nr, header;
	int           major, minor;
	const char    *name;
} ops[] = {
	{ 0, _UFFDIO_REGISTER, 4, 3, "UFFDIO_REGISTER" },
	{ 1, _UFFDIO_UNREGISTER, 4, 3, "UFFDIO_UNREGISTER" },
	{ 2, _UFFDIO_WAKE, 4, 3, "UFFDIO_WAKE" },
	{ 3, _UFFDIO_COPY, 4, 3, "UFFDIO_COPY" },
	{ 4, _UFFDIO_ZEROPAGE, 4, 3, "UFFDIO_ZEROPAGE" },
	{ 5, _UFFDIO_MOVE, 6, 8, "UFFDIO_MOVE" },
	{ 6, _UFFDIO_WRITEPROTECT, 5, 7, "UFFDIO_WRITEPROTECT" },
	{ 7, _UFFDIO_CONTINUE, 5, 13, "UFFDIO_CONTINUE" },
	{ 8, _UFFDIO_POISON, 6, 6, "UFFDIO_POISON" },
	{ 63, _UFFDIO_API, 4, 3, "UFFDIO_API" },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* One huge page of a hugetlbfs memfd, or NULL where there is none. */
static char *
huge_page(void)
{
	int   fd;
	char  *p;

	fd = memfd_create("claim", MFD_CLOEXEC | MFD_HUGETLB);
	if (fd == -1)
		return NULL;
	if (ftruncate(fd, HPAGE) == -1) {
		close(fd);
		return NULL;
	}
	p = mmap(NULL, HPAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return NULL;
	return p;
}

int
main(void)
{
	int                     fd;
	long                    v = kernel_version();
	uint64_t                offered = offered_features(), seen = 0;
	char                    *mem[3];
	size_t                  len[3];
	struct uffdio_api       api;
	struct uffdio_register  reg;

	for (size_t i = 0; i < NELEM(ops); i++)
		if (ops[i].nr != ops[i].header)
			contradicted("<linux/userfaultfd.h> numbers %s %u, "
				     "the table %u", ops[i].name,
				     ops[i].header, ops[i].nr);

	fd = open_uffd(0);
	handshake(fd, 0, &api);
	if (api.ioctls != ((1ULL << 63) | 1 | 2))
		contradicted("UFFDIO_API reports ioctls %#llx, not API, "
			     "REGISTER and UNREGISTER",
			     (unsigned long long) api.ioctls);

	mem[ANON] = map_anon(1);
	len[ANON] = page_size();
	mem[SHMEM] = map_shmem(1, 1);
	len[SHMEM] = page_size();
	mem[HUGETLB] = huge_page();
	len[HUGETLB] = HPAGE;

	for (size_t i = 0; i < NELEM(pairs); i++) {
		long  since = LINUX(pairs[i].major, pairs[i].minor, 0);
		int   ok, announced;

		if (mem[pairs[i].mem] == NULL)
			continue;
		memset(&reg, 0, sizeof(reg));
		reg.range.start = (uintptr_t) mem[pairs[i].mem];
		reg.range.len = len[pairs[i].mem];
		reg.mode = pairs[i].mode;
		ok = ioctl(fd, UFFDIO_REGISTER, &reg) == 0;
		announced = pairs[i].feature == 0
			    || (offered & pairs[i].feature);
		if (ok && v < since)
			contradicted("%s mode registered on %s memory by "
				     "Linux %ld.%ld, before %d.%d",
				     pairs[i].what, memname[pairs[i].mem],
				     v / 1000000, v / 1000 % 1000,
				     pairs[i].major, pairs[i].minor);
		if (ok != announced)
			contradicted("%s mode on %s memory: UFFDIO_REGISTER %s, "
				     "but the feature bit %s offered",
				     pairs[i].what, memname[pairs[i].mem],
				     ok ? "accepted" : strerrorname_np(errno),
				     announced ? "is" : "is not");
		if (!ok)
			continue;
		seen |= reg.ioctls;
		if (ioctl(fd, UFFDIO_UNREGISTER, &reg.range) == -1)
			untestable("UFFDIO_UNREGISTER: %s", strerror(errno));
	}

	for (size_t i = 0; i < NELEM(ops); i++) {
		long  since = LINUX(ops[i].major, ops[i].minor, 0);

		if ((seen >> ops[i].nr) & 1 && v < since)
			contradicted("%s reported by Linux %ld.%ld, before %d.%d",
				     ops[i].name, v / 1000000, v / 1000 % 1000,
				     ops[i].major, ops[i].minor);
	}
	if (!(seen & (1ULL << _UFFDIO_POISON)) != !(offered & UFFD_FEATURE_POISON))
		contradicted("UFFDIO_POISON in ioctls and UFFD_FEATURE_POISON "
			     "disagree");
	if (!(seen & (1ULL << _UFFDIO_MOVE)) != !(offered & UFFD_FEATURE_MOVE))
		contradicted("UFFDIO_MOVE in ioctls and UFFD_FEATURE_MOVE "
			     "disagree");
	holds("each mode accepted no earlier than its kernel, exactly where "
	      "its feature bit is offered; operations from their kernels%s",
	      mem[HUGETLB] == NULL ? " (hugetlbfs skipped: no free huge page)"
				   : "");
}
