/*
 * priv-dev-nobody-eacces: a user whom the permissions of /dev/userfaultfd
 * do not let read and write it cannot open it: EACCES.
 *
 * claims-context: user=nobody
 */
#include "priv.h"
#include <sys/stat.h>

int
main(void)
{
	struct stat  st;
	int          fd;

	need_unprivileged();
	if (stat("/dev/userfaultfd", &st) == -1) {
		if (errno == ENOENT)
			untestable("no /dev/userfaultfd here (Linux before 6.1, "
				   "or no devtmpfs)");
		broken("stat /dev/userfaultfd");
	}
	if (st.st_uid == geteuid() || (st.st_mode & 0066) != 0)
		untestable("/dev/userfaultfd has mode %04o, owner %u:%u: this "
			   "user may have access", st.st_mode & 07777,
			   st.st_uid, st.st_gid);
	fd = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (fd != -1)
		contradicted("open(\"/dev/userfaultfd\", O_RDWR) succeeded");
	if (errno != EACCES)
		contradicted("open(\"/dev/userfaultfd\", O_RDWR) failed with %s, "
			     "not EACCES", strerrorname_np(errno));
	holds("open(\"/dev/userfaultfd\", O_RDWR) failed with EACCES");
}
