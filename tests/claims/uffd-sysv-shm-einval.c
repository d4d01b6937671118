/*
 * uffd-sysv-shm-einval: an ordinary System V shared memory segment cannot
 * be registered: UFFDIO_REGISTER fails with EINVAL in missing,
 * write-protect and minor modes, because its mapping is not shared memory
 * (shmem) to the kernel.  A segment made with SHM_HUGETLB is hugetlbfs
 * memory and can be registered (when the system has a free huge page) up
 * to Linux 6.18 at least; Linux 7.2 refuses it in missing mode (EINVAL);
 * with UFFD_FEATURE_WP_ASYNC (Linux 6.7), write-protect mode alone is
 * accepted on an ordinary segment, as on any file mapping.
 *
 * claims-context: hugepages=1
 */
#include "ioctl.h"
#include <sys/shm.h>

#ifndef SHM_HUGETLB
#define SHM_HUGETLB 04000
#endif

/* A segment of LEN bytes with the extra FLAGS, attached; NULL if refused. */
static char *
attach(size_t len, int flags)
{
	int   id;
	char  *p;

	id = shmget(IPC_PRIVATE, len, IPC_CREAT | 0600 | flags);
	if (id == -1)
		return NULL;
	p = shmat(id, NULL, 0);
	shmctl(id, IPC_RMID, NULL);
	return p == (void *) -1 ? NULL : p;
}

/* UFFDIO_REGISTER of LEN bytes at P in MODE on a new object: errno or 0. */
static int
try_register(const char *p, size_t len, uint64_t features, uint64_t mode)
{
	int                     fd, r, err;
	struct uffdio_register  reg;

	fd = new_uffd(features);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) p;
	reg.range.len = len;
	reg.mode = mode;
	r = ioctl(fd, UFFDIO_REGISTER, &reg);
	err = errno;
	close(fd);
	return r == 0 ? 0 : err;
}

int
main(void)
{
	size_t    pg = page_size();
	char      *p, *h;
	int       err;
	uint64_t  have = offered_features();
	const char  *huge = "SHM_HUGETLB segment: registered";
	const struct { uint64_t mode; const char *name; } modes[] = {
		{ UFFDIO_REGISTER_MODE_MISSING, "missing" },
		{ UFFDIO_REGISTER_MODE_WP, "write-protect" },
		{ UFFDIO_REGISTER_MODE_MINOR, "minor" },
	};

	p = attach(pg, 0);
	if (p == NULL)
		untestable("shmget/shmat: %s", strerror(errno));
	p[0] = 1;
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		err = try_register(p, pg, 0, modes[i].mode);
		if (err != EINVAL)
			contradicted("System V segment, %s mode: %s, expected EINVAL",
				     modes[i].name,
				     err ? strerrorname_np(err) : "registered");
	}

	h = attach(HPAGE, SHM_HUGETLB);
	if (h == NULL)
		untestable("ordinary segment: EINVAL in every mode; no SHM_HUGETLB "
			   "segment (no free huge page?): %s", strerror(errno));
	err = try_register(h, HPAGE, 0, UFFDIO_REGISTER_MODE_MISSING);
	/*
	 * Linux 7.2 refuses it; the kernels between 6.18, which registers it,
	 * and 7.2 were not tried.
	 */
	if (kernel_at_least(7, 2)) {
		if (err != EINVAL)
			contradicted("SHM_HUGETLB segment, missing mode: %s on Linux 7.2, "
				     "expected EINVAL", err ? strerrorname_np(err) : "registered");
		huge = "SHM_HUGETLB segment: EINVAL (Linux 7.2)";
	} else if (kernel_at_least(6, 19)) {
		huge = err ? "SHM_HUGETLB segment: refused (untried kernel, not judged)"
			   : "SHM_HUGETLB segment: registered (untried kernel, not judged)";
	} else if (err != 0) {
		contradicted("SHM_HUGETLB segment, missing mode: %s",
			     strerrorname_np(err));
	}

	if (!(have & UFFD_FEATURE_WP_ASYNC))
		holds("System V segment: EINVAL in missing, write-protect and minor "
		      "modes; %s; no UFFD_FEATURE_WP_ASYNC before Linux 6.7", huge);
	err = try_register(p, pg, UFFD_FEATURE_WP_ASYNC, UFFDIO_REGISTER_MODE_WP);
	if (err != 0)
		contradicted("System V segment, WP_ASYNC, write-protect mode: %s",
			     strerrorname_np(err));
	err = try_register(p, pg, UFFD_FEATURE_WP_ASYNC,
			   UFFDIO_REGISTER_MODE_WP | UFFDIO_REGISTER_MODE_MISSING);
	if (err != EINVAL)
		contradicted("System V segment, WP_ASYNC, missing|write-protect: %s, "
			     "expected EINVAL", err ? strerrorname_np(err) : "registered");
	holds("System V segment: EINVAL in missing, write-protect and minor modes "
	      "(WP alone accepted with WP_ASYNC); %s", huge);
}
