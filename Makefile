# uffd-man: the userfaultfd manual pages, whose examples the build runs.
#
# make            lint the pages, extract, compile, run and compare every
#                 example, print a line per example and the summary
# make check      the test suite
# make examples   refresh examples/ from the pages
# make bless      rewrite the output shown in the pages from real runs
# make install    install the pages (DESTDIR, prefix, mandir)
# make lint, html, pdf, claims, kernels, bench, upstream: see README.md
#
# Each step is a script in scripts/STAGE/, with the stage's make fragment
# (scripts/STAGE/STAGE.mk); this file only wires them.

SHELL := /bin/sh
# Quiet by default: results and errors only.  make V=1 shows each command.
V ?= 0
Q := $(if $(filter 1,$(V)),,@)
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

PAGES := $(sort $(wildcard man2/*.2))
PAGE_NAMES := $(notdir $(PAGES))
BUILD := build
# The page reader: every step reads the pages through it (scripts/page/).
PAGE_READER := $(BUILD)/page
export UFFD_PAGE := $(abspath $(PAGE_READER))

CC := gcc
CLANG := clang
EXAMPLE_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -pthread
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

prefix := /usr/local
datarootdir := $(prefix)/share
mandir := $(datarootdir)/man
man2dir := $(mandir)/man2
INSTALL := install
INSTALL_DATA := $(INSTALL) -m 644

# Goals that need neither the build tools nor the extracted examples.
QUIET_GOALS := clean help install uninstall
ifneq ($(filter-out $(QUIET_GOALS),$(or $(MAKECMDGOALS),all)),)
ifneq ($(shell scripts/deps.sh >&2; echo $$?),0)
$(error the build dependencies are missing: see the message above)
endif
include $(PAGE_NAMES:%=$(BUILD)/%.mk)
endif

# --- extract: the pages' programs and sessions, and the rules for them ---
# The page reader (scripts/page/page.mk) is built first; it writes the
# programs and sessions and prints the rules.
$(BUILD)/%.mk: man2/% $(PAGE_READER)
	$(Q)$(PAGE_READER) extract $< $(BUILD)/$* >$@.tmp
	@mv $@.tmp $@

$(BUILD)/%.mk: man2const/% $(PAGE_READER)
	$(Q)$(PAGE_READER) extract $< $(BUILD)/$* >$@.tmp
	@mv $@.tmp $@

# --- probe: what this kernel and user can do ---
$(BUILD)/probe: scripts/run/probe.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(EXAMPLE_CFLAGS) -o $@ $<

# Run every time, but replaced only when the answer changes, so that the
# sessions run again exactly when the kernel or the user changed.
$(BUILD)/probe.txt: $(BUILD)/probe FORCE
	@$(BUILD)/probe >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# --- compile: gcc and clang, warnings as errors; a sanitizer build ---
$(BUILD)/%.gcc: $(BUILD)/%.c $(BUILD)/%.c.lines scripts/run/compile.sh
	$(Q)scripts/run/compile.sh $(CC) $@ $< $(EXAMPLE_CFLAGS)

$(BUILD)/%.clang: $(BUILD)/%.c $(BUILD)/%.c.lines scripts/run/compile.sh
	$(Q)scripts/run/compile.sh $(CLANG) $@ $< $(EXAMPLE_CFLAGS)

$(BUILD)/%.san: $(BUILD)/%.c $(BUILD)/%.c.lines scripts/run/compile.sh
	$(Q)scripts/run/compile.sh $(CC) $@ $< $(EXAMPLE_CFLAGS) $(SANITIZE_FLAGS)

# --- run: each session's commands, with each build ---
$(BUILD)/%.san.out: $(BUILD)/%.run $(BUILD)/%.san $(BUILD)/probe.txt scripts/run/session.sh
	$(Q)scripts/run/session.sh $< $(BUILD)/$*.san $(BUILD)/probe.txt $@

$(BUILD)/%.out: $(BUILD)/%.run $(BUILD)/%.gcc $(BUILD)/probe.txt scripts/run/session.sh
	$(Q)scripts/run/session.sh $< $(BUILD)/$*.gcc $(BUILD)/probe.txt $@

# --- compare: what the page shows against what ran ---
# A failed comparison is a result, not a build error: every example is
# tried, and the summary fails.
$(BUILD)/%.result: $(BUILD)/%.run $(BUILD)/%.out $(BUILD)/%.san.out \
		$(BUILD)/%.clang scripts/run/compare.sh
	@scripts/run/compare.sh $< $(BUILD)/$*.out $(BUILD)/$*.san.out >$@.tmp || :
	@mv $@.tmp $@

# --- examples/: the programs as extracted, committed ---
# Compared every time: cheap, and an edit by hand is caught even when its
# time stamp says nothing.
.PHONY: examples examples-check
examples-check: $(EXAMPLE_SOURCES)
	@scripts/page/check-examples.sh $(BUILD) examples $(PAGE_NAMES)

examples: $(EXAMPLE_SOURCES)
	$(Q)scripts/page/check-examples.sh --update $(BUILD) examples $(PAGE_NAMES)

# --- the main job ---
.PHONY: all extract compile run compare results
all: examples-check lint results

extract: $(PAGE_NAMES:%=$(BUILD)/%.mk)
compile: $(EXAMPLE_SOURCES:.c=.gcc) $(EXAMPLE_SOURCES:.c=.clang) \
	$(EXAMPLE_SOURCES:.c=.san)
run: $(EXAMPLE_RESULTS:.result=.out) $(EXAMPLE_RESULTS:.result=.san.out)
compare results: $(EXAMPLE_RESULTS)
	@scripts/run/summary.sh $(EXAMPLE_RESULTS)

# Rewrites each page's sessions from the runs: review with git diff.
.PHONY: bless
bless: $(EXAMPLE_RESULTS:.result=.out) $(PAGE_READER)
	@for out in $(EXAMPLE_RESULTS:.result=.out); do \
		run=$${out%.out}.run; \
		page=$$(awk '$$1 == "page" { print $$2; exit }' $$run); \
		name=$$(awk '$$1 == "program" { print $$2; exit }' $$run); \
		$(PAGE_READER) bless $$page $$name $$out || exit 1; \
		echo "blessed $$page: $$name"; \
	done

# --- the test suite ---
# The bats suites, then each runner that a stage's make fragment adds to CHECK_RUNNERS
# (a target printing PASS, FAIL and SKIP lines).
CHECK_RUNNERS :=
.PHONY: check
check: $(PAGE_READER)
	@scripts/check.sh $(CHECK_RUNNERS)

# --- install ---
.PHONY: install uninstall
install:
	$(Q)$(INSTALL) -d $(DESTDIR)$(man2dir)
	$(Q)$(INSTALL_DATA) $(PAGES) $(DESTDIR)$(man2dir)

uninstall:
	$(Q)rm -f $(addprefix $(DESTDIR)$(man2dir)/,$(PAGE_NAMES))

.PHONY: clean help FORCE
clean:
	$(Q)rm -rf $(BUILD)

help:
	@sed -n '3,10s/^# //p' Makefile

FORCE:

include $(sort $(wildcard scripts/*/*.mk))
