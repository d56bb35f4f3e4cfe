/* ui_reader: the text views: the reader (one item), the feeds with their
 * status and errors, and the help screen.
 *
 * The reader and help are wrapped once per width into a line list and
 * then only scrolled; a store update re-wraps the reader (its item may
 * have changed) but keeps the scroll position.  The reader's links are
 * numbered: the item's own link first, then the links of its HTML
 * content (html_to_text marks them "[N]" in the text) and the addresses
 * its plain-text summary mentions, without duplicates; the digit keys
 * open them.  The help screen is printed from keymap_each, the same table
 * the keys are looked up in, so it cannot drift from what keys do. */
#include "ui_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "store.h"
#include "text.h"

/* Rows the feeds view keeps for the selected feed's URL and error. */
#define FEED_DETAIL_H 4

void
ui_reader_fini(struct ui *ui)
{
	struct ui_reader *r = &ui->reader;

	html_links_fini(&r->links);
	ui_text_clear(&r->text);
	free(r->text.lines);
	r->text.lines = NULL;
	r->text.cap = 0;
}

void
ui_reader_open(struct ui *ui, uint32_t item)
{
	struct ui_reader *r = &ui->reader;

	r->item = item;
	r->text.top = 0;
	r->width = 0;
	ui_article_set_read(ui, item, 1);
	store_set_seen(ui->store, item);
	if (ui_view(ui) != KEYMAP_READER)
		ui_push(ui, KEYMAP_READER);
	ui->stale = ui->dirty_main = 1;
}

/* Adds a link the text mentions without markup, once. */
static void
add_link(const char *url, size_t len, void *ctx)
{
	struct link_list *l = ctx;

	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->url[i]) == len &&
		    memcmp(l->url[i], url, len) == 0)
			return;
	if (l->n >= HTML_MAX_LINKS)
		return;
	l->url = xreallocarray(l->url, l->n + 1, sizeof(*l->url));
	l->url[l->n++] = xstrndup(url, len);
}

void
ui_reader_rebuild(struct ui *ui)
{
	struct ui_reader *r = &ui->reader;
	const struct item *it = store_item(ui->store, r->item);
	size_t width = ui->geom.cols > 2 ? (size_t)ui->geom.cols - 1 : 1;
	char loc[64], utc[64];

	r->width = width;
	ui_text_clear(&r->text);
	html_links_fini(&r->links);
	if (!it) {
		ui_text_puts(
		    &r->text, " This item is no longer stored.", TERM_NORMAL);
		return;
	}
	char lab[TEXT_LABEL_SIZE];
	ui_text_wrap(&r->text,
	    text_item_label(it->title, it->summary, it->link, it->outlet, lab),
	    width, TERM_TITLE);
	struct buf b;
	buf_init(&b, 0);
	if (it->outlet && *it->outlet)
		(void)buf_appendf(&b, "Outlet: %s (via %s)", it->outlet,
		    ui_outlet(ui, it->feed_id));
	else
		(void)buf_appendf(&b, "Outlet: %s", ui_outlet(ui, it->feed_id));
	ui_text_wrap(&r->text, b.p, width, TERM_OUTLET);
	int64_t t = it->published != PARSE_NO_DATE ? it->published : it->time;
	ui_fmt_time(t, UI_TIME_LOCAL, loc, sizeof(loc));
	ui_fmt_time(t, UI_TIME_UTC, utc, sizeof(utc));
	buf_reset(&b);
	(void)buf_appendf(&b, "Date:   %s (%s)%s", loc, utc,
	    it->published != PARSE_NO_DATE ? "" : ", first seen");
	ui_text_wrap(&r->text, b.p, width, TERM_DIM);
	if (it->author && *it->author) {
		buf_reset(&b);
		(void)buf_appendf(&b, "Author: %s", it->author);
		ui_text_wrap(&r->text, b.p, width, TERM_DIM);
	}
	if (it->updated)
		ui_text_wrap(&r->text,
		    "Updated: the outlet changed this item after it was first"
		    " seen",
		    width, TERM_FRESH);
	ui_text_puts(&r->text, "", TERM_NORMAL);

	/* The item's own link is [1]; html_to_text numbers the links of
	 * the content after it, and marks them in the text. */
	if (it->link && *it->link)
		add_link(it->link, strlen(it->link), &r->links);
	buf_reset(&b);
	if (it->content && *it->content)
		(void)html_to_text_base(
		    it->content, strlen(it->content), it->link, &b, &r->links);
	if (b.len == 0 && it->summary)
		(void)buf_puts(&b, it->summary);
	if (b.len)
		ui_text_wrap(&r->text, b.p, width, TERM_NORMAL);
	else
		ui_text_puts(&r->text, "(no summary)", TERM_DIM);
	/* Plain-text summaries mention addresses without markup. */
	ui_find_urls(it->summary, add_link, &r->links);
	if (r->links.n) {
		ui_text_puts(&r->text, "", TERM_NORMAL);
		ui_text_puts(&r->text, "Links:", TERM_TITLE);
	}
	for (size_t i = 0; i < r->links.n; i++) {
		buf_reset(&b);
		(void)buf_appendf(&b, "[%zu] %s", i + 1, r->links.url[i]);
		ui_text_wrap(&r->text, b.p, width, TERM_LINK);
	}
	buf_fini(&b);
}

