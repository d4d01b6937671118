/* uffd_wp_async.c: track written pages with asynchronous protection */
#define _GNU_SOURCE
#include <err.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/userfaultfd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* For older headers: UFFD_USER_MODE_ONLY is from Linux 5.11,
   the rest from Linux 6.7. */
#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY  1
#endif
#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC  (1 << 15)
#endif
#ifndef PAGEMAP_SCAN
#define PAGE_IS_WRITTEN        (1 << 1)
#define PM_SCAN_WP_MATCHING    (1 << 0)
#define PM_SCAN_CHECK_WPASYNC  (1 << 1)
struct page_region {
    __u64  start;
    __u64  end;
    __u64  categories;
};
struct pm_scan_arg {
    __u64  size;
    __u64  flags;
    __u64  start;
    __u64  end;
    __u64  walk_end;
    __u64  vec;
    __u64  vec_len;
    __u64  max_pages;
    __u64  category_inverted;
    __u64  category_mask;
    __u64  category_anyof_mask;
    __u64  return_mask;
};
#define PAGEMAP_SCAN  _IOWR('f', 16, struct pm_scan_arg)
#endif

#define NPAGES  16

/* Print the pages of [base, base + NPAGES pages) written since the
   last call, and write-protect them again. */
static void
collect(int pagemap, const char *base, size_t page, const char *when)
{
    int                 n;
    struct page_region  regions[NPAGES];
    struct pm_scan_arg  arg = {
        .size = sizeof(arg),
        .flags = PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC,
        .start = (uintptr_t) base,
        .end = (uintptr_t) base + NPAGES * page,
        .vec = (uintptr_t) regions,
        .vec_len = NPAGES,
        .category_mask = PAGE_IS_WRITTEN,
        .return_mask = PAGE_IS_WRITTEN,
    };

    n = ioctl(pagemap, PAGEMAP_SCAN, &arg);
    if (n == -1)
        err(EXIT_FAILURE, "ioctl-PAGEMAP_SCAN");

    printf("%s:", when);
    for (int i = 0; i < n; i++) {
        uint64_t  first = (regions[i].start - (uintptr_t) base) / page;
        uint64_t  end = (regions[i].end - (uintptr_t) base) / page;

        for (uint64_t p = first; p < end; p++)
            printf(" %ju", (uintmax_t) p);
    }
    printf("%s\n", n == 0 ? " none" : "");
}

int
main(int argc, char *argv[])
{
    int                         uffd, pagemap;
    char                        *base;
    size_t                      page;
    struct uffdio_api           api;
    struct uffdio_register      reg;
    struct uffdio_writeprotect  wp;

    if (argc < 2)
        errx(EXIT_FAILURE, "Usage: %s PAGE... [- PAGE...]", argv[0]);
    page = sysconf(_SC_PAGESIZE);

    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");

    /* Write faults are resolved by the kernel: nobody reads uffd. */
    api.api = UFFD_API;
    api.features = UFFD_FEATURE_WP_ASYNC;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_API");

    base = mmap(NULL, NPAGES * page, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");

    reg.range.start = (uintptr_t) base;
    reg.range.len = NPAGES * page;
    reg.mode = UFFDIO_REGISTER_MODE_WP;
    if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_REGISTER");

    /* Protect the whole range, populated or not. */
    wp.range = reg.range;
    wp.mode = UFFDIO_WRITEPROTECT_MODE_WP;
    if (ioctl(uffd, UFFDIO_WRITEPROTECT, &wp) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_WRITEPROTECT");

    pagemap = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (pagemap == -1)
        err(EXIT_FAILURE, "open");

    collect(pagemap, base, page, "written at start");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            collect(pagemap, base, page, "written");
            continue;
        }
        base[(strtoul(argv[i], NULL, 0) % NPAGES) * page] = 'x';
    }
    collect(pagemap, base, page, "written");

    exit(EXIT_SUCCESS);
}
