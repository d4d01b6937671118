/* uffd_probe.c: list what userfaultfd offers on the running kernel */
#define _GNU_SOURCE
#include <err.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY  1
#endif
#ifndef UFFDIO_REGISTER_MODE_MINOR
#define UFFDIO_REGISTER_MODE_MINOR  ((__u64) 1 << 2)
#endif

/* Names by bit number, so that a 6.1 header will do. */
static const char *const features[] = {
    "UFFD_FEATURE_PAGEFAULT_FLAG_WP", "UFFD_FEATURE_EVENT_FORK",
    "UFFD_FEATURE_EVENT_REMAP", "UFFD_FEATURE_EVENT_REMOVE",
    "UFFD_FEATURE_MISSING_HUGETLBFS", "UFFD_FEATURE_MISSING_SHMEM",
    "UFFD_FEATURE_EVENT_UNMAP", "UFFD_FEATURE_SIGBUS",
    "UFFD_FEATURE_THREAD_ID", "UFFD_FEATURE_MINOR_HUGETLBFS",
    "UFFD_FEATURE_MINOR_SHMEM", "UFFD_FEATURE_EXACT_ADDRESS",
    "UFFD_FEATURE_WP_HUGETLBFS_SHMEM", "UFFD_FEATURE_WP_UNPOPULATED",
    "UFFD_FEATURE_POISON", "UFFD_FEATURE_WP_ASYNC",
    "UFFD_FEATURE_MOVE",
};

static const char *const ioctls[64] = {
    [0] = "UFFDIO_REGISTER", [1] = "UFFDIO_UNREGISTER",
    [2] = "UFFDIO_WAKE", [3] = "UFFDIO_COPY", [4] = "UFFDIO_ZEROPAGE",
    [5] = "UFFDIO_MOVE", [6] = "UFFDIO_WRITEPROTECT",
    [7] = "UFFDIO_CONTINUE", [8] = "UFFDIO_POISON", [63] = "UFFDIO_API",
};

static const struct { const char *name; uint64_t mode; } modes[] = {
    { "MISSING", UFFDIO_REGISTER_MODE_MISSING },
    { "WP", UFFDIO_REGISTER_MODE_WP },
    { "MINOR", UFFDIO_REGISTER_MODE_MINOR },
};

#define ARRAY_SIZE(a)  (sizeof(a) / sizeof((a)[0]))

/* Print the name of each bit set in 'mask' ('n' names known) */
static void
print_bits(uint64_t mask, const char *const names[], size_t n)
{
    for (unsigned int bit = 0; bit < 64; bit++) {
        if (!(mask & (1ULL << bit)))
            continue;
        if (bit < n && names[bit] != NULL)
            printf("    %s\n", names[bit]);
        else
            printf("    bit %u\n", bit);
    }
}

/* Register [addr, addr + len) once with each mode and report what
   the kernel accepted and which ioctls it then offered. */
static void
probe_range(int uffd, const char *what, void *addr, size_t len)
{
    uint64_t                mask = 0;
    struct uffdio_register  reg;

    printf("%s, modes:", what);
    for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
        reg.range.start = (uintptr_t) addr;
        reg.range.len = len;
        reg.mode = modes[i].mode;
        if (ioctl(uffd, UFFDIO_REGISTER, &reg) == -1)
            continue;
        printf(" %s", modes[i].name);
        mask |= reg.ioctls;
        if (ioctl(uffd, UFFDIO_UNREGISTER, &reg.range) == -1)
            err(EXIT_FAILURE, "ioctl-UFFDIO_UNREGISTER");
    }
    printf("\n");
    print_bits(mask, ioctls, ARRAY_SIZE(ioctls));
}

int
main(void)
{
    int                uffd, memfd;
    char               *anon, *shmem;
    size_t             page;
    struct uffdio_api  api;

    page = sysconf(_SC_PAGESIZE);

    /* UFFD_USER_MODE_ONLY: no privilege needed. */
    uffd = syscall(SYS_userfaultfd, O_CLOEXEC | UFFD_USER_MODE_ONLY);
    if (uffd == -1)
        err(EXIT_FAILURE, "userfaultfd");

    api.api = UFFD_API;
    api.features = 0;
    if (ioctl(uffd, UFFDIO_API, &api) == -1)
        err(EXIT_FAILURE, "ioctl-UFFDIO_API");

    printf("features:\n");
    print_bits(api.features, features, ARRAY_SIZE(features));
    printf("ioctls on the descriptor:\n");
    print_bits(api.ioctls, ioctls, ARRAY_SIZE(ioctls));

    anon = mmap(NULL, page, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (anon == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");
    probe_range(uffd, "anonymous memory", anon, page);

    memfd = memfd_create("uffd_probe", MFD_CLOEXEC);
    if (memfd == -1)
        err(EXIT_FAILURE, "memfd_create");
    if (ftruncate(memfd, page) == -1)
        err(EXIT_FAILURE, "ftruncate");
    shmem = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED,
                 memfd, 0);
    if (shmem == MAP_FAILED)
        err(EXIT_FAILURE, "mmap");
    probe_range(uffd, "shared memory (memfd)", shmem, page);

    exit(EXIT_SUCCESS);
}
