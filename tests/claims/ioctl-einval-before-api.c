/*
 * ioctl-einval-before-api: every operation but UFFDIO_API fails with
 * EINVAL before the UFFDIO_API handshake.  The same well-formed calls
 * after a handshake, on a second descriptor, do not fail with EINVAL
 * (they succeed, or find no registered mapping: ENOENT), so that the
 * EINVAL is the handshake's doing, not the arguments'.
 */
#include "ioctl.h"

/* The nine operations, each with an argument that is well formed. */
struct op {
	unsigned long  op;
	const char     *name;
	uint64_t       feature;         /* 0, or the bit that offers it */
	union {
		struct uffdio_register     reg;
		struct uffdio_range        range;
		struct uffdio_copy         copy;
		struct uffdio_zeropage     zeropage;
		struct uffdio_writeprotect wp;
		struct uffdio_continue     cont;
		struct uffdio_poison       poison;
		struct uffdio_move         move;
	} arg;
};

/* REG is registered by the first operation; SRC is a present page that
   UFFDIO_MOVE moves there; FREE is mapped but never registered. */
static void
fill(struct op *ops, const char *reg, const char *src, const char *free_page)
{
	size_t               pg = page_size();
	struct uffdio_range  r = { .start = (uintptr_t) free_page, .len = pg };

	ops[0] = (struct op) { UFFDIO_REGISTER, "UFFDIO_REGISTER", 0,
		.arg.reg = { .range = { (uintptr_t) reg, pg },
			     .mode = UFFDIO_REGISTER_MODE_MISSING } };
	ops[1] = (struct op) { UFFDIO_MOVE, "UFFDIO_MOVE", UFFD_FEATURE_MOVE,
		.arg.move = { .dst = (uintptr_t) reg, .src = (uintptr_t) src,
			      .len = pg } };
	ops[2] = (struct op) { UFFDIO_COPY, "UFFDIO_COPY", 0,
		.arg.copy = { .dst = r.start, .src = (uintptr_t) src,
			      .len = pg } };
	ops[3] = (struct op) { UFFDIO_ZEROPAGE, "UFFDIO_ZEROPAGE", 0,
		.arg.zeropage = { .range = r } };
	ops[4] = (struct op) { UFFDIO_WRITEPROTECT, "UFFDIO_WRITEPROTECT", 0,
		.arg.wp = { .range = r, .mode = UFFDIO_WRITEPROTECT_MODE_WP } };
	ops[5] = (struct op) { UFFDIO_CONTINUE, "UFFDIO_CONTINUE", 0,
		.arg.cont = { .range = r } };
	ops[6] = (struct op) { UFFDIO_POISON, "UFFDIO_POISON",
		UFFD_FEATURE_POISON, .arg.poison = { .range = r } };
	ops[7] = (struct op) { UFFDIO_WAKE, "UFFDIO_WAKE", 0,
		.arg.range = { (uintptr_t) reg, pg } };
	ops[8] = (struct op) { UFFDIO_UNREGISTER, "UFFDIO_UNREGISTER", 0,
		.arg.range = { (uintptr_t) reg, pg } };
}

int
main(void)
{
	int        before, after, r;
	char       *a;
	size_t     pg = page_size();
	uint64_t   offered = offered_features();
	struct op  ops[9];

	a = map_anon(3);
	a[pg] = 's';

	before = open_uffd(0);
	fill(ops, a, a + pg, a + 2 * pg);
	for (size_t i = 0; i < 9; i++)
		EXPECT(before, ops[i].op, &ops[i].arg, EINVAL, ops[i].name);

	after = new_uffd(0);
	fill(ops, a, a + pg, a + 2 * pg);
	for (size_t i = 0; i < 9; i++) {
		if (ops[i].feature != 0 && !(offered & ops[i].feature))
			continue;       /* an unknown request: EINVAL anyway */
		r = ioctl(after, ops[i].op, &ops[i].arg);
		if (r == -1 && errno == EINVAL)
			untestable("%s fails with EINVAL after the handshake "
				   "too: the arguments are at fault", ops[i].name);
	}
	holds("all nine operations failed with EINVAL before UFFDIO_API, "
	      "and not after it");
}
