/*
 * ioctl-einval-before-api: every operation but UFFDIO_API fails with
 * EINVAL before the UFFDIO_API handshake.
 */
#include "ioctl.h"

int
main(void)
{
	int    fd;
	char   arg[64];
	static const struct {
		unsigned long  op;
		const char     *name;
	} ops[] = {
		{ UFFDIO_REGISTER, "UFFDIO_REGISTER" },
		{ UFFDIO_UNREGISTER, "UFFDIO_UNREGISTER" },
		{ UFFDIO_WAKE, "UFFDIO_WAKE" },
		{ UFFDIO_COPY, "UFFDIO_COPY" },
		{ UFFDIO_ZEROPAGE, "UFFDIO_ZEROPAGE" },
		{ UFFDIO_WRITEPROTECT, "UFFDIO_WRITEPROTECT" },
		{ UFFDIO_CONTINUE, "UFFDIO_CONTINUE" },
		{ UFFDIO_POISON, "UFFDIO_POISON" },
		{ UFFDIO_MOVE, "UFFDIO_MOVE" },
	};

	fd = open_uffd(0);
	memset(arg, 0, sizeof(arg));
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		EXPECT(fd, ops[i].op, arg, EINVAL, ops[i].name);
	holds("all nine operations failed with EINVAL before UFFDIO_API");
}
