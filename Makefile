# uffd-man: the userfaultfd manual pages, whose examples the build runs.
#
# make            lint the pages, extract, compile, run and compare every
#                 example, print a line per example and the summary
# make check      the test suite
# make examples   refresh examples/ from the pages
# make bless      rewrite the output shown in the pages from real runs
# make install    install the pages (DESTDIR, prefix, mandir): man2/, man2const/
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

# The system call's pages (man2/) and one page per ioctl operation
# (man2const/), as man-pages lays them out.
PAGES := $(sort $(wildcard man2/*.2 man2const/*.2const))
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
man2constdir := $(mandir)/man2const
INSTALL := install
INSTALL_DATA := $(INSTALL) -m 644

# Goals that need neither the build tools nor the extracted examples.
QUIET_GOALS := clean help install uninstall
ifneq ($(filter-out $(QUIET_GOALS),$(or $(MAKECMDGOALS),all)),)
include $(PAGE_NAMES:%=$(BUILD)/%.mk)
endif

# --- deps: what the build and the tests need, installed once ---
# Made before anything else: every page's rules (the makefiles included
# above) wait for it.  Again when the list changes.
$(BUILD)/deps.ok: scripts/deps.list scripts/deps.sh
	$(Q)scripts/deps.sh
	@mkdir -p $(@D)
	@touch $@

# --- extract: the pages' programs and sessions, and the rules for them ---
# The page reader (scripts/page/page.mk) is built first; it writes the
# programs and sessions and prints the rules.  The same for a page in
# either folder: the names differ (X.2, X.2const).
$(BUILD)/%.mk: man2/% $(PAGE_READER) $(BUILD)/deps.ok
	$(Q)$(PAGE_READER) extract $< $(BUILD)/$* >$@.tmp
	@mv $@.tmp $@

$(BUILD)/%.mk: man2const/% $(PAGE_READER) $(BUILD)/deps.ok
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
# Compared again when a program or a file of examples/ changes, or one is
# added or removed (the times of the pages' folders).
.PHONY: examples examples-check
examples-check: $(BUILD)/examples.ok
$(BUILD)/examples.ok: $(EXAMPLE_SOURCES) $(wildcard examples/* examples/*/*) \
		scripts/page/check-examples.sh
	@scripts/page/check-examples.sh $(BUILD) examples $(PAGE_NAMES)
	@touch $@

examples: $(EXAMPLE_SOURCES)
	$(Q)scripts/page/check-examples.sh --update $(BUILD) examples $(PAGE_NAMES)
	@touch $(BUILD)/examples.ok

# --- the main job ---
.PHONY: all extract compile run compare results
all: examples-check lint-pages results

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
# The main job in a fresh copy of the tree, the bats suites, then each
# runner that a stage's make fragment adds to CHECK_RUNNERS (a target
# printing PASS, FAIL and SKIP lines, or one test by its status), all with
# only the declared commands on PATH (scripts/check.sh).
CHECK_RUNNERS :=
.PHONY: check
check: $(PAGE_READER)
	@scripts/check.sh $(CHECK_RUNNERS)

# --- install ---
.PHONY: install uninstall
# Each page goes where man-pages puts it: the .2const pages in man2const/,
# which man-db (2.11, Debian 12) searches for section 2 and for "2const"
# without being told (tests/make.bats checks that man finds every page).
# What is installed has its .TH date and version filled in
# (scripts/render/stamp.sh).
PAGES_2 := $(filter man2/%,$(PAGES))
PAGES_2CONST := $(filter man2const/%,$(PAGES))
install: $(PAGES:%=$(BUILD)/stamped/%)
	$(Q)$(INSTALL) -d $(DESTDIR)$(man2dir)
	$(Q)$(INSTALL_DATA) $(PAGES_2:%=$(BUILD)/stamped/%) $(DESTDIR)$(man2dir)
ifneq ($(PAGES_2CONST),)
	$(Q)$(INSTALL) -d $(DESTDIR)$(man2constdir)
	$(Q)$(INSTALL_DATA) $(PAGES_2CONST:%=$(BUILD)/stamped/%) $(DESTDIR)$(man2constdir)
endif

uninstall:
	$(Q)rm -f $(addprefix $(DESTDIR)$(man2dir)/,$(notdir $(PAGES_2))) \
		$(addprefix $(DESTDIR)$(man2constdir)/,$(notdir $(PAGES_2CONST)))
	$(Q)rmdir $(DESTDIR)$(man2constdir) 2>/dev/null || :

.PHONY: clean help FORCE
clean:
	$(Q)rm -rf $(BUILD)

help:
	@sed -n '3,10s/^# //p' Makefile

FORCE:

include $(sort $(wildcard scripts/*/*.mk))