void
ui_reader_draw(struct ui *ui)
{
	ui_text_draw(ui, &ui->reader.text);
}

/* Opens the next unread item of the cluster being read. */
static void
reader_next_unread(struct ui *ui)
{
	const struct ui_items *iv = &ui->items;
	size_t cur = 0;

	for (size_t i = 0; i < iv->ids.n; i++)
		if (iv->ids.v[i] == ui->reader.item)
			cur = i;
	for (size_t k = 1; k < iv->ids.n; k++) {
		size_t i = (cur + k) % iv->ids.n;
		const struct item *o = store_item(ui->store, iv->ids.v[i]);
		if (o && !o->read) {
			ui_items_follow(ui, iv->ids.v[i]);
			ui_reader_open(ui, iv->ids.v[i]);
			return;
		}
	}
	ui_flash(ui, 0, "no unread items in this story");
}

int
ui_reader_action(
    struct ui *ui, enum action a, uint32_t key, struct ui_request *req)
{
	struct ui_reader *r = &ui->reader;
	const struct item *it = store_item(ui->store, r->item);

	if (ui_text_scroll(ui, &r->text, a))
		return 0;
	switch (a) {
	case ACT_LEFT:
		ui_pop(ui);
		return 0;
	case ACT_OPEN_BROWSER:
		if (r->links.n == 0) {
			ui_flash(ui, 1, "this item has no link");
			return 0;
		}
		return ui_req_open(ui, r->links.url[0], req);
	case ACT_OPEN_LINK: {
		size_t n = key >= '1' && key <= '9' ? key - '0' : 1;
		if (n > r->links.n) {
			ui_flash(ui, 1, "there is no link %zu", n);
			return 0;
		}
		return ui_req_open(ui, r->links.url[n - 1], req);
	}
	case ACT_RELOAD:
		return it ? ui_req_reload(ui, &it->feed_id, 1, req) : 0;
	case ACT_MARK_READ:
		if (it) {
			int read = !it->read;
			ui_article_set_read(ui, it->id, read);
			ui_flash(ui, 0, "marked %s", read ? "read" : "unread");
		}
		return 0;
	case ACT_NEXT_UNREAD:
		reader_next_unread(ui);
		return 0;
	default:
		return -1;
	}
}

/* The feeds view. */

static size_t
feeds_rows(const struct ui *ui)
{
	int h = ui->geom.main_h;

	if (h >= 3 * FEED_DETAIL_H)
		h -= FEED_DETAIL_H;
	if (h >= 4)
		h--; /* the column names */
	return h > 0 ? (size_t)h : 0;
}

