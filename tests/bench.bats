#!/usr/bin/env bats
# The benchmark programs: that they measure what they say (the right set of
# pages, the right targets) and fail when they should.  No timing is
# asserted: the figures are for people to read.

load helper

setup_file() {
	gcc -std=gnu11 -O2 -Wall -Wextra -Werror -pthread \
		-o "$BATS_FILE_TMPDIR/dirty_track" "$ROOT/scripts/bench/dirty_track.c"
}

dt() {
	timeout 60 "$BATS_FILE_TMPDIR/dirty_track" "$@"
}

# expect_set METHOD M N: the pages reported are 0, M/N, 2*M/N, ...
expect_set() {
	local method=$1 m=$2 n=$3 want i
	run dt -l -r 2 "$method" "$m" "$n"
	if [ "$status" -eq 77 ]; then
		[[ "$output" == "skip $method: "* ]]
		skip "${output#skip }"
	fi
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	want=collected
	for ((i = 0; i < n; i++)); do
		want="$want $((i * (m / n)))"
	done
	[ "${lines[1]}" = "$want" ]
	# METHOD M N ROUNDS and six figures, tab-separated
	[ "$(printf '%s\n' "${lines[0]}" | awk -F '\t' '{ print NF, $1, $2, $3, $4 }')" = \
		"10 $method $m $n 2" ]
}

@test "uffd-wp-sync reports the pages written" {
	for n in 1 8 64 3; do expect_set uffd-wp-sync 64 "$n"; done
}

@test "uffd-wp-sync-2cpu reports the pages written" {
	for n in 1 8 64 3; do expect_set uffd-wp-sync-2cpu 64 "$n"; done
}

@test "uffd-wp-async reports the pages written" {
	for n in 1 8 64 3; do expect_set uffd-wp-async 64 "$n"; done
}

@test "mprotect reports the pages written" {
	for n in 1 8 64 3; do expect_set mprotect 64 "$n"; done
}

@test "soft-dirty reports the pages written, or says why it cannot" {
	for n in 1 8 64 3; do expect_set soft-dirty 64 "$n"; done
}

@test "the reference method writes and reports nothing" {
	run dt -l none 64 8
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = collected ]
}

@test "a page written but not counted makes every tracking method fail" {
	local ran=0
	for method in uffd-wp-sync uffd-wp-sync-2cpu uffd-wp-async mprotect soft-dirty; do
		run dt -X "$method" 64 8
		echo "$output"
		[ "$status" -eq 77 ] && continue
		[ "$status" -eq 1 ]
		[[ "$output" == *"dirty_track.c:"*"$method, round 0: page 1 reported, page 8 written (9 pages reported, 8 written)"* ]]
		[[ "$output" != *collected* ]]
		ran=$((ran + 1))
	done
	# mprotect needs nothing this machine could lack.
	[ "$ran" -gt 0 ]
}

@test "an unknown method is an error" {
	run dt uffd-wp-bogus 64 8
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == 'dirty_track: unknown method "uffd-wp-bogus"' ]]
	[[ "$output" == *"usage: dirty_track"* ]]
}

@test "N larger than M is an error" {
	run dt mprotect 64 65
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "dirty_track: N (65) is larger than M (64)" ]
}

@test "N, M and ROUNDS must be positive numbers" {
	run dt mprotect 64 0
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == 'dirty_track: N must be a number from 1 to '*', not "0"' ]]
	run dt mprotect 6x4 1
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == 'dirty_track: M must be a number from 1 to '*', not "6x4"' ]]
	run dt -r -1 mprotect 64 1
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == 'dirty_track: ROUNDS must be a number from 1 to '*', not "-1"' ]]
}

@test "missing arguments are an error" {
	run dt mprotect 64
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == "usage: dirty_track "* ]]
}

