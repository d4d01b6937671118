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
CLAIMS_PROGRAMS = $(patsubst $(CLAIMS_DIR)/%.c,$(CLAIMS_BUILD)/%,\
	$(wildcard $(CLAIMS_DIR)/*.c))
# Built ahead by make, on every processor under make -j, with the same
# command; a program that does not compile is left for exec.sh, whose
# claim then fails with the compiler's words.
$(CLAIMS_BUILD)/%: $(CLAIMS_DIR)/%.c $(wildcard $(CLAIMS_DIR)/*.h)
	@mkdir -p $(@D)
	$(Q)$(CC) $(CLAIMS_CFLAGS) -MMD -MP -MF $@.d -o $@ $< 2>/dev/null || rm -f $@ $@.d

claims: $(CLAIMS_PROGRAMS)
	$(Q)CC='$(CC)' CLAIMS_CFLAGS='$(CLAIMS_CFLAGS)' CLAIMS_DIR='$(CLAIMS_DIR)' \
	CLAIMS_BUILD='$(CLAIMS_BUILD)' scripts/claims/claims.sh $(PAGES)

.PHONY: claims

# make check runs it after the bats suites.
CHECK_RUNNERS += claims
