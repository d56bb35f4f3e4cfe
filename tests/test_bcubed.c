/* Unit tests for the B-cubed arithmetic that ucieval and test_cluster
 * score clusterings with, on cases worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "bcubed.h"

static void
expect(const uint32_t *gold, const uint32_t *sys, size_t n, double p, double r,
    double f)
{
	struct bcubed b = bcubed_score(gold, sys, n);

	assert_float_equal(b.precision, p, 1e-9);
	assert_float_equal(b.recall, r, 1e-9);
	assert_float_equal(b.f1, f, 1e-9);
}

static void
test_perfect(void **state)
{
	(void)state;
	/* same partition under other names */
	const uint32_t gold[] = {1, 1, 2, 3, 3, 3};
	const uint32_t sys[] = {
	    70, 70, 9, 4000000000u, 4000000000u, 4000000000u};
	expect(gold, sys, 6, 1, 1, 1);
	expect(NULL, NULL, 0, 1, 1, 1);
}

static void
test_extremes(void **state)
{
	(void)state;
	const uint32_t one[] = {5, 5, 5, 5};
	const uint32_t each[] = {1, 2, 3, 4};
	/* all split: every item is its cluster, a quarter of its story */
	expect(one, each, 4, 1, 0.25, 2 * 0.25 / 1.25);
	/* all merged: every item's cluster is a quarter its story */
	expect(each, one, 4, 0.25, 1, 2 * 0.25 / 1.25);
}

static void
test_by_hand(void **state)
{
	(void)state;
	/* gold a a a b b, clusters {a a} {a b b}:
	 * precision 1 1 1/3 2/3 2/3, recall 2/3 2/3 1/3 1 1 */
	const uint32_t gold[] = {1, 1, 1, 2, 2};
	const uint32_t sys[] = {7, 7, 8, 8, 8};
	double p = (1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5;
	double r = (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5;
	expect(gold, sys, 5, p, r, 2 * p * r / (p + r));

	/* a story split in two and two one-offs merged:
	 * gold s s s s x y, clusters {s s} {s s} {x y} */
	const uint32_t gold2[] = {1, 1, 1, 1, 2, 3};
	const uint32_t sys2[] = {1, 1, 2, 2, 3, 3};
	p = (4 * 1.0 + 2 * 0.5) / 6;
	r = (4 * 0.5 + 2 * 1.0) / 6;
	expect(gold2, sys2, 6, p, r, 2 * p * r / (p + r));
}

static void
test_order_free(void **state)
{
	(void)state;
	/* the score does not depend on the order of the items */
	const uint32_t gold[] = {1, 2, 1, 3, 2, 1, 3};
	const uint32_t sys[] = {4, 4, 5, 6, 6, 5, 6};
	const uint32_t gold_r[] = {3, 1, 2, 3, 1, 2, 1};
	const uint32_t sys_r[] = {6, 5, 6, 6, 5, 4, 4};
	struct bcubed a = bcubed_score(gold, sys, 7);
	struct bcubed b = bcubed_score(gold_r, sys_r, 7);
	assert_float_equal(a.precision, b.precision, 1e-12);
	assert_float_equal(a.recall, b.recall, 1e-12);
	assert_true(a.f1 > 0 && a.f1 < 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_perfect),
	    cmocka_unit_test(test_extremes),
	    cmocka_unit_test(test_by_hand),
	    cmocka_unit_test(test_order_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
