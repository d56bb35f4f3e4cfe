/* Unit tests for listview: moving, paging, jumping, keeping the selection
 * in sight and in place while the list changes, grids, and the panel
 * grid geometry. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "listview.h"

static struct listview
list(size_t count, size_t rows, size_t step)
{
	struct listview lv;

	lv_init(&lv);
	lv_set_rows(&lv, rows, step);
	lv_set_count(&lv, count, 0);
	return lv;
}

/* The invariants every operation must keep. */
static void
check(const struct listview *lv)
{
	assert_true(lv->step >= 1);
	assert_int_equal(lv->top % lv->step, 0);
	if (lv->count == 0) {
		assert_int_equal(lv->sel, 0);
		assert_int_equal(lv->top, 0);
		return;
	}
	assert_true(lv->sel < lv->count);
	if (lv->rows >= lv->step) {
		size_t first, end;
		lv_visible_range(lv, &first, &end);
		assert_true(first <= lv->sel && lv->sel < end);
	}
}

static void
test_empty(void **state)
{
	(void)state;
	struct listview lv = list(0, 10, 1);
	size_t first, end;

	lv_move(&lv, 1);
	lv_move(&lv, -1);
	lv_page(&lv, 1);
	lv_end(&lv);
	lv_home(&lv);
	check(&lv);
	lv_visible_range(&lv, &first, &end);
	assert_int_equal(first, 0);
	assert_int_equal(end, 0);
}

static void
test_move(void **state)
{
	(void)state;
	struct listview lv = list(20, 5, 1);

	lv_move(&lv, -1);
	assert_int_equal(lv.sel, 0);
	for (int i = 0; i < 6; i++)
		lv_move(&lv, 1);
	assert_int_equal(lv.sel, 6);
	/* Scrolled just enough: the selection is on the last row. */
	assert_int_equal(lv.top, 2);
	check(&lv);
	lv_move(&lv, 100);
	assert_int_equal(lv.sel, 19);
	assert_int_equal(lv.top, 15);
	lv_move(&lv, 1);
	assert_int_equal(lv.sel, 19);
	lv_move(&lv, -3);
	assert_int_equal(lv.sel, 16);
	assert_int_equal(lv.top, 15);
	lv_move(&lv, -100);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
	check(&lv);
}

static void
test_page_home_end(void **state)
{
	(void)state;
	struct listview lv = list(25, 10, 1);
	size_t first, end;

	lv_page(&lv, 1);
	assert_int_equal(lv.sel, 10);
	assert_int_equal(lv.top, 10);
	lv_page(&lv, 1);
	assert_int_equal(lv.sel, 20);
	assert_int_equal(lv.top, 15); /* never past the end */
	lv_page(&lv, 1);
	assert_int_equal(lv.sel, 24);
	check(&lv);
	lv_page(&lv, -1);
	assert_int_equal(lv.sel, 14);
	assert_int_equal(lv.top, 5);
	lv_page(&lv, -1);
	lv_page(&lv, -1);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
	lv_end(&lv);
	assert_int_equal(lv.sel, 24);
	lv_visible_range(&lv, &first, &end);
	assert_int_equal(first, 15);
	assert_int_equal(end, 25);
	lv_home(&lv);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
	lv_visible_range(&lv, &first, &end);
	assert_int_equal(end, 10);
	/* A short list is all on screen. */
	lv = list(3, 10, 1);
	lv_page(&lv, 1);
	assert_int_equal(lv.sel, 2);
	lv_visible_range(&lv, &first, &end);
	assert_int_equal(first, 0);
	assert_int_equal(end, 3);
}

static void
test_set_rows(void **state)
{
	(void)state;
	struct listview lv = list(50, 20, 1);

	lv_select(&lv, 30);
	assert_int_equal(lv.top, 11);
	/* Shrinking the screen keeps the selection visible. */
	lv_set_rows(&lv, 5, 1);
	check(&lv);
	assert_int_equal(lv.sel, 30);
	assert_int_equal(lv.top, 26);
	/* Growing again scrolls back only as far as the end requires. */
	lv_set_rows(&lv, 40, 1);
	check(&lv);
	assert_int_equal(lv.top, 10);
	/* Zero rows (a tiny terminal) is not a crash. */
	lv_set_rows(&lv, 0, 1);
	lv_move(&lv, 1);
	lv_page(&lv, 1);
	check(&lv);
}

static void
test_set_count_keeps_selection(void **state)
{
	(void)state;
	struct listview lv = list(30, 10, 1);

	lv_select(&lv, 15);
	lv_move(&lv, -5);
	assert_int_equal(lv.sel, 10);
	assert_int_equal(lv.top, 6);
	/* One entry was inserted above: the caller found the selected
	 * entry at 11.  It stays selected and the view does not scroll. */
	lv_set_count(&lv, 31, 11);
	assert_int_equal(lv.sel, 11);
	assert_int_equal(lv.top, 6);
	check(&lv);
	/* Five more above push it past the bottom row: the view scrolls
	 * just enough to keep it in sight. */
	lv_set_count(&lv, 36, 16);
	assert_int_equal(lv.sel, 16);
	assert_int_equal(lv.top, 7);
	check(&lv);
	/* Entries removed above: it moves up on screen, no scrolling. */
	lv_set_count(&lv, 30, 12);
	assert_int_equal(lv.sel, 12);
	assert_int_equal(lv.top, 7);
	/* Above the screen: scrolled back just enough. */
	lv_set_count(&lv, 30, 4);
	assert_int_equal(lv.sel, 4);
	assert_int_equal(lv.top, 4);
	check(&lv);
	/* The top never stays past the end of a shorter list. */
	lv_set_count(&lv, 8, 4);
	assert_int_equal(lv.top, 0);
	/* A shrinking list clamps. */
	lv_set_count(&lv, 5, 9);
	assert_int_equal(lv.sel, 4);
	check(&lv);
	lv_set_count(&lv, 0, 0);
	check(&lv);
	lv_set_count(&lv, 7, 3);
	assert_int_equal(lv.sel, 3);
	check(&lv);
	/* A grid: the top stays on a row boundary. */
	lv = list(20, 6, 3);
	lv_select(&lv, 10);
	assert_int_equal(lv.top, 6);
	lv_set_count(&lv, 22, 11);
	assert_int_equal(lv.top, 6);
	lv_set_count(&lv, 22, 13);
	assert_int_equal(lv.top, 9);
	check(&lv);
}

