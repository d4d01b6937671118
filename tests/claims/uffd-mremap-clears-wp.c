/*
 * uffd-mremap-clears-wp: when mremap(2) moves a range registered in
 * write-protect mode and UFFD_FEATURE_EVENT_REMAP is not enabled, the
 * range at its new address is not registered and, since Linux 6.13 and
 * 6.12.11 (commit 0cef0bb836e3, "mm: clear uffd-wp PTE/PMD state on
 * mremap()"), its pages are no longer protected: pagemap bit 57 is clear,
 * and registering the new range in write-protect mode again does not
 * make a write fault.  Before, the pages kept a stale protection (bit 57
 * set, and a write to the range registered again was a write-protect
 * fault without any UFFDIO_WRITEPROTECT).
 */
#include "ioctl.h"
#include "wp.h"

static int
fixed_kernel(void)
{
	long  v = kernel_version();

	return v >= LINUX(6, 13, 0) || (v >= LINUX(6, 12, 11) && v < LINUX(6, 13, 0));
}

int
main(void)
{
	int              fd, fd2, stale_bit = -1, faulted;
	char             *a, *b;
	size_t           pg = page_size();
	struct writer    w;
	struct uffd_msg  msg;

	need_feature(UFFD_FEATURE_PAGEFAULT_FLAG_WP, "UFFD_FEATURE_PAGEFAULT_FLAG_WP",
		     "write-protect mode", "5.7");
	fd = new_uffd(0);
	a = map_anon(1);
	a[0] = 'x';
	b = map_anon(1);
	do_register(fd, a, pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a, pg, UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	if (mremap(a, pg, pg, MREMAP_MAYMOVE | MREMAP_FIXED, b) == MAP_FAILED)
		untestable("mremap: %s", strerror(errno));
	if (kernel_version() >= LINUX(5, 13, 0))
		stale_bit = wp_bit(b);

	fd2 = new_uffd(0);
	do_register(fd2, b, pg, UFFDIO_REGISTER_MODE_WP);
	start_writer(&w, b);
	faulted = wait_msg(fd2, 1000, &msg);
	if (faulted && uffd_writeprotect(fd2, b, pg, 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	join_writer(&w);

	if (fixed_kernel()) {
		if (stale_bit == 1)
			contradicted("after mremap: pagemap bit 57 still set at the "
				     "new address (Linux 6.13 or 6.12.11 and later)");
		if (faulted)
			contradicted("after mremap and a new registration: the write "
				     "faulted (flags %#llx) on Linux 6.13 or 6.12.11 "
				     "and later", (unsigned long long)
				     msg.arg.pagefault.flags);
		holds("mremap without EVENT_REMAP: protection cleared");
	}
	/* Stable updates other than 6.12.11 took the fix too (Debian's 6.1
	 * has it), and their uname does not say which update they are. */
	if (!faulted || stale_bit == 0)
		untestable("before 6.13 the fix came with some stable updates, "
			   "which uname does not tell: this kernel cleared the "
			   "protection (bit 57 %d, fault %d)", stale_bit, faulted);
	holds("before 6.13 and 6.12.11: the moved pages keep a stale protection");
}
