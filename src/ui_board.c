/* ui_board: the board (one panel per cluster, hottest first, in a grid as
 * wide as the terminal) and a cluster's list of items.
 *
 * Both views hold ids only.  On every rebuild they rank or list afresh
 * and then look their selected id up in the new order, so a story the
 * reader picked (moved to, opened, marked) keeps the selection while
 * others rise and fall around it, and the view does not scroll unless
 * the story would leave the screen (lv_set_count): the hottest stay in
 * sight at the top, and the highlight follows its story.  Until the
 * reader picks one, the highlight stays on the hottest story, whichever
 * it is as feeds arrive.  A selected cluster that merged into another is
 * found again through its label item (cluster_of).
 *
 * A panel shows the label, the number of outlets, the age of the newest
 * item, and the newest headlines with a preference for outlets not yet
 * shown, because a panel's point is how many newsrooms carry the story.
 * Items new since start stay marked (TERM_FRESH and a '*') until the
 * cluster is opened; opening marks them seen but this visit still shows
 * which ones were new.
 *
 * Breaking stories (alert.c's rule, at the board's now) come first and
 * say BREAKING in their border; a story a watch term matches has a star
 * and the terms there.  Both are words as well as colours, so they
 * survive NO_COLOR and a monochrome terminal. */
#include "ui_priv.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "store.h"
#include "text.h"

/* Widest outlet column in panels and lists. */
#define OUTLET_MAX_W 16

static unsigned
row_attr(const struct ui *ui, enum term_elem e, int selected)
{
	if (!selected)
		return term_attr(ui->term, e);
	return term_attr(ui->term, TERM_SELECTED) |
	       (e == TERM_FRESH || e == TERM_TITLE ? A_BOLD : 0);
}

static int
cluster_matches(struct ui *ui, const struct cluster_view *cv)
{
	for (size_t i = 0; i < cv->nmembers; i++)
		if (ui_matches_item(ui, cv->members[i]))
			return 1;
	return 0;
}

static const struct cluster_view *
selected_cluster(const struct ui *ui)
{
	const struct ui_board *b = &ui->board;

	if (b->ids.n == 0)
		return NULL;
	return cluster_view(ui->cl, b->ids.v[b->lv.sel]);
}

static void
remember_selection(struct ui *ui)
{
	struct ui_board *b = &ui->board;
	const struct cluster_view *cv = selected_cluster(ui);

	b->sel_id = cv ? cv->id : 0;
	b->sel_item = cv ? cv->label_item : 0;
}

void
ui_board_layout(struct ui *ui)
{
	struct ui_board *b = &ui->board;

	ui_board_grid(&ui->geom, &b->grid);
	lv_set_rows(&b->lv, b->grid.rows * b->grid.cols, b->grid.cols);
}

void
ui_board_rebuild(struct ui *ui)
{
	struct ui_board *b = &ui->board;
	size_t n = cluster_rank(ui->cl, ui->now, NULL, 0);

	if (n > b->ids.cap) {
		b->ids.cap = n;
		b->ids.v = xreallocarray(b->ids.v, n, sizeof(*b->ids.v));
	}
	n = n ? cluster_rank(ui->cl, ui->now, b->ids.v, n) : 0;
	(void)alert_order(ui->cl, b->ids.v, n, ui->now, &ui->rule);
	b->total = n;
	if (ui->filter_fold) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			const struct cluster_view *cv =
			    cluster_view(ui->cl, b->ids.v[i]);
			if (cv && cluster_matches(ui, cv))
				b->ids.v[k++] = b->ids.v[i];
		}
		n = k;
	}
	b->ids.n = n;

	/* The label item finds its story after a merge, and after a
	 * rebuilt clusterer numbered the clusters afresh; without it the
	 * selection keeps its place. */
	size_t idx = b->lv.sel;
	uint32_t want =
	    b->chosen && b->sel_item ? cluster_of(ui->cl, b->sel_item) : 0;
	for (size_t i = 0; want && i < n; i++) {
		if (b->ids.v[i] == want) {
			idx = i;
			break;
		}
	}
	lv_set_count(&b->lv, n, idx);
	remember_selection(ui);
}

