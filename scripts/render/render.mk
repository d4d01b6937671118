# scripts/render/render.mk: the pages rendered for reading.
#
# make html     $(BUILD)/html/PAGE.html (mandoc, linked to each other) and
#               $(BUILD)/html/index.html
# make pdf      $(BUILD)/pdf/PAGE.pdf and $(BUILD)/pdf/uffd-man.pdf (groff)
# make man      $(BUILD)/man/PAGE.txt, as man(1) shows it at 80 columns
#
# Uses LINT_PAGES and LINT_PAGE_DIR from scripts/lint/lint.mk: the pages
# that are linted are the pages that are rendered.

.PHONY: html pdf man
LINT_PAGE_NAMES := $(notdir $(LINT_PAGES))
html: $(LINT_PAGE_NAMES:%=$(BUILD)/html/%.html) $(BUILD)/html/index.html
pdf: $(LINT_PAGE_NAMES:%=$(BUILD)/pdf/%.pdf) $(if $(LINT_PAGES),$(BUILD)/pdf/uffd-man.pdf)
man: $(LINT_PAGE_NAMES:%=$(BUILD)/man/%.txt)

# Each HTML page links to the others, so it depends on them all.
$(BUILD)/html/%.html: $(LINT_PAGE_DIR)/% $(LINT_PAGES) scripts/render/html.sh scripts/render/html.css scripts/render/verify.sh
	$(Q)scripts/render/html.sh $@ $< $(LINT_PAGES)
	$(Q)scripts/render/verify.sh html $< $@

$(BUILD)/html/index.html: $(LINT_PAGES) scripts/render/index.sh scripts/render/html.css
	$(Q)scripts/render/index.sh $@ $(LINT_PAGES)

$(BUILD)/pdf/%.pdf: $(LINT_PAGE_DIR)/% scripts/render/pdf.sh scripts/render/verify.sh
	$(Q)scripts/render/pdf.sh $@ $<
	$(Q)scripts/render/verify.sh pdf $@ $<

$(BUILD)/pdf/uffd-man.pdf: $(LINT_PAGES) scripts/render/pdf.sh scripts/render/verify.sh
	$(Q)scripts/render/pdf.sh $@ $(LINT_PAGES)
	$(Q)scripts/render/verify.sh pdf $@ $(LINT_PAGES)

$(BUILD)/man/%.txt: $(LINT_PAGE_DIR)/% scripts/render/man.sh scripts/render/verify.sh
	$(Q)scripts/render/man.sh $@ $<
	$(Q)scripts/render/verify.sh man $< $@
