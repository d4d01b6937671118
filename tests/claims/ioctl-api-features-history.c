/*
 * ioctl-api-features-history: from Linux 4.3 to 4.10, UFFDIO_API failed
 * with EINVAL when features was not 0 (and zeroed the structure); since
 * Linux 4.11 it reads features and enables the ones asked for.  On a
 * kernel of 4.11 or later, a known feature asked for is accepted and
 * enabled, as /proc/self/fdinfo shows; before, any bit is refused.
 */
#include "ioctl.h"

/* The features enabled on FD, from its fdinfo line "API:\t<api>:<f>:<i>". */
static unsigned long long
enabled(int fd)
{
	char                path[64], line[256], *p;
	FILE                *f;
	unsigned long long  v = 0;
	int                 found = 0;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	if (f == NULL)
		untestable("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "API:\t", 5) != 0)
			continue;
		p = strchr(line + 5, ':');
		if (p == NULL)
			untestable("cannot parse %s", line);
		v = strtoull(p + 1, NULL, 16);
		found = 1;
	}
	fclose(f);
	if (!found)
		untestable("no API line in %s", path);
	return v;
}

int
main(void)
{
	int                fd, r;
	struct uffdio_api  api = { .api = UFFD_API,
				   .features = UFFD_FEATURE_EVENT_REMOVE };

	fd = open_uffd(0);
	r = ioctl(fd, UFFDIO_API, &api);
	if (kernel_version() < LINUX(4, 11, 0)) {
		expect_errno(r, errno, EINVAL, "UFFDIO_API with a feature before 4.11");
		EXPECT_FIELD(api.api, 0, "UFFDIO_API with a feature before 4.11");
		holds("before Linux 4.11: nonzero features refused with EINVAL");
	}
	if (r == -1)
		contradicted("UFFDIO_API asking for UFFD_FEATURE_EVENT_REMOVE: %s",
			     strerrorname_np(errno));
	if (!(enabled(fd) & UFFD_FEATURE_EVENT_REMOVE))
		contradicted("UFFD_FEATURE_EVENT_REMOVE asked for but not enabled "
			     "(fdinfo features %#llx)", enabled(fd));
	holds("since Linux 4.11: features read, the feature asked for enabled");
}
