/*
 * ioctl-copy-shmem-file: on a shared mapping of shared memory, UFFDIO_COPY
 * puts the new page in the file, where another mapping of the file and
 * pread(2) see it; on a private mapping of the same kind of file the new
 * page is private: the file, and its other mappings, still read zeros.
 */
#include "ioctl.h"

/* A memfd of one page, mapped with FLAGS (MAP_SHARED or MAP_PRIVATE),
   registered in missing mode with FD, and filled with UFFDIO_COPY of a
   page of BYTE.  What the file then holds at its first byte goes to
   FILE_BYTE (read with pread(2)) and MAP_BYTE (through a new shared
   mapping). */
static void
copy_into(int fd, int flags, char byte, char *file_byte, char *map_byte)
{
	size_t              pg = page_size();
	int                 mfd = memfd_create("claim", MFD_CLOEXEC);
	char                *p, *q, *src = map_anon(1);
	struct uffdio_copy  c;

	if (mfd == -1 || ftruncate(mfd, pg) == -1)
		untestable("memfd: %s", strerror(errno));
	p = mmap(NULL, pg, PROT_READ | PROT_WRITE, flags, mfd, 0);
	if (p == MAP_FAILED)
		untestable("mmap: %s", strerror(errno));
	do_register(fd, p, pg, UFFDIO_REGISTER_MODE_MISSING);
	memset(src, byte, pg);
	if (uffd_copy(fd, p, src, pg, 0, &c) == -1)
		contradicted("UFFDIO_COPY into a %s mapping of a memfd: %s",
			     flags == MAP_SHARED ? "shared" : "private",
			     strerror(errno));
	if (p[0] != byte)
		contradicted("the filled page reads %#x, expected %#x", p[0], byte);
	if (pread(mfd, file_byte, 1, 0) != 1)
		untestable("pread: %s", strerror(errno));
	q = mmap(NULL, pg, PROT_READ, MAP_SHARED, mfd, 0);
	if (q == MAP_FAILED)
		untestable("mmap: %s", strerror(errno));
	*map_byte = q[0];
	if (munmap(q, pg) == -1 || munmap(p, pg) == -1)
		untestable("munmap: %s", strerror(errno));
	close(mfd);
}

int
main(void)
{
	int   fd = new_uffd(0);
	char  f, m;

	copy_into(fd, MAP_SHARED, 's', &f, &m);
	if (f != 's' || m != 's')
		contradicted("shared mapping: the file reads %#x, another mapping "
			     "%#x, expected 's' in both", f, m);
	copy_into(fd, MAP_PRIVATE, 'p', &f, &m);
	if (f != 0 || m != 0)
		contradicted("private mapping: the file reads %#x, another mapping "
			     "%#x, expected zeros in both", f, m);
	holds("UFFDIO_COPY fills the file through a shared mapping, "
	      "a private page through a private one");
}
