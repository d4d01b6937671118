/*
 * uffd-fault-flags: the pagefault.flags of a fault message tell its kind:
 * 0 for a read of a missing page, UFFD_PAGEFAULT_FLAG_WRITE for a write
 * to one, UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE for a write
 * to a write-protected page (Linux 5.7), UFFD_PAGEFAULT_FLAG_MINOR for a
 * read of a shared-memory page that is only in the page cache (Linux
 * 5.14), and UFFD_PAGEFAULT_FLAG_MINOR | UFFD_PAGEFAULT_FLAG_WRITE for a
 * write to one.  Each kind is looked at where the kernel has it.
 */
#include "ioctl.h"

struct access {
	pthread_t      thread;
	volatile char  *addr;
	int            write;
};

static void *
access_main(void *arg)
{
	struct access  *x = arg;

	if (x->write)
		x->addr[0] = 'w';
	else
		(void) x->addr[0];
	return NULL;
}

/*
 * The flags of the fault that a read (or, with WRITE, a write) of A
 * causes on FD; the fault is then resolved by RESOLVE, so that the
 * access completes.
 */
static unsigned long long
fault_flags(int fd, char *a, int write, void (*resolve)(int, char *))
{
	struct access    x = { .addr = a, .write = write };
	struct uffd_msg  msg;

	if (pthread_create(&x.thread, NULL, access_main, &x) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 5000, &msg))
		contradicted("the %s of %p caused no fault message",
			     write ? "write" : "read", (void *) a);
	if (msg.event != UFFD_EVENT_PAGEFAULT)
		untestable("message %u, not a page fault", msg.event);
	resolve(fd, a);
	if (pthread_join(x.thread, NULL) != 0)
		untestable("pthread_join failed");
	return msg.arg.pagefault.flags;
}

static void
fill(int fd, char *a)
{
	struct uffdio_zeropage  z;

	if (uffd_zeropage(fd, a, page_size(), 0, &z) == -1)
		untestable("UFFDIO_ZEROPAGE: %s", strerror(errno));
}

static void
unprotect(int fd, char *a)
{
	if (uffd_writeprotect(fd, a, page_size(), 0) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
}

static void
map_cached(int fd, char *a)
{
	struct uffdio_continue  c;

	if (uffd_continue(fd, a, page_size(), 0, &c) == -1)
		untestable("UFFDIO_CONTINUE: %s", strerror(errno));
}

static void
expect(unsigned long long got, unsigned long long want, const char *what)
{
	if (got != want)
		contradicted("%s: flags %#llx, expected %#llx", what, got, want);
}

int
main(void)
{
	int       fd;
	char      *a, *s, *t;
	uint64_t  have = offered_features();
	size_t    pg = page_size();

	fd = new_uffd(0);
	a = map_anon(3);
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	expect(fault_flags(fd, a, 0, fill), 0, "read of a missing page");
	expect(fault_flags(fd, a + pg, 1, fill), UFFD_PAGEFAULT_FLAG_WRITE,
	       "write to a missing page");

	if (!(have & UFFD_FEATURE_PAGEFAULT_FLAG_WP))
		untestable("no write-protect mode (Linux 5.7); the missing "
			   "faults had the flags stated");
	a[2 * pg] = 'x';
	do_register(fd, a + 2 * pg, pg, UFFDIO_REGISTER_MODE_WP);
	if (uffd_writeprotect(fd, a + 2 * pg, pg,
			      UFFDIO_WRITEPROTECT_MODE_WP) == -1)
		untestable("UFFDIO_WRITEPROTECT: %s", strerror(errno));
	expect(fault_flags(fd, a + 2 * pg, 1, unprotect),
	       UFFD_PAGEFAULT_FLAG_WP | UFFD_PAGEFAULT_FLAG_WRITE,
	       "write to a write-protected page");

	if (!(have & UFFD_FEATURE_MINOR_SHMEM))
		untestable("no minor mode on shared memory (Linux 5.14); the "
			   "missing and write-protect faults had the flags "
			   "stated");
	s = cached_page('r');
	t = cached_page('w');
	do_register(fd, s, pg, UFFDIO_REGISTER_MODE_MINOR);
	do_register(fd, t, pg, UFFDIO_REGISTER_MODE_MINOR);
	expect(fault_flags(fd, s, 0, map_cached), UFFD_PAGEFAULT_FLAG_MINOR,
	       "read of a page only in the page cache");
	expect(fault_flags(fd, t, 1, map_cached),
	       UFFD_PAGEFAULT_FLAG_MINOR | UFFD_PAGEFAULT_FLAG_WRITE,
	       "write to a page only in the page cache");
	holds("each kind of fault had the flags stated");
}
