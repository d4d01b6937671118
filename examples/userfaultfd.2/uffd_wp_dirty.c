/* uffd_wp_dirty.c: learn which pages of a buffer a program writes */
#define _GNU_SOURCE
#include <err.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef UFFD_USER_MODE_ONLY  /* Linux 5.11; not in older headers */
#define UFFD_USER_MODE_ONLY  1
#endif

static int     uffd;
static char    *base;       /* The tracked buffer */
static long    page_size;
static bool    *written;    /* written[i]: page i was written */

/* Set or remove write protection on 'count' pages from 'first' */
static void
protect(size_t first, size_t count, bool on)
{
    struct uffdio_writeprotect  wp;

    wp.range.start = (uintptr_t) base + first * page_size;
    wp.range.len = count * page_size;
    wp.mode = on ? UFFDIO_WRITEPROTECT_MODE_WP : 0;
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");
}

/* The handler thread: record each write fault, then let it go on.
   It blocks in read(2) until a fault comes, and ends with main(). */
static void *
handler(void *arg)
{
    struct uffd_msg  msg;

    for (;;) {
        size_t    page;
        uint64_t  flags;

        if (read(uffd, &msg, sizeof(msg)) != sizeof(msg))
            err(EXIT_FAILURE, "read");
        if (msg.event != UFFD_EVENT_PAGEFAULT)
            errx(EXIT_FAILURE, "unexpected event %u", msg.event);

        flags = msg.arg.pagefault.flags;
        page = (msg.arg.pagefault.address - (uintptr_t) base)
               / page_size;
        printf("handler: page %zu written (flags:%s%s)\n", page,
               (flags & UFFD_PAGEFAULT_FLAG_WRITE) ? " WRITE" : "",
               (flags & UFFD_PAGEFAULT_FLAG_WP) ? " WP" : "");
        written[page] = true;

        protect(page, 1, false);    /* This also wakes the writer */
    }
    return arg;
}

int
main(int argc, char *argv[])
{
    int                     s;
    size_t                  npages, page;
    pthread_t               thr;
    struct uffdio_api       api;
    struct uffdio_register  reg;

    if (argc < 2)
        errx(EXIT_FAILURE, "Usage: %s npages [page...]", argv[0]);
    npages = strtoul(argv[1], NULL, 0);
    page_size = sysconf(_SC_PAGESIZE);
    written = calloc(npages, sizeof(bool));
    base = mmap(NULL, npages * page_size, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (written == NULL || base == MAP_FAILED)
        err(EXIT_FAILURE, "calloc or mmap");

    /* Populate the pages: protection applies to existing pages */
    memset(base, 0, npages * page_size);

    /* Only faults of user-space code: no privilege is needed */
    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");

    /* EINVAL if the kernel lacks write-protect mode */
    api.api = UFFD_API;
    api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_API");

    reg.range.start = (uintptr_t) base;
    reg.range.len = npages * page_size;
    reg.mode = UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");
    protect(0, npages, true);

    s = pthread_create(&thr, NULL, handler, NULL);
    if (s != 0)
        errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));

    /* Write one byte into each page named on the command line */
    for (int i = 2; i < argc; i++) {
        page = strtoul(argv[i], NULL, 0) % npages;
        printf("main: writing page %zu\n", page);
        base[page * page_size] = 'x';
    }

    printf("pages written:");
    for (page = 0; page < npages; page++) {
        if (written[page])
            printf(" %zu", page);
    }
    printf("\n");
    exit(EXIT_SUCCESS);
}
