# scripts/render/render.mk: the pages rendered for reading.
#
# make html     $(BUILD)/html/PAGE.html (mandoc, linked to each other) and
#               $(BUILD)/html/index.html
# make pdf      $(BUILD)/pdf/PAGE.pdf and $(BUILD)/pdf/uffd-man.pdf (groff)
# make man      $(BUILD)/man/PAGE.txt, as man(1) shows it at 80 columns
#
# Uses LINT_PAGES and LINT_PAGE_DIR from scripts/lint/lint.mk: the pages
# that are linted are the pages that are rendered.  What is rendered, and
# installed, is the page with its .TH date and version filled in
# ($(BUILD)/stamped/PAGE, scripts/render/stamp.sh); the sources keep
# man-pages' placeholders, and so does the upstream series.

.PHONY: html pdf man
LINT_PAGE_NAMES := $(notdir $(LINT_PAGES))
STAMPED := $(BUILD)/stamped
STAMPED_PAGES := $(LINT_PAGES:%=$(STAMPED)/%)

# Every time, but replaced only when the date or the version changes.
$(STAMPED)/%: % scripts/render/stamp.sh FORCE
	$(Q)scripts/render/stamp.sh $< $@

html: $(LINT_PAGE_NAMES:%=$(BUILD)/html/%.html) $(BUILD)/html/index.html
pdf: $(LINT_PAGE_NAMES:%=$(BUILD)/pdf/%.pdf) $(if $(LINT_PAGES),$(BUILD)/pdf/uffd-man.pdf)
man: $(LINT_PAGE_NAMES:%=$(BUILD)/man/%.txt)

# Each HTML page links to the others, so it depends on them all.
$(BUILD)/html/%.html: $(STAMPED)/$(LINT_PAGE_DIR)/% $(STAMPED_PAGES) scripts/render/html.sh scripts/render/verify.sh
	$(Q)scripts/render/html.sh $@ $< $(STAMPED_PAGES)
	$(Q)scripts/render/verify.sh html $< $@

$(BUILD)/html/index.html: $(STAMPED_PAGES) scripts/render/index.sh
	$(Q)scripts/render/index.sh $@ $(STAMPED_PAGES)

$(BUILD)/pdf/%.pdf: $(STAMPED)/$(LINT_PAGE_DIR)/% scripts/render/pdf.sh scripts/render/verify.sh
	$(Q)scripts/render/pdf.sh $@ $<
	$(Q)scripts/render/verify.sh pdf $@ $<

$(BUILD)/pdf/uffd-man.pdf: $(STAMPED_PAGES) scripts/render/pdf.sh scripts/render/verify.sh
	$(Q)scripts/render/pdf.sh $@ $(STAMPED_PAGES)
	$(Q)scripts/render/verify.sh pdf $@ $(STAMPED_PAGES)

$(BUILD)/man/%.txt: $(STAMPED)/$(LINT_PAGE_DIR)/% scripts/render/man.sh scripts/render/verify.sh
	$(Q)scripts/render/man.sh $@ $<
	$(Q)scripts/render/verify.sh man $< $@
