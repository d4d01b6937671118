# scripts/render/render.mk: the pages rendered for reading.
#
# make html        $(BUILD)/html/PAGE.html (mandoc, linked to each other,
#                  with html.css) and $(BUILD)/html/index.html
# make html-check  each of them loaded in headless Chromium
#                  (scripts/render/browser.sh): sections, links, examples
#                  fitting their boxes; a picture of each, light and dark
#                  side by side, in $(BUILD)/html/screenshots/PAGE.png
# make pdf         $(BUILD)/pdf/PAGE.pdf and $(BUILD)/pdf/uffd-man.pdf (groff)
# make man         $(BUILD)/man/PAGE.txt, as man(1) shows it at 80 columns
#
# Uses LINT_PAGES from scripts/lint/lint.mk: the pages that are linted are
# the pages that are rendered, wherever they are (man2/X.2,
# man2const/X.2const); the outputs are named after the page's file name.
# What is rendered, and installed, is the page with its .TH date and
# version filled in ($(BUILD)/stamped/PAGE, scripts/render/stamp.sh); the
# sources keep man-pages' placeholders, and so does the upstream series.
# Every step here reads the pages through the reader ($(PAGE_READER)):
# each is redone when it changes.

.PHONY: html html-check pdf man
LINT_PAGE_NAMES := $(notdir $(LINT_PAGES))
STAMPED := $(BUILD)/stamped
STAMPED_PAGES := $(LINT_PAGES:%=$(STAMPED)/%)

# Every time, but replaced only when the date or the version changes.
$(STAMPED)/%: % scripts/render/stamp.sh $(PAGE_READER) FORCE
	$(Q)scripts/render/stamp.sh $< $@

HTML_FILES := $(LINT_PAGE_NAMES:%=$(BUILD)/html/%.html) $(BUILD)/html/index.html
html: $(HTML_FILES)
html-check: $(HTML_FILES:$(BUILD)/html/%.html=$(BUILD)/html-check/%.ok)
pdf: $(LINT_PAGE_NAMES:%=$(BUILD)/pdf/%.pdf) $(if $(LINT_PAGES),$(BUILD)/pdf/uffd-man.pdf)
man: $(LINT_PAGE_NAMES:%=$(BUILD)/man/%.txt)

# The rules of one page, PAGE its path.  Each HTML page links to the
# others, so it depends on them all.
define render_page_rules
$(BUILD)/html/$(notdir $(1)).html: $(STAMPED)/$(1) $(STAMPED_PAGES) scripts/render/html.sh scripts/render/html.css scripts/render/verify.sh $(PAGE_READER)
	$$(Q)scripts/render/html.sh $$@ $$< $(STAMPED_PAGES)
	$$(Q)scripts/render/verify.sh html $$< $$@

$(BUILD)/html-check/$(notdir $(1)).expect: $(1) scripts/render/expect.sh $(PAGE_READER)
	@mkdir -p $$(@D)
	$$(Q)scripts/render/expect.sh page $$< >$$@.tmp
	@mv $$@.tmp $$@

$(BUILD)/html-check/$(notdir $(1)).ok: $(BUILD)/html/$(notdir $(1)).html $(BUILD)/html-check/$(notdir $(1)).expect $(HTML_FILES) $(BROWSER_TOOLS)
	$$(Q)scripts/render/browser.sh -d $(BUILD)/html/screenshots/$(notdir $(1)).png $$< $(BUILD)/html-check/$(notdir $(1)).expect
	@touch $$@

$(BUILD)/pdf/$(notdir $(1)).pdf: $(STAMPED)/$(1) scripts/render/pdf.sh scripts/render/verify.sh $(PAGE_READER)
	$$(Q)scripts/render/pdf.sh $$@ $$<
	$$(Q)scripts/render/verify.sh pdf $$@ $$<

$(BUILD)/man/$(notdir $(1)).txt: $(STAMPED)/$(1) scripts/render/man.sh scripts/render/verify.sh $(PAGE_READER)
	$$(Q)scripts/render/man.sh $$@ $$<
	$$(Q)scripts/render/verify.sh man $$< $$@
endef
BROWSER_TOOLS := scripts/render/browser.sh scripts/render/browser.js
$(foreach page,$(LINT_PAGES),$(eval $(call render_page_rules,$(page))))

$(BUILD)/html/index.html: $(STAMPED_PAGES) scripts/render/index.sh scripts/render/html.css $(PAGE_READER)
	$(Q)scripts/render/index.sh $@ $(STAMPED_PAGES)

# The index links to every page: they are all there before it is loaded.
$(BUILD)/html-check/index.expect: $(LINT_PAGES) scripts/render/expect.sh
	@mkdir -p $(@D)
	$(Q)scripts/render/expect.sh index $(LINT_PAGES) >$@.tmp
	@mv $@.tmp $@

$(BUILD)/html-check/index.ok: $(BUILD)/html/index.html $(BUILD)/html-check/index.expect $(HTML_FILES) $(BROWSER_TOOLS)
	$(Q)scripts/render/browser.sh -d $(BUILD)/html/screenshots/index.png $< $(BUILD)/html-check/index.expect
	@touch $@

$(BUILD)/pdf/uffd-man.pdf: $(STAMPED_PAGES) scripts/render/pdf.sh scripts/render/verify.sh $(PAGE_READER)
	$(Q)scripts/render/pdf.sh $@ $(STAMPED_PAGES)
	$(Q)scripts/render/verify.sh pdf $@ $(STAMPED_PAGES)
