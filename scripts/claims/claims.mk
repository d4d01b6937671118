# scripts/claims/claims.mk: the claims checks (scripts/claims/claims.sh).
#
#   make claims        every errno claim of the pages and every statement
#                      tied to a check (tests/claims/*.c), the privilege
#                      rules (tests/claims/priv-*.c; root changes
#                      vm.unprivileged_userfaultfd and puts it back; the
#                      hugetlbfs claims get huge pages in vm.nr_hugepages,
#                      given back afterwards), and the constants of the
#                      newest userfaultfd.h
#
# Variables: CLAIMS_HEADER (the header to compare with), CLAIMS_STRICT=1
# (an unchecked errno claim fails), CLAIMS_TIMEOUT (seconds a check may run).

BUILD ?= build
PAGES ?= $(wildcard man2/*.2)
CLAIMS_DIR = tests/claims
CLAIMS_BUILD = $(BUILD)/claims
CLAIMS_CFLAGS = -Wall -Wextra -Werror -pthread -O2
# scripts/claims/exec.sh compiles each program when it is out of date (its
# .d lists the headers), so that one that does not compile fails its own
# claim, with the compiler's words, and the others still run.
claims:
	$(Q)CC='$(CC)' CLAIMS_CFLAGS='$(CLAIMS_CFLAGS)' CLAIMS_DIR='$(CLAIMS_DIR)' \
	CLAIMS_BUILD='$(CLAIMS_BUILD)' scripts/claims/claims.sh $(PAGES)

.PHONY: claims

# make check runs it after the bats suites.
CHECK_RUNNERS += claims
