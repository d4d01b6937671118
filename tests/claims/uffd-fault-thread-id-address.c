/*
 * uffd-fault-thread-id-address: with UFFD_FEATURE_THREAD_ID (Linux 4.14),
 * a fault message gives the thread ID of the faulting thread in
 * arg.pagefault.feat.ptid; with UFFD_FEATURE_EXACT_ADDRESS (Linux 5.18), it
 * gives the exact faulting address.  Without them, ptid is 0 and the
 * address is rounded down to the page.  On a kernel without
 * UFFD_FEATURE_EXACT_ADDRESS the rest is checked, then 77.
 */
#include "ioctl.h"

#define OFFSET 123

struct toucher {
	pthread_t  thread;
	char       *addr;
	pid_t      tid;
};

static void *
touch(void *arg)
{
	struct toucher  *t = arg;

	__atomic_store_n(&t->tid, gettid(), __ATOMIC_SEQ_CST);
	t->addr[OFFSET] = 'w';
	return NULL;
}

/* The fault message of a write at OFFSET into a new page, with FEATURES;
   *TID gets the writer's thread ID. */
static void
fault_of(uint64_t features, struct uffd_msg *msg, char **page, pid_t *tid)
{
	int                     fd;
	struct toucher          t;
	struct uffdio_zeropage  z;

	fd = new_uffd(features);
	t.addr = map_anon(1);
	t.tid = 0;
	do_register(fd, t.addr, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	if (pthread_create(&t.thread, NULL, touch, &t) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 5000, msg))
		contradicted("no fault message for the write");
	if (msg->event != UFFD_EVENT_PAGEFAULT)
		contradicted("event %#x, not a page fault", msg->event);
	if (uffd_zeropage(fd, t.addr, page_size(), 0, &z) == -1)
		untestable("UFFDIO_ZEROPAGE: %s", strerror(errno));
	if (pthread_join(t.thread, NULL) != 0)
		untestable("pthread_join failed");
	*page = t.addr;
	*tid = t.tid;
	close(fd);
}

int
main(void)
{
	struct uffd_msg  msg;
	char             *a;
	pid_t            tid;
	uint64_t         offered = offered_features();

	fault_of(0, &msg, &a, &tid);
	if (msg.arg.pagefault.feat.ptid != 0)
		contradicted("without UFFD_FEATURE_THREAD_ID, ptid is %u",
			     (unsigned) msg.arg.pagefault.feat.ptid);
	if (msg.arg.pagefault.address != (uintptr_t) a)
		contradicted("without UFFD_FEATURE_EXACT_ADDRESS, address %#llx "
			     "for a write at %p + %d",
			     (unsigned long long) msg.arg.pagefault.address,
			     (void *) a, OFFSET);

	if (!(offered & UFFD_FEATURE_THREAD_ID))
		contradicted("UFFD_FEATURE_THREAD_ID not offered");
	fault_of(UFFD_FEATURE_THREAD_ID, &msg, &a, &tid);
	if (msg.arg.pagefault.feat.ptid != (uint32_t) tid)
		contradicted("with UFFD_FEATURE_THREAD_ID, ptid %u, the writer "
			     "is %d", (unsigned) msg.arg.pagefault.feat.ptid,
			     (int) tid);

	if (!(offered & UFFD_FEATURE_EXACT_ADDRESS))
		untestable("thread IDs as stated; this kernel lacks "
			   "UFFD_FEATURE_EXACT_ADDRESS (Linux 5.18)");
	fault_of(UFFD_FEATURE_EXACT_ADDRESS, &msg, &a, &tid);
	if (msg.arg.pagefault.address != (uintptr_t) a + OFFSET)
		contradicted("with UFFD_FEATURE_EXACT_ADDRESS, address %#llx "
			     "for a write at %p + %d",
			     (unsigned long long) msg.arg.pagefault.address,
			     (void *) a, OFFSET);
	holds("ptid is the faulting thread's with THREAD_ID, 0 without; the "
	      "address is exact with EXACT_ADDRESS, the page's without");
}