/* The feeds of this session's feeds file; a feed known only from the
 * database is not one the reporter follows any more.  Until feeds are
 * registered, every stored one. */
void
ui_feeds_rebuild(struct ui *ui)
{
	struct ui_idlist *ids = &ui->feed_ids;
	uint32_t n = store_feed_count(ui->store), sel_id = 0;

	if (ids->n && ui->feeds.sel < ids->n)
		sel_id = ids->v[ui->feeds.sel];
	ids->n = 0;
	for (int pass = 0; pass < 2 && ids->n == 0; pass++) {
		for (uint32_t id = 1; id <= n; id++) {
			const struct feed_info *f = store_feed(ui->store, id);
			if (f && (f->listed || pass == 1))
				ui_idlist_push(ids, id);
		}
	}
	size_t idx = ui->feeds.sel;
	for (size_t i = 0; sel_id && i < ids->n; i++)
		if (ids->v[i] == sel_id)
			idx = i;
	lv_set_rows(&ui->feeds, feeds_rows(ui), 1);
	lv_set_count(&ui->feeds, ids->n, idx);
}

void
ui_feeds_draw(struct ui *ui)
{
	struct listview *lv = &ui->feeds;
	size_t first, end, rows = feeds_rows(ui);
	int cols = ui->geom.cols;
	struct buf b;

	size_t hdr = ui->geom.main_h >= 4 ? 1 : 0;
	int tw = cols / 3 > 40 ? 40 : cols / 3;

	lv_set_rows(lv, rows, 1);
	lv_visible_range(lv, &first, &end);
	buf_init(&b, 0);
	if (hdr) {
		(void)buf_appendf(&b, "%-6s %-5s %5s  %-*s %s", "status",
		    "fetch", "items", tw - 1, "feed", "last error");
		ui_put(ui, ui->geom.main_y, 0, cols, b.p, TERM_TITLE);
	}
	for (size_t r = hdr; r < (size_t)ui->geom.main_h; r++) {
		int y = ui->geom.main_y + (int)r;
		size_t i = first + r - hdr;
		if (r - hdr >= rows || i >= end) {
			ui_put(ui, y, 0, cols, "", TERM_NORMAL);
			continue;
		}
		const struct feed_info *f =
		    store_feed(ui->store, ui->feed_ids.v[i]);
		if (!f)
			continue;
		char when[16] = "never";
		if (f->last_fetch)
			ui_fmt_time(
			    f->last_fetch, UI_TIME_HM, when, sizeof(when));
		const char *st = f->status > 0   ? "ok"
		                 : f->status < 0 ? "FAILED"
		                                 : "--";
		buf_reset(&b);
		(void)buf_appendf(&b, "%-6s %-5s %5zu  ", st, when, f->nitems);
		size_t lw = text_width(b.p);
		int sel = i == lv->sel;
		unsigned attr =
		    sel ? term_attr(ui->term, TERM_SELECTED)
		        : term_attr(ui->term,
		              f->status < 0 ? TERM_ERROR : TERM_NORMAL);
		ui_put_attr(ui, y, 0, (int)lw, b.p, attr);
		ui_put_attr(ui, y, (int)lw, tw, ui_outlet(ui, f->id),
		    sel ? attr : term_attr(ui->term, TERM_OUTLET));
		ui_put_attr(ui, y, (int)lw + tw, cols - (int)lw - tw,
		    f->error ? f->error : "", attr);
	}
	/* The selected feed's URL and whole error. */
	const struct feed_info *f =
	    lv->count ? store_feed(ui->store, ui->feed_ids.v[lv->sel]) : NULL;
	if (f && rows + hdr < (size_t)ui->geom.main_h) {
		struct ui_text t = {0};
		buf_reset(&b);
		(void)buf_appendf(&b, "%s", f->url ? f->url : "");
		ui_text_wrap(&t, b.p, (size_t)cols, TERM_LINK);
		if (f->error)
			ui_text_wrap(&t, f->error, (size_t)cols, TERM_ERROR);
		int y0 = ui->geom.main_y + (int)(rows + hdr);
		ui_put(ui, y0, 0, cols, "", TERM_NORMAL);
		for (size_t k = 0; k < t.n && (int)k + 1 < FEED_DETAIL_H; k++)
			ui_put(ui, y0 + 1 + (int)k, 0, cols, t.lines[k].text,
			    t.lines[k].elem);
		ui_text_clear(&t);
		free(t.lines);
	} else if (lv->count == 0) {
		ui_put(ui, ui->geom.main_y, 0, cols, " No feeds.", TERM_NORMAL);
	}
	buf_fini(&b);
}