static int
same_link(const struct item *a, const struct item *b)
{
	return a != NULL && b != NULL && a->link != NULL && b->link != NULL &&
	       strcmp(a->link, b->link) == 0;
}

/* Seconds apart within which one outlet's two items of one headline are
 * one article (its two feeds, an aggregator's copy of its report); a
 * daily live page of one title is not. */
#define COPY_SPAN 3600

/* The headline that says which article it is: the title without the
 * outlet an aggregator ends it with; NULL for an untitled item. */
static const char *
headline_of(const struct item *it, char buf[TEXT_LABEL_SIZE])
{
	if (it->title == NULL || *it->title == '\0')
		return NULL;
	return text_item_label(it->title, NULL, NULL, it->outlet, buf);
}

/* Whether a and b are copies of one article: the same link, or one
 * outlet's same headline within COPY_SPAN. */
static int
same_article(const struct ui *ui, const struct item *a, const struct item *b)
{
	char ba[TEXT_LABEL_SIZE], bb[TEXT_LABEL_SIZE];

	if (a == NULL || b == NULL)
		return 0;
	if (same_link(a, b))
		return 1;
	const char *ta = headline_of(a, ba), *tb = headline_of(b, bb);
	int64_t d = a->time > b->time ? a->time - b->time : b->time - a->time;
	return ta != NULL && tb != NULL && d <= COPY_SPAN &&
	       strcmp(ta, tb) == 0 &&
	       store_witness(ui->store, a) == store_witness(ui->store, b);
}

/* Marks item id read (or unread) with every other copy of its article in
 * its story (same_article), which the story's list shows once. */
void
ui_article_set_read(struct ui *ui, uint32_t id, int read)
{
	const struct item *it = store_item(ui->store, id);
	const struct cluster_view *cv =
	    it != NULL ? cluster_view(ui->cl, cluster_of(ui->cl, id)) : NULL;

	store_set_read(ui->store, id, read);
	for (size_t i = 0; cv != NULL && i < cv->nmembers; i++) {
		uint32_t o = cv->members[i];
		if (o != id && same_article(ui, store_item(ui->store, o), it))
			store_set_read(ui->store, o, read);
	}
}

/* The headlines a panel shows, best first: the newest item of each
 * outlet not yet shown, then the remaining newest.  An article two feeds
 * carry (an outlet's sections, an aggregator) is shown once. */
static size_t
pick_headlines(const struct ui *ui, const struct cluster_view *cv,
    uint32_t *out, size_t max)
{
	uint32_t outlets[32];
	size_t n = 0, no = 0;
	const struct item *label = store_item(ui->store, cv->label_item);

	if (max > ARRAY_LEN(outlets))
		max = ARRAY_LEN(outlets);
	for (int pass = 0; pass < 2 && n < max; pass++) {
		for (size_t i = cv->nmembers; i-- > 0 && n < max;) {
			uint32_t id = cv->members[i];
			const struct item *it = store_item(ui->store, id);
			if (!it || id == cv->label_item ||
			    same_article(ui, it, label))
				continue;
			size_t j;
			for (j = 0; j < n; j++)
				if (out[j] == id ||
				    same_article(
				        ui, it, store_item(ui->store, out[j])))
					break;
			if (j < n)
				continue;
			if (pass == 0) {
				uint32_t o = store_witness(ui->store, it);
				for (j = 0; j < no; j++)
					if (outlets[j] == o)
						break;
				if (j < no)
					continue;
				outlets[no++] = o;
			}
			out[n++] = id;
		}
	}
	return n;
}

static enum term_elem
item_elem(const struct item *it)
{
	if (it->fresh)
		return TERM_FRESH;
	return it->read ? TERM_DIM : TERM_NORMAL;
}

/* Wide-character line drawing: Unicode box characters in a UTF-8
 * locale, the terminal's alternate set otherwise. */
