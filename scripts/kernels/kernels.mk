# scripts/kernels/kernels.mk: the kernel matrix (scripts/kernels/kernels.sh).
#
#   make kernels    every example session and claim check, and every
#                   ".\" SINCE NAME X.Y [ARCH]" annotation of the pages, on
#                   Debian's amd64 Linux 5.10, 6.1, 6.12 and 7.2 and arm64
#                   Linux 6.1, 6.12 and 7.2 (under QEMU) and the running
#                   kernel; prints a line per cell and item, the table, and
#                   "N passed, N failed, N skipped"; writes
#                   $(BUILD)/kernels/matrix.txt, matrix.table, summary.txt
#
# Variables: KERNELS (Debian series X.Y for amd64, arm64-X.Y, package
# names, "running"), KERNELS_CACHE (where downloaded kernels are kept:
# $XDG_CACHE_HOME/uffd-man/kernels or ~/.cache/uffd-man/kernels),
# KERNELS_TIMEOUT (seconds a guest may take, 120), KERNELS_ACCEL (auto,
# kvm, tcg), KERNELS_JOBS (guests at once: make's -j, else the
# processors), KERNELS_MEM (megabytes a guest gets, 512), KERNELS_CROSS
# (the arm64 cross compiler, aarch64-linux-gnu-gcc).  The arm64 programs
# are cross-built; the arm64 busybox and bash come from Debian's
# busybox-static and bash-static for arm64 (scripts/kernels/tools.sh).
# Without QEMU, network or a cached kernel, a kernel is skipped with the
# reason; make check runs it after the bats suites.

BUILD ?= build
KBUILD := $(BUILD)/kernels
KERNELS ?= 5.10 6.1 6.12 7.2 running arm64-6.1 arm64-6.12 arm64-7.2
KERNELS_TIMEOUT ?= 300
KERNELS_CROSS ?= aarch64-linux-gnu-gcc
KARM := $(KBUILD)/arm64
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
		$(BUILD)/page-static scripts/lib.sh scripts/page/page.sh \
		$(KERNELS_PROGS) $(KERNELS_CLAIM_PROGS) $(KERNELS_SESSIONS) $(KERNELS_CLAIMS) \
		scripts/kernels/initramfs.sh scripts/kernels/init.sh scripts/kernels/guest.sh \
		scripts/run/session.sh scripts/claims/exec.sh
	@rm -f $(KBUILD)/root.why
	@scripts/kernels/initramfs.sh $(KBUILD)/root $@ $(KBUILD)/bin/probe \
		$(KBUILD)/bin/kernel-helper $(BUILD)/page-static $(KERNELS_ITEMS) >$(KBUILD)/root.why || [ $$? -eq 77 ]

# --- arm64: the same programs cross-built, with arm64's busybox and bash ---
KERNELS_ARM_PROGS := $(KERNELS_SESSIONS:$(BUILD)/%.run=$(KARM)/bin/%)
KERNELS_ARM_CLAIM_PROGS := $(KERNELS_CLAIMS:tests/claims/%.c=$(KARM)/claims/%)
KERNELS_ARM_ITEMS := $(foreach r,$(KERNELS_SESSIONS),$(r)=$(r:$(BUILD)/%.run=$(KARM)/bin/%)) \
	$(foreach c,$(KERNELS_CLAIMS),$(c)=$(c:tests/claims/%.c=$(KARM)/claims/%))
# Only when a cell asks for arm64, and with its compiler: without, the
# arm64 cells are skipped with the reason.
KERNELS_WANT_ARM := $(filter arm64-%,$(KERNELS))
KERNELS_HAVE_CROSS := $(if $(KERNELS_WANT_ARM),$(shell command -v $(KERNELS_CROSS) 2>/dev/null))

$(KARM)/bin/probe: scripts/run/probe.c scripts/kernels/cc.sh
	@CC=$(KERNELS_CROSS) scripts/kernels/cc.sh $@ $< $(KERNELS_EXAMPLE_CFLAGS)

$(KARM)/bin/kernel-helper: scripts/kernels/helper.c scripts/kernels/cc.sh
	@CC=$(KERNELS_CROSS) scripts/kernels/cc.sh $@ $< -std=gnu11 -O2 -Wall -Wextra -Werror

