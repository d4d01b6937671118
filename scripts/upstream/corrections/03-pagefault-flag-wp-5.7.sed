# page: man/man2const/UFFDIO_API.2const
# subject: UFFD_FEATURE_PAGEFAULT_FLAG_WP: The feature is from Linux 5.7
# facts: wp-feature wp-mode
# claims: ioctl-api-output
# fixes: 1f0f451c78fd ("ioctl_userfaultfd.2: Describe missing UFFDIO_API feature flags")
# cc: Axel Rasmussen <axelrasmussen@google.com>
#> The page dates UFFD_FEATURE_PAGEFAULT_FLAG_WP to Linux 5.10.  The bit
#> was defined earlier but not offered; the kernel first accepted and
#> reported it in Linux 5.7, with write-protect mode, as userfaultfd(2)
#> and UFFDIO_REGISTER(2const) already say of the mode.
s/^\(\.BR UFFD_FEATURE_PAGEFAULT_FLAG_WP " (since Linux \)5\.10)"$/\15.7)"/
