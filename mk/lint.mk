# mk/lint.mk: lint the pages and their programs, and render the pages.
#
# make lint     every check below; each tool on each file is one recipe
#               (make -j runs them in parallel, make -k shows every
#               failure), leaving a stamp in $(BUILD)/lint/TOOL/FILE.ok so
#               that a second make does nothing when nothing changed
# make lint-pages | lint-programs | lint-scripts   a part of it
# make html     $(BUILD)/html/PAGE.html (mandoc, linked to each other) and
#               $(BUILD)/html/index.html
# make pdf      $(BUILD)/pdf/PAGE.pdf and $(BUILD)/pdf/uffd-man.pdf (groff)
# make man      $(BUILD)/man/PAGE.txt, as man(1) shows it at 80 columns
#
# Every failure is "FILE:LINE: RULE: message".  What is ignored, and why,
# is in lint/ignored-warnings; the clang-tidy checks are in .clang-tidy.
#
# Uses PAGES and BUILD from the Makefile, and EXAMPLE_CFLAGS when it is set.
# The file lists below can be set on the command line (tests/lint.bats
# runs this file on its fixtures).

LINT_PAGES := $(PAGES)
LINT_PAGE_DIR := man2
LINT_C := $(sort $(wildcard examples/*/*.c tests/claims/*.c scripts/*.c))
LINT_H := $(sort $(wildcard examples/*/*.h tests/claims/*.h scripts/*.h))
LINT_SH := $(sort $(shell scripts/lint-shell -l $(wildcard scripts/* .ci/run tests/*.bats tests/*.bash)))
# Everything a person wrote, for codespell (not the fixtures, which
# misspell on purpose).
LINT_TEXT := $(sort $(LINT_PAGES) $(LINT_C) $(LINT_H) $(LINT_SH) \
	$(wildcard scripts/*.awk mk/*.mk Makefile README.md CHANGES \
		lint/ignored-warnings .clang-tidy))
# The examples' flags, without optimisation, debugging and -Werror (the
# tools decide what fails).
LINT_CFLAGS := $(or $(filter-out -O% -g -Werror,$(EXAMPLE_CFLAGS)),-std=gnu11 -Wall -Wextra -pthread)
export LINT_CFLAGS

LINT_DIR := $(BUILD)/lint
LINT_FILTER := scripts/lint-filter lint/ignored-warnings

LINT_PAGE_STAMPS := $(foreach t,style mandoc groff width,$(LINT_PAGES:%=$(LINT_DIR)/$(t)/%.ok))
LINT_C_STAMPS := $(foreach t,tidy cppcheck analyzer,$(LINT_C:%=$(LINT_DIR)/$(t)/%.ok))
LINT_SH_STAMPS := $(LINT_SH:%=$(LINT_DIR)/shellcheck/%.ok)
LINT_SPELL_STAMPS := $(LINT_TEXT:%=$(LINT_DIR)/codespell/%.ok)

.PHONY: lint lint-pages lint-programs lint-scripts lint-spell
lint: lint-pages lint-programs lint-scripts lint-spell
lint-pages: $(LINT_PAGE_STAMPS)
lint-programs: $(LINT_C_STAMPS)
lint-scripts: $(LINT_SH_STAMPS)
lint-spell: $(LINT_SPELL_STAMPS)

# --- pages ---
$(LINT_DIR)/style/%.ok: % scripts/lint-style scripts/lint-style.awk $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-style $<
	@touch $@

$(LINT_DIR)/mandoc/%.ok: % scripts/lint-mandoc $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-mandoc $<
	@touch $@

$(LINT_DIR)/groff/%.ok: % scripts/lint-groff $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-groff $<
	@touch $@

$(LINT_DIR)/width/%.ok: % scripts/lint-width scripts/lint-width.awk $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-width $<
	@touch $@

# --- programs ---
$(LINT_DIR)/tidy/%.ok: % .clang-tidy $(LINT_H) scripts/lint-tidy $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-tidy $<
	@touch $@

$(LINT_DIR)/cppcheck/%.ok: % $(LINT_H) scripts/lint-cppcheck $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-cppcheck $<
	@touch $@

$(LINT_DIR)/analyzer/%.ok: % $(LINT_H) scripts/lint-analyzer $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-analyzer $<
	@touch $@

# --- scripts, and the spelling of everything ---
$(LINT_DIR)/shellcheck/%.ok: % scripts/lint-shell $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-shell $<
	@touch $@

$(LINT_DIR)/codespell/%.ok: % scripts/lint-spell $(LINT_FILTER)
	@mkdir -p $(@D)
	scripts/lint-spell $<
	@touch $@

# --- rendering ---
.PHONY: html pdf man
LINT_PAGE_NAMES := $(notdir $(LINT_PAGES))
html: $(LINT_PAGE_NAMES:%=$(BUILD)/html/%.html) $(BUILD)/html/index.html
pdf: $(LINT_PAGE_NAMES:%=$(BUILD)/pdf/%.pdf) $(if $(LINT_PAGES),$(BUILD)/pdf/uffd-man.pdf)
man: $(LINT_PAGE_NAMES:%=$(BUILD)/man/%.txt)

# Each HTML page links to the others, so it depends on them all.
$(BUILD)/html/%.html: $(LINT_PAGE_DIR)/% $(LINT_PAGES) scripts/render-html scripts/render-verify
	scripts/render-html $@ $< $(LINT_PAGES)
	scripts/render-verify html $< $@

$(BUILD)/html/index.html: $(LINT_PAGES) scripts/render-index
	scripts/render-index $@ $(LINT_PAGES)

$(BUILD)/pdf/%.pdf: $(LINT_PAGE_DIR)/% scripts/render-pdf scripts/render-verify
	scripts/render-pdf $@ $<
	scripts/render-verify pdf $@ $<

$(BUILD)/pdf/uffd-man.pdf: $(LINT_PAGES) scripts/render-pdf scripts/render-verify
	scripts/render-pdf $@ $(LINT_PAGES)
	scripts/render-verify pdf $@ $(LINT_PAGES)

$(BUILD)/man/%.txt: $(LINT_PAGE_DIR)/% scripts/render-man scripts/render-verify
	scripts/render-man $@ $<
	scripts/render-verify man $< $@
