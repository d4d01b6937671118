/*
 * kernel-helper: what the guest of the kernel matrix needs and busybox
 * lacks, one static program called by several names (argv[0]):
 *
 *	timeout [-k SECS] SECS PROG ARGS...
 *		coreutils' timeout, the part the scripts use: runs PROG in
 *		a process group of its own; when SECS pass, sends SIGTERM to
 *		the group, and SIGKILL KILLSECS later; exits 124 then, else
 *		with PROG's status (128 + N when signal N ended it).
 *		(Busybox's timeout exits 143, which a program can too.)
 *	setpriv [--reuid=UID] [--regid=GID] [--clear-groups]
 *		[--inh-caps=+CAP,...] [--ambient-caps=+CAP,...] PROG ARGS...
 *		util-linux's setpriv, the part scripts/claims/exec.sh uses:
 *		runs PROG as UID and GID, keeping the capabilities named
 *		(ambient, so that they survive the exec).  Busybox's setpriv
 *		cannot change the user.
 *	kernel-helper poweroff CODE
 *		waits until the serial ports have sent what they hold, then
 *		on x86 writes CODE to QEMU's isa-debug-exit port (0xf4), which
 *		ends QEMU with status CODE * 2 + 1; without that device, and
 *		on arm64 (whose virt machine has no such port: PSCI's power
 *		off ends QEMU with status 0), powers the machine off.
 *
 * Errors: a message on stderr and status 125 (timeout, setpriv: as the
 * originals do when they fail themselves) or 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libgen.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <sys/io.h>
#define HAVE_DEBUG_EXIT_PORT 1
#endif
#include <sys/prctl.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define DEBUG_EXIT_PORT 0xf4

static const char *me = "kernel-helper";

static void __attribute__((noreturn, format(printf, 2, 3)))
die(int status, const char *fmt, ...)
{
	va_list  ap;

	fprintf(stderr, "%s: ", me);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

/* A whole number of seconds, at most a day; -1 when s is not one. */
static long
seconds(const char *s)
{
	char  *end;
	long  n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 0 || n > 86400)
		return -1;
	return n;
}

static volatile sig_atomic_t  alarms;

static void
on_signal(int sig)
{
	if (sig == SIGALRM)
		alarms++;
}

