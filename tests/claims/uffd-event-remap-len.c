/*
 * uffd-event-remap-len: the UFFD_EVENT_REMAP message of an mremap(2) that
 * moves a registered range and makes it larger gives in remap.len the
 * old length, not the new one.
 */
#include "ioctl.h"

static void *
do_mremap(void *arg)
{
	void  **v = arg;

	v[3] = mremap(v[0], (size_t) v[1], (size_t) v[2], MREMAP_MAYMOVE);
	return NULL;
}

/* The remap message of moving the NPAGES pages at A to NEWPAGES. */
static struct uffd_msg
remap(int fd, char *a, size_t npages, size_t newpages, char **to)
{
	size_t           pg = page_size();
	void             *v[4] = { a, (void *) (npages * pg),
				   (void *) (newpages * pg), NULL };
	pthread_t        t;
	struct uffd_msg  msg;

	/* The guard page of map_anon() after the range makes it move. */
	if (pthread_create(&t, NULL, do_mremap, v) != 0)
		untestable("pthread_create failed");
	if (!wait_msg(fd, 2000, &msg))
		contradicted("no message for mremap of a registered range");
	if (pthread_join(t, NULL) != 0)
		untestable("pthread_join failed");
	if (v[3] == MAP_FAILED)
		untestable("mremap: %s", strerror(errno));
	*to = v[3];
	return msg;
}

int
main(void)
{
	int              fd;
	size_t           pg = page_size();
	char             *a, *to;
	struct uffd_msg  m;

	fd = new_uffd(UFFD_FEATURE_EVENT_REMAP);
	a = map_anon(2);
	a[0] = a[pg] = 1;
	do_register(fd, a, 2 * pg, UFFDIO_REGISTER_MODE_MISSING);
	m = remap(fd, a, 2, 4, &to);
	if (m.event != UFFD_EVENT_REMAP)
		contradicted("event %#x, expected UFFD_EVENT_REMAP", m.event);
	if (m.arg.remap.from != (uintptr_t) a || m.arg.remap.to != (uintptr_t) to)
		contradicted("remap from %#llx to %#llx, expected %p to %p",
			     (unsigned long long) m.arg.remap.from,
			     (unsigned long long) m.arg.remap.to, (void *) a,
			     (void *) to);
	if (to == a)
		untestable("mremap grew the mapping in place");
	if (m.arg.remap.len != 2 * pg)
		contradicted("growing 2 pages to 4: remap.len %llu, expected the "
			     "old length %zu", (unsigned long long) m.arg.remap.len,
			     2 * pg);
	holds("UFFD_EVENT_REMAP of a mapping grown from 2 to 4 pages: remap.len "
	      "is the old length");
}
