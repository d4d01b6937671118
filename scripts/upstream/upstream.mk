# scripts/upstream/upstream.mk: the pages as a patch series for the man-pages project.
#
# make upstream                   build/upstream/: a cover letter and one
#                                 patch per page (git format-patch form)
# make upstream MANPAGES=DIR      the same, based on the HEAD of DIR, a
#                                 man-pages git checkout (only read)
# make upstream-check MANPAGES=DIR
#                                 git am the series on a scratch clone of
#                                 DIR, then man-pages' own lint and example
#                                 build for the pages
#
# The series tells what the examples verify and how they fared, so it
# waits for every result, and refuses when one failed.  Variables:
# UPSTREAM_PAGES (the pages sent: all of them), UPSTREAM_CHANGES (where
# the patches' text comes from), UPSTREAM_SUBJECT (the cover letter's),
# UPSTREAM_TO and UPSTREAM_CC (default: where man-pages asks for patches),
# UPSTREAM_REROLL (N for [PATCH vN]), KERNEL_MATRIX.

BUILD ?= build
UPSTREAM_DIR := $(BUILD)/upstream
# The system call's page first, then the others.
UPSTREAM_PAGES = $(filter man2/userfaultfd.2,$(PAGES)) \
	$(filter-out man2/userfaultfd.2,$(PAGES))
UPSTREAM_CHANGES = CHANGES
UPSTREAM_SUBJECT =
UPSTREAM_TO = Alejandro Colomar <alx@kernel.org>
UPSTREAM_CC = linux-man@vger.kernel.org
UPSTREAM_REROLL =
KERNEL_MATRIX = $(BUILD)/kernels/matrix.txt
MANPAGES ?=

UPSTREAM_SCRIPTS := scripts/upstream/series.sh scripts/upstream/strip.sh \
	scripts/upstream/render-same.sh scripts/upstream/changes.sh \
	scripts/upstream/cover.sh

.PHONY: upstream upstream-check

# Every program compiled (gcc, clang, sanitizers) and every session's
# result: what the cover letter reports.
upstream: $(UPSTREAM_PAGES) $(UPSTREAM_CHANGES) $(UPSTREAM_SCRIPTS) \
		$(EXAMPLE_SOURCES:.c=.gcc) $(EXAMPLE_SOURCES:.c=.clang) \
		$(EXAMPLE_SOURCES:.c=.san) $(EXAMPLE_RESULTS) $(BUILD)/probe.txt
	@UPSTREAM_CFLAGS='$(EXAMPLE_CFLAGS)' scripts/upstream/series.sh -o $(UPSTREAM_DIR) -b $(BUILD) \
		-c '$(UPSTREAM_CHANGES)' -k '$(KERNEL_MATRIX)' \
		$(if $(MANPAGES),-m '$(MANPAGES)') \
		$(if $(UPSTREAM_SUBJECT),-s '$(UPSTREAM_SUBJECT)') \
		$(if $(UPSTREAM_TO),-t '$(UPSTREAM_TO)') \
		$(if $(UPSTREAM_CC),-C '$(UPSTREAM_CC)') \
		$(if $(UPSTREAM_REROLL),-v '$(UPSTREAM_REROLL)') \
		$(UPSTREAM_PAGES)

upstream-check: upstream scripts/upstream/check.sh
	@scripts/upstream/check.sh '$(MANPAGES)' $(UPSTREAM_DIR) $(UPSTREAM_PAGES)