static int
do_timeout(int argc, char **argv)
{
	long              limit, grace = -1;
	pid_t             child;
	int               status, argi = 1, termed = 0, killed = 0;
	struct sigaction  sa;
	sigset_t          block, old, wait_mask;

	if (argi + 1 < argc && strcmp(argv[argi], "-k") == 0) {
		grace = seconds(argv[argi + 1]);
		if (grace == -1)
			die(125, "invalid kill delay: %s", argv[argi + 1]);
		argi += 2;
	}
	if (argi + 1 >= argc)
		die(125, "usage: timeout [-k SECS] SECS PROG ARGS...");
	limit = seconds(argv[argi]);
	if (limit == -1)
		die(125, "invalid time: %s", argv[argi]);
	argi++;

	/*
	 * SIGALRM and SIGCHLD stay blocked but while sigsuspend waits, so
	 * that neither can slip in between a check and the wait.
	 */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	if (sigaction(SIGALRM, &sa, NULL) == -1 || sigaction(SIGCHLD, &sa, NULL) == -1)
		die(125, "sigaction: %s", strerror(errno));
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigaddset(&block, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &block, &old) == -1)
		die(125, "sigprocmask: %s", strerror(errno));
	wait_mask = old;
	sigdelset(&wait_mask, SIGALRM);
	sigdelset(&wait_mask, SIGCHLD);
	child = fork();
	if (child == -1)
		die(125, "fork: %s", strerror(errno));
	if (child == 0) {
		setpgid(0, 0);
		signal(SIGALRM, SIG_DFL);
		signal(SIGCHLD, SIG_DFL);
		sigprocmask(SIG_SETMASK, &old, NULL);
		execvp(argv[argi], argv + argi);
		fprintf(stderr, "timeout: %s: %s\n", argv[argi], strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	setpgid(child, child);
	if (limit > 0)
		alarm(limit);
	for (;;) {
		pid_t  pid = waitpid(child, &status, WNOHANG);

		if (pid == child)
			break;
		if (pid == -1)
			die(125, "waitpid: %s", strerror(errno));
		if (alarms >= 1 && !termed) {
			termed = 1;
			kill(-child, SIGTERM);
			kill(child, SIGTERM);
			if (grace > 0)
				alarm(grace);
			else if (grace == 0)
				alarms++;
		}
		if (alarms >= 2 && !killed) {
			killed = 1;
			kill(-child, SIGKILL);
			kill(child, SIGKILL);
		}
		sigsuspend(&wait_mask);
	}
	/* Whatever the command left behind in its group goes with it. */
	if (termed)
		kill(-child, SIGKILL);
	if (killed)
		return 128 + SIGKILL;
	if (termed)
		return 124;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static const struct {
	const char  *name;
	int         cap;
} cap_names[] = {
	{ "chown", CAP_CHOWN },
	{ "dac_override", CAP_DAC_OVERRIDE },
	{ "fowner", CAP_FOWNER },
	{ "kill", CAP_KILL },
	{ "setgid", CAP_SETGID },
	{ "setuid", CAP_SETUID },
	{ "ipc_lock", CAP_IPC_LOCK },
	{ "sys_ptrace", CAP_SYS_PTRACE },
	{ "sys_admin", CAP_SYS_ADMIN },
	{ "sys_resource", CAP_SYS_RESOURCE },
};

/* Adds the capabilities of a list "+a,+b" (or "a,b") to *mask. */
static void
parse_caps(const char *list, unsigned long long *mask)
{
	char  *copy, *name, *save = NULL;

	copy = strdup(list);
	if (copy == NULL)
		die(125, "out of memory");
	for (name = strtok_r(copy, ",", &save); name != NULL;
	     name = strtok_r(NULL, ",", &save)) {
		size_t  i;

		if (*name == '+')
			name++;
		if (strncmp(name, "cap_", 4) == 0)
			name += 4;
		for (i = 0; i < sizeof(cap_names) / sizeof(cap_names[0]); i++)
			if (strcmp(cap_names[i].name, name) == 0)
				break;
		if (i == sizeof(cap_names) / sizeof(cap_names[0]))
			die(125, "unknown capability: %s", name);
		*mask |= 1ULL << cap_names[i].cap;
	}
	free(copy);
}

static long
id_value(const char *s, const char *what)
{
	char  *end;
	long  n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 0 || n > 65535)
		die(125, "invalid %s: %s", what, s);
	return n;
}

static int
do_setpriv(int argc, char **argv)
{
	long                          uid = -1, gid = -1;
	int                           clear = 0, argi;
	unsigned long long            caps = 0;
	struct __user_cap_header_struct  hdr;
	struct __user_cap_data_struct    data[2];

	for (argi = 1; argi < argc && strncmp(argv[argi], "--", 2) == 0; argi++) {
		const char  *a = argv[argi];

		if (strncmp(a, "--reuid=", 8) == 0)
			uid = id_value(a + 8, "user id");
		else if (strncmp(a, "--regid=", 8) == 0)
			gid = id_value(a + 8, "group id");
		else if (strcmp(a, "--clear-groups") == 0)
			clear = 1;
		else if (strncmp(a, "--inh-caps=", 11) == 0)
			parse_caps(a + 11, &caps);
		else if (strncmp(a, "--ambient-caps=", 15) == 0)
			parse_caps(a + 15, &caps);
		else
			die(125, "unknown option: %s", a);
	}
	if (argi >= argc)
		die(125, "usage: setpriv [--reuid=UID] [--regid=GID] "
		    "[--clear-groups] [--inh-caps=CAPS] [--ambient-caps=CAPS] PROG ARGS...");

	if (caps != 0 && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) == -1)
		die(125, "PR_SET_KEEPCAPS: %s", strerror(errno));
	if (clear && setgroups(0, NULL) == -1)
		die(125, "setgroups: %s", strerror(errno));
	if (gid != -1 && setresgid(gid, gid, gid) == -1)
		die(125, "setresgid %ld: %s", gid, strerror(errno));
	if (uid != -1 && setresuid(uid, uid, uid) == -1)
		die(125, "setresuid %ld: %s", uid, strerror(errno));
	if (caps != 0) {
		memset(&hdr, 0, sizeof(hdr));
		memset(data, 0, sizeof(data));
		hdr.version = _LINUX_CAPABILITY_VERSION_3;
		for (int i = 0; i < 2; i++) {
			data[i].permitted = (unsigned int) (caps >> (32 * i));
			data[i].effective = data[i].permitted;
			data[i].inheritable = data[i].permitted;
		}
		if (syscall(SYS_capset, &hdr, data) == -1)
			die(125, "capset: %s", strerror(errno));
		for (int cap = 0; cap < 64; cap++)
			if ((caps & (1ULL << cap))
			    && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) == -1)
				die(125, "raising ambient capability %d: %s", cap,
				    strerror(errno));
	}
	execvp(argv[argi], argv + argi);
	die(errno == ENOENT ? 127 : 126, "%s: %s", argv[argi], strerror(errno));
}

static void
drain(const char *tty)
{
	int  fd = open(tty, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

	if (fd == -1)
		return;
	tcdrain(fd);
	close(fd);
}

static int
do_poweroff(int argc, char **argv)
{
	long  code;

	if (argc != 3)
		die(1, "usage: kernel-helper poweroff CODE");
	code = seconds(argv[2]);
	if (code == -1 || code > 255)
		die(1, "invalid exit code: %s", argv[2]);
	fflush(NULL);
	sync();
	drain("/dev/ttyS1");
	drain("/dev/ttyS0");
	drain("/dev/hvc0");
	drain("/dev/ttyAMA0");
#ifdef HAVE_DEBUG_EXIT_PORT
	if (ioperm(DEBUG_EXIT_PORT, 1, 1) == 0)
		outb((unsigned char) code, DEBUG_EXIT_PORT);
#endif
	/* Still here: no isa-debug-exit device. */
	reboot(RB_POWER_OFF);
	die(1, "power off: %s", strerror(errno));
}

int
main(int argc, char **argv)
{
	const char  *name = basename(argv[0]);

	if (strcmp(name, "timeout") == 0) {
		me = "timeout";
		return do_timeout(argc, argv);
	}
	if (strcmp(name, "setpriv") == 0) {
		me = "setpriv";
		return do_setpriv(argc, argv);
	}
	if (argc >= 2 && strcmp(argv[1], "poweroff") == 0)
		return do_poweroff(argc, argv);
	if (argc >= 2 && (strcmp(argv[1], "timeout") == 0 || strcmp(argv[1], "setpriv") == 0)) {
		me = argv[1];
		return strcmp(argv[1], "timeout") == 0
		    ? do_timeout(argc - 1, argv + 1) : do_setpriv(argc - 1, argv + 1);
	}
	die(1, "usage: kernel-helper poweroff CODE | timeout ... | setpriv ...");
}
