/* uffd_wp_range.c: write-protect part of a registered range */
#define _GNU_SOURCE
#include <err.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY  1
#endif

#define NPAGES  4

static int     uffd;
static char    *base;
static size_t  page_size;

static void
writeprotect(size_t first, size_t count, uint64_t mode)
{
    struct uffdio_writeprotect  wp;

    wp.range.start = (uintptr_t) base + first * page_size;
    wp.range.len = count * page_size;
    wp.mode = mode;
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");
}

/* Serve the two write-protect faults: report each, then unprotect
   its page, which lets the write go on. */
static void *
handler(void *arg)
{
    struct uffd_msg  msg;

    for (int n = 0; n < 2; n++) {
        size_t  page;

        if (read(uffd, &msg, sizeof(msg)) != sizeof(msg))
            err(EXIT_FAILURE, "read");
        page = (msg.arg.pagefault.address - (uintptr_t) base)
               / page_size;
        printf("handler: write to protected page %zu\n", page);
        writeprotect(page, 1, 0);
    }
    return arg;
}

int
main(void)
{
    int                     s;
    pthread_t               thr;
    struct uffdio_api       api = { .api = UFFD_API };
    struct uffdio_register  reg;

    page_size = sysconf(_SC_PAGESIZE);
    base = mmap(NULL, NPAGES * page_size, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");
    memset(base, 'a', NPAGES * page_size);  /* Populate every page */

    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");
    api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_API");

    /* Register all the pages, but protect only pages 1 and 2. */
    reg.range.start = (uintptr_t) base;
    reg.range.len = NPAGES * page_size;
    reg.mode = UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");
    writeprotect(1, 2, UFFDIO_WRITEPROTECT_MODE_WP);

    s = pthread_create(&thr, NULL, handler, NULL);
    if (s != 0)
        errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));

    printf("main: page 1 holds '%c'\n", base[page_size]);
    for (size_t page = 0; page < NPAGES; page++) {
        base[page * page_size] = 'b';
        printf("main: wrote page %zu\n", page);
    }

    s = pthread_join(thr, NULL);
    if (s != 0)
        errx(EXIT_FAILURE, "pthread_join: %s", strerror(s));
    exit(EXIT_SUCCESS);
}
