/* uffd_missing_wp.c: supply pages on demand, then catch their first
   write, with missing and write-protect modes on one range */
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

#ifndef UFFD_USER_MODE_ONLY  /* Linux 5.11; not in older headers */
#define UFFD_USER_MODE_ONLY  1
#endif

#define NPAGES  2

static int     uffd;
static char    *base;       /* The registered range */
static char    *source;     /* A page to copy from */
static long    page_size;

/* Resolve each fault: a missing page is copied in write-protected,
   a write-protected page is unprotected.  Either way, the faulting
   thread is woken. */
static void *
handler(void *arg)
{
    struct uffd_msg             msg;
    struct uffdio_copy          copy;
    struct uffdio_writeprotect  wp;

    for (;;) {
        size_t      page;
        uint64_t    flags;
        const char  *access;

        if (read(uffd, &msg, sizeof(msg)) != sizeof(msg))
            err(EXIT_FAILURE, "read");
        flags = msg.arg.pagefault.flags;
        page = (msg.arg.pagefault.address - (uintptr_t) base)
               / page_size;
        access = (flags & UFFD_PAGEFAULT_FLAG_WRITE) ? "write" : "read";

        if (flags & UFFD_PAGEFAULT_FLAG_WP) {
            printf("handler: %s of write-protected page %zu:"
                   " unprotecting it\n", access, page);
            wp.range.start = (uintptr_t) base + page * page_size;
            wp.range.len = page_size;
            wp.mode = 0;
            if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
                err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");
        } else {
            printf("handler: %s of missing page %zu:"
                   " supplying it, write-protected\n", access, page);
            snprintf(source, page_size, "page %zu, from the handler",
                     page);
            copy.dst = (uintptr_t) base + page * page_size;
            copy.src = (uintptr_t) source;
            copy.len = page_size;
            copy.mode = UFFDIO_COPY_MODE_WP;
            if (ioctl(uffd, UFFDIO_COPY, &copy) == -1)
                err(EXIT_FAILURE, "ioctl-UFFDIO_COPY");
        }
    }
    return arg;
}

/* Show the start of a page (copied out first: printf() must not
   fault while it holds the lock of stdout, which the handler needs) */
static void
show(size_t page)
{
    char  text[64];

    memcpy(text, base + page * page_size, sizeof(text));
    text[sizeof(text) - 1] = '\0';
    printf("main: page %zu holds \"%s\"\n", page, text);
}

int
main(void)
{
    int                     s;
    pthread_t               thr;
    struct uffdio_api       api;
    struct uffdio_register  reg;

    page_size = sysconf(_SC_PAGESIZE);
    source = malloc(page_size);
    if (source == NULL)
        err(EXIT_FAILURE, "malloc");
    base = mmap(NULL, NPAGES * page_size, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");

    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");
    api.api = UFFD_API;
    api.features = UFFD_FEATURE_PAGEFAULT_FLAG_WP;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_API");

    /* Both modes on the same range */
    reg.range.start = (uintptr_t) base;
    reg.range.len = NPAGES * page_size;
    reg.mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");

    s = pthread_create(&thr, NULL, handler, NULL);
    if (s != 0)
        errx(EXIT_FAILURE, "pthread_create: %s", strerror(s));

    printf("main: reading page 0\n");
    show(0);
    printf("main: writing page 0\n");
    base[0] = 'P';
    show(0);
    printf("main: writing page 1\n");
    base[page_size] = 'P';
    show(1);
    exit(EXIT_SUCCESS);
}