static void
draw_box(int y, int x, int w, int h, unsigned attr)
{
	attrset((int)attr);
	mvadd_wch(y, x, WACS_ULCORNER);
	mvhline_set(y, x + 1, WACS_HLINE, w - 2);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvvline_set(y + 1, x, WACS_VLINE, h - 2);
	mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
	attrset(A_NORMAL);
}

static void
draw_panel(struct ui *ui, uint32_t id, int y, int x, int w, int h, int selected)
{
	const struct cluster_view *cv = cluster_view(ui->cl, id);
	char age[16], meta[96];
	size_t fresh = 0, unread = 0;

	if (!cv || w <= 0 || h <= 0)
		return;
	for (size_t i = 0; i < cv->nmembers; i++) {
		const struct item *it = store_item(ui->store, cv->members[i]);
		if (it && it->fresh)
			fresh++;
		if (it && !it->read)
			unread++;
	}
	ui_fmt_age(ui->now - cv->newest, age, sizeof(age));
	int m = snprintf(meta, sizeof(meta), "%zu outlet%s \xc2\xb7 %s",
	    cv->sources, cv->sources == 1 ? "" : "s", age);
	if (fresh && m > 0 && (size_t)m < sizeof(meta))
		snprintf(meta + m, sizeof(meta) - (size_t)m,
		    " \xc2\xb7 %zu new", fresh);

	/* What the border says first: BREAKING, and the watch terms the
	 * story matches. */
	int breaking = alert_breaking(cv, ui->now, &ui->rule, NULL) !=
	    ALERT_CALM;
	struct buf watch;
	buf_init(&watch, 0);
	if (cv->watch) {
		(void)buf_puts(&watch, "\xe2\x98\x85 ");
		if (ui->watch)
			alert_watch_names(ui->watch, cv->watch, &watch);
		else
			(void)buf_puts(&watch, "watched");
	}

	int bordered = h >= 3 && w >= 8;
	int ix = x, iy = y, iw = w, ih = h;
	if (bordered) {
		draw_box(y, x, w, h,
		    term_attr(
		        ui->term, selected ? TERM_BORDER_SEL : TERM_BORDER));
		if (w >= 12) {
			/* The segments, as far as they fit inside the
			 * corners. */
			const char *seg[3] = {breaking ? "BREAKING" : NULL,
			    watch.len ? watch.p : NULL, meta};
			enum term_elem el[3] = {TERM_BREAKING, TERM_WATCH,
			    TERM_DIM};
			int at = x + 2, room = w - 4;
			for (int k = 0; k < 3 && room > 0; k++) {
				char t[256];
				if (!seg[k])
					continue;
				/* " A B C ": a space before the first */
				snprintf(t, sizeof(t), "%s%s ",
				    at == x + 2 ? " " : "", seg[k]);
				int tw = (int)text_width(t);
				if (tw > room)
					tw = room;
				ui_put(ui, y, at, tw, t, el[k]);
				at += tw;
				room -= tw;
			}
		}
		/* One column of air inside the border. */
		ix = x + 2;
		iy = y + 1;
		iw = w - 4;
		ih = h - 2;
	} else {
		if (ui->board.grid.cols > 1)
			iw = w - 1; /* a column of space between panels */
		/* No border: the marks lead the meta on the right. */
		char t[sizeof(meta) + 16];
		snprintf(t, sizeof(t), "%s%s%s", breaking ? "BREAKING " : "",
		    cv->watch ? "\xe2\x98\x85 " : "", meta);
		util_strlcpy(meta, t, sizeof(meta));
	}
	buf_fini(&watch);

	/* The label, with the label item's outlet (or, without a border,
	 * the meta line) on the right. */
	const struct item *li = store_item(ui->store, cv->label_item);
	char lab[TEXT_LABEL_SIZE];
	const char *label =
	    li ? text_item_label(li->title, li->summary, li->link,
	             bordered ? li->outlet : NULL, lab)
	       : "(untitled)";
	const char *right =
	    bordered ? (li ? ui_item_outlet(ui, li) : "") : meta;
	size_t rw = text_width(right);
	if (rw > OUTLET_MAX_W + (bordered ? 0 : 16))
		rw = OUTLET_MAX_W + (bordered ? 0 : 16);
	enum term_elem le = unread ? TERM_TITLE : TERM_DIM;
	if ((size_t)iw > rw + 20) {
		ui_fmt_columns(&ui->scratch, (size_t)iw, label,
		    (size_t)iw - rw - 1, right);
		ui_put_attr(
		    ui, iy, ix, iw, ui->scratch.p, row_attr(ui, le, selected));
	} else {
		ui_put_attr(ui, iy, ix, iw, label, row_attr(ui, le, selected));
	}

	uint32_t heads[32];
	size_t nh = ih > 1 ? pick_headlines(ui, cv, heads, (size_t)ih - 1) : 0;
	int ow = iw / 5 < OUTLET_MAX_W ? iw / 5 : OUTLET_MAX_W;
	/* Rows no headline needs show the start of the label's summary. */
	struct ui_text sum = {0};
	if (nh + 1 < (size_t)ih && li && li->summary && iw >= 12)
		ui_text_wrap(&sum, li->summary, (size_t)iw - 2, TERM_DIM);
	for (int r = 1; r < ih; r++) {
		int ry = iy + r;
		if ((size_t)r > nh) {
			size_t k = (size_t)r - nh - 1;
			ui_put(ui, ry, ix, iw, "", TERM_NORMAL);
			if (k < sum.n) {
				/* The last row that fits ends in an ellipsis
				 * when the summary goes on. */
				const char *t = sum.lines[k].text;
				if (r == ih - 1 && k + 1 < sum.n) {
					buf_reset(&ui->scratch);
					(void)buf_puts(&ui->scratch, t);
					(void)buf_puts(
					    &ui->scratch, " \xe2\x80\xa6");
					t = ui->scratch.p;
				}
				ui_put(ui, ry, ix + 2, iw - 2, t, TERM_DIM);
			}
			continue;
		}
		const struct item *it = store_item(ui->store, heads[r - 1]);
		if (!it)
			continue;
		enum term_elem e = item_elem(it);
		char ilab[TEXT_LABEL_SIZE];
		const char *title = text_item_label(
		    it->title, it->summary, it->link, it->outlet, ilab);
		if (iw < 12) {
			ui_put(ui, ry, ix, iw, title, e);
			continue;
		}
		ui_put(ui, ry, ix, 2, it->fresh ? "*" : "", TERM_FRESH);
		ui_put(ui, ry, ix + 2, ow, ui_item_outlet(ui, it), TERM_OUTLET);
		ui_put(ui, ry, ix + 2 + ow, 1, "", TERM_NORMAL);
		ui_put(ui, ry, ix + 3 + ow, iw - 3 - ow, title, e);
	}
	ui_text_clear(&sum);
	free(sum.lines);
}

