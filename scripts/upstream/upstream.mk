# scripts/upstream/upstream.mk: the pages as a patch series for the man-pages project.
#
# make upstream                   build/upstream/: a cover letter and one
#                                 patch per page (git format-patch form)
# make upstream MANPAGES=DIR      the same, based on the HEAD of DIR, a
#                                 man-pages git checkout (only read)
# make upstream-check MANPAGES=DIR
#                                 git am the series on a scratch clone of
#                                 DIR, then man-pages' own checks for every
#                                 page it touches: lint-man, check-catman,
#                                 build-ex, and lint-c (clang-tidy, cppcheck)
#                                 where the installed versions allow
#
# With MANPAGES the series starts with the corrections of upstream's
# present text (UPSTREAM_CORRECTIONS, each checked first by the claim
# programs it names), then replaces each page, in parts where one patch
# would be over UPSTREAM_MAX_KB; every message cites the kernel commits
# of UPSTREAM_COMMITS behind the facts it states.
#
# The series tells what the examples verify and how they fared, so it
# waits for every result, and refuses when one failed.  Variables:
# UPSTREAM_PAGES (the pages sent: all of them), UPSTREAM_CHANGES (where
# the patches' text comes from), UPSTREAM_SUBJECT (the cover letter's),
# UPSTREAM_TO and UPSTREAM_CC (default: man-pages' maintainer and list,
# the userfaultfd entry of the kernel's MAINTAINERS, linux-mm and
# linux-api), UPSTREAM_MAX_KB (or UPSTREAM_MAX_BYTES: the largest patch),
# UPSTREAM_REROLL (N for [PATCH vN]), UPSTREAM_PREVIOUS (the
# previous series: a directory of its patches, or a range A..B of
# MANPAGES' history, for a range-diff), KERNEL_SUMMARY and KERNEL_MATRIX
# (the kernels the cover letter names; the summary when there is one).

BUILD ?= build
UPSTREAM_DIR := $(BUILD)/upstream
# The system call's page first, the overview of the operations next,
# then the others (man2const/UFFDIO_*.2const).
UPSTREAM_PAGES = $(filter man2/userfaultfd.2,$(PAGES)) \
	$(filter man2/ioctl_userfaultfd.2,$(PAGES)) \
	$(filter-out man2/userfaultfd.2 man2/ioctl_userfaultfd.2,$(PAGES))
UPSTREAM_CHANGES = CHANGES
UPSTREAM_SUBJECT =
UPSTREAM_TO = Alejandro Colomar <alx@kernel.org>
# The userfaultfd entry of the kernel's MAINTAINERS ("MEMORY MANAGEMENT -
# USERFAULTFD": M: Andrew Morton, R: Peter Xu, L: linux-mm), linux-api for
# an interface's documentation, and man-pages' list.
UPSTREAM_CC = linux-man@vger.kernel.org, Andrew Morton <akpm@linux-foundation.org>, \
	Peter Xu <peterx@redhat.com>, linux-mm@kvack.org, linux-api@vger.kernel.org
UPSTREAM_REROLL =
UPSTREAM_PREVIOUS =
UPSTREAM_CORRECTIONS = scripts/upstream/corrections
UPSTREAM_COMMITS = scripts/upstream/commits
UPSTREAM_CLAIMS = tests/claims
UPSTREAM_MAX_KB = 25
UPSTREAM_MAX_BYTES = $$(($(UPSTREAM_MAX_KB) * 1024))
KERNEL_MATRIX = $(BUILD)/kernels/matrix.txt
KERNEL_SUMMARY = $(BUILD)/kernels/summary.txt
MANPAGES ?=

UPSTREAM_SCRIPTS := scripts/upstream/series.sh scripts/upstream/strip.sh \
	scripts/upstream/render-same.sh scripts/upstream/changes.sh \
	scripts/upstream/cover.sh scripts/upstream/steps.sh scripts/upstream/markers.txt $(UPSTREAM_COMMITS) \
	$(wildcard $(UPSTREAM_CORRECTIONS)/*.sed)

.PHONY: upstream upstream-check

# Every program compiled (gcc, clang, sanitizers) and every session's
# result: what the cover letter reports.
upstream: $(UPSTREAM_PAGES) $(UPSTREAM_CHANGES) $(UPSTREAM_SCRIPTS) $(PAGE_READER) \
		$(EXAMPLE_SOURCES:.c=.gcc) $(EXAMPLE_SOURCES:.c=.clang) \
		$(EXAMPLE_SOURCES:.c=.san) $(EXAMPLE_RESULTS) $(BUILD)/probe.txt
	@UPSTREAM_CFLAGS='$(EXAMPLE_CFLAGS)' scripts/upstream/series.sh -o $(UPSTREAM_DIR) -b $(BUILD) \
		-c '$(UPSTREAM_CHANGES)' -k '$(KERNEL_MATRIX)' -K '$(KERNEL_SUMMARY)' \
		-x '$(UPSTREAM_CORRECTIONS)' -f '$(UPSTREAM_COMMITS)' -d '$(UPSTREAM_CLAIMS)' \
		-l $(UPSTREAM_MAX_BYTES) \
		$(if $(MANPAGES),-m '$(MANPAGES)') \
		$(if $(UPSTREAM_SUBJECT),-s '$(UPSTREAM_SUBJECT)') \
		$(if $(UPSTREAM_TO),-t '$(UPSTREAM_TO)') \
		$(if $(UPSTREAM_CC),-C '$(strip $(UPSTREAM_CC))') \
		$(if $(UPSTREAM_REROLL),-v '$(UPSTREAM_REROLL)') \
		$(if $(UPSTREAM_PREVIOUS),-p '$(UPSTREAM_PREVIOUS)') \
		$(UPSTREAM_PAGES)

upstream-check: upstream scripts/upstream/check.sh $(PAGE_READER)
	@scripts/upstream/check.sh '$(MANPAGES)' $(UPSTREAM_DIR) $(UPSTREAM_PAGES)
