/* ui: the live dashboard: views, keys and drawing, over the store and the
 * clusterer.
 *
 * The UI never fetches, launches or sleeps.  app feeds it keys (through
 * ui_handle_input), fetch progress (ui_set_status) and the time, and it
 * answers with a request (reload, open a link, quit) for app to carry
 * out, as htop's actions answer with a reaction.
 *
 * Views stack: board (one panel per cluster) -> a cluster's items ->
 * the reader, with the feeds, the alerts and the help on top of any of
 * them; q pops.  Breaking stories come first on the board and say so in
 * their border, watched ones carry a mark; what fires an alert is app's
 * and alert.c's business, the UI only shows it (ui_alerted).
 * Each view is a listview plus a row formatter; the views remember ids
 * (cluster, item), never pointers into the store or the clusterer, so a
 * merge or a re-rank can never leave a dangling row, and the selection
 * follows its story wherever the ranking moves it.
 *
 * Drawing is lazy, like redis's before-sleep: ui_draw compares the
 * store's and the clusterer's generations, the minute (for ages) and its
 * own dirty flags with what the screen was drawn from, and does nothing
 * when all match, so an idle dashboard costs nothing.  Otherwise it
 * rebuilds the stale view, repaints the regions that changed on stdscr,
 * and ends with one wnoutrefresh and one doupdate; curses sends only
 * the cells that differ.  Everything is drawn with text_fit to an exact
 * width, so wide characters never straddle a panel's edge. */
#include "ui_priv.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "settings.h"
#include "store.h"
#include "text.h"

void
ui_idlist_push(struct ui_idlist *l, uint32_t id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = id;
}

void
ui_idlist_fini(struct ui_idlist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void
ui_text_clear(struct ui_text *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->lines[i].text);
	t->n = 0;
}

void
ui_text_add(struct ui_text *t, const char *s, size_t len, enum term_elem e)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->lines = xreallocarray(t->lines, t->cap, sizeof(*t->lines));
	}
	t->lines[t->n].text = xstrndup(s, len);
	t->lines[t->n].elem = e;
	t->n++;
}

void
ui_text_puts(struct ui_text *t, const char *s, enum term_elem e)
{
	ui_text_add(t, s, strlen(s), e);
}

struct wrap_ctx {
	struct ui_text *t;
	enum term_elem e;
};

static void
wrap_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;

	ui_text_add(w->t, line, len, w->e);
}

void
ui_text_wrap(struct ui_text *t, const char *s, size_t width, enum term_elem e)
{
	struct wrap_ctx w = {t, e};

	text_wrap(s, width, wrap_line, &w);
}

static size_t
text_maxtop(const struct ui *ui, const struct ui_text *t)
{
	size_t rows = (size_t)ui->geom.main_h;

	return t->n > rows ? t->n - rows : 0;
}

void
ui_text_draw(struct ui *ui, struct ui_text *t)
{
	if (t->top > text_maxtop(ui, t))
		t->top = text_maxtop(ui, t);
	for (int r = 0; r < ui->geom.main_h; r++) {
		size_t i = t->top + (size_t)r;
		if (i < t->n)
			ui_put(ui, ui->geom.main_y + r, 0, ui->geom.cols,
			    t->lines[i].text, t->lines[i].elem);
		else
			ui_put(ui, ui->geom.main_y + r, 0, ui->geom.cols, "",
			    TERM_NORMAL);
	}
}

int
ui_text_scroll(struct ui *ui, struct ui_text *t, enum action a)
{
	size_t rows = ui->geom.main_h > 0 ? (size_t)ui->geom.main_h : 1;
	size_t max = text_maxtop(ui, t);

	switch (a) {
	case ACT_UP:
		t->top = t->top ? t->top - 1 : 0;
		break;
	case ACT_DOWN:
		t->top = t->top < max ? t->top + 1 : max;
		break;
	case ACT_PAGE_UP:
		t->top = t->top > rows ? t->top - rows : 0;
		break;
	case ACT_PAGE_DOWN:
		t->top = t->top + rows < max ? t->top + rows : max;
		break;
	case ACT_HOME:
		t->top = 0;
		break;
	case ACT_END:
		t->top = max;
		break;
	default:
		return 0;
	}
	ui->dirty_main = 1;
	return 1;
}

