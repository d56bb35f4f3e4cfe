/* listview: selection and scroll of a list or a grid of panels.
 *
 * Every view of the dashboard (the board's panels, a cluster's items, the
 * reader's lines, the feeds, the help) is a listview plus a row
 * formatter, so moving, paging and keeping the selection in sight are
 * written and tested once, without a terminal.
 *
 * A grid is a list laid out row-major with step entries per row; top is
 * always the first entry of a grid row, so a panel never changes column
 * when the view scrolls.  fix() restores the invariants stated in the
 * header after every change, so each operation only says what it wants
 * and never how to clamp; and since fix() scrolls only when the
 * selection would leave the screen, a list that changes under the view
 * (lv_set_count) neither moves the selection nor scrolls without need. */
#include "listview.h"

static size_t
rowstart(const struct listview *lv, size_t i)
{
	return i - i % lv->step;
}

/* Visible entries, a whole number of grid rows and at least one. */
static size_t
page(const struct listview *lv)
{
	size_t p = rowstart(lv, lv->rows);

	return p ? p : lv->step;
}

static void
fix(struct listview *lv)
{
	if (lv->step == 0)
		lv->step = 1;
	if (lv->count == 0) {
		lv->sel = lv->top = 0;
		return;
	}
	if (lv->sel >= lv->count)
		lv->sel = lv->count - 1;
	size_t p = page(lv), last = rowstart(lv, lv->count - 1);
	/* The furthest top that still fills the screen. */
	size_t maxtop = last + lv->step > p ? last + lv->step - p : 0;
	lv->top = rowstart(lv, lv->top);
	if (lv->top > maxtop)
		lv->top = maxtop;
	if (lv->sel < lv->top)
		lv->top = rowstart(lv, lv->sel);
	else if (lv->sel >= lv->top + p)
		lv->top = rowstart(lv, lv->sel) + lv->step - p;
}

void
lv_init(struct listview *lv)
{
	lv->count = lv->sel = lv->top = lv->rows = 0;
	lv->step = 1;
}

void
lv_set_rows(struct listview *lv, size_t rows, size_t step)
{
	lv->rows = rows;
	lv->step = step ? step : 1;
	fix(lv);
}

void
lv_move(struct listview *lv, ptrdiff_t delta)
{
	if (lv->count == 0 || delta == 0)
		return;
	size_t last = lv->count - 1;
	if (delta > 0) {
		size_t d = (size_t)delta;
		if (d <= last - lv->sel)
			lv->sel += d;
		else if (rowstart(lv, last) > rowstart(lv, lv->sel))
			lv->sel = last; /* onto a shorter last grid row */
	} else {
		size_t d = (size_t)(-(delta + 1)) + 1;
		if (d <= lv->sel)
			lv->sel -= d;
		else if (rowstart(lv, lv->sel) > 0)
			lv->sel = 0;
	}
	fix(lv);
}

void
lv_page(struct listview *lv, int dir)
{
	size_t p = page(lv);

	if (lv->count == 0)
		return;
	if (dir > 0) {
		size_t last = lv->count - 1;
		lv->sel = p <= last - lv->sel ? lv->sel + p : last;
		lv->top += p;
	} else if (dir < 0) {
		lv->sel = lv->sel >= p ? lv->sel - p : lv->sel % lv->step;
		lv->top = lv->top >= p ? lv->top - p : 0;
	}
	fix(lv);
}

void
lv_home(struct listview *lv)
{
	lv->sel = lv->top = 0;
	fix(lv);
}

void
lv_end(struct listview *lv)
{
	if (lv->count == 0)
		return;
	lv->sel = lv->count - 1;
	fix(lv);
}

void
lv_select(struct listview *lv, size_t i)
{
	lv->sel = i;
	fix(lv);
}

void
lv_set_count(struct listview *lv, size_t count, size_t sel)
{
	lv->count = count;
	lv->sel = count && sel >= count ? count - 1 : sel;
	fix(lv);
}

void
lv_visible_range(const struct listview *lv, size_t *first, size_t *end)
{
	size_t p = lv->rows ? page(lv) : 0;

	*first = lv->top < lv->count ? lv->top : lv->count;
	*end = p < lv->count - *first ? *first + p : lv->count;
}

void
lv_grid_layout(
    struct lv_grid *g, size_t width, size_t height, size_t min_w, size_t cell_h)
{
	g->width = width;
	g->height = height;
	g->cols = min_w && width / min_w > 1 ? width / min_w : 1;
	g->cell_h = cell_h < height ? cell_h : height;
	if (g->cell_h == 0)
		g->cell_h = height ? height : 1;
	g->rows = height / g->cell_h;
}

size_t
lv_grid_x(const struct lv_grid *g, size_t col)
{
	return col * g->width / g->cols;
}

size_t
lv_grid_w(const struct lv_grid *g, size_t col)
{
	return lv_grid_x(g, col + 1) - lv_grid_x(g, col);
}
