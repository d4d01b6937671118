# scripts/page/page.mk: the page reader, built before anything reads a page.
#
#   $(BUILD)/page      the reader (scripts/page/*.c; see page.c)
#   make page-static   $(BUILD)/page-static, for a machine without our libc:
#                      the kernel matrix's amd64 guests (kernels.mk cross-
#                      builds arm64's), where run/session.sh asks it
#   make fuzz          AFL++ on the reader for FUZZ_SECONDS (120) seconds,
#                      from a corpus of the pages and the fixtures; prints
#                      the executions and the crashes, fails on a crash
#
# Every recipe that runs a script reading pages finds the reader through
# UFFD_PAGE (exported by the Makefile) or scripts/page/page.sh.

PAGE_SOURCES := $(wildcard scripts/page/*.c)
PAGE_HEADERS := $(wildcard scripts/page/*.h)

$(PAGE_READER): $(PAGE_SOURCES) $(PAGE_HEADERS) scripts/page/build.sh | $(BUILD)/deps.ok
	$(Q)CC='$(CC)' scripts/page/build.sh $@

$(BUILD)/page-static: $(PAGE_SOURCES) $(PAGE_HEADERS) scripts/page/build.sh
	$(Q)CC='$(CC)' scripts/page/build.sh $@ -static

.PHONY: page-static fuzz
page-static: $(BUILD)/page-static

FUZZ_SECONDS ?= 120
fuzz: $(PAGE_SOURCES) $(PAGE_HEADERS)
	$(Q)FUZZ_SECONDS='$(FUZZ_SECONDS)' scripts/page/fuzz.sh $(BUILD)/fuzz
