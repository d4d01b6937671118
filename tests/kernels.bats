#!/usr/bin/env bats
# The kernel matrix: kernel-since, kernel-results, kernel-matrix, kernels,
# kernel-helper, kernel-cc, kernel-initramfs, kernel-guest, kernel-boot.
# The tests that boot a kernel skip, with the reason, when QEMU or a
# kernel (cached, or fetched from Debian) is missing.

# bats sets stderr and stderr_lines (run --separate-stderr):
# shellcheck disable=SC2154
bats_require_minimum_version 1.5.0
load helper

KFIX=$ROOT/tests/fixtures/kernels

# A tree as scripts/kernels/initramfs.sh makes it, enough for kernel-results:
# the sessions hello, wrong (the same session, run with another output)
# and future; the claims as-nobody, contradicted, holds, slow, untestable.
results_tree() {
	local t=$BATS_TEST_TMPDIR/root/uffd
	mkdir -p "$t/sessions/matrix.2" "$t/claims/bin"
	cp "$KFIX/hello.run" "$t/sessions/matrix.2/hello.run"
	cp "$KFIX/hello.run" "$t/sessions/matrix.2/wrong.run"
	printf '%s\n' 'page tests/fixtures/kernels/matrix.2' 'program future' 'line 30' \
		'needs UFFD_FEATURE_FROM_THE_FUTURE' 'timeout 10' 'status 0' \
		'cmd 33 ./future' 'out 34 from the future' >"$t/sessions/matrix.2/future.run"
	for c in as-nobody contradicted holds slow untestable; do
		: >"$t/claims/bin/$c"
	done
}

# field KDIR ITEM N: the Nth tab-separated field of ITEM's result.
field() {
	awk -F '\t' -v item="$2" -v n="$3" '$1 == item { print $n; exit }' "$1/results.txt"
}

# A static probe, helper and page reader, built once per file.
static_tools() {
	if [ ! -x "$BATS_FILE_TMPDIR/probe" ]; then
		kernel-cc "$BATS_FILE_TMPDIR/probe" "$ROOT/scripts/run/probe.c" -O2 -Wall -Wextra -Werror
		kernel-cc "$BATS_FILE_TMPDIR/helper" "$ROOT/scripts/kernels/helper.c" -O2 -Wall -Wextra -Werror
		"$ROOT/scripts/page/build.sh" "$BATS_FILE_TMPDIR/page-static" -static
	fi
}

