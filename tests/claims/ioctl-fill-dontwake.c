/*
 * ioctl-fill-dontwake: UFFDIO_ZEROPAGE, UFFDIO_CONTINUE, UFFDIO_POISON and
 * UFFDIO_MOVE wake the thread waiting on the page they resolve, and with
 * their DONTWAKE flag leave it asleep until UFFDIO_WAKE; the thread then
 * reads zeros, the page cache's contents, or the page moved.  A thread woken
 * on a poisoned page gets SIGBUS when it repeats its access.  Each
 * operation only where the kernel has it (CONTINUE on shared memory 5.14,
 * POISON 6.6, MOVE 6.8).
 */
#include "ioctl.h"
#include <setjmp.h>
#include <stdatomic.h>

enum op { ZEROPAGE, CONTINUE, POISON, MOVE };

static const char  *const names[] = {
	"UFFDIO_ZEROPAGE", "UFFDIO_CONTINUE", "UFFDIO_POISON", "UFFDIO_MOVE"
};

struct reader {
	pthread_t   thread;
	char        *addr;
	atomic_int  done;       /* 1: read the page, 2: got SIGBUS */
	char        byte;       /* what it read */
};

static __thread sigjmp_buf  on_sigbus;

static void
sigbus(int sig)
{
	(void) sig;
	siglongjmp(on_sigbus, 1);
}

static void *
read_byte(void *arg)
{
	struct reader  *r = arg;

	if (sigsetjmp(on_sigbus, 1) != 0) {
		atomic_store(&r->done, 2);
		return NULL;
	}
	r->byte = *(volatile char *) r->addr;
	atomic_store(&r->done, 1);
	return NULL;
}

/* A thread reading ADDR, and the fault it caused, read from FD. */
static void
start_reader(struct reader *r, int fd, char *addr)
{
	struct uffd_msg  msg;

	r->addr = addr;
	atomic_store(&r->done, 0);
	if (pthread_create(&r->thread, NULL, read_byte, r) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 5000, &msg))
		untestable("no fault arrived");
}

/* A registered page of the memory OP works on, not present, set up so
   that OP can resolve a fault on it. */
static char *
scene(int fd, enum op op)
{
	char  *a;

	if (op == CONTINUE) {
		a = cached_page('c');
		do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MINOR);
	} else {
		a = map_anon(1);
		do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	}
	return a;
}

/* Resolve the fault on A with OP, DONTWAKE set when DONTWAKE. */
static void
resolve(int fd, enum op op, char *a, int dontwake)
{
	struct uffdio_zeropage  z;
	struct uffdio_continue  c;
	struct uffdio_poison    p;
	struct uffdio_move      m;
	char                    *src;
	int                     r = -1;

	switch (op) {
	case ZEROPAGE:
		r = uffd_zeropage(fd, a, page_size(),
				  dontwake ? UFFDIO_ZEROPAGE_MODE_DONTWAKE : 0, &z);
		break;
	case CONTINUE:
		r = uffd_continue(fd, a, page_size(),
				  dontwake ? UFFDIO_CONTINUE_MODE_DONTWAKE : 0, &c);
		break;
	case POISON:
		r = uffd_poison(fd, a, page_size(),
				dontwake ? UFFDIO_POISON_MODE_DONTWAKE : 0, &p);
		break;
	case MOVE:
		src = map_anon(1);
		src[0] = 'm';
		r = uffd_move(fd, a, src, page_size(),
			      dontwake ? UFFDIO_MOVE_MODE_DONTWAKE : 0, &m);
		break;
	}
	if (r == -1)
		untestable("%s: %s", names[op], strerror(errno));
}

/* What a thread reads from a page OP resolved. */
static const char  expected[] = { 0, 'c', 0, 'm' };

static void
joined(struct reader *r, enum op op, int want)
{
	if (pthread_join(r->thread, NULL) != 0)
		untestable("pthread_join failed");
	if (atomic_load(&r->done) != want)
		contradicted("%s: the woken thread %s", names[op],
			     want == 2 ? "got no SIGBUS" : "did not read the page");
	if (want == 1 && r->byte != expected[op])
		contradicted("%s: the woken thread read %#x, expected %#x",
			     names[op], r->byte, expected[op]);
}

static void
check(int fd, enum op op)
{
	struct reader        r;
	struct uffdio_range  range;
	char                 *a = scene(fd, op), *b = scene(fd, op);
	int                  want = op == POISON ? 2 : 1;

	start_reader(&r, fd, a);
	resolve(fd, op, a, 1);
	sleep_ms(200);
	if (atomic_load(&r.done))
		contradicted("%s with DONTWAKE woke the waiting thread", names[op]);
	range.start = (uintptr_t) a;
	range.len = page_size();
	if (ioctl(fd, UFFDIO_WAKE, &range) == -1)
		untestable("UFFDIO_WAKE: %s", strerror(errno));
	joined(&r, op, want);

	start_reader(&r, fd, b);
	resolve(fd, op, b, 0);
	joined(&r, op, want);
}

int
main(void)
{
	uint64_t          offered = offered_features();
	int               fd, skipped = 0;
	struct sigaction  sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = sigbus;
	if (sigaction(SIGBUS, &sa, NULL) == -1)
		untestable("sigaction: %s", strerror(errno));
	fd = new_uffd(offered & (UFFD_FEATURE_POISON | UFFD_FEATURE_MOVE));
	check(fd, ZEROPAGE);
	if (offered & UFFD_FEATURE_MINOR_SHMEM)
		check(fd, CONTINUE);
	else
		skipped++;
	if (offered & UFFD_FEATURE_POISON)
		check(fd, POISON);
	else
		skipped++;
	if (offered & UFFD_FEATURE_MOVE)
		check(fd, MOVE);
	else
		skipped++;
	holds("each operation wakes the waiting thread, and with DONTWAKE "
	      "leaves it to UFFDIO_WAKE (%d of 4 operations not on this "
	      "kernel)", skipped);
}
