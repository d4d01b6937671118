/*
 * uffd-read-einval-size: read(2) from a userfaultfd fails with EINVAL
 * when the buffer is smaller than one struct uffd_msg (32 bytes), even
 * with a message pending.
 */
#include "priv.h"

struct writer {
	char           *addr;
	volatile char  seen;
};

static void *
write_page(void *arg)
{
	struct writer  *w = arg;

	w->addr[0] = 'w';	/* A missing fault: waits for the handler */
	w->seen = w->addr[0];
	return NULL;
}

int
main(void)
{
	int                  fd;
	char                 buf[sizeof(struct uffd_msg)];
	size_t               page = sysconf(_SC_PAGESIZE);
	ssize_t              n, small;
	pthread_t            thr;
	struct pollfd        pfd;
	struct writer        w;
	int                  err;

	if (sizeof(struct uffd_msg) != 32)
		contradicted("struct uffd_msg is %zu bytes, not 32",
			     sizeof(struct uffd_msg));
	fd = uffd_user_mode(O_NONBLOCK);
	if (fd == -1)
		broken("userfaultfd");
	uffd_handshake(fd);
	w.addr = registered_page(fd, page);
	errno = pthread_create(&thr, NULL, write_page, &w);
	if (errno != 0)
		broken("pthread_create");
	pfd.fd = fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 5000) != 1)
		broken("poll: no message within 5 s");

	small = read(fd, buf, sizeof(buf) - 1);
	err = errno;
	n = read(fd, buf, sizeof(buf));	/* The message is still there */

	/* Let the writer go: close(2) wakes it, its fault then resolves. */
	close(fd);
	errno = pthread_join(thr, NULL);
	if (errno != 0)
		broken("pthread_join");
	if (small != -1)
		contradicted("read(2) of %zu bytes returned %zd",
			     sizeof(buf) - 1, small);
	if (err != EINVAL)
		contradicted("read(2) of %zu bytes failed with %s, not EINVAL",
			     sizeof(buf) - 1, strerrorname_np(err));
	if (n != (ssize_t) sizeof(buf))
		contradicted("the full-size read(2) after it returned %zd", n);
	holds("read(2) of 31 bytes failed with EINVAL, the message stayed");
}
