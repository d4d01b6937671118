# scripts/render/render.mk: the pages rendered for reading.
#
# make html     $(BUILD)/html/PAGE.html (mandoc, linked to each other) and
#               $(BUILD)/html/index.html
# make pdf      $(BUILD)/pdf/PAGE.pdf and $(BUILD)/pdf/uffd-man.pdf (groff)
# make man      $(BUILD)/man/PAGE.txt, as man(1) shows it at 80 columns
#
# Uses LINT_PAGES (and LINT_PAGE_DIR when it is empty) from
# scripts/lint/lint.mk: the pages that are linted are the pages that are
# rendered, whichever folder holds them.

.PHONY: html pdf man
LINT_PAGE_NAMES := $(notdir $(LINT_PAGES))
html: $(LINT_PAGE_NAMES:%=$(BUILD)/html/%.html) $(BUILD)/html/index.html
pdf: $(LINT_PAGE_NAMES:%=$(BUILD)/pdf/%.pdf) $(if $(LINT_PAGES),$(BUILD)/pdf/uffd-man.pdf)
man: $(LINT_PAGE_NAMES:%=$(BUILD)/man/%.txt)

# A page's rules, for each folder that holds pages (man2/, man2const/):
# the page names differ by their suffix, so each target has one page.
LINT_PAGE_DIRS := $(or $(sort $(dir $(LINT_PAGES))),$(LINT_PAGE_DIR)/)
define render_page_rules
# Each HTML page links to the others, so it depends on them all.
$$(BUILD)/html/%.html: $(1)% $$(LINT_PAGES) scripts/render/html.sh scripts/render/verify.sh
	$$(Q)scripts/render/html.sh $$@ $$< $$(LINT_PAGES)
	$$(Q)scripts/render/verify.sh html $$< $$@

$$(BUILD)/pdf/%.pdf: $(1)% scripts/render/pdf.sh scripts/render/verify.sh
	$$(Q)scripts/render/pdf.sh $$@ $$<
	$$(Q)scripts/render/verify.sh pdf $$@ $$<

$$(BUILD)/man/%.txt: $(1)% scripts/render/man.sh scripts/render/verify.sh
	$$(Q)scripts/render/man.sh $$@ $$<
	$$(Q)scripts/render/verify.sh man $$< $$@
endef
$(foreach d,$(LINT_PAGE_DIRS),$(eval $(call render_page_rules,$(d))))

$(BUILD)/html/index.html: $(LINT_PAGES) scripts/render/index.sh
	$(Q)scripts/render/index.sh $@ $(LINT_PAGES)

$(BUILD)/pdf/uffd-man.pdf: $(LINT_PAGES) scripts/render/pdf.sh scripts/render/verify.sh
	$(Q)scripts/render/pdf.sh $@ $(LINT_PAGES)
	$(Q)scripts/render/verify.sh pdf $@ $(LINT_PAGES)
