# Common set-up of the bats suites: ROOT is the project, FIXTURES the
# fixture pages, and each test works in its own $BATS_TEST_TMPDIR.
ROOT=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
FIXTURES=$ROOT/tests/fixtures/pages
export ROOT FIXTURES

# The page reader, built once per suite: every script that reads a page
# finds it through UFFD_PAGE.
if [ -z "${UFFD_PAGE-}" ] || [ ! -x "$UFFD_PAGE" ]; then
	UFFD_PAGE=$BATS_FILE_TMPDIR/page
	[ -x "$UFFD_PAGE" ] || "$ROOT/scripts/page/build.sh" "$UFFD_PAGE"
fi
export UFFD_PAGE

# The tools by the names the suites call them, wherever their stage keeps them.
deps() { "$ROOT/scripts/deps.sh" "$@"; }
check() { "$ROOT/scripts/check.sh" "$@"; }
page() { "$UFFD_PAGE" "$@"; }
extract() { "$UFFD_PAGE" extract "$@" >/dev/null; }
writeback() { "$UFFD_PAGE" writeback "$@"; }
bless() { "$UFFD_PAGE" bless "$@"; }
roff-escape() { "$UFFD_PAGE" escape "$@"; }
check-examples() { "$ROOT/scripts/page/check-examples.sh" "$@"; }
compile() { "$ROOT/scripts/run/compile.sh" "$@"; }
run-session() { "$ROOT/scripts/run/session.sh" "$@"; }
compare() { "$ROOT/scripts/run/compare.sh" "$@"; }
summary() { "$ROOT/scripts/run/summary.sh" "$@"; }
lint-analyzer() { "$ROOT/scripts/lint/analyzer.sh" "$@"; }
lint-cppcheck() { "$ROOT/scripts/lint/cppcheck.sh" "$@"; }
lint-filter() { "$ROOT/scripts/lint/filter.sh" "$@"; }
lint-groff() { "$ROOT/scripts/lint/groff.sh" "$@"; }
lint-mandoc() { "$ROOT/scripts/lint/mandoc.sh" "$@"; }
lint-shell() { "$ROOT/scripts/lint/shell.sh" "$@"; }
lint-spell() { "$ROOT/scripts/lint/spell.sh" "$@"; }
lint-style() { "$ROOT/scripts/lint/style.sh" "$@"; }
lint-tidy() { "$ROOT/scripts/lint/tidy.sh" "$@"; }
lint-width() { "$ROOT/scripts/lint/width.sh" "$@"; }
render-html() { "$ROOT/scripts/render/html.sh" "$@"; }
render-index() { "$ROOT/scripts/render/index.sh" "$@"; }
render-man() { "$ROOT/scripts/render/man.sh" "$@"; }
render-pdf() { "$ROOT/scripts/render/pdf.sh" "$@"; }
render-verify() { "$ROOT/scripts/render/verify.sh" "$@"; }
render-browser() { "$ROOT/scripts/render/browser.sh" "$@"; }
render-expect() { "$ROOT/scripts/render/expect.sh" "$@"; }
claims-exec() { "$ROOT/scripts/claims/exec.sh" "$@"; }
claims-header() { "$ROOT/scripts/claims/header.sh" "$@"; }
claims-list() { "$UFFD_PAGE" claims "$@"; }
claims-run() { "$ROOT/scripts/claims/run.sh" "$@"; }
claims() { "$ROOT/scripts/claims/claims.sh" "$@"; }
kernel-accel() { "$ROOT/scripts/kernels/accel.sh" "$@"; }
kernel-apt() { "$ROOT/scripts/kernels/apt.sh" "$@"; }
kernel-boot() { "$ROOT/scripts/kernels/boot.sh" "$@"; }
kernel-cc() { "$ROOT/scripts/kernels/cc.sh" "$@"; }
kernel-fetch() { "$ROOT/scripts/kernels/fetch.sh" "$@"; }
kernel-guest() { "$ROOT/scripts/kernels/guest.sh" "$@"; }
kernel-initramfs() { "$ROOT/scripts/kernels/initramfs.sh" "$@"; }
kernel-init() { "$ROOT/scripts/kernels/init.sh" "$@"; }
kernel-matrix() { "$ROOT/scripts/kernels/matrix.sh" "$@"; }
kernel-results() { "$ROOT/scripts/kernels/results.sh" "$@"; }
kernel-since() { "$ROOT/scripts/kernels/since.sh" "$@"; }
kernel-tools() { "$ROOT/scripts/kernels/tools.sh" "$@"; }
kernels() { "$ROOT/scripts/kernels/kernels.sh" "$@"; }
upstream-changes() { "$ROOT/scripts/upstream/changes.sh" "$@"; }
upstream-check() { "$ROOT/scripts/upstream/check.sh" "$@"; }
upstream-cover() { "$ROOT/scripts/upstream/cover.sh" "$@"; }
upstream-render-same() { "$ROOT/scripts/upstream/render-same.sh" "$@"; }
upstream-series() { "$ROOT/scripts/upstream/series.sh" "$@"; }
upstream-strip() { "$ROOT/scripts/upstream/strip.sh" "$@"; }
upstream-steps() { "$ROOT/scripts/upstream/steps.sh" "$@"; }
report-html() { "$ROOT/scripts/report/report.sh" "$@"; }
report-browser() { "$ROOT/scripts/report/browser.sh" "$@"; }
bench-dirty() { "$ROOT/scripts/bench/dirty.sh" "$@"; }
bench-toolchain() { "$ROOT/scripts/bench/toolchain.sh" "$@"; }

# A probe report for this machine, made once per suite.
probe_report() {
	if [ ! -f "$BATS_FILE_TMPDIR/probe.txt" ]; then
		gcc -O2 -o "$BATS_FILE_TMPDIR/probe" "$ROOT/scripts/run/probe.c"
		"$BATS_FILE_TMPDIR/probe" >"$BATS_FILE_TMPDIR/probe.txt"
	fi
	echo "$BATS_FILE_TMPDIR/probe.txt"
}

# pipeline PAGE PROGRAM: extract, compile, run and compare one session of
# a fixture page, the way the Makefile does; $output is compare's report.
pipeline() {
	local dir=$BATS_TEST_TMPDIR/build
	extract "$FIXTURES/$1" "$dir"
	compile gcc "$dir/$2.gcc" "$dir/$2.c" -Wall -Wextra -Werror -pthread
	run-session "$dir/$2.run" "$dir/$2.gcc" "$(probe_report)" "$dir/$2.out"
	run compare "$dir/$2.run" "$dir/$2.out"
}
