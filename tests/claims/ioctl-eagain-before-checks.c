/*
 * ioctl-eagain-before-checks: while a non-cooperative event waits to be
 * read, the operations that change memory fail with EAGAIN before they
 * look at their argument at all: an all-zero structure (a zero-length
 * range at address 0, which is malformed) gets EAGAIN, not EINVAL, and the
 * output field is set to -EAGAIN (since Linux 6.15, 6.14.7 and 6.12.29;
 * left as it was before).  With no event waiting, the same call fails
 * with EINVAL.
 */
#include "ioctl.h"
#include <stddef.h>

struct op {
	unsigned long  req;
	const char     *name;
	size_t         field;   /* offset of the output field; 0: none */
	uint64_t       feature; /* the feature that offers it, 0: always */
};

#define OUT(type, f) offsetof(struct type, f)

/* errno of OP with an all-zero argument, whose output field gets UNTOUCHED
   first; *FIELD gets the field after the call. */
static int
zero_call(int fd, const struct op *op, long long *field)
{
	union {
		struct uffdio_copy          c;
		struct uffdio_zeropage      z;
		struct uffdio_continue      k;
		struct uffdio_poison        p;
		struct uffdio_move          m;
		struct uffdio_writeprotect  w;
	} u;
	long long  v = UNTOUCHED;

	memset(&u, 0, sizeof(u));
	if (op->field)
		memcpy((char *) &u + op->field, &v, sizeof(v));
	if (ioctl(fd, op->req, &u) == 0)
		contradicted("%s with an all-zero argument succeeded", op->name);
	if (op->field)
		memcpy(field, (char *) &u + op->field, sizeof(*field));
	return errno;
}

int
main(void)
{
	int                    fd, err;
	char                   *a;
	long long              field = UNTOUCHED;
	uint64_t               have = offered_features();
	struct pending_event   ev;
	const struct op        ops[] = {
		{ UFFDIO_COPY, "UFFDIO_COPY", OUT(uffdio_copy, copy), 0 },
		{ UFFDIO_ZEROPAGE, "UFFDIO_ZEROPAGE",
		  OUT(uffdio_zeropage, zeropage), 0 },
		{ UFFDIO_WRITEPROTECT, "UFFDIO_WRITEPROTECT", 0,
		  UFFD_FEATURE_PAGEFAULT_FLAG_WP },
		{ UFFDIO_CONTINUE, "UFFDIO_CONTINUE",
		  OUT(uffdio_continue, mapped), UFFD_FEATURE_MINOR_HUGETLBFS },
		{ UFFDIO_POISON, "UFFDIO_POISON", OUT(uffdio_poison, updated),
		  UFFD_FEATURE_POISON },
		{ UFFDIO_MOVE, "UFFDIO_MOVE", OUT(uffdio_move, move),
		  UFFD_FEATURE_MOVE },
	};
	int  skipped = 0;

	fd = new_uffd(UFFD_FEATURE_EVENT_REMOVE);
	a = map_anon(1);
	a[0] = 1;
	do_register(fd, a, page_size(), UFFDIO_REGISTER_MODE_MISSING);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (ops[i].feature && !(have & ops[i].feature)) {
			skipped++;
			continue;
		}
		err = zero_call(fd, &ops[i], &field);
		if (err != EINVAL)
			contradicted("%s with an all-zero argument, no event: %s, "
				     "expected EINVAL", ops[i].name,
				     strerrorname_np(err));
	}
	start_pending_event(&ev, fd, a);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (ops[i].feature && !(have & ops[i].feature))
			continue;
		field = UNTOUCHED;
		err = zero_call(fd, &ops[i], &field);
		if (err != EAGAIN)
			contradicted("%s with an all-zero argument, an event "
				     "pending: %s, expected EAGAIN", ops[i].name,
				     strerrorname_np(err));
		if (ops[i].field)
			EXPECT_FIELD(field, eagain_pending_field(), ops[i].name);
	}
	end_pending_event(&ev);
	if (skipped)
		untestable("EAGAIN before any check for the operations this kernel "
			   "has; %d it lacks", skipped);
	holds("an event pending: EAGAIN (field %lld) before the argument is "
	      "checked, for every operation", eagain_pending_field());
}
