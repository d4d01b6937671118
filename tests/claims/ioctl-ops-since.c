/*
 * ioctl-ops-since: the first kernel of each operation and mode, as the
 * operations' pages give them in HISTORY, against the running kernel:
 * UFFDIO_WAKE, UFFDIO_COPY and UFFDIO_ZEROPAGE on every kernel (4.3);
 * write-protect mode, UFFDIO_WRITEPROTECT and UFFDIO_COPY_MODE_WP on
 * private anonymous memory from 5.7, on shared memory from 5.19 (both
 * from 6.10 on arm64);
 * UFFDIO_CONTINUE on shared memory from 5.14 (none before 5.13);
 * UFFDIO_CONTINUE_MODE_WP from 6.4; UFFDIO_POISON from 6.6; UFFDIO_MOVE
 * from 6.8.  An operation is offered when UFFDIO_REGISTER lists it in
 * ioctls; a mode when the kernel accepts it.
 */
#include "ioctl.h"

/* Write-protect mode came to arm64 with both kinds of memory at once. */
#if defined(__aarch64__)
#define WP_ANON_SINCE   LINUX(6, 10, 0)
#define WP_SHMEM_SINCE  LINUX(6, 10, 0)
#else
#define WP_ANON_SINCE   LINUX(5, 7, 0)
#define WP_SHMEM_SINCE  LINUX(5, 19, 0)
#endif

static void
expect(int got, long since, const char *what)
{
	int  want = kernel_version() >= since;

	if (got != want)
		contradicted("%s: %s on this kernel, expected %s since Linux "
			     "%ld.%ld", what, got ? "offered" : "not offered",
			     want ? "offered" : "not offered",
			     since / 1000000, since / 1000 % 1000);
}

static int
has(uint64_t ioctls, int op)
{
	return (ioctls >> op) & 1;
}

int
main(void)
{
	int                 fd = new_uffd(0);
	char                *a = map_anon(2), *s = map_shmem(1, 1);
	uint64_t            missing, wp, minor;
	struct uffdio_copy  c;
	struct utsname      u;

	missing = register_ioctls(fd, a, UFFDIO_REGISTER_MODE_MISSING, 1);
	if (!has(missing, _UFFDIO_WAKE) || !has(missing, _UFFDIO_COPY)
	    || !has(missing, _UFFDIO_ZEROPAGE))
		contradicted("anonymous, MISSING: ioctls %#llx lacks WAKE, COPY "
			     "or ZEROPAGE", (unsigned long long) missing);
	expect(has(missing, _UFFDIO_POISON), LINUX(6, 6, 0), "UFFDIO_POISON");
	expect(has(missing, _UFFDIO_MOVE), LINUX(6, 8, 0), "UFFDIO_MOVE");

	wp = register_ioctls(fd, a, UFFDIO_REGISTER_MODE_WP, 1);
	expect(has(wp, _UFFDIO_WRITEPROTECT), WP_ANON_SINCE,
	       "UFFDIO_WRITEPROTECT on anonymous memory");
	if (wp != 0) {
		do_register(fd, a + page_size(), page_size(),
			    UFFDIO_REGISTER_MODE_WP);
		if (uffd_copy(fd, a + page_size(), map_anon(1), page_size(),
			      UFFDIO_COPY_MODE_WP, &c) == -1)
			contradicted("UFFDIO_COPY_MODE_WP on a range registered "
				     "in write-protect mode: %s", strerror(errno));
	}
	wp = register_ioctls(fd, s, UFFDIO_REGISTER_MODE_WP, 1);
	expect(has(wp, _UFFDIO_WRITEPROTECT), WP_SHMEM_SINCE,
	       "UFFDIO_WRITEPROTECT on shared memory");

	minor = register_ioctls(fd, s, UFFDIO_REGISTER_MODE_MINOR, 1);
	expect(has(minor, _UFFDIO_CONTINUE), LINUX(5, 14, 0),
	       "UFFDIO_CONTINUE on shared memory");
	expect(continue_knows_wp(fd), LINUX(6, 4, 0), "UFFDIO_CONTINUE_MODE_WP");

	if (uname(&u) == -1)
		untestable("uname: %s", strerror(errno));
	holds("every operation and mode offered as its first kernel says, "
	      "on Linux %s", u.release);
}
