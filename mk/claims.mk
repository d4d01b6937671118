# mk/claims.mk: the claims checks (scripts/claims).
#
#   make claims        every errno claim of the pages and every statement
#                      tied to a check (tests/claims/*.c), the privilege
#                      rules (tests/claims/priv-*.c; root changes
#                      vm.unprivileged_userfaultfd and puts it back; the
#                      hugetlbfs claims get huge pages in vm.nr_hugepages,
#                      given back afterwards), and the constants of the
#                      newest userfaultfd.h
#   make claims-deps   install what that needs (Linux 6.12 headers)
#
# Variables: CLAIMS_HEADER (the header to compare with), CLAIMS_STRICT=1
# (an unchecked errno claim fails), CLAIMS_TIMEOUT (seconds a check may run).

BUILD ?= build
PAGES ?= $(wildcard man2/*.2)
CLAIMS_DIR = tests/claims
CLAIMS_BUILD = $(BUILD)/claims
CLAIMS_CFLAGS = -Wall -Wextra -Werror -pthread -O2
CLAIMS_PROGS := $(patsubst $(CLAIMS_DIR)/%.c,$(CLAIMS_BUILD)/%,$(wildcard $(CLAIMS_DIR)/*.c))

$(CLAIMS_BUILD)/%: $(CLAIMS_DIR)/%.c
	@mkdir -p $(@D)
	$(CC) $(CLAIMS_CFLAGS) -MMD -MP -MF $@.d -o $@ $<

-include $(CLAIMS_PROGS:=.d)

claims: $(CLAIMS_PROGS)
	CC='$(CC)' CLAIMS_CFLAGS='$(CLAIMS_CFLAGS)' CLAIMS_DIR='$(CLAIMS_DIR)' \
	CLAIMS_BUILD='$(CLAIMS_BUILD)' scripts/claims $(PAGES)

claims-deps:
	scripts/claims-deps

.PHONY: claims claims-deps

# make check runs it after the bats suites.
CHECK_RUNNERS += claims
