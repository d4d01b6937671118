/*
 * ioctl-api-output: after UFFDIO_API, features holds every feature the
 * kernel supports (not only those asked for), ioctls holds the bits of
 * UFFDIO_REGISTER, UFFDIO_UNREGISTER and UFFDIO_API, and asking for
 * UFFD_FEATURE_WP_ASYNC also enables UFFD_FEATURE_WP_UNPOPULATED (seen in
 * /proc/self/fdinfo; on a kernel that has it, Linux 6.7).
 */
#include "ioctl.h"

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
	if ((api.features & ~ask) == 0)
		contradicted("features holds only what was asked for: %#llx",
			     (unsigned long long) api.features);
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
