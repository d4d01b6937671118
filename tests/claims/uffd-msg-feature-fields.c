/*
 * uffd-msg-feature-fields: what userfaultfd.2 says of the messages'
 * fields and the features that fill them.
 *  - A page-fault message needs no feature: after a handshake asking for
 *    none, a write to a missing page of a range registered in missing
 *    mode is reported (UFFD_PAGEFAULT_FLAG_WRITE), its address rounded
 *    down to the page and pagefault.feat.ptid 0.
 *  - UFFD_FEATURE_THREAD_ID (4.14) puts the faulting thread's ID in
 *    ptid; UFFD_FEATURE_EXACT_ADDRESS (5.18) the exact address (skipped
 *    where the kernel lacks it).
 *  - UFFD_FEATURE_EVENT_UNMAP (4.11): munmap(2) of a registered range
 *    sends UFFD_EVENT_UNMAP with the range in remove.start and
 *    remove.end.
 */
#include "ioctl.h"

#include <sys/syscall.h>

#define OFFSET  123     /* where in the page the writer writes */

struct tid_writer {
	pthread_t  thread;
	char       *addr;
	pid_t      tid;
};

static void *
tid_writer_main(void *arg)
{
	struct tid_writer  *w = arg;

	w->tid = syscall(SYS_gettid);
	w->addr[OFFSET] = 'w';
	return NULL;
}

/* The message of a write to the missing page P, resolved with a copy. */
static struct uffd_msg
fault_msg(int fd, char *p, pid_t *tid)
{
	static char         src[65536];
	struct tid_writer   w = { .addr = p };
	struct uffd_msg     msg;
	struct uffdio_copy  c;

	if (pthread_create(&w.thread, NULL, tid_writer_main, &w) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 2000, &msg))
		contradicted("no message for a write to a missing page");
	if (uffd_copy(fd, p, src, page_size(), 0, &c) == -1)
		untestable("UFFDIO_COPY: %s", strerror(errno));
	if (pthread_join(w.thread, NULL) != 0)
		untestable("pthread_join failed");
	*tid = w.tid;
	return msg;
}

static void *
do_munmap(void *arg)
{
	if (munmap(arg, page_size()) == -1)
		untestable("munmap: %s", strerror(errno));
	return NULL;
}

int
main(void)
{
	int              fd;
	size_t           pg = page_size();
	uint64_t         offered = offered_features();
	uint64_t         want = UFFD_FEATURE_THREAD_ID;
	char             *p;
	pid_t            tid;
	pthread_t        t;
	struct uffd_msg  m;

	fd = new_uffd(0);
	p = map_anon(1);
	do_register(fd, p, pg, UFFDIO_REGISTER_MODE_MISSING);
	m = fault_msg(fd, p, &tid);
	if (m.event != UFFD_EVENT_PAGEFAULT
	    || !(m.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WRITE))
		contradicted("no feature: event %#x flags %#llx, expected a "
			     "page fault with UFFD_PAGEFAULT_FLAG_WRITE", m.event,
			     (unsigned long long) m.arg.pagefault.flags);
	if (m.arg.pagefault.address != (uintptr_t) p)
		contradicted("no feature: address %#llx, expected the page %p",
			     (unsigned long long) m.arg.pagefault.address,
			     (void *) p);
	if (m.arg.pagefault.feat.ptid != 0)
		contradicted("no feature: ptid %u, expected 0",
			     m.arg.pagefault.feat.ptid);
	close(fd);

	if (!(offered & UFFD_FEATURE_THREAD_ID))
		untestable("the handshake does not offer UFFD_FEATURE_THREAD_ID");
	if (offered & UFFD_FEATURE_EXACT_ADDRESS)
		want |= UFFD_FEATURE_EXACT_ADDRESS;
	fd = new_uffd(want);
	p = map_anon(1);
	do_register(fd, p, pg, UFFDIO_REGISTER_MODE_MISSING);
	m = fault_msg(fd, p, &tid);
	if ((pid_t) m.arg.pagefault.feat.ptid != tid)
		contradicted("UFFD_FEATURE_THREAD_ID: ptid %u, the writer is %d",
			     m.arg.pagefault.feat.ptid, (int) tid);
	if ((want & UFFD_FEATURE_EXACT_ADDRESS)
	    && m.arg.pagefault.address != (uintptr_t) p + OFFSET)
		contradicted("UFFD_FEATURE_EXACT_ADDRESS: address %#llx, the "
			     "write was at %p",
			     (unsigned long long) m.arg.pagefault.address,
			     (void *) (p + OFFSET));
	close(fd);

	fd = new_uffd(UFFD_FEATURE_EVENT_UNMAP);
	p = map_anon(1);
	do_register(fd, p, pg, UFFDIO_REGISTER_MODE_MISSING);
	if (pthread_create(&t, NULL, do_munmap, p) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 2000, &m))
		contradicted("no message for munmap of a registered range");
	if (pthread_join(t, NULL) != 0)
		untestable("pthread_join failed");
	if (m.event != UFFD_EVENT_UNMAP || m.arg.remove.start != (uintptr_t) p
	    || m.arg.remove.end != (uintptr_t) p + pg)
		contradicted("munmap: event %#x range %#llx-%#llx, expected "
			     "UFFD_EVENT_UNMAP %p-%p", m.event,
			     (unsigned long long) m.arg.remove.start,
			     (unsigned long long) m.arg.remove.end, (void *) p,
			     (void *) (p + pg));
	holds("a page-fault message needs no feature (page address, ptid 0); "
	      "THREAD_ID fills ptid%s; EVENT_UNMAP reports munmap's range",
	      (want & UFFD_FEATURE_EXACT_ADDRESS) ? ", EXACT_ADDRESS the address"
						  : " (EXACT_ADDRESS: not offered)");
}