static void
clear_main(struct ui *ui)
{
	for (int r = 0; r < ui->geom.main_h; r++)
		ui_put(
		    ui, ui->geom.main_y + r, 0, ui->geom.cols, "", TERM_NORMAL);
}

void
ui_board_draw(struct ui *ui)
{
	struct ui_board *b = &ui->board;
	size_t first, end;

	clear_main(ui);
	if (ui->geom.main_h <= 0)
		return;
	if (b->ids.n == 0) {
		char msg[256];
		if (ui->filter)
			snprintf(msg, sizeof(msg),
			    " No story matches \"%s\""
			    " (Esc clears the filter)",
			    ui->filter);
		else if (ui->st.in_flight)
			snprintf(msg, sizeof(msg),
			    " No stories yet: fetching feeds...");
		else if (ui->st.feeds_failed)
			snprintf(msg, sizeof(msg),
			    " No stories yet: %u of %u feeds failed"
			    "; the feeds view says why",
			    ui->st.feeds_failed, ui->st.feeds);
		else
			snprintf(msg, sizeof(msg), " No stories yet.");
		ui_put(ui, ui->geom.main_y, 0, ui->geom.cols, msg, TERM_NORMAL);
		return;
	}
	lv_visible_range(&b->lv, &first, &end);
	for (size_t i = first; i < end; i++) {
		size_t slot = i - first;
		size_t row = slot / b->grid.cols, col = slot % b->grid.cols;
		int y = ui->geom.main_y + (int)(row * b->grid.cell_h);
		int x = (int)lv_grid_x(&b->grid, col);
		int w = (int)lv_grid_w(&b->grid, col);
		int h = (int)b->grid.cell_h;
		if (y + h > ui->geom.main_y + ui->geom.main_h)
			h = ui->geom.main_y + ui->geom.main_h - y;
		draw_panel(ui, b->ids.v[i], y, x, w, h, i == b->lv.sel);
	}
}

