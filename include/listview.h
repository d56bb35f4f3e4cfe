/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_LISTVIEW_H
#define WIREDESK_LISTVIEW_H

#include <stddef.h>

/* The state of a scrolling list or grid: which entry is selected and which
 * is the first one on screen.  Pure data, no terminal: every view of the
 * UI is one of these plus a row formatter.
 *
 * Entries are 0..count-1.  A grid lays entries out row-major, step per
 * row; a plain list has step 1.  rows is the number of entries that fit on
 * screen (for a grid: visible grid rows times step).  Invariants after
 * every call: sel < count (or sel == 0 when count is 0), top is a multiple
 * of step, top <= sel < top + rows (when rows > 0), and top never scrolls
 * past the end further than needed to show the last entries. */
struct listview {
	size_t count, sel, top, rows, step;
};

/* An empty list with step 1 and no rows. */
void lv_init(struct listview *lv);
/* Sets the visible entries and the grid step (0 is taken as 1); keeps the
 * selection and scrolls only as much as needed to keep it visible. */
void lv_set_rows(struct listview *lv, size_t rows, size_t step);
/* Moves the selection by delta entries, clamped to the list (no wrap). */
void lv_move(struct listview *lv, ptrdiff_t delta);
/* Moves a page (rows entries) down (dir > 0) or up (dir < 0), and scrolls
 * the page with it, as less(1) does. */
void lv_page(struct listview *lv, int dir);
void lv_home(struct listview *lv);
void lv_end(struct listview *lv);
/* Selects entry i (clamped) and scrolls as little as possible. */
void lv_select(struct listview *lv, size_t i);
/* The list changed under the view.  count is the new length, and sel the
 * new index of the entry that was selected (the caller finds it by id; a
 * vanished entry passes its old index).  The view does not scroll unless
 * the selection would leave the screen, and then only as far as needed:
 * updates elsewhere never move what the reader looks at. */
void lv_set_count(struct listview *lv, size_t count, size_t sel);
/* The half-open range [*first, *end) of entries on screen. */
void lv_visible_range(const struct listview *lv, size_t *first, size_t *end);

/* Geometry of a grid of equal panels in a width x height area: as many
 * columns as fit at min_w columns each (at least one), panels of height
 * min(cell_h, height) stacked as often as they fit (at least one row when
 * height > 0).  The columns share the width: column i starts at
 * lv_grid_x(g, i) and its width is lv_grid_w(g, i). */
struct lv_grid {
	size_t width, height; /* the area */
	size_t cols, rows;    /* panels across, panel rows on screen */
	size_t cell_h;        /* height of each panel */
};

void lv_grid_layout(struct lv_grid *g, size_t width, size_t height,
    size_t min_w, size_t cell_h);
size_t lv_grid_x(const struct lv_grid *g, size_t col);
size_t lv_grid_w(const struct lv_grid *g, size_t col);

#endif