static void
test_grid(void **state)
{
	(void)state;
	/* 3 panels across, 2 panel rows on screen, 10 panels:
	 *  0 1 2 / 3 4 5 / 6 7 8 / 9 */
	struct listview lv = list(10, 6, 3);

	lv_move(&lv, 2);
	lv_move(&lv, 3);
	assert_int_equal(lv.sel, 5);
	assert_int_equal(lv.top, 0);
	lv_move(&lv, 3);
	assert_int_equal(lv.sel, 8);
	assert_int_equal(lv.top, 3);
	check(&lv);
	/* Down onto the short last row lands on its last panel. */
	lv_move(&lv, 3);
	assert_int_equal(lv.sel, 9);
	assert_int_equal(lv.top, 6);
	/* Down from the last row does nothing. */
	lv_move(&lv, 3);
	assert_int_equal(lv.sel, 9);
	/* Up keeps the column. */
	lv_move(&lv, -3);
	assert_int_equal(lv.sel, 6);
	lv_move(&lv, -1);
	assert_int_equal(lv.sel, 5);
	check(&lv);
	/* Up from the first row does nothing. */
	lv_home(&lv);
	lv_move(&lv, 1);
	lv_move(&lv, -3);
	assert_int_equal(lv.sel, 1);
	lv_page(&lv, 1);
	assert_int_equal(lv.sel, 7);
	assert_int_equal(lv.top, 6);
	check(&lv);
	lv_page(&lv, -1);
	assert_int_equal(lv.sel, 1);
	/* A narrower terminal: two columns; the selection stays. */
	lv_select(&lv, 7);
	lv_set_rows(&lv, 4, 2);
	assert_int_equal(lv.sel, 7);
	check(&lv);
	size_t first, end;
	lv_visible_range(&lv, &first, &end);
	assert_int_equal(first % 2, 0);
	assert_true(end - first <= 4);
	/* Fewer rows than a grid row still shows one grid row. */
	lv_set_rows(&lv, 1, 2);
	check(&lv);
	lv_visible_range(&lv, &first, &end);
	assert_int_equal(end - first, 2);
}

static void
test_grid_layout(void **state)
{
	(void)state;
	struct lv_grid g;

	lv_grid_layout(&g, 120, 38, 50, 7);
	assert_int_equal(g.cols, 2);
	assert_int_equal(g.rows, 5);
	assert_int_equal(g.cell_h, 7);
	assert_int_equal(lv_grid_x(&g, 0), 0);
	assert_int_equal(lv_grid_x(&g, 1), 60);
	assert_int_equal(lv_grid_w(&g, 1), 60);

	lv_grid_layout(&g, 200, 60, 50, 7);
	assert_int_equal(g.cols, 4);
	assert_int_equal(g.rows, 8);
	for (size_t c = 0; c < g.cols; c++)
		assert_int_equal(lv_grid_w(&g, c), 50);

	/* Widths differ by one at most and fill the area exactly. */
	lv_grid_layout(&g, 163, 20, 50, 7);
	assert_int_equal(g.cols, 3);
	size_t sum = 0;
	for (size_t c = 0; c < g.cols; c++) {
		assert_true(lv_grid_w(&g, c) >= 54);
		assert_true(lv_grid_w(&g, c) <= 55);
		sum += lv_grid_w(&g, c);
	}
	assert_int_equal(sum, 163);

	/* Narrow: one column of the whole width. */
	lv_grid_layout(&g, 60, 38, 50, 7);
	assert_int_equal(g.cols, 1);
	assert_int_equal(lv_grid_w(&g, 0), 60);
	lv_grid_layout(&g, 30, 38, 50, 7);
	assert_int_equal(g.cols, 1);
	assert_int_equal(lv_grid_w(&g, 0), 30);

	/* Tiny: panels shrink to the height there is. */
	lv_grid_layout(&g, 20, 3, 50, 7);
	assert_int_equal(g.cols, 1);
	assert_int_equal(g.cell_h, 3);
	assert_int_equal(g.rows, 1);
	lv_grid_layout(&g, 0, 0, 50, 7);
	assert_int_equal(g.cols, 1);
	assert_int_equal(g.rows, 0);
	assert_int_equal(lv_grid_w(&g, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_move),
	    cmocka_unit_test(test_page_home_end),
	    cmocka_unit_test(test_set_rows),
	    cmocka_unit_test(test_set_count_keeps_selection),
	    cmocka_unit_test(test_grid),
	    cmocka_unit_test(test_grid_layout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
