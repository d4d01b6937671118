/* uffd_wp_fork.c: write protection across fork(2), seen in pagemap */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define PM_UFFD_WP  (1ULL << 57)    /* pagemap: protected by a uffd */

/* Is the page at ADDR write-protected, as /proc/self/pagemap says? */
static int
is_protected(void *addr)
{
    int       fd;
    uint64_t  entry;
    off_t     off;

    off = (uintptr_t) addr / sysconf(_SC_PAGESIZE) * sizeof(entry);

    fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd == -1)
        err(EXIT_FAILURE, "open");
    if (pread(fd, &entry, sizeof(entry), off) != sizeof(entry))
        err(EXIT_FAILURE, "pread");
    close(fd);
    return (entry & PM_UFFD_WP) != 0;
}

static int  child_uffd = -1;      /* from the UFFD_EVENT_FORK message */

/* Read the UFFD_EVENT_FORK message that fork(2) waits for. */
static void *
read_fork_event(void *arg)
{
    int              uffd = *(int *) arg;
    struct pollfd    pfd = { .fd = uffd, .events = POLLIN };
    struct uffd_msg  msg;

    if (poll(&pfd, 1, -1) == -1)
        err(EXIT_FAILURE, "poll");
    if (read(uffd, &msg, sizeof(msg)) != sizeof(msg))
        err(EXIT_FAILURE, "read");
    if (msg.event != UFFD_EVENT_FORK)
        errx(EXIT_FAILURE, "unexpected event %u", msg.event);
    child_uffd = msg.arg.fork.ufd;
    return NULL;
}

static void
try_fork(uint64_t features, const char *name)
{
    int                         uffd;
    char                        *page;
    long                        pagesize = sysconf(_SC_PAGESIZE);
    int                         status;
    pid_t                       pid;
    pthread_t                   thr;
    struct uffdio_api           api = { UFFD_API, features, 0 };
    struct uffdio_register      reg;
    struct uffdio_writeprotect  wp;

    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "UFFDIO_API");

    page = mmap(NULL, pagesize, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");
    page[0] = 'x';          /* present: UFFDIO_WRITEPROTECT protects it */

    reg.range.start = (uintptr_t) page;
    reg.range.len = pagesize;
    reg.mode = UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "UFFDIO_REGISTER");
    wp.range = reg.range;
    wp.mode = UFFDIO_WRITEPROTECT_MODE_WP;
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
        err(EXIT_FAILURE, "UFFDIO_WRITEPROTECT");

    printf("%s:\n", name);
    printf("    parent: page %s\n",
           is_protected(page) ? "protected" : "not protected");
    fflush(stdout);

    /* With the feature, fork(2) waits until the event has been read. */
    if (features & UFFD_FEATURE_EVENT_FORK) {
        errno = pthread_create(&thr, NULL, read_fork_event, &uffd);
        if (errno != 0)
            err(EXIT_FAILURE, "pthread_create");
    }
    pid = fork();
    if (pid == -1)
        err(EXIT_FAILURE, "fork");
    if (pid == 0) {
        printf("    child:  page %s\n",
               is_protected(page) ? "protected" : "not protected");
        exit(EXIT_SUCCESS);
    }
    if (features & UFFD_FEATURE_EVENT_FORK) {
        errno = pthread_join(thr, NULL);
        if (errno != 0)
            err(EXIT_FAILURE, "pthread_join");
    }
    if (waitpid(pid, &status, 0) == -1)
        err(EXIT_FAILURE, "waitpid");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != EXIT_SUCCESS)
        errx(EXIT_FAILURE, "the child failed");

    /* Closing it would unregister the child's range: only once the
       child is done with it. */
    if (child_uffd != -1) {
        close(child_uffd);
        child_uffd = -1;
    }
    if (munmap(page, pagesize) == -1)
        err(EXIT_FAILURE, "munmap");
    close(uffd);
}

int
main(void)
{
    try_fork(0, "without UFFD_FEATURE_EVENT_FORK");
    try_fork(UFFD_FEATURE_EVENT_FORK, "with UFFD_FEATURE_EVENT_FORK");
    exit(EXIT_SUCCESS);
}
