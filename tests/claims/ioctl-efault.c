/*
 * ioctl-efault: every operation fails with EFAULT when its argument points
 * outside the accessible address space.  UFFDIO_POISON and UFFDIO_MOVE
 * are tried only on the kernels that have them, those whose handshake
 * offers UFFD_FEATURE_POISON (Linux 6.6) and UFFD_FEATURE_MOVE (Linux
 * 6.8); elsewhere their requests are unknown.
 */
#include "ioctl.h"

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
		{ UFFDIO_POISON, "UFFDIO_POISON", UFFD_FEATURE_POISON },
		{ UFFDIO_MOVE, "UFFDIO_MOVE", UFFD_FEATURE_MOVE },
	};

	fd = open_uffd(0);
	EXPECT(fd, UFFDIO_API, bad, EFAULT, "UFFDIO_API with a bad pointer");
	close(fd);

	fd = new_uffd(0);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (ops[i].feature != 0 && !(offered & ops[i].feature))
			continue;
		/* Before Linux 5.13 the kernel has no UFFDIO_CONTINUE. */
		if (ops[i].op == UFFDIO_CONTINUE && !kernel_at_least(5, 13))
			continue;
		EXPECT(fd, ops[i].op, bad, EFAULT, ops[i].name);
		tried++;
	}
	holds("all %d operations of this kernel failed with EFAULT on a bad "
	      "pointer%s%s", tried,
	      (offered & UFFD_FEATURE_POISON)
	      ? "" : "; it lacks UFFDIO_POISON (6.6)",
	      (offered & UFFD_FEATURE_MOVE)
	      ? "" : "; it lacks UFFDIO_MOVE (6.8)");
}