int
ui_list_nav(struct listview *lv, enum action a, ptrdiff_t step)
{
	switch (a) {
	case ACT_UP:
		lv_move(lv, -step);
		return 1;
	case ACT_DOWN:
		lv_move(lv, step);
		return 1;
	case ACT_PAGE_UP:
		lv_page(lv, -1);
		return 1;
	case ACT_PAGE_DOWN:
		lv_page(lv, 1);
		return 1;
	case ACT_HOME:
		lv_home(lv);
		return 1;
	case ACT_END:
		lv_end(lv);
		return 1;
	default:
		return 0;
	}
}

void
ui_put_attr(struct ui *ui, int y, int x, int w, const char *text, unsigned attr)
{
	if (w <= 0 || y < 0 || y >= ui->geom.rows || x >= ui->geom.cols)
		return;
	if (x + w > ui->geom.cols)
		w = ui->geom.cols - x;
	text_fit(text ? text : "", (size_t)w, &ui->fit);
	attrset((int)attr);
	mvaddnstr(y, x, ui->fit.p, (int)ui->fit.len);
	attrset(A_NORMAL);
}

void
ui_put(struct ui *ui, int y, int x, int w, const char *text, enum term_elem e)
{
	ui_put_attr(ui, y, x, w, text, term_attr(ui->term, e));
}

void
ui_flash(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;
	struct buf b;

	buf_init(&b, 0);
	va_start(ap, fmt);
	(void)buf_vappendf(&b, fmt, ap);
	va_end(ap);
	free(ui->message);
	ui->message = text_clean(b.p ? b.p : "", b.len, 0);
	ui->message_error = error;
	ui->dirty_status = 1;
	buf_fini(&b);
}

const char *
ui_item_outlet(const struct ui *ui, const struct item *it)
{
	return it->outlet && *it->outlet ? it->outlet
	                                 : ui_outlet(ui, it->feed_id);
}

const char *
ui_outlet(const struct ui *ui, uint32_t feed_id)
{
	const struct feed_info *f = store_feed(ui->store, feed_id);

	if (!f)
		return "?";
	if (f->outlet && *f->outlet)
		return f->outlet;
	const char *u = f->url ? f->url : "?";
	const char *p = strstr(u, "://");
	return p ? p + 3 : u;
}

/* Matching folds every headline and summary, so each item's answer is
 * kept until the filter changes: a filtered board then re-ranks as
 * cheaply as an unfiltered one while feeds keep arriving. */
int
ui_matches_item(struct ui *ui, uint32_t item_id)
{
	const struct item *it = store_item(ui->store, item_id);

	if (!ui->filter_fold)
		return 1;
	if (!it)
		return 0;
	if (item_id >= ui->nmatch) {
		size_t n = (size_t)store_item_max(ui->store) + 1;
		if (n <= item_id)
			n = (size_t)item_id + 1;
		ui->match = xreallocarray(ui->match, n, 1);
		memset(ui->match + ui->nmatch, 0, n - ui->nmatch);
		ui->nmatch = n;
	}
	if (ui->match[item_id] == 0) {
		int m = ui_match(it->title, ui->filter_fold, &ui->scratch) ||
		        ui_match(it->summary, ui->filter_fold, &ui->scratch) ||
		        ui_match(ui_item_outlet(ui, it), ui->filter_fold,
		            &ui->scratch);
		ui->match[item_id] = m ? 2 : 1;
	}
	return ui->match[item_id] == 2;
}

int
ui_req_open(struct ui *ui, const char *url, struct ui_request *req)
{
	if (!url || !*url) {
		ui_flash(ui, 1, "no link to open");
		return 0;
	}
	free(ui->req_url);
	ui->req_url = xstrdup(url);
	memset(req, 0, sizeof(*req));
	req->kind = UI_REQ_OPEN;
	req->url = ui->req_url;
	return 1;
}

int
ui_req_reload(
    struct ui *ui, const uint32_t *feeds, size_t n, struct ui_request *req)
{
	ui->req_feeds.n = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < ui->req_feeds.n; j++)
			if (ui->req_feeds.v[j] == feeds[i])
				break;
		if (j == ui->req_feeds.n && feeds[i])
			ui_idlist_push(&ui->req_feeds, feeds[i]);
	}
	if (ui->req_feeds.n == 0)
		return 0;
	memset(req, 0, sizeof(*req));
	req->kind = UI_REQ_RELOAD;
	req->feed_ids = ui->req_feeds.v;
	req->nfeeds = ui->req_feeds.n;
	ui_flash(ui, 0, "reloading %zu feed%s", ui->req_feeds.n,
	    ui->req_feeds.n == 1 ? "" : "s");
	return 1;
}

