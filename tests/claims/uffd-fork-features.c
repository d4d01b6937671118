/*
 * uffd-fork-features: the userfaultfd object that a UFFD_EVENT_FORK
 * message gives for the child has the same features enabled as the
 * parent's (UFFD_FEATURE_EVENT_FORK included, so that the child's own
 * forks are reported too), as /proc/pid/fdinfo shows.
 */
#include "ioctl.h"
#include "fork.h"

static unsigned long long
fdinfo_features(int fd)
{
	unsigned long long  api, features, ioctls;

	if (!fdinfo_api(fd, &api, &features, &ioctls))
		untestable("no API line in /proc/self/fdinfo/%d", fd);
	return features;
}

static int
child_nothing(void *arg)
{
	(void) arg;
	return 0;
}

int
main(void)
{
	int                 fd, ufd;
	char                *a;
	struct forker       f;
	unsigned long long  mine, its;
	uint64_t            want = UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_EVENT_REMOVE
				   | UFFD_FEATURE_EVENT_UNMAP | UFFD_FEATURE_THREAD_ID;
	struct uffdio_api   api;

	want |= offered_features() & (UFFD_FEATURE_EXACT_ADDRESS
				      | UFFD_FEATURE_WP_UNPOPULATED);
	fd = open_uffd(O_NONBLOCK);
	memset(&api, 0, sizeof(api));
	api.api = UFFD_API;
	api.features = want;
	if (ioctl(fd, UFFDIO_API, &api) == -1)
		untestable("UFFDIO_API with features %#llx: %s (EVENT_FORK needs "
			   "CAP_SYS_PTRACE)", (unsigned long long) want,
			   strerrorname_np(errno));
	a = map_anon(1);
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	ufd = fork_start(&f, fd, 1, child_nothing, NULL);
	mine = fdinfo_features(fd);
	its = fdinfo_features(ufd);
	fork_go(&f);
	fork_wait(&f, 5000);
	if ((mine & want) != want)
		untestable("the parent's features %#llx lack some asked for (%#llx)",
			   mine, (unsigned long long) want);
	if (its != mine)
		contradicted("the child's object has features %#llx, the parent's "
			     "%#llx", its, mine);
	holds("the child's object has the parent's features (%#llx)", its);
}
