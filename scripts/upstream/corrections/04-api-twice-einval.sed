# page: man/man2const/UFFDIO_API.2const
# subject: ERRORS: A second UFFDIO_API on a userfaultfd always fails
# facts: api-once api-once-initialized
# claims: ioctl-api-einval-twice
# fixes: db3d5cc1a17b ("ioctl_userfaultfd.2: Correct and update UFFDIO_API ioctl error codes")
# cc: Axel Rasmussen <axelrasmussen@google.com>
# cc: Nadav Amit <nadav.amit@gmail.com>
#> The EINVAL entry says that calling UFFDIO_API twice, the first time
#> with no features, is explicitly allowed.  No kernel allowed it: from
#> Linux 4.3 a second call found the userfaultfd out of its initial
#> state and failed, and since Linux 5.15 the first call marks the
#> userfaultfd initialized, features or none, and a second one fails
#> the same way.  The DESCRIPTION and BUGS sections already say that a
#> probe needs a userfaultfd of its own; the entry now agrees with them.
#
# The entry's text after its first line, replaced whole.
/^call already enabled one or more features for this userfaultfd\.$/,/^as per the two-step feature detection handshake\.$/c\
call on this userfaultfd succeeded,\
whether or not it enabled any feature.
