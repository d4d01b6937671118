# scripts/lint/lint.mk: lint the pages, the programs and the scripts.
#
# make lint     every check below; each tool on each file is one recipe
#               (make -j runs them in parallel, make -k shows every
#               failure), leaving a stamp in $(BUILD)/lint/TOOL/FILE.ok so
#               that a second make does nothing when nothing changed
# make lint-pages | lint-programs | lint-scripts   a part of it
#
# Every failure is "FILE:LINE: RULE: message".  What is ignored, and why,
# is in scripts/lint/ignored-warnings; the clang-tidy checks are in .clang-tidy.
#
# Uses PAGES and BUILD from the Makefile, and EXAMPLE_CFLAGS when it is set.
# The file lists below can be set on the command line (tests/lint.bats
# runs this file on its fixtures).

LINT_PAGES := $(PAGES)
LINT_PAGE_DIR := man2
LINT_C := $(sort $(wildcard examples/*/*.c tests/claims/*.c scripts/*/*.c))
LINT_H := $(sort $(wildcard examples/*/*.h tests/claims/*.h scripts/*/*.h))
# Every shell script ends in .sh, .bats or .bash, but .ci/run.
LINT_SH := $(sort $(wildcard scripts/*.sh scripts/*/*.sh .ci/run tests/*.bats tests/*.bash))
# Everything a person wrote, for codespell (not the fixtures, which
# misspell on purpose).
LINT_TEXT := $(sort $(LINT_PAGES) $(LINT_C) $(LINT_H) $(LINT_SH) \
	$(wildcard scripts/*/*.awk scripts/*/*.mk Makefile README.md CHANGES \
		scripts/lint/ignored-warnings .clang-tidy))
# The examples' flags, without optimisation, debugging and -Werror (the
# tools decide what fails).
LINT_CFLAGS := $(or $(filter-out -O% -g -Werror,$(EXAMPLE_CFLAGS)),-std=gnu11 -Wall -Wextra -pthread)
export LINT_CFLAGS

LINT_DIR := $(BUILD)/lint
LINT_FILTER := scripts/lint/filter.sh scripts/lint/ignored-warnings

LINT_PAGE_STAMPS := $(foreach t,style mandoc groff width,$(LINT_PAGES:%=$(LINT_DIR)/$(t)/%.ok))
# The claim programs are test code, which gcc and clang (-Werror),
# clang-tidy and cppcheck read; gcc -fanalyzer, the slowest, reads the
# examples and the tools only, for make check to stay within its time.
LINT_ANALYZER_C := $(filter-out tests/claims/%,$(LINT_C))
LINT_C_STAMPS := $(foreach t,tidy cppcheck,$(LINT_C:%=$(LINT_DIR)/$(t)/%.ok)) \
	$(LINT_ANALYZER_C:%=$(LINT_DIR)/analyzer/%.ok)
LINT_SH_STAMPS := $(LINT_SH:%=$(LINT_DIR)/shellcheck/%.ok)
LINT_SPELL_STAMPS := $(LINT_DIR)/codespell.ok

.PHONY: lint lint-pages lint-programs lint-scripts lint-spell
lint: lint-pages lint-programs lint-scripts lint-spell
lint-pages: $(LINT_PAGE_STAMPS)
lint-programs: $(LINT_C_STAMPS)
lint-scripts: $(LINT_SH_STAMPS)
lint-spell: $(LINT_SPELL_STAMPS)

# --- pages ---
$(LINT_DIR)/style/%.ok: % scripts/lint/style.sh $(PAGE_READER) $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/style.sh $<
	@touch $@

$(LINT_DIR)/mandoc/%.ok: % scripts/lint/mandoc.sh $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/mandoc.sh $<
	@touch $@

$(LINT_DIR)/groff/%.ok: % scripts/lint/groff.sh $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/groff.sh $<
	@touch $@

$(LINT_DIR)/width/%.ok: % scripts/lint/width.sh scripts/lint/width.awk $(PAGE_READER) $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/width.sh $<
	@touch $@

# --- programs ---
$(LINT_DIR)/tidy/%.ok: % .clang-tidy $(LINT_H) scripts/lint/tidy.sh $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/tidy.sh $<
	@touch $@

$(LINT_DIR)/cppcheck/%.ok: % $(LINT_H) scripts/lint/cppcheck.sh $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/cppcheck.sh $<
	@touch $@

$(LINT_DIR)/analyzer/%.ok: % $(LINT_H) scripts/lint/analyzer.sh $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/analyzer.sh $<
	@touch $@

# --- scripts, and the spelling of everything ---
$(LINT_DIR)/shellcheck/%.ok: % scripts/lint/shell.sh $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/shell.sh $<
	@touch $@

# One stamp for all the text: codespell runs once, on the files changed
# since (all of them when the script or the ignore file changed).
$(LINT_DIR)/codespell.ok: $(LINT_TEXT) scripts/lint/spell.sh $(LINT_FILTER)
	@mkdir -p $(@D)
	$(Q)scripts/lint/spell.sh $(if $(filter-out $(LINT_TEXT),$?),$(LINT_TEXT),$?)
	@touch $@

# make runs lint-pages; make check runs all of it, as one test.
CHECK_RUNNERS += lint
