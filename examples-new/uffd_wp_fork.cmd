$ ./uffd_wp_fork