enum keymap_view
ui_view(const struct ui *ui)
{
	return ui->stack[ui->depth - 1];
}

/* Builds the view now on screen from the store, as of ui->now. */
static void
rebuild_view(struct ui *ui)
{
	switch (ui_view(ui)) {
	case KEYMAP_BOARD:
		ui_board_rebuild(ui);
		break;
	case KEYMAP_ITEMS:
		ui_items_rebuild(ui);
		break;
	case KEYMAP_READER:
		ui_reader_rebuild(ui);
		break;
	case KEYMAP_FEEDS:
		ui_feeds_rebuild(ui);
		break;
	case KEYMAP_HELP:
		ui_help_rebuild(ui);
		break;
	case KEYMAP_ALERTS:
		ui_alerts_rebuild(ui);
		break;
	case KEYMAP_NVIEWS:
		break;
	}
}

void
ui_push(struct ui *ui, enum keymap_view v)
{
	if (ui->depth < UI_MAX_DEPTH)
		ui->stack[ui->depth++] = v;
	ui->stale = ui->dirty_main = ui->dirty_status = 1;
	if (v == KEYMAP_HELP)
		ui->help.top = 0;
	if (v == KEYMAP_FEEDS)
		lv_init(&ui->feeds);
	if (v == KEYMAP_ALERTS) {
		lv_init(&ui->alerts.lv);
		ui->alerts.have_sel = 0;
		ui->banner_until = 0; /* the banner has done its job */
	}
}

void
ui_pop(struct ui *ui)
{
	if (ui->depth <= 1)
		return;
	enum keymap_view v = ui_view(ui);
	ui->depth--;
	if (v == KEYMAP_ITEMS)
		ui_items_fini(ui);
	ui->stale = ui->dirty_main = ui->dirty_status = 1;
}

static void
layout(struct ui *ui)
{
	int rows, cols;

	term_size(ui->term, &rows, &cols);
	ui_geom_compute(&ui->geom, rows, cols);
	ui_board_layout(ui);
	ui_items_layout(ui);
	ui->stale = ui->dirty_all = 1;
}

/* Keeps a config problem for ui_config_problems; the first one is shown
 * until a key is pressed. */
static void
report_config(const char *msg, void *ctx)
{
	struct ui *ui = ctx;

	if (ui->nproblems == 0)
		ui_flash(ui, 1, "%s", msg);
	ui->problems = xreallocarray(
	    ui->problems, ui->nproblems + 1, sizeof(*ui->problems));
	ui->problems[ui->nproblems++] = xstrdup(msg);
}

size_t
ui_config_problems(const struct ui *ui, ui_report_fn fn, void *ctx)
{
	for (size_t i = 0; fn && i < ui->nproblems; i++)
		fn(ui->problems[i], ctx);
	return ui->nproblems;
}

struct ui *
ui_new(struct store *s, struct clusterer *c, const struct settings *set,
    char *err, size_t errlen)
{
	struct term *t = term_init(err, errlen);

	if (!t)
		return NULL;
	struct ui *ui = xcalloc(1, sizeof(*ui));
	ui->store = s;
	ui->cl = c;
	ui->set = set;
	ui->term = t;
	ui->km = keymap_new();
	ui->stack[0] = KEYMAP_BOARD;
	ui->depth = 1;
	ui->minute = -1;
	alert_rule_init(&ui->rule, set);
	buf_init(&ui->prompt, 1024);
	buf_init(&ui->fit, 0);
	buf_init(&ui->scratch, 0);
	lv_init(&ui->board.lv);
	lv_init(&ui->items.lv);
	lv_init(&ui->feeds);
	/* Config mistakes go to the message line; the last one shows. */
	if (set) {
		(void)term_colors(
		    t, set->colors, set->ncolors, "config", report_config, ui);
		(void)keymap_apply_binds(
		    ui->km, set->binds, set->nbinds, report_config, ui);
	}
	layout(ui);
	return ui;
}

void
ui_free(struct ui *ui)
{
	if (!ui) {
		term_fini();
		return;
	}
	term_free(ui->term);
	keymap_free(ui->km);
	ui_idlist_fini(&ui->board.ids);
	ui_items_fini(ui);
	ui_reader_fini(ui);
	ui_alerts_fini(ui);
	ui_text_clear(&ui->help);
	free(ui->help.lines);
	free(ui->filter);
	free(ui->filter_fold);
	free(ui->match);
	buf_fini(&ui->prompt);
	buf_fini(&ui->fit);
	buf_fini(&ui->scratch);
	free(ui->message);
	for (size_t i = 0; i < ui->nproblems; i++)
		free(ui->problems[i]);
	free(ui->problems);
	ui_idlist_fini(&ui->req_feeds);
	ui_idlist_fini(&ui->feed_ids);
	free(ui->req_url);
	free(ui);
}