size_t
ui_cluster_mark_read(struct ui *ui, uint32_t cluster, int read)
{
	const struct cluster_view *cv = cluster_view(ui->cl, cluster);
	size_t changed = 0;

	store_group(ui->store, 1); /* one transaction, not one an item */
	for (size_t i = 0; cv && i < cv->nmembers; i++) {
		uint32_t id = cv->members[i];
		const struct item *it = store_item(ui->store, id);
		if (!it)
			continue;
		if ((int)it->read != read)
			changed++;
		store_set_read(ui->store, id, read);
		store_set_seen(ui->store, id);
	}
	store_group(ui->store, 0);
	ui->dirty_main = 1;
	return changed;
}

size_t
ui_cluster_toggle_read(struct ui *ui, uint32_t cluster)
{
	const struct cluster_view *cv = cluster_view(ui->cl, cluster);
	int all_read = 1;

	for (size_t i = 0; cv && i < cv->nmembers; i++) {
		const struct item *it = store_item(ui->store, cv->members[i]);
		if (it && !it->read)
			all_read = 0;
	}
	return ui_cluster_mark_read(ui, cluster, !all_read);
}

static int
cluster_has_unread(const struct ui *ui, uint32_t id)
{
	const struct cluster_view *cv = cluster_view(ui->cl, id);

	for (size_t i = 0; cv && i < cv->nmembers; i++) {
		const struct item *it = store_item(ui->store, cv->members[i]);
		if (it && !it->read)
			return 1;
	}
	return 0;
}

static int
cluster_feeds(const struct ui *ui, uint32_t id, struct ui_idlist *out)
{
	const struct cluster_view *cv = cluster_view(ui->cl, id);

	out->n = 0;
	for (size_t i = 0; cv && i < cv->nmembers; i++) {
		const struct item *it = store_item(ui->store, cv->members[i]);
		if (it)
			ui_idlist_push(out, it->feed_id);
	}
	return out->n > 0;
}

