/*
 * ioctl-register-below-min-addr: a range mapped below
 * /proc/sys/vm/mmap_min_addr (which only a process with CAP_SYS_RAWIO can
 * map) can be registered since commit 161ce69c2c89 ("userfaultfd: allow
 * registration of ranges below mmap_min_addr", 2026, taken into the
 * stable series too: 6.6.140, 5.15, and 6.18 by 6.18.44); older kernels
 * rejected it with EINVAL.  On a stable series where the version of the
 * change is not known here, both answers are accepted and reported.
 *
 * claims-context: user=root
 */
#include "ioctl.h"

/* Kernels known to have the change, from their version. */
static int
known_without_check(void)
{
	long  v = kernel_version();

	return v >= LINUX(7, 1, 0)
	       || (v >= LINUX(6, 18, 44) && v < LINUX(6, 19, 0))
	       || (v >= LINUX(6, 6, 140) && v < LINUX(6, 7, 0));
}

int
main(void)
{
	FILE                    *f;
	char                    line[64];
	unsigned long           min_addr = 0, want;
	size_t                  pg = page_size();
	char                    *a;
	int                     fd, r;
	struct uffdio_register  reg;

	need_root();
	f = fopen("/proc/sys/vm/mmap_min_addr", "r");
	if (f == NULL || fgets(line, sizeof(line), f) == NULL)
		untestable("cannot read /proc/sys/vm/mmap_min_addr");
	fclose(f);
	min_addr = strtoul(line, NULL, 10);
	if (min_addr == 0)
		untestable("vm.mmap_min_addr is 0: nothing is below it");
	/* The last page below the limit: page 0 when the limit is a page. */
	want = (min_addr - 1) & ~(pg - 1);
	a = mmap((void *) want, pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (a == MAP_FAILED)
		untestable("mmap at %#lx, below mmap_min_addr: %s (no "
			   "CAP_SYS_RAWIO, or an LSM forbids it)", want,
			   strerror(errno));
	if (a != (char *) want)
		untestable("mmap put the page at %p, not at %#lx", (void *) a, want);
	fd = new_uffd(0);
	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) a;
	reg.range.len = pg;
	reg.mode = UFFDIO_REGISTER_MODE_MISSING;
	r = ioctl(fd, UFFDIO_REGISTER, &reg);
	if (r == 0)
		holds("a range below mmap_min_addr (%#lx) registered", min_addr);
	if (errno != EINVAL)
		contradicted("UFFDIO_REGISTER below mmap_min_addr: %s",
			     strerrorname_np(errno));
	if (known_without_check())
		contradicted("UFFDIO_REGISTER below mmap_min_addr: EINVAL on a kernel "
			     "that has commit 161ce69c2c89");
	holds("UFFDIO_REGISTER below mmap_min_addr: EINVAL (this kernel's series "
	      "predates commit 161ce69c2c89, or has not taken it)");
}
