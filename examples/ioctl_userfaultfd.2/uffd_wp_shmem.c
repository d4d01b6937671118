/* uffd_wp_shmem.c: write-protect a memfd mapping; who is caught? */
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
#ifndef UFFD_FEATURE_WP_HUGETLBFS_SHMEM
#define UFFD_FEATURE_WP_HUGETLBFS_SHMEM  (1 << 12)
#endif

#define NPAGES  4

static int     uffd;
static char    *a;         /* The write-protected mapping */
static size_t  page;

/* Serve write-protect faults: print the page, then unprotect it,
   which wakes the writer. */
static void *
serve(void *arg)
{
    struct uffd_msg             msg;
    struct uffdio_writeprotect  wp;

    for (;;) {
        if (read(uffd, &msg, sizeof(msg)) != sizeof(msg))
            err(EXIT_FAILURE, "read");
        printf("fault: page %ju, flags%s%s\n",
               (uintmax_t) (msg.arg.pagefault.address - (uintptr_t) a)
               / page,
               (msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WRITE)
               ? " WRITE" : "",
               (msg.arg.pagefault.flags & UFFD_PAGEFAULT_FLAG_WP)
               ? " WP" : "");
        wp.range.start = msg.arg.pagefault.address;
        wp.range.len = page;
        wp.mode = 0;    /* Unprotect and wake */
        if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
            err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");
    }
    return arg;
}

int
main(void)
{
    int                         memfd, s;
    char                        *b;
    size_t                      len;
    pthread_t                   thread;
    struct uffdio_api           api;
    struct uffdio_register      reg;
    struct uffdio_writeprotect  wp;

    page = sysconf(_SC_PAGESIZE);
    len = NPAGES * page;

    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");
    api.api = UFFD_API;
    api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP
                   | UFFD_FEATURE_WP_HUGETLBFS_SHMEM;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_API");

    /* Two shared mappings, a and b, of the same memfd. */
    memfd = memfd_create("uffd_wp_shmem", MFD_CLOEXEC);
    if (memfd == -1)
        err(EXIT_FAILURE, "memfd_create");
    if (ftruncate(memfd, len) == -1)
        err(EXIT_FAILURE, "ftruncate");
    a = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
    b = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
    if (a == MAP_FAILED || b == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");
    snprintf(b, page, "page 0, before");   /* page 0 in the cache */

    /* Register and protect a only: all of it, even pages never
       touched (page 2 has no page in the cache yet). */
    reg.range.start = (uintptr_t) a;
    reg.range.len = len;
    reg.mode = UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");
    wp.range = reg.range;
    wp.mode = UFFDIO_WRITEPROTECT_MODE_WP;
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");

    s = pthread_create(&thread, NULL, serve, NULL);
    if (s != 0)
        errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));

    /* Reading through a is allowed, and b is not protected. */
    printf("read a[0]: \"%s\"\n", a);
    snprintf(b + page, page, "page 1 via b");
    printf("wrote page 1 through b\n");

    /* These two writes fault, and wait for serve(). */
    snprintf(a, page, "page 0, after");
    printf("wrote page 0 through a\n");
    snprintf(a + 2 * page, page, "page 2 via a");
    printf("wrote page 2 through a\n");
    printf("b sees: \"%s\", \"%s\", \"%s\"\n",
           b, b + page, b + 2 * page);
    exit(EXIT_SUCCESS);
}