# The page reader, which the guests' run/session.sh asks (page.mk builds
# amd64's, $(BUILD)/page-static).
$(KARM)/bin/page: $(wildcard scripts/page/*.[ch]) scripts/page/build.sh
	@CC=$(KERNELS_CROSS) scripts/page/build.sh $@ -static

$(KARM)/bin/%: $(BUILD)/%.c scripts/kernels/cc.sh
	@CC=$(KERNELS_CROSS) scripts/kernels/cc.sh $@ $< $(KERNELS_EXAMPLE_CFLAGS)

$(KARM)/claims/%: tests/claims/%.c $(wildcard tests/claims/*.h) scripts/kernels/cc.sh
	@CC=$(KERNELS_CROSS) scripts/kernels/cc.sh $@ $< $(KERNELS_CLAIMS_CFLAGS)

$(KARM)/items: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(KERNELS_ARM_ITEMS) >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# arm64's static busybox and bash (fetched and cached), or why not;
# replaced only when they change.
$(KARM)/tools: FORCE
	@mkdir -p $(@D)
	@scripts/kernels/tools.sh arm64 "$(KERNELS_CACHE_DIR)" >$@.tmp || :
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

KERNELS_CACHE_DIR = $(or $(KERNELS_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/uffd-man/kernels)

ifneq ($(KERNELS_HAVE_CROSS),)
$(KARM)/initramfs.cpio: $(KARM)/items $(KARM)/tools $(KARM)/bin/probe $(KARM)/bin/kernel-helper \
		$(KARM)/bin/page scripts/lib.sh scripts/page/page.sh \
		$(KERNELS_ARM_PROGS) $(KERNELS_ARM_CLAIM_PROGS) $(KERNELS_SESSIONS) $(KERNELS_CLAIMS) \
		scripts/kernels/initramfs.sh scripts/kernels/init.sh scripts/kernels/guest.sh \
		scripts/run/session.sh scripts/claims/exec.sh
	@rm -f $(KARM)/root.why
	@if [ "$$(awk '$$1 == "busybox" || $$1 == "sh"' $(KARM)/tools | wc -l)" -ne 2 ]; then \
		head -n 1 $(KARM)/tools >$(KARM)/root.why; \
	else \
		KERNELS_BUSYBOX=$$(awk '$$1 == "busybox" { print $$2 }' $(KARM)/tools) \
		KERNELS_SH=$$(awk '$$1 == "sh" { print $$2 }' $(KARM)/tools) \
		scripts/kernels/initramfs.sh $(KARM)/root $@ $(KARM)/bin/probe \
			$(KARM)/bin/kernel-helper $(KARM)/bin/page $(KERNELS_ARM_ITEMS) >$(KARM)/root.why || [ $$? -eq 77 ]; \
	fi
else
$(KARM)/initramfs.cpio: FORCE
	@mkdir -p $(@D)
	@rm -f $@
	@echo "$(KERNELS_CROSS) is missing (install gcc-aarch64-linux-gnu)" >$(KARM)/root.why
endif

# Guests at once: make's -j N when given, else KERNELS_JOBS or the
# processors (scripts/kernels/kernels.sh).
KERNELS_MAKE_JOBS = $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS)))

.PHONY: kernels
kernels: $(KBUILD)/initramfs.cpio $(if $(KERNELS_WANT_ARM),$(KARM)/initramfs.cpio)
	@KERNELS='$(KERNELS)' $(if $(KERNELS_CACHE),KERNELS_CACHE='$(KERNELS_CACHE)') \
		$(if $(KERNELS_MAKE_JOBS),KERNELS_JOBS='$(KERNELS_MAKE_JOBS)') \
		scripts/kernels/kernels.sh -o $(KBUILD) -t $(KERNELS_TIMEOUT) \
		-A $(KARM)/root,$(KARM)/initramfs.cpio \
		$(KBUILD)/root $(KBUILD)/initramfs.cpio $(PAGES)

# make check runs it after the bats suites.
CHECK_RUNNERS += kernels

# make bench-kernels: the matrix BENCH_KERNELS_RUNS times (3), once the
# kernels are cached: its time (min, median, max) and each guest's time
# and peak memory (scripts/kernels/bench.sh).
BENCH_KERNELS_RUNS ?= 3
.PHONY: bench-kernels
bench-kernels: $(KBUILD)/initramfs.cpio $(if $(KERNELS_WANT_ARM),$(KARM)/initramfs.cpio)
	@KERNELS='$(KERNELS)' $(if $(KERNELS_CACHE),KERNELS_CACHE='$(KERNELS_CACHE)') \
		$(if $(KERNELS_MAKE_JOBS),KERNELS_JOBS='$(KERNELS_MAKE_JOBS)') \
		scripts/kernels/bench.sh -n $(BENCH_KERNELS_RUNS) $(KBUILD)/bench \
		-t $(KERNELS_TIMEOUT) -A $(KARM)/root,$(KARM)/initramfs.cpio \
		$(KBUILD)/root $(KBUILD)/initramfs.cpio $(PAGES)