int
ui_board_action(struct ui *ui, enum action a, struct ui_request *req)
{
	struct ui_board *b = &ui->board;
	const struct cluster_view *cv = selected_cluster(ui);
	ptrdiff_t step = (ptrdiff_t)b->lv.step;

	int chosen = b->chosen;

	/* Any of these is the reader's choice of a story: from now on the
	 * highlight follows the story instead of the top of the board. */
	if (a != ACT_MARK_ALL_READ)
		b->chosen = 1;
	switch (a) {
	case ACT_LEFT:
		lv_move(&b->lv, -1);
		break;
	case ACT_RIGHT:
		lv_move(&b->lv, 1);
		break;
	case ACT_OPEN:
		if (cv)
			ui_items_open(ui, cv->id);
		return 0;
	case ACT_OPEN_BROWSER: {
		const struct item *it =
		    cv ? store_item(ui->store, cv->label_item) : NULL;
		if (!it)
			return 0;
		ui_article_set_read(ui, it->id, 1);
		store_set_seen(ui->store, it->id);
		return ui_req_open(ui, it->link, req);
	}
	case ACT_RELOAD: {
		struct ui_idlist feeds = {0};
		int r = 0;
		if (cv && cluster_feeds(ui, cv->id, &feeds))
			r = ui_req_reload(ui, feeds.v, feeds.n, req);
		ui_idlist_fini(&feeds);
		return r;
	}
	case ACT_NEXT_UNREAD:
		for (size_t k = 1; k <= b->ids.n; k++) {
			size_t i = (b->lv.sel + k) % b->ids.n;
			if (cluster_has_unread(ui, b->ids.v[i])) {
				lv_select(&b->lv, i);
				break;
			}
			if (k == b->ids.n)
				ui_flash(ui, 0, "no unread stories");
		}
		if (b->ids.n == 0)
			ui_flash(ui, 0, "no unread stories");
		break;
	case ACT_NEXT_WATCHED: {
		size_t k;
		for (k = 1; k <= b->ids.n; k++) {
			size_t i = (b->lv.sel + k) % b->ids.n;
			const struct cluster_view *o =
			    cluster_view(ui->cl, b->ids.v[i]);
			if (o && o->watch) {
				lv_select(&b->lv, i);
				break;
			}
		}
		if (k > b->ids.n)
			ui_flash(ui, 0, "no story matches a watch term");
		break;
	}
	case ACT_MARK_READ:
		if (cv)
			(void)ui_cluster_toggle_read(ui, cv->id);
		return 0;
	case ACT_MARK_ALL_READ: {
		size_t n = 0;
		store_group(ui->store, 1);
		for (size_t i = 0; i < b->ids.n; i++)
			n += ui_cluster_mark_read(ui, b->ids.v[i], 1);
		store_group(ui->store, 0);
		ui_flash(ui, 0, "marked %zu item%s read", n, n == 1 ? "" : "s");
		return 0;
	}
	default:
		if (!ui_list_nav(&b->lv, a, step)) {
			b->chosen = chosen;
			return -1;
		}
		break;
	}
	remember_selection(ui);
	ui->dirty_main = 1;
	return 0;
}

/* Items of the cluster view. */

