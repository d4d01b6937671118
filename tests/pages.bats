#!/usr/bin/env bats
# The pages agree with each other: the versions ("since Linux X.Y", the
# SINCE annotations, the tables' Linux column) and the bits (the tables'
# Bit and Number columns, the programs' fallback #defines) that they
# state, and the references between the operations' pages.

load helper

PF=$ROOT/tests/fixtures/facts

# page_facts PAGE...: one line per stated fact, tab-separated:
#   NAME KIND ARCH VALUE PAGE:LINE SOURCE
# KIND is "version" (SOURCE: "since", a SINCE annotation; "tag", a tag
# ".BR NAME " (since Linux X.Y)""; "table", a table row NAME BIT X.Y) or
# "bit" (a table row, or "define", a program's "#define NAME (1 << N)");
# ARCH is that of a SINCE annotation, or "-".
page_facts() {
	awk '
		function fact(name, kind, arch, value, source) {
			printf "%s\t%s\t%s\t%s\t%s:%d\t%s\n", name, kind, arch, value, FILENAME, FNR, source
		}
		FNR == 1 { intable = 0 }
		/^\.TS/ { intable = 1; next }
		/^\.TE/ { intable = 0; next }
		/^\.\\" SINCE / {
			n = split($0, w, " ")
			fact(w[3], "version", n >= 5 ? w[5] : "-", w[4], "since")
			next
		}
		intable {
			n = split($0, c, "\t")
			if (n >= 2 && c[1] ~ /^UFFD[A-Z0-9_]*$/ && c[2] ~ /^[0-9]+$/)
				fact(c[1], "bit", "-", c[2], "table")
			if (n >= 3 && c[1] ~ /^UFFD[A-Z0-9_]*$/ && c[3] ~ /^[0-9]+\.[0-9]+$/)
				fact(c[1], "version", "-", c[3], "table")
			next
		}
		/^\.BR? / && /\(since Linux [0-9]+\.[0-9]+\)/ {
			name = $2
			gsub(/"/, "", name)
			v = $0
			sub(/.*\(since Linux /, "", v)
			sub(/\).*/, "", v)
			if (name ~ /^[A-Z][A-Z0-9_]*$/)
				fact(name, "version", "-", v, "tag")
			next
		}
		/^#define[ \t]+UFFD[A-Z0-9_]*[ \t]/ && /1 << [0-9]+\)/ {
			v = $0
			sub(/.*1 << /, "", v)
			sub(/\).*/, "", v)
			fact($2, "bit", "-", v, "define")
		}' "$@"
}

# contradictions: the facts on stdin that disagree with an earlier one
# about the same name, kind and architecture; fails if there is one.
contradictions() {
	awk -F '\t' '
		{
			key = $1 SUBSEP $2 SUBSEP $3
			if (!(key in value)) {
				value[key] = $4
				where[key] = $5
			} else if (value[key] != $4) {
				printf "%s: %s %s %s, but %s %s at %s\n", $5, $1, $2, $4, $2, value[key], where[key]
				bad = 1
			}
		}
		END { exit bad }'
}

@test "the pages state no contradicting versions or bits" {
	page_facts "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const >"$BATS_TEST_TMPDIR/facts"
	run contradictions <"$BATS_TEST_TMPDIR/facts"
	echo "$output"
	[ "$status" -eq 0 ]
	# What is compared: every SINCE annotation, the tags, the features'
	# and the operations' tables, the programs' bits.
	[ "$(cat "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const | grep -c '^\.\\" SINCE ')" -eq \
	  "$(grep -c '	since$' "$BATS_TEST_TMPDIR/facts")" ]
	grep -q '	tag$' "$BATS_TEST_TMPDIR/facts"
	grep -q '	define$' "$BATS_TEST_TMPDIR/facts"
	for op in API REGISTER UNREGISTER WAKE COPY ZEROPAGE MOVE WRITEPROTECT CONTINUE POISON; do
		grep -q "^UFFDIO_$op	version	-	" "$BATS_TEST_TMPDIR/facts"
		grep -q "^UFFDIO_$op	bit	-	" "$BATS_TEST_TMPDIR/facts"
	done
	[ "$(grep -c '^UFFD_FEATURE_[A-Z_]*	bit	' "$BATS_TEST_TMPDIR/facts")" -ge 17 ]
}

@test "a version that one page states and another contradicts fails, naming both" {
	page_facts "$PF/one.2" "$PF/two.2const" >"$BATS_TEST_TMPDIR/facts"
	run contradictions <"$BATS_TEST_TMPDIR/facts"
	echo "$output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"$PF/two.2const:6: UFFD_FEATURE_PAGEFAULT_FLAG_WP version 5.10, but version 5.7 at $PF/one.2:5"* ]]
}

@test "a bit that a program defines otherwise than a table fails" {
	page_facts "$PF/one.2" "$PF/two.2const" >"$BATS_TEST_TMPDIR/facts"
	run contradictions <"$BATS_TEST_TMPDIR/facts"
	[ "$status" -eq 1 ]
	[[ "$output" == *"$PF/two.2const:13: UFFD_FEATURE_WP_ASYNC bit 14, but bit 15 at $PF/one.2:16"* ]]
}

@test "a SINCE for one architecture is no contradiction of the general one" {
	page_facts "$PF/one.2" "$PF/three.2const" >"$BATS_TEST_TMPDIR/facts"
	grep -q "^UFFDIO_MOVE	version	arm64	6.8	" "$BATS_TEST_TMPDIR/facts"
	grep -q "^UFFDIO_MOVE	version	-	6.9	" "$BATS_TEST_TMPDIR/facts"
	run contradictions <"$BATS_TEST_TMPDIR/facts"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "every operation's page is referenced by the overview, and every reference has its page" {
	local page name n=0
	for page in "$ROOT"/man2const/*.2const; do
		[ -e "$page" ] || continue
		name=${page##*/}
		name=${name%.2const}
		grep -q "^\.BR $name (2const)" "$ROOT/man2/ioctl_userfaultfd.2"
		n=$((n + 1))
	done
	[ "$n" -eq 10 ]
	# The other way: each UFFDIO_X(2const) a page cites exists.
	cat "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const |
		sed -n 's/^\.BR \(UFFDIO_[A-Z_]*\) (2const).*/\1/p' | sort -u >"$BATS_TEST_TMPDIR/cited"
	[ -s "$BATS_TEST_TMPDIR/cited" ]
	while read -r name; do
		echo "$name(2const)"
		[ -f "$ROOT/man2const/$name.2const" ]
	done <"$BATS_TEST_TMPDIR/cited"
}

@test "the programs are indented with spaces, as man-pages asks" {
	local page n=0
	for page in "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const; do
		# Tabs between SRC BEGIN and SRC END, with their lines.
		run awk '/^\.\\" SRC BEGIN/ { src = 1 } /^\.\\" SRC END/ { src = 0 }
			src && /\t/ { print FILENAME ":" FNR ": a tab in a program" }' "$page"
		echo "$output"
		[ -z "$output" ]
		grep -q '^\.\\" SRC BEGIN' "$page" && n=$((n + 1))
	done
	[ "$n" -ge 4 ]
}

@test "the prose calls an ioctl an operation, not a request" {
	run awk '/^\.EX/ { ex = 1 } /^\.EE/ { ex = 0 }
		!ex && !/^\.\\"/ && /(^|[^A-Za-z])[Rr]equests?([^A-Za-z]|$)/ {
			print FILENAME ":" FNR ": " $0
		}' "$ROOT"/man2/*.2 "$ROOT"/man2const/*.2const
	echo "$output"
	[ -z "$output" ]
}
