# scripts/report/report.mk: the verification report.
#
#   make report     $(BUILD)/html/verification.html: every checked item of
#                   the pages (example session, errno entry, behaviour
#                   statement, SINCE annotation) by cell of the kernel
#                   matrix, PASS, FAIL or SKIP with the reason
#                   (scripts/report/report.sh), beside the pages' HTML that
#                   its rows link to; then loaded in headless Chromium
#                   (scripts/report/browser.sh), which must show it as
#                   made, with its links resolved, and a picture of it
#                   kept in $(BUILD)/html/verification.png
#
# The matrix is the last one that make kernels wrote; without one, make
# kernels runs first.  Row ids are verify-PAGE-LINE (PAGE the page's file
# name, LINE the line of the row's .\" CHECK, .\" SINCE or .\" RUN BEGIN),
# for the pages' HTML to link each checked statement to its row.

REPORT := $(BUILD)/html/verification.html

# A failed item is a result: the matrix is there all the same.
$(KBUILD)/matrix.txt:
	@$(MAKE) --no-print-directory kernels || [ -f $@ ]

# Made afresh each time: it is cheap, and the matrix may have changed
# under another name.
.PHONY: report
report: $(KBUILD)/matrix.txt $(PAGE_NAMES:%=$(BUILD)/html/%.html) $(PAGE_READER)
	@scripts/report/report.sh $(REPORT) $(KBUILD) $(PAGES)
	@scripts/report/browser.sh -s $(BUILD)/html/verification.png $(REPORT)
