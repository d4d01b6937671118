/* uffd_wp_fork.c: does a write-protected page stay protected in the
   child of fork(2)?  /proc/self/pagemap tells. */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* Bit 57 of a pagemap entry (Linux 5.13): see proc_pid_pagemap(5) */
#define PM_UFFD_WP  (1ULL << 57)

static long  page_size;

static const char *
protection(const char *addr)
{
    int       fd;
    off_t     offset;
    uint64_t  entry;

    offset = (uintptr_t) addr / page_size * sizeof(entry);
    fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd == -1)
        err(EXIT_FAILURE, "open");
    if (pread(fd, &entry, sizeof(entry), offset) != sizeof(entry))
        err(EXIT_FAILURE, "pread");
    close(fd);
    return (entry & PM_UFFD_WP) ? "protected" : "not protected";
}

/* fork(2) waits until another thread has read its UFFD_EVENT_FORK. */
static void *
read_fork_event(void *arg)
{
    int              uffd = *(int *) arg;
    struct uffd_msg  msg;

    if (read(uffd, &msg, sizeof(msg)) != sizeof(msg))
        err(EXIT_FAILURE, "read");
    if (msg.event != UFFD_EVENT_FORK)
        errx(EXIT_FAILURE, "unexpected event %u", msg.event);
    return (void *) (intptr_t) msg.arg.fork.ufd;
}

static void
fork_protected_page(uint64_t features)
{
    int                         uffd, status;
    char                        *page;
    void                        *child_uffd;
    pid_t                       pid;
    pthread_t                   reader;
    struct uffdio_api           api = { .api = UFFD_API };
    struct uffdio_register      reg;
    struct uffdio_writeprotect  wp;

    uffd = syscall(SYS_userfaultfd, O_CLOEXEC);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");
    api.features = features;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "UFFDIO_API");

    page = mmap(NULL, page_size, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");
    page[0] = 'x';      /* Populated, so that it can be protected */

    reg.range.start = (uintptr_t) page;
    reg.range.len = page_size;
    reg.mode = UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "UFFDIO_REGISTER");
    wp.range = reg.range;
    wp.mode = UFFDIO_WRITEPROTECT_MODE_WP;
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
        err(EXIT_FAILURE, "UFFDIO_WRITEPROTECT");

    printf("%s UFFD_FEATURE_EVENT_FORK:\n",
           features ? "with" : "without");
    printf("    parent: page %s\n", protection(page));
    fflush(stdout);

    if (features & UFFD_FEATURE_EVENT_FORK) {
        errno = pthread_create(&reader, NULL, read_fork_event, &uffd);
        if (errno != 0)
            err(EXIT_FAILURE, "pthread_create");
    }
    pid = fork();
    if (pid == -1)
        err(EXIT_FAILURE, "fork");
    if (pid == 0) {     /* _exit(): the reader thread is not here */
        printf("    child:  page %s\n", protection(page));
        fflush(stdout);
        _exit(EXIT_SUCCESS);
    }
    if (waitpid(pid, &status, 0) == -1)
        err(EXIT_FAILURE, "waitpid");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != EXIT_SUCCESS)
        errx(EXIT_FAILURE, "the child failed");

    if (features & UFFD_FEATURE_EVENT_FORK) {
        errno = pthread_join(reader, &child_uffd);
        if (errno != 0)
            err(EXIT_FAILURE, "pthread_join");
        /* Closing it would unregister the child's range: the child
           is done with it now. */
        close((intptr_t) child_uffd);
    }
    if (munmap(page, page_size) == -1)
        err(EXIT_FAILURE, "munmap");
    close(uffd);
}

int
main(void)
{
    page_size = sysconf(_SC_PAGESIZE);
    fork_protected_page(0);
    fork_protected_page(UFFD_FEATURE_EVENT_FORK);
    exit(EXIT_SUCCESS);
}
