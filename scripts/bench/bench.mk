# scripts/bench/bench.mk: the benchmarks (figures, never pass/fail tests).
#
# make bench            both, one after the other
# make bench-dirty      what dirty-page tracking costs, by method (bench/)
# make bench-toolchain  how long the build takes, and its peak memory
# make bench-page       how long the page reader takes to read each page,
#                       beside mandoc -Tlint (BENCH_PAGE_REPS runs, 200)
#
# Output in $(BUILD)/bench: dirty.tsv, dirty.png, dirty.txt, toolchain.tsv,
# toolchain.txt, page.tsv.

BUILD ?= build
BENCH_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -pthread

$(BUILD)/bench/dirty_track: scripts/bench/dirty_track.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(BENCH_CFLAGS) -o $@ $<

.PHONY: bench bench-dirty bench-toolchain bench-page

# One recipe, so that even make -j never runs the two at once: each would
# disturb the other's figures.
bench: $(BUILD)/bench/dirty_track $(PAGE_READER)
	$(Q)scripts/bench/dirty.sh $(BUILD)/bench/dirty_track $(BUILD)/bench
	$(Q)scripts/bench/toolchain.sh $(BUILD)/bench
	$(Q)scripts/bench/page.sh $(PAGE_READER) $(BUILD)/bench $(PAGES)

bench-dirty: $(BUILD)/bench/dirty_track
	$(Q)scripts/bench/dirty.sh $(BUILD)/bench/dirty_track $(BUILD)/bench

bench-toolchain:
	$(Q)scripts/bench/toolchain.sh $(BUILD)/bench

bench-page: $(PAGE_READER)
	$(Q)scripts/bench/page.sh $(PAGE_READER) $(BUILD)/bench $(PAGES)