# The fixture page's sessions and the fixture claims, built static, in an
# initramfs; its tree is $BATS_TEST_TMPDIR/tree.  Skips without the
# static busybox and bash.
fixture_initramfs() {
	local b=$BATS_TEST_TMPDIR items=""
	[ -f /bin/busybox ] || skip "busybox-static is not installed"
	[ -f /bin/bash-static ] || skip "bash-static is not installed"
	static_tools
	extract "$KFIX/matrix.2" "$b/matrix.2" >/dev/null
	for p in hello future; do
		kernel-cc "$b/bin/$p" "$b/matrix.2/$p.c" -O2 -Wall -Werror
		items="$items $b/matrix.2/$p.run=$b/bin/$p"
	done
	for c in "$KFIX"/claims/*.c; do
		kernel-cc "$b/claims/$(basename "$c" .c)" "$c" -O2 -Wall -Werror
		items="$items $c=$b/claims/$(basename "$c" .c)"
	done
	# shellcheck disable=SC2086 # one word per item
	kernel-initramfs "$@" "$b/tree" "$b/initramfs.cpio" "$BATS_FILE_TMPDIR/probe" \
		"$BATS_FILE_TMPDIR/helper" "$BATS_FILE_TMPDIR/page-static" $items
}

# A Debian kernel to boot: sets VMLINUZ, or skips with the reason.
need_kernel() {
	command -v qemu-system-x86_64 >/dev/null 2>&1 ||
		skip "qemu-system-x86_64 is missing (install qemu-system-x86)"
	local cache=${KERNELS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/uffd-man/kernels} dir
	dir=$(kernel-fetch 6.1 "$cache") || skip "no Linux 6.1 to boot: $dir"
	VMLINUZ=$dir/vmlinuz
}

@test "since: annotations that agree with their text are accepted, silently" {
	run kernel-since "$KFIX/since-good.2" "$KFIX/since-contradiction.2"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "since: each annotation holds on 6.1 and 6.12, before and after its version" {
	for p in 6.1 6.12; do
		run kernel-since -p "$KFIX/probe-$p.txt" "$KFIX/since-good.2"
		echo "$output"
		[ "$status" -eq 0 ]
		[ "${#lines[@]}" -eq 6 ]
		[ "$(printf '%s\n' "$output" | grep -c "	PASS	")" -eq 6 ]
	done
	run kernel-since -p "$KFIX/probe-6.1.txt" "$KFIX/since-good.2"
	[[ "$output" == *"since $KFIX/since-good.2:24 UFFDIO_MOVE 6.8	PASS	absent before 6.8"* ]]
	run kernel-since -p "$KFIX/probe-6.12.txt" "$KFIX/since-good.2"
	[[ "$output" == *"since $KFIX/since-good.2:24 UFFDIO_MOVE 6.8	PASS	present since 6.8"* ]]
}

@test "since: a contradiction fails, naming the page and line, either way" {
	run kernel-since -p "$KFIX/probe-6.1.txt" "$KFIX/since-contradiction.2"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == *"	PASS	"* ]]
	[ "${lines[1]}" = "since $KFIX/since-contradiction.2:9 UFFD_FEATURE_EXACT_ADDRESS 6.2	FAIL	$KFIX/since-contradiction.2:9: Linux 6.1.0-57-cloud-amd64 (amd64) reports UFFD_FEATURE_EXACT_ADDRESS, which the page says came in Linux 6.2" ]
	[ "${lines[2]}" = "since $KFIX/since-contradiction.2:13 UFFD_FEATURE_POISON 6.1	FAIL	$KFIX/since-contradiction.2:13: Linux 6.1.0-57-cloud-amd64 (amd64) does not report UFFD_FEATURE_POISON, which the page says is there since Linux 6.1" ]
}

@test "since: ARCH's own annotation holds on ARCH, one without ARCH elsewhere; each names the other" {
	# amd64's 6.1: the plain annotation holds; arm64's is not its business.
	run kernel-since -a amd64 -p "$KFIX/probe-6.1.txt" "$KFIX/since-arch.2"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "since $KFIX/since-arch.2:5 UFFD_FEATURE_PAGEFAULT_FLAG_WP 5.7	PASS	present since 5.7" ]
	[ "${lines[1]}" = "since $KFIX/since-arch.2:6 UFFD_FEATURE_PAGEFAULT_FLAG_WP 6.10 arm64	SKIP	about arm64, and this kernel is amd64" ]
	[ "${lines[2]}" = "since $KFIX/since-arch.2:10 UFFD_FEATURE_EVENT_FORK 4.11	PASS	present since 4.11" ]
	# arm64's 6.1, without write-protect mode: arm64's own holds, and the
	# plain one, which would fail there, does not apply.
	run kernel-since -a arm64 -p "$KFIX/probe-arm64-6.1.txt" "$KFIX/since-arch.2"
	echo "$output"
	[ "${lines[0]}" = "since $KFIX/since-arch.2:5 UFFD_FEATURE_PAGEFAULT_FLAG_WP 5.7	SKIP	arm64 has its own, at $KFIX/since-arch.2:6" ]
	[ "${lines[1]}" = "since $KFIX/since-arch.2:6 UFFD_FEATURE_PAGEFAULT_FLAG_WP 6.10 arm64	PASS	absent before 6.10 on arm64" ]
	[ "${lines[2]}" = "since $KFIX/since-arch.2:10 UFFD_FEATURE_EVENT_FORK 4.11	PASS	present since 4.11" ]
	# An arm64 6.1 that did offer it contradicts arm64's annotation.
	run kernel-since -a arm64 -p "$KFIX/probe-6.1.txt" "$KFIX/since-arch.2"
	[ "${lines[1]}" = "since $KFIX/since-arch.2:6 UFFD_FEATURE_PAGEFAULT_FLAG_WP 6.10 arm64	FAIL	$KFIX/since-arch.2:6: Linux 6.1.0-57-cloud-amd64 (arm64) reports UFFD_FEATURE_PAGEFAULT_FLAG_WP, which the page says came in Linux 6.10 on arm64" ]
}

@test "since: an annotation whose version the text does not say is an error at its line" {
	run --separate-stderr kernel-since -p "$KFIX/probe-6.1.txt" "$KFIX/since-drift.2"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "${stderr_lines[0]}" = "$KFIX/since-drift.2:5: SINCE UFFD_FEATURE_WP_ASYNC 6.7: the 4 lines of text that follow do not say 6.7" ]
	[ "${stderr_lines[1]}" = "$KFIX/since-drift.2:10: SINCE UFFDIO_MOVE 6.8: the 4 lines of text that follow do not say 6.8" ]
}

@test "since: a malformed annotation is an error at its line, and nothing is printed" {
	run --separate-stderr kernel-since -p "$KFIX/probe-6.1.txt" "$KFIX/since-good.2" "$KFIX/since-malformed.2"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "${#stderr_lines[@]}" -eq 3 ]
	[ "${stderr_lines[0]}" = "$KFIX/since-malformed.2:5: expected .\\\" SINCE NAME X.Y [ARCH]" ]
	[ "${stderr_lines[1]}" = "$KFIX/since-malformed.2:7: SINCE UFFDIO_MOVE six.eight: not a version X.Y" ]
	[ "${stderr_lines[2]}" = "$KFIX/since-malformed.2:9: SINCE UFFDIO_MOVE 6.8 extra: not an architecture (amd64, arm64, ...)" ]
}

@test "results: what a finished guest printed becomes PASS, FAIL and SKIP, nothing guessed" {
	results_tree
	k=$BATS_TEST_TMPDIR/k
	mkdir -p "$k"
	cp "$KFIX/finished.log" "$k/results.log"
	printf 'status finished\naccel tcg\nseconds 3.2\nlimit 120\n' >"$k/boot.txt"
	run kernel-results "$k" "$BATS_TEST_TMPDIR/root"
	echo "$output"
	[ "$status" -eq 0 ]
	cat "$k/results.txt"
	[ "$(field "$k" boot 2)" = PASS ]
	[ "$(field "$k" boot 3)" = "finished in 3.2 s (tcg)" ]
	[ "$(field "$k" probe 2)" = PASS ]
	[ "$(head -n 1 "$k/probe.txt")" = "release 6.1.0-99-cloud-amd64" ]
	[ "$(field "$k" "example matrix.2/hello" 2)" = PASS ]
	[ "$(field "$k" "example matrix.2/wrong" 2)" = FAIL ]
	[ "$(field "$k" "example matrix.2/wrong" 3)" = "tests/fixtures/kernels/matrix.2:13: output differs from the page" ]
	grep -q '^	.*+hello, host' "$k/results.txt"
	[ "$(field "$k" "example matrix.2/future" 2)" = SKIP ]
	[ "$(field "$k" "example matrix.2/future" 3)" = "needs UFFD_FEATURE_FROM_THE_FUTURE, which Linux 6.1.0-99-cloud-amd64 lacks" ]
	[ "$(field "$k" "claim as-nobody" 2)" = PASS ]
	[ "$(field "$k" "claim holds" 2)" = PASS ]
	[ "$(field "$k" "claim contradicted" 2)" = FAIL ]
	[ "$(field "$k" "claim contradicted" 3)" = "saw something else" ]
	[ "$(field "$k" "claim slow" 2)" = FAIL ]
	[ "$(field "$k" "claim slow" 3)" = "timed out after 10 s" ]
	[ "$(field "$k" "claim untestable" 2)" = SKIP ]
	[ "$(field "$k" "claim untestable" 3)" = "needs a machine that does not exist" ]
}

@test "results: a hung guest fails the item it hung in, and the rest are not run" {
	results_tree
	k=$BATS_TEST_TMPDIR/k
	mkdir -p "$k"
	cp "$KFIX/hung.log" "$k/results.log"
	printf 'status hung\naccel tcg\nseconds 120.0\nlimit 120\ndetail killed after 120 s\n' >"$k/boot.txt"
	run kernel-results "$k" "$BATS_TEST_TMPDIR/root"
	[ "$status" -eq 0 ]
	cat "$k/results.txt"
	[ "$(field "$k" boot 2)" = FAIL ]
	[ "$(field "$k" boot 3)" = "hung: killed after 120 s, during run contradicted" ]
	[ "$(field "$k" "example matrix.2/hello" 2)" = PASS ]
	[ "$(field "$k" "claim contradicted" 2)" = FAIL ]
	[ "$(field "$k" "claim contradicted" 3)" = "never finished: the guest hung in it (killed after 120 s)" ]
	[ "$(field "$k" "claim holds" 2)" = SKIP ]
	[ "$(field "$k" "claim holds" 3)" = "not run: the guest hung during run contradicted before it" ]
	[ "$(field "$k" "example matrix.2/future" 2)" = SKIP ]
}

@test "matrix: the table, matrix.txt and the summary; a skip is never a pass" {
	results_tree
	for k in a b; do
		mkdir -p "$BATS_TEST_TMPDIR/$k"
	done
	cp "$KFIX/finished.log" "$BATS_TEST_TMPDIR/a/results.log"
	printf 'status finished\naccel tcg\nseconds 3.2\nlimit 120\n' >"$BATS_TEST_TMPDIR/a/boot.txt"
	kernel-results "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/root"
	echo 6.1.0-99-cloud-amd64 >"$BATS_TEST_TMPDIR/a/kernel"
	printf 'boot\tSKIP\tqemu-system-x86_64 is missing (install qemu-system-x86)\n' >"$BATS_TEST_TMPDIR/b/results.txt"
	echo 6.12 >"$BATS_TEST_TMPDIR/b/kernel"
	run kernel-matrix "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	echo "$output"
	[ "$status" -eq 1 ]
	[ "${lines[-1]}" = "5 passed, 3 failed, 3 skipped" ]
	[[ "$output" == *"PASS claim holds on 6.1.0-99-cloud-amd64"* ]]
	[[ "$output" == *"FAIL claim contradicted on 6.1.0-99-cloud-amd64: saw something else"* ]]
	[[ "$output" == *"SKIP boot on 6.12: qemu-system-x86_64 is missing (install qemu-system-x86)"* ]]
	m=$BATS_TEST_TMPDIR/out/matrix.txt
	[ "$(head -n 1 "$m")" = "# kernel	item	result	reason" ]
	grep -qx '6.1.0-99-cloud-amd64	claim untestable	SKIP	needs a machine that does not exist' "$m"
	grep -qx '6.12	boot	SKIP	qemu-system-x86_64 is missing (install qemu-system-x86)' "$m"
	[ "$(grep -c '	PASS	' "$m")" -eq 5 ]
	# The table: a row per item, a column per kernel, notes for the reasons.
	t=$BATS_TEST_TMPDIR/out/matrix.table
	grep -Eq '^item +6\.1\.0-99-cloud-amd64 +6\.12$' "$t"
	grep -Eq '^claim untestable +SKIP [0-9]+ +-$' "$t"
	grep -Eq '^boot +PASS +SKIP [0-9]+$' "$t"
	grep -Eq '^[0-9]+: needs a machine that does not exist$' "$t"
	# The cells (a kernel without its cell file is "- KERNEL"), and the
	# summary for the cover letter.
	c=$BATS_TEST_TMPDIR/out/cells.txt
	[ "$(cat "$c")" = "$(printf '# kernel\tarch\tcell\tboot\treason\n6.1.0-99-cloud-amd64\t-\t6.1.0-99-cloud-amd64\tPASS\tfinished in 3.2 s (tcg)\n6.12\t-\t6.12\tSKIP\tqemu-system-x86_64 is missing (install qemu-system-x86)')" ]
	echo "amd64 6.12" >"$BATS_TEST_TMPDIR/b/cell"
	echo "amd64 6.1" >"$BATS_TEST_TMPDIR/a/cell"
	run kernel-matrix "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	cat "$BATS_TEST_TMPDIR/out/summary.txt"
	sm=$BATS_TEST_TMPDIR/out/summary.txt
	[ "$(sed -n 1p "$sm")" = "Kernel matrix: 2 cells" ]
	grep -Eqx '  amd64 6.1 +6.1.0-99-cloud-amd64 +5 passed, 3 failed, 2 skipped' "$sm"
	grep -Eqx '  amd64 6.12 +6.12 +SKIP: qemu-system-x86_64 is missing \(install qemu-system-x86\)' "$sm"
	grep -qx 'Architectures: amd64' "$sm"
	grep -qx 'Cells that ran: 1 of 2' "$sm"
	grep -qx 'Total: 5 passed, 3 failed, 3 skipped' "$sm"
}

@test "matrix: a malformed results file is an error at its line, and nothing is written" {
	mkdir -p "$BATS_TEST_TMPDIR/a"
	echo 6.1 >"$BATS_TEST_TMPDIR/a/kernel"
	printf 'boot\tPASS\tok\nprobe\tMAYBE\t?\n' >"$BATS_TEST_TMPDIR/a/results.txt"
	run --separate-stderr kernel-matrix "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/a"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = "$BATS_TEST_TMPDIR/a/results.txt:2: not a result line" ]
	[ ! -e "$BATS_TEST_TMPDIR/out/matrix.txt" ]
}

@test "kernels: without QEMU each kernel is skipped with the reason, and nothing fails" {
	mkdir -p "$BATS_TEST_TMPDIR/root/uffd"
	: >"$BATS_TEST_TMPDIR/initramfs.cpio"
	KERNELS="6.1 6.12" KERNELS_QEMU=no-such-qemu run kernels -o "$BATS_TEST_TMPDIR/out" \
		"$BATS_TEST_TMPDIR/root" "$BATS_TEST_TMPDIR/initramfs.cpio" "$KFIX/since-good.2"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "SKIP boot on 6.1: no-such-qemu is missing (install qemu-system-x86)" ]
	[ "${lines[1]}" = "SKIP boot on 6.12: no-such-qemu is missing (install qemu-system-x86)" ]
	[ "${lines[-1]}" = "0 passed, 0 failed, 2 skipped" ]
}

@test "kernels: an arm64 cell without its QEMU, or its initramfs, is skipped with the reason" {
	for a in amd64 arm64; do
		mkdir -p "$BATS_TEST_TMPDIR/$a/root/uffd"
		: >"$BATS_TEST_TMPDIR/$a/initramfs.cpio"
	done
	KERNELS="arm64-6.1" KERNELS_QEMU_ARM64=no-such-qemu run kernels -o "$BATS_TEST_TMPDIR/out" \
		-A "$BATS_TEST_TMPDIR/arm64/root,$BATS_TEST_TMPDIR/arm64/initramfs.cpio" \
		"$BATS_TEST_TMPDIR/amd64/root" "$BATS_TEST_TMPDIR/amd64/initramfs.cpio"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "SKIP boot on arm64-6.1: no-such-qemu is missing (install qemu-system-arm)" ]
	[ "$(cat "$BATS_TEST_TMPDIR/out/arm64-6.1/cell")" = "arm64 6.1" ]
	echo "aarch64-linux-gnu-gcc is missing (install gcc-aarch64-linux-gnu)" >"$BATS_TEST_TMPDIR/arm64/root.why"
	rm "$BATS_TEST_TMPDIR/arm64/initramfs.cpio"
	KERNELS="arm64-6.1" run kernels -o "$BATS_TEST_TMPDIR/out" \
		-A "$BATS_TEST_TMPDIR/arm64/root,$BATS_TEST_TMPDIR/arm64/initramfs.cpio" \
		"$BATS_TEST_TMPDIR/amd64/root" "$BATS_TEST_TMPDIR/amd64/initramfs.cpio"
	[ "${lines[0]}" = "SKIP boot on arm64-6.1: cannot build the initramfs: aarch64-linux-gnu-gcc is missing (install gcc-aarch64-linux-gnu)" ]
	KERNELS="arm64-running" run --separate-stderr kernels -o "$BATS_TEST_TMPDIR/out" \
		"$BATS_TEST_TMPDIR/amd64/root" "$BATS_TEST_TMPDIR/amd64/initramfs.cpio"
	[ "$status" -eq 2 ]
	[ "$stderr" = "kernels: KERNELS: arm64-running: the running kernel is amd64's" ]
}

@test "kernels: without the initramfs (a tool missing) the matrix is skipped with the reason" {
	mkdir -p "$BATS_TEST_TMPDIR/root"
	echo "/bin/bash-static is missing (install bash-static)" >"$BATS_TEST_TMPDIR/root.why"
	KERNELS="6.1 running" run kernels -o "$BATS_TEST_TMPDIR/out" \
		"$BATS_TEST_TMPDIR/root" "$BATS_TEST_TMPDIR/none.cpio"
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "SKIP boot on 6.1: cannot build the initramfs: /bin/bash-static is missing (install bash-static)" ]
	[ "${lines[1]}" = "SKIP boot on running: cannot build the initramfs: /bin/bash-static is missing (install bash-static)" ]
}

@test "kernels: an annotation error stops the matrix before anything runs" {
	run --separate-stderr kernels -o "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/root" \
		"$BATS_TEST_TMPDIR/none.cpio" "$KFIX/since-drift.2"
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "$KFIX/since-drift.2:5: "* ]]
	[ ! -e "$BATS_TEST_TMPDIR/out" ]
}

# Fake apt-get and apt-cache in $BATS_TEST_TMPDIR/bin, which log their
# arguments: apt-cache offers a 6.1 kernel of each architecture, apt-get
# has no network.
fake_apt() {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	cat >"$BATS_TEST_TMPDIR/bin/apt-cache" <<-EOF
	#!/bin/sh
	echo "apt-cache \$*" >>"$BATS_TEST_TMPDIR/apt.log"
	while [ \$# -gt 0 ] && [ "\$1" = -o ]; do shift 2; done
	case \$1 in
	search) printf '%s\\n' "linux-image-6.1.0-99-cloud-amd64 - Linux 6.1" "linux-image-6.1.0-99-cloud-arm64 - Linux 6.1" ;;
	show) echo "Version: 6.1.999-1" ;;
	esac
	EOF
	cat >"$BATS_TEST_TMPDIR/bin/apt-get" <<-EOF
	#!/bin/sh
	echo "apt-get \$*" >>"$BATS_TEST_TMPDIR/apt.log"
	echo "E: Failed to fetch: no network" >&2
	exit 100
	EOF
	chmod +x "$BATS_TEST_TMPDIR/bin/apt-cache" "$BATS_TEST_TMPDIR/bin/apt-get"
}

@test "fetch: without network, a kernel is skipped with the reason; a cached one still serves" {
	fake_apt
	export KERNELS_MIRROR=http://mirror.invalid/debian
	PATH=$BATS_TEST_TMPDIR/bin:$PATH run --separate-stderr kernel-fetch 6.1 "$BATS_TEST_TMPDIR/cache"
	echo "$output"
	[ "$status" -eq 77 ]
	[ "$output" = "cannot download linux-image-6.1.0-99-cloud-amd64: E: Failed to fetch: no network" ]
	old=$BATS_TEST_TMPDIR/cache/linux-image-6.1.0-98-cloud-amd64_6.1.998-1
	mkdir -p "$old"
	: >"$old/vmlinuz"
	echo 6.1.0-98-cloud-amd64 >"$old/release"
	PATH=$BATS_TEST_TMPDIR/bin:$PATH run --separate-stderr kernel-fetch 6.1 "$BATS_TEST_TMPDIR/cache"
	[ "$status" -eq 0 ]
	[ "$output" = "$old" ]
	# 6.1 is not 6.12, and amd64's is not arm64's.
	PATH=$BATS_TEST_TMPDIR/bin:$PATH run --separate-stderr kernel-fetch 6.12 "$BATS_TEST_TMPDIR/cache"
	[ "$status" -eq 77 ]
	PATH=$BATS_TEST_TMPDIR/bin:$PATH run --separate-stderr kernel-fetch -a arm64 6.1 "$BATS_TEST_TMPDIR/cache"
	[ "$status" -eq 77 ]
	[ "$output" = "cannot download linux-image-6.1.0-99-cloud-arm64: E: Failed to fetch: no network" ]
}

@test "apt: a private configuration under the cache, never the machine's; the mirror is the machine's" {
	fake_apt
	mkdir -p "$BATS_TEST_TMPDIR/etc/sources.list.d"
	printf '%s\n' 'Types: deb' 'URIs: http://mirror.example/debian' 'Suites: bookworm' '' \
		'Types: deb' 'URIs: http://mirror.example/debian-security' 'Suites: bookworm-security' \
		>"$BATS_TEST_TMPDIR/etc/sources.list.d/debian.sources"
	KERNELS_APT_SOURCES=$BATS_TEST_TMPDIR/etc PATH=$BATS_TEST_TMPDIR/bin:$PATH \
		run --separate-stderr kernel-apt "$BATS_TEST_TMPDIR/cache" apt-cache search x
	[ "$status" -eq 0 ]
	# The failed update says so on stderr, and the command still runs.
	[[ "$stderr" == *"apt-get update of the private lists in $BATS_TEST_TMPDIR/cache/apt failed: E: Failed to fetch: no network"* ]]
	list=$BATS_TEST_TMPDIR/cache/apt/sources.list
	grep -qx 'deb \[arch=amd64,arm64 signed-by=[^]]*\] http://mirror.example/debian bullseye main' "$list"
	grep -qx 'deb \[.*\] http://mirror.example/debian sid main' "$list"
	grep -qx 'deb \[.*\] http://mirror.example/debian-security trixie-security main' "$list"
	# Every call names the private lists and source list, both architectures.
	[ "$(grep -c . "$BATS_TEST_TMPDIR/apt.log")" -eq 2 ]
	while IFS= read -r call; do
		[[ "$call" == *"Dir::Etc::sourcelist=$list "* ]]
		[[ "$call" == *"Dir::Etc::sourceparts=$BATS_TEST_TMPDIR/cache/apt/parts "* ]]
		[[ "$call" == *"Dir::State::Lists=$BATS_TEST_TMPDIR/cache/apt/lists "* ]]
		[[ "$call" == *"Dir::State::status=$BATS_TEST_TMPDIR/cache/apt/status "* ]]
		[[ "$call" == *"APT::Architectures::=amd64 -o APT::Architectures::=arm64 "* ]]
	done <"$BATS_TEST_TMPDIR/apt.log"
	# No mirror in the machine's lists: a skip with the reason.
	rm "$BATS_TEST_TMPDIR/etc/sources.list.d/debian.sources"
	KERNELS_APT_SOURCES=$BATS_TEST_TMPDIR/etc PATH=$BATS_TEST_TMPDIR/bin:$PATH \
		run kernel-apt "$BATS_TEST_TMPDIR/cache2" apt-cache search x
	[ "$status" -eq 77 ]
	[ "$output" = "no Debian mirror in $BATS_TEST_TMPDIR/etc/sources.list*: set KERNELS_MIRROR" ]
}

@test "helper: timeout exits 124 (137 after KILL), else with the program's status" {
	static_tools
	ln -s "$BATS_FILE_TMPDIR/helper" "$BATS_TEST_TMPDIR/timeout"
	SECONDS=0
	run "$BATS_TEST_TMPDIR/timeout" 1 sleep 10
	[ "$status" -eq 124 ]
	run "$BATS_TEST_TMPDIR/timeout" -k 1 1 sh -c 'trap "" TERM; sleep 10'
	[ "$status" -eq 137 ]
	[ "$SECONDS" -lt 6 ]
	run "$BATS_TEST_TMPDIR/timeout" 5 sh -c 'exit 3'
	[ "$status" -eq 3 ]
	run "$BATS_TEST_TMPDIR/timeout" 5 sh -c 'kill -KILL $$'
	[ "$status" -eq 137 ]
}

@test "helper: setpriv runs a program as nobody with the capabilities asked for" {
	[ "$(id -u)" -eq 0 ] || skip "needs root"
	static_tools
	ln -s "$BATS_FILE_TMPDIR/helper" "$BATS_TEST_TMPDIR/setpriv"
	run "$BATS_TEST_TMPDIR/setpriv" --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=+sys_ptrace --ambient-caps=+sys_ptrace sh -c 'id -u; id -G; grep CapEff /proc/self/status'
	echo "$output"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 65534 ]
	[ "${lines[1]}" = 65534 ]
	[ "${lines[2]}" = "CapEff:	0000000000080000" ]
}

@test "cc: a program that does not compile becomes one that fails with the reason" {
	printf 'int main(void) { return undeclared; }\n' >"$BATS_TEST_TMPDIR/bad.c"
	run kernel-cc "$BATS_TEST_TMPDIR/bad" "$BATS_TEST_TMPDIR/bad.c" -Wall
	[ "$status" -eq 0 ]
	run "$BATS_TEST_TMPDIR/bad"
	[ "$status" -eq 1 ]
	[[ "$output" == "$BATS_TEST_TMPDIR/bad.c does not compile as a static program: "*"undeclared"* ]]
}

@test "guest: the tree runs on this kernel, and its markers read back" {
	fixture_initramfs
	k=$BATS_TEST_TMPDIR/k
	mkdir -p "$k"
	run kernel-guest "$BATS_TEST_TMPDIR/tree/uffd"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$k/results.log"
	[ "${lines[-1]}" = "@@uffd-kernel done" ]
	printf 'status finished\naccel none\nseconds 1.0\nlimit 120\n' >"$k/boot.txt"
	kernel-results "$k" "$BATS_TEST_TMPDIR/tree"
	cat "$k/results.txt"
	[ "$(field "$k" probe 2)" = PASS ]
	[ "$(field "$k" "example matrix.2/hello" 2)" = PASS ]
	[ "$(field "$k" "example matrix.2/future" 3)" = "needs UFFD_FEATURE_FROM_THE_FUTURE, which Linux $(uname -r) lacks" ]
	[ "$(field "$k" "claim holds" 2)" = PASS ]
	[ "$(field "$k" "claim contradicted" 2)" = FAIL ]
	[ "$(field "$k" "claim untestable" 2)" = SKIP ]
	if [ "$(id -u)" -eq 0 ]; then
		[ "$(field "$k" "claim as-nobody" 3)" = "running as nobody" ]
	fi
	# Huge pages alone: claims-exec only where they must be reserved.
	free=$(awk '$1 == "HugePages_Free:" { print $2 }' /proc/meminfo)
	if [ "$free" -ge 1 ]; then
		grep -qx '@@uffd-kernel begin run huge-only' "$k/results.log"
	else
		grep -qx '@@uffd-kernel begin claim huge-only' "$k/results.log"
	fi
	grep -qx 'huge-only hugepages=1' "$BATS_TEST_TMPDIR/tree/uffd/claims/context"
}

@test "boot: Linux 6.1 under QEMU runs the probe, the sessions and the claims" {
	need_kernel
	fixture_initramfs
	k=$BATS_TEST_TMPDIR/k
	run kernel-boot -t 60 "$VMLINUZ" "$BATS_TEST_TMPDIR/initramfs.cpio" "$k"
	echo "$output"
	[ "$output" = "status finished" ]
	kernel-results "$k" "$BATS_TEST_TMPDIR/tree"
	cat "$k/results.txt"
	[[ "$(head -n 1 "$k/probe.txt")" == "release 6.1."* ]]
	[ "$(field "$k" boot 2)" = PASS ]
	[ "$(field "$k" "example matrix.2/hello" 2)" = PASS ]
	[ "$(field "$k" "claim holds" 2)" = PASS ]
	[ "$(field "$k" "claim as-nobody" 3)" = "running as nobody" ]
	[ "$(field "$k" "claim untestable" 2)" = SKIP ]
	[ "$(field "$k" "claim contradicted" 2)" = FAIL ]
	# The guest has huge pages from its boot: no claims-exec for this one.
	grep -qx '@@uffd-kernel begin run huge-only' "$k/results.log"
	[ "$(field "$k" "claim huge-only" 3)" = "16 free huge pages" ]
}

@test "boot: a guest that never finishes is killed by the timeout and reported hung" {
	need_kernel
	printf '%s\n' '#!/bin/sh' 'PATH=/bin' 'mount -t devtmpfs devtmpfs /dev' \
		'stty -F /dev/ttyS1 raw -echo' \
		'printf "@@uffd-kernel start x\n@@uffd-kernel begin probe\n" >/dev/ttyS1' \
		'exec sleep 1000' >"$BATS_TEST_TMPDIR/sleepy-init"
	fixture_initramfs -i "$BATS_TEST_TMPDIR/sleepy-init"
	k=$BATS_TEST_TMPDIR/k
	SECONDS=0
	run kernel-boot -t 30 "$VMLINUZ" "$BATS_TEST_TMPDIR/initramfs.cpio" "$k"
	[ "$output" = "status hung" ]
	[ "$SECONDS" -lt 45 ]
	kernel-results "$k" "$BATS_TEST_TMPDIR/tree"
	cat "$k/results.txt"
	[ "$(field "$k" boot 3)" = "hung: killed after 30 s, during probe" ]
	[ "$(field "$k" probe 3)" = "never finished: the guest hung in it (killed after 30 s)" ]
	[ "$(field "$k" "claim holds" 2)" = SKIP ]
}
