# page: man/man2/userfaultfd.2
# subject: UFFDIO_REGISTER_MODE_MISSING: The mode is from Linux 4.3
# facts: missing-mode
# claims: ioctl-register-ioctls
# fixes: 4b338b38e6f8 ("userfaultfd.2: Add write-protect mode")
# cc: Peter Xu <peterx@redhat.com>
#> The page dates the missing mode to Linux 4.10.  It came with the system
#> call itself, in Linux 4.3: it was the only mode UFFDIO_REGISTER
#> accepted then, and the pages' HISTORY sections already say 4.3.
s/^\(\.BR UFFDIO_REGISTER_MODE_MISSING " (since Linux \)4\.10)"$/\14.3)"/
