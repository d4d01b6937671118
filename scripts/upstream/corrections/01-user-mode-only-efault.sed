# page: man/man2/userfaultfd.2
# subject: UFFD_USER_MODE_ONLY: A kernel fault fails with EFAULT, not SIGBUS
# facts: user-mode-only
# claims: priv-user-mode-only-kernel-efault
# fixes: 428c86330207 ("userfaultfd.2: Add section for UFFD_USER_MODE_ONLY")
# cc: Peter Xu <peterx@redhat.com>
#> The page says that when the kernel itself faults on a range registered
#> with a UFFD_USER_MODE_ONLY userfaultfd, a SIGBUS signal is delivered.
#> No signal is sent: handle_userfault() refuses the fault
#> (VM_FAULT_SIGBUS), and a fault taken while the kernel copies to or from
#> user memory turns that into an error of the system call, EFAULT.
#
# The sentence about the kernel's fault, replaced whole.
/^When a kernel-originated fault was triggered$/,/^signal will be delivered\.$/c\
When the kernel itself faults on a registered range,\
while it accesses user memory on behalf of a system call,\
the fault is not reported to the userfaultfd:\
the system call fails with the error\
.BR EFAULT .