int
ui_input_fd(const struct ui *ui)
{
	return term_fd(ui->term);
}

void
ui_resize(struct ui *ui)
{
	term_resize(ui->term);
	layout(ui);
}

void
ui_set_status(struct ui *ui, const struct ui_status *st)
{
	if (memcmp(&ui->st, st, sizeof(*st)) != 0) {
		ui->st = *st;
		ui->dirty_status = 1;
	}
}

void
ui_message(struct ui *ui, const char *msg)
{
	ui_flash(ui, 0, "%s", msg ? msg : "");
}

void
ui_set_watch(struct ui *ui, const struct alert_watch *w)
{
	ui->watch = w;
	ui->stale = ui->dirty_main = 1;
}

/* The banner shows for a minute (the loop wakes on the minute, so it
 * goes at the first tick after that), unless the alerts view opens. */
#define BANNER_SECONDS 60

void
ui_alerted(struct ui *ui, int64_t now, size_t n, int bell)
{
	if (n == 0)
		return;
	ui->banner_until = now + BANNER_SECONDS;
	ui->banner_n = n;
	ui->dirty_status = 1;
	/* the alerts view lists the new ones at once */
	if (ui_view(ui) == KEYMAP_ALERTS) {
		ui->banner_until = 0;
		ui->stale = 1;
	}
	if (bell)
		term_bell(ui->term);
}

static void
set_filter(struct ui *ui, const char *text)
{
	free(ui->filter);
	free(ui->filter_fold);
	ui->filter = ui->filter_fold = NULL;
	if (ui->nmatch)
		memset(ui->match, 0, ui->nmatch);
	if (text && *text) {
		struct buf f;
		buf_init(&f, 0);
		ui_fold(text, &f);
		ui->filter = xstrdup(text);
		ui->filter_fold = buf_take(&f);
	}
	ui->stale = ui->dirty_main = ui->dirty_status = 1;
}

/* A key while the filter prompt is open: edits and filters live. */
static void
prompt_key(struct ui *ui, uint32_t key)
{
	if (key == KEYMAP_KEY_ENTER) {
		ui->prompting = 0;
	} else if (key == KEYMAP_KEY_ESC) {
		ui->prompting = 0;
		buf_reset(&ui->prompt);
	} else if (key == KEYMAP_KEY_BACKSPACE) {
		ui_buf_backspace(&ui->prompt);
	} else if (key == 0x15) { /* ^U */
		buf_reset(&ui->prompt);
	} else if (key >= ' ' && key < KEYMAP_KEY_BASE && key != 0x7f &&
	           !(key >= 0x80 && key < 0xa0)) {
		char enc[4];
		(void)buf_append(&ui->prompt, enc, text_utf8_put(key, enc));
	} else {
		return;
	}
	set_filter(ui, ui->prompt.p);
	ui->dirty_status = 1;
}

/* Actions every view shares; the view's own handler runs first. */
static int
common_action(struct ui *ui, enum action a, struct ui_request *req)
{
	switch (a) {
	case ACT_QUIT:
		if (ui->depth > 1) {
			ui_pop(ui);
			return 0;
		}
		/* FALLTHROUGH */
	case ACT_HARD_QUIT:
		memset(req, 0, sizeof(*req));
		req->kind = UI_REQ_QUIT;
		return 1;
	case ACT_RELOAD_ALL:
		memset(req, 0, sizeof(*req));
		req->kind = UI_REQ_RELOAD_ALL;
		ui_flash(ui, 0, "reloading all feeds");
		return 1;
	case ACT_HELP:
		ui_push(ui, KEYMAP_HELP);
		return 0;
	case ACT_FEEDS:
		ui_push(ui, KEYMAP_FEEDS);
		return 0;
	case ACT_ALERTS:
		if (ui_view(ui) == KEYMAP_ALERTS)
			ui_pop(ui);
		else
			ui_push(ui, KEYMAP_ALERTS);
		return 0;
	case ACT_FILTER:
		ui->prompting = 1;
		buf_reset(&ui->prompt);
		if (ui->filter)
			(void)buf_puts(&ui->prompt, ui->filter);
		ui->dirty_status = 1;
		return 0;
	case ACT_CLEAR_FILTER:
		if (ui->filter)
			set_filter(ui, NULL);
		else if (ui->depth > 1)
			ui_pop(ui);
		return 0;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui->dirty_all = 1;
		return 0;
	default:
		return 0;
	}
}