@test "bench-dirty writes the table, dirty.tsv and a PNG plot" {
	BENCH_M=64 BENCH_NS="1 64" BENCH_RUNS=1 BENCH_ROUNDS=1 \
		run bench-dirty "$BATS_FILE_TMPDIR/dirty_track" "$BATS_TEST_TMPDIR/out"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Every round's collected set was checked against the written set."* ]]
	# One row per method measured and N; a method skipped is said so.
	for method in uffd-wp-sync uffd-wp-sync-2cpu uffd-wp-async mprotect soft-dirty none; do
		if grep -q "^$method	" "$BATS_TEST_TMPDIR/out/dirty.tsv"; then
			[ "$(awk -F '\t' -v m="$method" '$1 == m { printf "%s ", $3 }' \
				"$BATS_TEST_TMPDIR/out/dirty.tsv")" = "1 64 " ]
		else
			[[ "$output" == *"  $method: "* ]]
		fi
	done
	[ "$(head -c 8 "$BATS_TEST_TMPDIR/out/dirty.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
}

@test "bench-dirty refuses N larger than M, and writes nothing" {
	BENCH_M=64 BENCH_NS="128" run bench-dirty "$BATS_FILE_TMPDIR/dirty_track" "$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 1 ]
	[[ "$output" == *"bench-dirty: BENCH_NS: 128 is not from 1 to M = 64"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/out" ]
}

@test "bench-dirty fails when the program does, and writes nothing" {
	printf '#!/bin/sh\necho "dirty_track.c:1: wrong set" >&2\nexit 1\n' >"$BATS_TEST_TMPDIR/broken"
	chmod +x "$BATS_TEST_TMPDIR/broken"
	BENCH_M=64 BENCH_NS="8" BENCH_RUNS=1 BENCH_ROUNDS=1 \
		run bench-dirty "$BATS_TEST_TMPDIR/broken" "$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 1 ]
	[[ "$output" == *"dirty_track.c:1: wrong set"* ]]
	[[ "$output" == *"exited with status 1"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/out" ]
}

@test "bench-toolchain times every step, says which are missing, leaves the tree alone" {
	local p=$BATS_TEST_TMPDIR/proj
	mkdir -p "$p/man2" "$p/build"
	echo keep >"$p/build/mine"
	printf '.TH A 2\n' >"$p/man2/a.2"
	printf '%s\n' 'all: compare' 'extract: build/a.c' 'build/a.c: man2/a.2' \
		'	mkdir -p build && cp man2/a.2 $@' 'compile: build/a.o' \
		'build/a.o: build/a.c' '	cp build/a.c $@' 'run: compile' \
		'compare: run' 'clean:' '	rm -rf build' >"$p/Makefile"
	BENCH_SRC=$p BENCH_REPS=1 run bench-toolchain "$BATS_TEST_TMPDIR/out"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"(1 pages, 0 example programs)"* ]]
	[[ "$output" == *"make after touching man2/a.2"* ]]
	[[ "$(grep '^make lint-pages' <<<"$output")" == *"n/a (no such target)"*"n/a (no such target)"* ]]
	[ "$(awk -F '\t' '!/^#/ { printf "%s/%s/%s ", $1, $2, $8 }' "$BATS_TEST_TMPDIR/out/toolchain.tsv")" = \
		"cold/1/ok noop/1/ok touch/1/ok extract/1/ok compile/1/ok run/1/ok compare/1/ok lint-pages/1/missing cold/2/ok noop/2/ok touch/2/ok extract/2/ok compile/2/ok run/2/ok compare/2/ok lint-pages/2/missing " ]
	[ "$(cat "$p/build/mine")" = keep ]
	[ ! -e "$p/build/a.c" ]
}

@test "bench-toolchain prints the median, the fastest and the slowest of the repetitions" {
	local p=$BATS_TEST_TMPDIR/proj
	mkdir -p "$p/man2"
	printf '.TH A 2\n' >"$p/man2/a.2"
	# Each make sleeps a tenth of a second longer than the one before it.
	local n=$BATS_TEST_TMPDIR/count
	printf '%s\n' 'all:' \
		"	@n=\$\$(cat $n 2>/dev/null || echo 0); n=\$\$((n + 1)); echo \$\$n >$n; sleep 0.\$\$n" \
		'clean:' '	@:' >"$p/Makefile"
	BENCH_SRC=$p BENCH_REPS=3 BENCH_STEPS=extract run bench-toolchain "$BATS_TEST_TMPDIR/out"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"median of 3"* ]]
	awk -F '\t' '$1 == "cold" && $2 == 1 { exit !($4 < $3 && $3 < $5 && $7 == 3) }' \
		"$BATS_TEST_TMPDIR/out/toolchain.tsv"
	[[ "$(grep '^cold make' <<<"$output")" == *" s ("*"-"*")"* ]]
}

@test "bench-toolchain reports a failing make as failed, with make's error" {
	local p=$BATS_TEST_TMPDIR/proj
	mkdir -p "$p"
	printf 'all: lint\nclean:\n\t@:\n' >"$p/Makefile"
	BENCH_SRC=$p BENCH_REPS=1 run bench-toolchain "$BATS_TEST_TMPDIR/out"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$(grep '^cold make' <<<"$output")" == *"(failed)"* ]]
	[[ "$output" == *"-j1 cold: make exited with status 2: make: *** No rule to make target 'lint', needed by 'all'.  Stop."* ]]
}
