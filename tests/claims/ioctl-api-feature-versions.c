/*
 * ioctl-api-feature-versions: the table of features in UFFDIO_API(2const)
 * gives, for each bit, the first kernel to offer it.  No kernel older
 * than that version offers the bit.  The features that need nothing of
 * the architecture or the configuration (the events, missing mode on
 * shared memory, SIGBUS, thread IDs, exact addresses, UFFDIO_POISON) are
 * offered by every kernel from that version on; the others (write
 * protection, hugetlbfs, minor mode, UFFDIO_MOVE) may be missing from a
 * kernel built without them, which is reported, not judged.  Bits beyond
 * the table are reported too.
 */
#include "ioctl.h"

static const struct {
	const char  *name;
	int         major, minor;
	int         always;     /* offered by every kernel from then on */
} table[] = {
	{ "UFFD_FEATURE_PAGEFAULT_FLAG_WP",  5,  7, 0 },
	{ "UFFD_FEATURE_EVENT_FORK",         4, 11, 1 },
	{ "UFFD_FEATURE_EVENT_REMAP",        4, 11, 1 },
	{ "UFFD_FEATURE_EVENT_REMOVE",       4, 11, 1 },
	{ "UFFD_FEATURE_MISSING_HUGETLBFS",  4, 11, 0 },
	{ "UFFD_FEATURE_MISSING_SHMEM",      4, 11, 1 },
	{ "UFFD_FEATURE_EVENT_UNMAP",        4, 11, 1 },
	{ "UFFD_FEATURE_SIGBUS",             4, 14, 1 },
	{ "UFFD_FEATURE_THREAD_ID",          4, 14, 1 },
	{ "UFFD_FEATURE_MINOR_HUGETLBFS",    5, 13, 0 },
	{ "UFFD_FEATURE_MINOR_SHMEM",        5, 14, 0 },
	{ "UFFD_FEATURE_EXACT_ADDRESS",      5, 18, 1 },
	{ "UFFD_FEATURE_WP_HUGETLBFS_SHMEM", 5, 19, 0 },
	{ "UFFD_FEATURE_WP_UNPOPULATED",     6,  4, 0 },
	{ "UFFD_FEATURE_POISON",             6,  6, 1 },
	{ "UFFD_FEATURE_WP_ASYNC",           6,  7, 0 },
	{ "UFFD_FEATURE_MOVE",               6,  8, 0 },
};

#define NBITS ((unsigned int) (sizeof(table) / sizeof(table[0])))

int
main(void)
{
	uint64_t  offered = offered_features();
	long      v = kernel_version();
	char      absent[512] = "", beyond[256] = "";
	size_t    n;

	for (unsigned int bit = 0; bit < NBITS; bit++) {
		long  since = LINUX(table[bit].major, table[bit].minor, 0);
		int   has = (offered >> bit) & 1;

		if (has && v < since)
			contradicted("%s (bit %u) offered by Linux %ld.%ld, "
				     "older than the table's %d.%d",
				     table[bit].name, bit, v / 1000000,
				     v / 1000 % 1000, table[bit].major,
				     table[bit].minor);
		if (!has && v >= since && table[bit].always)
			contradicted("%s (bit %u) not offered by Linux %ld.%ld, "
				     "although it came in %d.%d and needs no "
				     "configuration", table[bit].name, bit,
				     v / 1000000, v / 1000 % 1000,
				     table[bit].major, table[bit].minor);
		if (!has && v >= since) {
			n = strlen(absent);
			snprintf(absent + n, sizeof(absent) - n, " %s",
				 table[bit].name + strlen("UFFD_FEATURE_"));
		}
	}
	for (unsigned int bit = NBITS; bit < 64; bit++) {
		if (!((offered >> bit) & 1))
			continue;
		n = strlen(beyond);
		snprintf(beyond + n, sizeof(beyond) - n, " %u", bit);
	}
	holds("every feature offered no earlier than the table says%s%s%s%s",
	      absent[0] ? "; not built in:" : "", absent,
	      beyond[0] ? "; bits beyond the table:" : "", beyond);
}
