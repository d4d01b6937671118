/*
 * ioctl-register-wp-async-special: the kernel's special mappings such as
 * [vdso] and [vvar] (VM_IO, VM_PFNMAP, VM_MIXEDMAP or VM_DONTEXPAND
 * mappings) cannot be registered in missing mode (they are not anonymous,
 * shared or hugetlbfs memory), and, since the commit "userfaultfd: prevent
 * registration of special VMAs" (2026, taken into the stable series: in
 * 6.18.44), not in write-protect mode alone with UFFD_FEATURE_WP_ASYNC
 * either, which accepts file mappings; before it, WP_ASYNC accepted them.
 * Where the version of the change is not known here, both answers of the
 * WP_ASYNC registration are accepted and reported.
 */
#include "ioctl.h"

/* The start and length of the mapping named NAME in /proc/self/maps. */
static int
find_mapping(const char *name, char **start, size_t *len)
{
	FILE           *f;
	char           line[512];
	unsigned long  lo, hi;
	size_t         n = strlen(name);

	f = fopen("/proc/self/maps", "r");
	if (f == NULL)
		untestable("open /proc/self/maps: %s", strerror(errno));
	while (fgets(line, sizeof(line), f) != NULL) {
		char  *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		if (strlen(line) < n || strcmp(line + strlen(line) - n, name) != 0)
			continue;
		if (!parse_range(line, &lo, &hi))
			continue;
		fclose(f);
		*start = (char *) lo;
		*len = hi - lo;
		return 1;
	}
	fclose(f);
	return 0;
}

/* Kernels known to have the commit, from their version. */
static int
known_refusing(void)
{
	long  v = kernel_version();

	return v >= LINUX(7, 2, 0)
	       || (v >= LINUX(6, 18, 44) && v < LINUX(6, 19, 0));
}

/* errno of registering [A, A+LEN) in MODE on a new object, 0 if done. */
static int
try_register(const char *a, size_t len, uint64_t features, uint64_t mode)
{
	int                     fd = new_uffd(features), r, err;
	struct uffdio_register  reg;

	memset(&reg, 0, sizeof(reg));
	reg.range.start = (uintptr_t) a;
	reg.range.len = len;
	reg.mode = mode;
	r = ioctl(fd, UFFDIO_REGISTER, &reg);
	err = errno;
	close(fd);
	return r == 0 ? 0 : err;
}

int
main(void)
{
	const char  *names[] = { "[vdso]", "[vvar]" };
	int         found = 0, async, err, accepted = 0;
	char        *a;
	size_t      len;

	async = (offered_features() & UFFD_FEATURE_WP_ASYNC) != 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!find_mapping(names[i], &a, &len))
			continue;
		found++;
		err = try_register(a, len, 0, UFFDIO_REGISTER_MODE_MISSING);
		if (err != EINVAL)
			contradicted("%s, missing mode: %s, expected EINVAL", names[i],
				     err ? strerrorname_np(err) : "registered");
		if (!async)
			continue;
		err = try_register(a, len, UFFD_FEATURE_WP_ASYNC,
				   UFFDIO_REGISTER_MODE_WP);
		if (err == 0 && !known_refusing()) {
			accepted++;
			continue;
		}
		if (err != EINVAL)
			contradicted("%s, WP_ASYNC, write-protect mode: %s, expected "
				     "EINVAL", names[i],
				     err ? strerrorname_np(err) : "registered");
	}
	if (found == 0)
		untestable("no [vdso] or [vvar] mapping in this process");
	if (!async)
		untestable("[vdso], [vvar]: EINVAL in missing mode; this kernel "
			   "lacks UFFD_FEATURE_WP_ASYNC (Linux 6.7)");
	if (accepted)
		holds("[vdso], [vvar]: EINVAL in missing mode; WP_ASYNC accepted %d "
		      "of them (this kernel predates the refusal of special "
		      "mappings)", accepted);
	holds("[vdso], [vvar]: EINVAL, also in WP mode with WP_ASYNC");
}
