/*
 * priv-dev-mode: /dev/userfaultfd is a character device that, unless the
 * system's administrator changed it, only root may open (mode 0600, owner
 * root): the kernel registers it without a mode of its own.
 */
#include "priv.h"
#include <sys/stat.h>
#include <sys/sysmacros.h>

int
main(void)
{
	struct stat  st;

	if (stat("/dev/userfaultfd", &st) == -1) {
		if (errno == ENOENT)
			untestable("no /dev/userfaultfd here (Linux before 6.1, "
				   "or no devtmpfs)");
		broken("stat /dev/userfaultfd");
	}
	if (!S_ISCHR(st.st_mode))
		contradicted("/dev/userfaultfd is not a character device");
	if ((st.st_mode & 07777) != 0600 || st.st_uid != 0 || st.st_gid != 0)
		untestable("/dev/userfaultfd has mode %04o, owner %u:%u: this "
			   "system changed the default", st.st_mode & 07777,
			   st.st_uid, st.st_gid);
	holds("/dev/userfaultfd: character device %u:%u, mode 0600, owner 0:0",
	      major(st.st_rdev), minor(st.st_rdev));
}
