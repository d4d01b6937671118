/* uffd_wp_batch.c: resolve write-protect faults, then wake once */
#define _GNU_SOURCE
#include <err.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY  1
#endif

#define MAXWRITERS  8

static atomic_int  done;    /* How many writers have finished */

static void *
write_page(void *addr)
{
    *(char *) addr = 'w';   /* Blocks until the page is unprotected */
    atomic_fetch_add(&done, 1);
    return NULL;
}

static void
write_protect(int uffd, const char *addr, size_t len, uint64_t mode)
{
    struct uffdio_writeprotect  wp;

    wp.range.start = (uintptr_t) addr;
    wp.range.len = len;
    wp.mode = mode;
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");
}

int
main(int argc, char *argv[])
{
    int                     uffd, nwriters, s;
    bool                    faulted[MAXWRITERS] = { false };
    char                    *base;
    size_t                  page, len;
    pthread_t               writers[MAXWRITERS];
    struct uffd_msg         msg;
    struct uffdio_api       api;
    struct uffdio_range     range;
    struct uffdio_register  reg;
    struct timespec         tenth = { .tv_nsec = 100000000 };

    nwriters = (argc > 1) ? strtol(argv[1], NULL, 0) : 4;
    if (nwriters < 1 || nwriters > MAXWRITERS)
        errx(EXIT_FAILURE, "1 to %d writers", MAXWRITERS);
    page = sysconf(_SC_PAGESIZE);
    len = nwriters * page;

    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");
    api.api = UFFD_API;
    api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_API");

    base = mmap(NULL, len, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");
    memset(base, 0, len);   /* Populate: protect present pages */

    reg.range.start = (uintptr_t) base;
    reg.range.len = len;
    reg.mode = UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");
    write_protect(uffd, base, len, UFFDIO_WRITEPROTECT_MODE_WP);

    for (int i = 0; i < nwriters; i++) {
        s = pthread_create(&writers[i], NULL, write_page,
                           base + i * page);
        if (s != 0)
            errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));
    }

    /* Collect one write-protect fault from each writer. */
    for (int i = 0; i < nwriters; i++) {
        size_t  n;

        if (read(uffd, &msg, sizeof(msg)) != sizeof(msg))
            err(EXIT_FAILURE, "read");
        if (!(msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP))
            errx(EXIT_FAILURE, "unexpected event %#x", msg.event);
        n = (msg.arg.pagefault.address - (uintptr_t) base) / page;
        faulted[n] = true;
    }

    /* Unprotect each page, but let its writer sleep. */
    for (int i = 0; i < nwriters; i++) {
        if (!faulted[i])
            continue;
        printf("unprotect page %d, do not wake\n", i);
        write_protect(uffd, base + i * page, page,
                      UFFDIO_WRITEPROTECT_MODE_DONTWAKE);
    }
    /* Time enough for a writer to finish, were it woken. */
    if (nanosleep(&tenth, NULL) == -1)
        err(EXIT_FAILURE, "nanosleep");
    printf("writers done after unprotecting: %d\n", atomic_load(&done));

    /* One wake-up for the whole range. */
    range.start = (uintptr_t) base;
    range.len = len;
    if (ioctl(uffd, UFFDIO_WAKE, &range) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_WAKE");
    for (int i = 0; i < nwriters; i++) {
        s = pthread_join(writers[i], NULL);
        if (s != 0)
            errx(EXIT_FAILURE, "pthread_join: %s", strerror(s));
    }
    printf("writers done after UFFDIO_WAKE: %d\n", atomic_load(&done));
    exit(EXIT_SUCCESS);
}
