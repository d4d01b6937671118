# scripts/kernels/kernels.mk: the kernel matrix (scripts/kernels/kernels.sh).
#
#   make kernels    every example session and claim check, and every
#                   ".\" SINCE NAME X.Y" annotation of the pages, on Debian's
#                   Linux 6.1 and 6.12 (under QEMU) and the running kernel;
#                   prints a line per kernel and item, the table, and
#                   "N passed, N failed, N skipped"; writes
#                   $(BUILD)/kernels/matrix.txt and matrix.table
#
# Variables: KERNELS (6.1 6.12 running: Debian series, package names,
# "running"), KERNELS_CACHE (where downloaded kernels are kept:
# $XDG_CACHE_HOME/uffd-man/kernels or ~/.cache/uffd-man/kernels),
# KERNELS_TIMEOUT (seconds a guest may take, 120), KERNELS_ACCEL (auto,
# kvm, tcg), KERNELS_JOBS (guests at once: the processors).
# Without QEMU, network or a cached kernel, a kernel is skipped with the
# reason; make check runs it after the bats suites.

BUILD ?= build
KBUILD := $(BUILD)/kernels
KERNELS ?= 6.1 6.12 running
KERNELS_TIMEOUT ?= 120
# The flags of the host's builds (the Makefile, scripts/claims/claims.mk), read when
# the recipes run.
KERNELS_CLAIMS_CFLAGS = $(CLAIMS_CFLAGS)
KERNELS_EXAMPLE_CFLAGS = $(EXAMPLE_CFLAGS)

KERNELS_CLAIMS := $(sort $(wildcard tests/claims/*.c))
KERNELS_SESSIONS := $(sort $(EXAMPLE_RESULTS:.result=.run))
KERNELS_PROGS := $(KERNELS_SESSIONS:$(BUILD)/%.run=$(KBUILD)/bin/%)
KERNELS_CLAIM_PROGS := $(KERNELS_CLAIMS:tests/claims/%.c=$(KBUILD)/claims/%)
KERNELS_ITEMS := $(foreach r,$(KERNELS_SESSIONS),$(r)=$(r:$(BUILD)/%.run=$(KBUILD)/bin/%)) \
	$(foreach c,$(KERNELS_CLAIMS),$(c)=$(c:tests/claims/%.c=$(KBUILD)/claims/%))

# Static programs: one that does not compile becomes a script that fails
# its item on every kernel (scripts/kernels/cc.sh), and the rest still run.
$(KBUILD)/bin/probe: scripts/run/probe.c scripts/kernels/cc.sh
	@scripts/kernels/cc.sh $@ $< $(KERNELS_EXAMPLE_CFLAGS)

$(KBUILD)/bin/kernel-helper: scripts/kernels/helper.c scripts/kernels/cc.sh
	@scripts/kernels/cc.sh $@ $< -std=gnu11 -O2 -Wall -Wextra -Werror

$(KBUILD)/bin/%: $(BUILD)/%.c scripts/kernels/cc.sh
	@scripts/kernels/cc.sh $@ $< $(KERNELS_EXAMPLE_CFLAGS)

$(KBUILD)/claims/%: tests/claims/%.c $(wildcard tests/claims/*.h) scripts/kernels/cc.sh
	@scripts/kernels/cc.sh $@ $< $(KERNELS_CLAIMS_CFLAGS)

# The list of items, replaced only when it changes: a removed claim or
# session then leaves the initramfs too.
$(KBUILD)/items: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(KERNELS_ITEMS) >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# Without busybox-static, bash-static or cpio, root.why says which, and
# scripts/kernels/kernels.sh skips the matrix with that reason.
$(KBUILD)/initramfs.cpio: $(KBUILD)/items $(KBUILD)/bin/probe $(KBUILD)/bin/kernel-helper \
		$(KERNELS_PROGS) $(KERNELS_CLAIM_PROGS) $(KERNELS_SESSIONS) $(KERNELS_CLAIMS) \
		scripts/kernels/initramfs.sh scripts/kernels/init.sh scripts/kernels/guest.sh \
		scripts/run/session.sh scripts/claims/exec.sh
	@rm -f $(KBUILD)/root.why
	@scripts/kernels/initramfs.sh $(KBUILD)/root $@ $(KBUILD)/bin/probe \
		$(KBUILD)/bin/kernel-helper $(KERNELS_ITEMS) >$(KBUILD)/root.why || [ $$? -eq 77 ]

.PHONY: kernels
kernels: $(KBUILD)/initramfs.cpio
	@KERNELS='$(KERNELS)' $(if $(KERNELS_CACHE),KERNELS_CACHE='$(KERNELS_CACHE)') \
		scripts/kernels/kernels.sh -o $(KBUILD) -t $(KERNELS_TIMEOUT) \
		$(KBUILD)/root $(KBUILD)/initramfs.cpio $(PAGES)

# make check runs it after the bats suites.
CHECK_RUNNERS += kernels