static int
dispatch(struct ui *ui, enum action a, uint32_t key, struct ui_request *req)
{
	int r = -1;

	switch (ui_view(ui)) {
	case KEYMAP_BOARD:
		r = ui_board_action(ui, a, req);
		break;
	case KEYMAP_ITEMS:
		r = ui_items_action(ui, a, req);
		break;
	case KEYMAP_READER:
		r = ui_reader_action(ui, a, key, req);
		break;
	case KEYMAP_FEEDS:
		r = ui_feeds_action(ui, a, req);
		break;
	case KEYMAP_HELP:
		r = ui_text_scroll(ui, &ui->help, a) ? 0 : -1;
		break;
	case KEYMAP_ALERTS:
		r = ui_alerts_action(ui, a, req);
		break;
	case KEYMAP_NVIEWS:
		break;
	}
	/* -1: the view left the action to the common handler. */
	return r >= 0 ? r : common_action(ui, a, req);
}

int
ui_handle_input(struct ui *ui, int64_t now, struct ui_request *req)
{
	uint32_t key;

	ui->now = now;
	memset(req, 0, sizeof(*req));
	while (term_read_key(ui->term, &key)) {
		if (key == KEYMAP_KEY_RESIZE) {
			layout(ui);
			continue;
		}
		if (ui->message && !ui->prompting) {
			free(ui->message);
			ui->message = NULL;
			ui->dirty_status = 1;
		}
		if (ui->prompting) {
			prompt_key(ui, key);
			continue;
		}
		/* A view must be current before a key acts on it. */
		if (ui->stale || ui->store_gen != store_generation(ui->store) ||
		    ui->cluster_gen != cluster_generation(ui->cl))
			rebuild_view(ui);
		enum action a = keymap_lookup(ui->km, ui_view(ui), key);
		if (a == ACT_NONE)
			continue;
		if (dispatch(ui, a, key, req))
			return 1;
	}
	return 0;
}

void
ui_draw(struct ui *ui, int64_t now)
{
	uint64_t sg = store_generation(ui->store);
	uint64_t cg = cluster_generation(ui->cl);
	int64_t minute = now / 60;

	ui->now = now;
	if (sg != ui->store_gen || cg != ui->cluster_gen) {
		ui->stale = 1;
		/* Counts on the status line follow the store. */
		ui->dirty_status = 1;
	}
	if (minute != ui->minute)
		ui->stale = 1;
	if (ui->banner_until && now >= ui->banner_until) {
		ui->banner_until = 0;
		ui->dirty_status = 1;
	}
	if (!ui->stale && !ui->dirty_main && !ui->dirty_status &&
	    !ui->dirty_all)
		return;
	if (ui->stale) {
		ui->store_gen = sg;
		ui->cluster_gen = cg;
		ui->minute = minute;
		rebuild_view(ui);
		/* Marking items seen while rebuilding moves the store's
		 * generation; that is already on screen. */
		ui->store_gen = store_generation(ui->store);
		ui->stale = 0;
		ui->dirty_main = ui->dirty_status = 1;
	}
	if (ui->dirty_all) {
		erase();
		ui->dirty_main = ui->dirty_status = 1;
	}
	if (ui->dirty_main) {
		ui_header_draw(ui);
		switch (ui_view(ui)) {
		case KEYMAP_BOARD:
			ui_board_draw(ui);
			break;
		case KEYMAP_ITEMS:
			ui_items_draw(ui);
			break;
		case KEYMAP_READER:
			ui_reader_draw(ui);
			break;
		case KEYMAP_FEEDS:
			ui_feeds_draw(ui);
			break;
		case KEYMAP_HELP:
			ui_help_draw(ui);
			break;
		case KEYMAP_ALERTS:
			ui_alerts_draw(ui);
			break;
		case KEYMAP_NVIEWS:
			break;
		}
	}
	if (ui->dirty_status) {
		ui_status_draw(ui);
		ui_message_draw(ui);
	}
	ui->dirty_main = ui->dirty_status = ui->dirty_all = 0;
	wnoutrefresh(stdscr);
	doupdate();
}
