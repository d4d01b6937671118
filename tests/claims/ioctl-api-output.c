/*
 * ioctl-api-output: after UFFDIO_API, features holds every feature the
 * kernel supports (not only those asked for: exactly the bits that a
 * handshake accepts one at a time), ioctls holds the bits of
 * UFFDIO_REGISTER, UFFDIO_UNREGISTER and UFFDIO_API, and asking for
 * UFFD_FEATURE_WP_ASYNC also enables UFFD_FEATURE_WP_UNPOPULATED (seen in
 * /proc/self/fdinfo; on a kernel that has it, Linux 6.7).
 */
#include "ioctl.h"

/*
 * The features this kernel accepts, measured one bit at a time: a
 * handshake asking for one bit alone succeeds (or, for
 * UFFD_FEATURE_EVENT_FORK without CAP_SYS_PTRACE, fails with EPERM)
 * exactly when the kernel has it.
 */
static uint64_t
accepted_features(void)
{
	uint64_t           accepted = 0;
	struct uffdio_api  api;

	for (int bit = 0; bit < 64; bit++) {
		int  fd = open_uffd(0), r;

		memset(&api, 0, sizeof(api));
		api.api = UFFD_API;
		api.features = 1ULL << bit;
		r = ioctl(fd, UFFDIO_API, &api);
		if (r == 0 || errno == EPERM)
			accepted |= 1ULL << bit;
		close(fd);
	}
	return accepted;
}

int
main(void)
{
	int                fd;
	char               path[64], line[256];
	FILE               *f;
	char               *p;
	unsigned long long  enabled = 0;
	struct uffdio_api  api;
	uint64_t           want = (1ULL << _UFFDIO_REGISTER)
				  | (1ULL << _UFFDIO_UNREGISTER)
				  | (1ULL << _UFFDIO_API);
	uint64_t           ask = offered_features() & UFFD_FEATURE_WP_ASYNC;

	fd = open_uffd(0);
	handshake(fd, ask, &api);
	if (api.ioctls != want)
		contradicted("ioctls is %#llx, expected %#llx",
			     (unsigned long long) api.ioctls,
			     (unsigned long long) want);
	if (api.features != accepted_features())
		contradicted("features is %#llx; the bits accepted one by one "
			     "are %#llx", (unsigned long long) api.features,
			     (unsigned long long) accepted_features());
	if (ask == 0)
		untestable("features: all supported; ioctls: %#llx; this kernel "
			   "lacks UFFD_FEATURE_WP_ASYNC (Linux 6.7)",
			   (unsigned long long) api.ioctls);

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	if (f == NULL)
		untestable("%s: %s", path, strerror(errno));
	/* "API:\t<api>:<enabled features>:<ioctls>", in hexadecimal */
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "API:\t", 5) != 0)
			continue;
		p = strchr(line, ':');
		p = (p == NULL) ? NULL : strchr(p + 1, ':');
		if (p == NULL)
			untestable("cannot parse %s", line);
		enabled = strtoull(p + 1, NULL, 16);
	}
	fclose(f);
	if (!(enabled & UFFD_FEATURE_WP_UNPOPULATED))
		contradicted("enabled features %#llx lack UFFD_FEATURE_WP_UNPOPULATED",
			     enabled);
	holds("features: all supported; ioctls: %#llx; WP_ASYNC implies WP_UNPOPULATED",
	      (unsigned long long) api.ioctls);
}