int
ui_feeds_action(struct ui *ui, enum action a, struct ui_request *req)
{
	struct listview *lv = &ui->feeds;

	switch (a) {
	case ACT_LEFT:
		ui_pop(ui);
		return 0;
	case ACT_RELOAD: {
		if (lv->count == 0)
			return 0;
		return ui_req_reload(ui, &ui->feed_ids.v[lv->sel], 1, req);
	}
	default:
		if (!ui_list_nav(lv, a, 1))
			return -1;
		break;
	}
	ui->dirty_main = 1;
	return 0;
}

/* The help screen. */

struct help_ctx {
	struct ui_text *t;
	size_t width;
	struct buf *b;
};

static void
help_line(enum action act, const char *name, const char *keys, const char *desc,
    void *ctx)
{
	struct help_ctx *h = ctx;
	size_t kw = text_width(keys);

	(void)act;
	buf_reset(h->b);
	(void)buf_appendf(h->b, "  %s", keys);
	for (size_t w = kw; w < 18; w++)
		(void)buf_putc(h->b, ' ');
	(void)buf_appendf(h->b, " %-16s %s", name, desc);
	ui_text_add(h->t, h->b->p, h->b->len, TERM_HELP);
}

void
ui_help_rebuild(struct ui *ui)
{
	static const char *const titles[KEYMAP_NVIEWS] = {
	    [KEYMAP_BOARD] = "On the board",
	    [KEYMAP_ITEMS] = "In a story's item list",
	    [KEYMAP_READER] = "In the reader",
	    [KEYMAP_FEEDS] = "In the feeds view",
	    [KEYMAP_HELP] = "In this help",
	    [KEYMAP_ALERTS] = "In the alerts view",
	};
	struct buf b;
	struct help_ctx h = {&ui->help, (size_t)ui->geom.cols, &b};

	enum keymap_view from =
	    ui->depth > 1 ? ui->stack[ui->depth - 2] : KEYMAP_BOARD;

	if (ui->help.n && ui->help_width == (size_t)ui->geom.cols &&
	    ui->help_from == from)
		return;
	ui->help_width = (size_t)ui->geom.cols;
	ui->help_from = from;
	ui_text_clear(&ui->help);
	buf_init(&b, 0);
	ui_text_puts(&ui->help,
	    "Keys (bind KEY ACTION [VIEW] in the config"
	    " file changes them; see wiredesk(1))",
	    TERM_TITLE);
	/* The view help was asked from first, then the others. */
	for (int k = -1; k < KEYMAP_NVIEWS; k++) {
		enum keymap_view v = k < 0 ? from : (enum keymap_view)k;
		if (k >= 0 && v == from)
			continue;
		ui_text_puts(&ui->help, "", TERM_NORMAL);
		ui_text_puts(&ui->help, titles[v], TERM_TITLE);
		keymap_each(ui->km, v, help_line, &h);
	}
	ui_text_puts(&ui->help, "", TERM_NORMAL);
	ui_text_puts(&ui->help,
	    "  While typing a filter: Enter keeps it, Esc"
	    " clears it, ^U erases it.",
	    TERM_NORMAL);
	buf_fini(&b);
}

void
ui_help_draw(struct ui *ui)
{
	ui_text_draw(ui, &ui->help);
}
