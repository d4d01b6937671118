# scripts/bench/bench.mk: the benchmarks (figures, never pass/fail tests).
#
# make bench            both, one after the other
# make bench-dirty      what dirty-page tracking costs, by method (bench/)
# make bench-toolchain  how long the build takes, and its peak memory
#
# Output in $(BUILD)/bench: dirty.tsv, dirty.png, dirty.txt, toolchain.tsv,
# toolchain.txt.

BUILD ?= build
BENCH_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -pthread

$(BUILD)/bench/dirty_track: scripts/bench/dirty_track.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(BENCH_CFLAGS) -o $@ $<

.PHONY: bench bench-dirty bench-toolchain

# One recipe, so that even make -j never runs the two at once: each would
# disturb the other's figures.
bench: $(BUILD)/bench/dirty_track
	$(Q)scripts/bench/dirty.sh $(BUILD)/bench/dirty_track $(BUILD)/bench
	$(Q)scripts/bench/toolchain.sh $(BUILD)/bench

bench-dirty: $(BUILD)/bench/dirty_track
	$(Q)scripts/bench/dirty.sh $(BUILD)/bench/dirty_track $(BUILD)/bench

bench-toolchain:
	$(Q)scripts/bench/toolchain.sh $(BUILD)/bench