static int
seen_has(const struct ui_idlist *s, uint32_t id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->v[mid] == id)
			return 1;
		if (s->v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void
seen_add(struct ui_idlist *s, uint32_t id)
{
	size_t i = s->n;

	if (seen_has(s, id))
		return;
	ui_idlist_push(s, id);
	while (i > 0 && s->v[i - 1] > id) {
		s->v[i] = s->v[i - 1];
		i--;
	}
	s->v[i] = id;
}

void
ui_items_open(struct ui *ui, uint32_t cluster)
{
	struct ui_items *it = &ui->items;

	ui_items_fini(ui);
	it->cluster = cluster;
	const struct cluster_view *cv = cluster_view(ui->cl, cluster);
	it->anchor = cv ? cv->label_item : 0;
	lv_init(&it->lv);
	ui_items_layout(ui);
	ui_push(ui, KEYMAP_ITEMS);
}

void
ui_items_fini(struct ui *ui)
{
	struct ui_items *it = &ui->items;

	ui_idlist_fini(&it->ids);
	ui_idlist_fini(&it->seen);
	it->cluster = 0;
	it->anchor = 0;
	it->sel_id = 0;
}

void
ui_items_layout(struct ui *ui)
{
	lv_set_rows(&ui->items.lv, (size_t)ui->geom.main_h, 1);
}

/* Whether it is the first copy of its article (same_article) among the
 * items in slot[0..cap), a table of item ids (0 free) by the hash of
 * their link and, apart, of their outlet and headline; adds it if so.  Copies
 * of one headline are all kept in its chain, since only those within COPY_SPAN
 * of each other are one article. */
static int
article_first(
    const struct ui *ui, uint32_t *slot, size_t cap, const struct item *it)
{
	char buf[TEXT_LABEL_SIZE];
	const char *h = headline_of(it, buf);
	uint64_t hk[2];
	int nk = 0;

	if (it->link != NULL && *it->link != '\0')
		hk[nk++] = util_hash(it->link, strlen(it->link), 1);
	if (h != NULL) /* by outlet too: a wire headline many carry */
		hk[nk++] = util_hash(h, strlen(h), 2) ^
		           (uint64_t)store_witness(ui->store, it) *
		               0x9e3779b97f4a7c15ull;
	for (int k = 0; k < nk; k++)
		for (size_t i = (size_t)hk[k] & (cap - 1); slot[i] != 0;
		     i = (i + 1) & (cap - 1))
			if (same_article(
			        ui, store_item(ui->store, slot[i]), it))
				return 0;
	for (int k = 0; k < nk; k++) {
		size_t i = (size_t)hk[k] & (cap - 1);
		while (slot[i] != 0)
			i = (i + 1) & (cap - 1);
		slot[i] = it->id;
	}
	return 1;
}

void
ui_items_rebuild(struct ui *ui)
{
	struct ui_items *iv = &ui->items;
	/* Follow an item of ours into the cluster it is in now: merged
	 * into another, or renumbered by a rebuilt clusterer. */
	uint32_t c = iv->sel_id ? cluster_of(ui->cl, iv->sel_id) : 0;
	if (!c && iv->anchor)
		c = cluster_of(ui->cl, iv->anchor);
	for (size_t i = 0; !c && i < iv->ids.n; i++)
		c = cluster_of(ui->cl, iv->ids.v[i]);
	const struct cluster_view *cv = c ? cluster_view(ui->cl, c) : NULL;
	if (cv) {
		iv->cluster = c;
		iv->anchor = cv->label_item;
		iv->ids.n = 0;
		/* newest first, an article two feeds carry once: the
		 * articles listed so far, by hash (a story may hold
		 * thousands) */
		size_t cap = 16;
		while (cap < 4 * cv->nmembers)
			cap *= 2;
		uint32_t *slot = xcalloc(cap, sizeof(*slot));
		for (size_t i = cv->nmembers; i-- > 0;) {
			uint32_t id = cv->members[i];
			const struct item *it = store_item(ui->store, id);
			if (!it || !ui_matches_item(ui, id))
				continue;
			if (!article_first(ui, slot, cap, it)) {
				/* a copy of a listed article is seen with
				 * it (below) */
				if (it->fresh)
					store_set_seen(ui->store, id);
				continue;
			}
			ui_idlist_push(&iv->ids, id);
		}
		free(slot);
	} else {
		/* The cluster is gone: keep what is still stored. */
		iv->cluster = 0;
		size_t k = 0;
		for (size_t i = 0; i < iv->ids.n; i++)
			if (store_item(ui->store, iv->ids.v[i]))
				iv->ids.v[k++] = iv->ids.v[i];
		iv->ids.n = k;
	}
	/* Viewing the cluster sees its new items; this visit still marks
	 * which ones were new. */
	for (size_t i = 0; i < iv->ids.n; i++) {
		const struct item *it = store_item(ui->store, iv->ids.v[i]);
		if (it && it->fresh) {
			seen_add(&iv->seen, it->id);
			store_set_seen(ui->store, it->id);
		}
	}
	size_t idx = iv->lv.sel;
	for (size_t i = 0; iv->sel_id && i < iv->ids.n; i++) {
		if (iv->ids.v[i] == iv->sel_id) {
			idx = i;
			break;
		}
	}
	lv_set_count(&iv->lv, iv->ids.n, idx);
	iv->sel_id = iv->ids.n ? iv->ids.v[iv->lv.sel] : 0;
}

void
ui_items_draw(struct ui *ui)
{
	struct ui_items *iv = &ui->items;
	size_t first, end;
	int cols = ui->geom.cols;
	int ow = cols / 6 < 8 ? 8 : cols / 6 > 20 ? 20 : cols / 6;
	int tw = cols >= 50 ? 12 : 0;

	clear_main(ui);
	if (iv->ids.n == 0) {
		ui_put(ui, ui->geom.main_y, 0, cols,
		    ui->filter ? " No item of this story matches the filter."
		               : " This story has no items left.",
		    TERM_NORMAL);
		return;
	}
	lv_visible_range(&iv->lv, &first, &end);
	for (size_t i = first; i < end; i++) {
		const struct item *it = store_item(ui->store, iv->ids.v[i]);
		int y = ui->geom.main_y + (int)(i - first);
		int sel = i == iv->lv.sel;
		if (!it)
			continue;
		int isnew = it->fresh || seen_has(&iv->seen, it->id);
		enum term_elem e = isnew      ? TERM_FRESH
		                   : it->read ? TERM_DIM
		                              : TERM_NORMAL;
		char lab[TEXT_LABEL_SIZE];
		const char *title = text_item_label(
		    it->title, it->summary, it->link, it->outlet, lab);
		if (cols < 16) {
			ui_put_attr(
			    ui, y, 0, cols, title, row_attr(ui, e, sel));
			continue;
		}
		char when[32] = "";
		if (tw)
			ui_fmt_time(
			    it->time, UI_TIME_SHORT, when, sizeof(when));
		int x = 0;
		/* "*" new, "~" corrected by its outlet since first seen */
		ui_put_attr(ui, y, x, 2, isnew ? "*" : it->updated ? "~" : "",
		    row_attr(ui, TERM_FRESH, sel));
		x += 2;
		ui_put_attr(ui, y, x, ow + 1, ui_item_outlet(ui, it),
		    row_attr(ui, TERM_OUTLET, sel));
		x += ow + 1;
		if (tw) {
			ui_put_attr(ui, y, x, tw + 1, when,
			    row_attr(ui, TERM_DIM, sel));
			x += tw + 1;
		}
		ui_put_attr(ui, y, x, cols - x, title, row_attr(ui, e, sel));
	}
}

void
ui_items_follow(struct ui *ui, uint32_t id)
{
	struct ui_items *iv = &ui->items;

	for (size_t i = 0; i < iv->ids.n; i++) {
		if (iv->ids.v[i] == id) {
			lv_select(&iv->lv, i);
			iv->sel_id = id;
			return;
		}
	}
}

static const struct item *
selected_item(const struct ui *ui)
{
	const struct ui_items *iv = &ui->items;

	if (iv->ids.n == 0)
		return NULL;
	return store_item(ui->store, iv->ids.v[iv->lv.sel]);
}

int
ui_items_action(struct ui *ui, enum action a, struct ui_request *req)
{
	struct ui_items *iv = &ui->items;
	const struct item *it = selected_item(ui);

	switch (a) {
	case ACT_LEFT:
		ui_pop(ui);
		return 0;
	case ACT_RIGHT:
	case ACT_OPEN:
		if (it)
			ui_reader_open(ui, it->id);
		return 0;
	case ACT_OPEN_BROWSER:
		if (!it)
			return 0;
		ui_article_set_read(ui, it->id, 1);
		ui->dirty_main = 1;
		return ui_req_open(ui, it->link, req);
	case ACT_RELOAD:
		return it ? ui_req_reload(ui, &it->feed_id, 1, req) : 0;
	case ACT_NEXT_UNREAD:
		for (size_t k = 1; k <= iv->ids.n; k++) {
			size_t i = (iv->lv.sel + k) % iv->ids.n;
			const struct item *o =
			    store_item(ui->store, iv->ids.v[i]);
			if (o && !o->read) {
				lv_select(&iv->lv, i);
				break;
			}
			if (k == iv->ids.n)
				ui_flash(ui, 0, "no unread items");
		}
		break;
	case ACT_MARK_READ:
		if (it)
			ui_article_set_read(ui, it->id, !it->read);
		ui->dirty_main = 1;
		return 0;
	case ACT_MARK_ALL_READ:
		(void)ui_cluster_mark_read(ui, iv->cluster, 1);
		return 0;
	default:
		if (!ui_list_nav(&iv->lv, a, 1))
			return -1;
		break;
	}
	iv->sel_id = iv->ids.n ? iv->ids.v[iv->lv.sel] : 0;
	ui->dirty_main = 1;
	return 0;
}
