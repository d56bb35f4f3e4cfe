/* ui_status: the title line at the top, the status line and the message
 * line at the bottom.
 *
 * The status line says what a reporter needs to trust the board: how
 * many feeds answered and failed, what is being fetched now ("k of N"),
 * when the last round ended and the next begins, how much is stored,
 * and which filter is on.  For a minute after an alert it starts with
 * the alert: when, why and the headline, so a reporter glancing at the
 * corner of the screen sees what happened.  The key hints on the
 * title line are looked up in the keymap, so they name the keys actually
 * bound. */
#include "ui_priv.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "cluster.h"
#include "store.h"
#include "text.h"

struct first_key {
	enum action act;
	char key[32];
};

static void
first_key_fn(enum action act, const char *name, const char *keys,
    const char *desc, void *ctx)
{
	struct first_key *f = ctx;

	(void)name;
	(void)desc;
	if (act != f->act || f->key[0])
		return;
	size_t n = strcspn(keys, " ");
	if (n >= sizeof(f->key))
		n = sizeof(f->key) - 1;
	memcpy(f->key, keys, n);
	f->key[n] = '\0';
}

/* Appends "KEY:what  " for the first key bound to act in view. */
static void
hint(const struct ui *ui, enum keymap_view view, enum action act,
    const char *what, struct buf *b)
{
	struct first_key f = {act, ""};

	keymap_each(ui->km, view, first_key_fn, &f);
	if (f.key[0])
		(void)buf_appendf(b, "%s:%s  ", f.key, what);
}

void
ui_header_draw(struct ui *ui)
{
	enum keymap_view v = ui_view(ui);
	struct buf left, right;
	int cols = ui->geom.cols;

	if (ui->geom.header < 0)
		return;
	buf_init(&left, 0);
	buf_init(&right, 0);
	switch (v) {
	case KEYMAP_BOARD:
		(void)buf_appendf(&left, " wiredesk \xc2\xb7 %zu stor%s",
		    ui->board.ids.n, ui->board.ids.n == 1 ? "y" : "ies");
		if (ui->filter)
			(void)buf_appendf(
			    &left, " matching \"%s\"", ui->filter);
		hint(ui, v, ACT_OPEN, "open", &right);
		hint(ui, v, ACT_FILTER, "filter", &right);
		hint(ui, v, ACT_FEEDS, "feeds", &right);
		hint(ui, v, ACT_HELP, "keys", &right);
		hint(ui, v, ACT_QUIT, "quit", &right);
		break;
	case KEYMAP_ITEMS: {
		const struct cluster_view *cv =
		    cluster_view(ui->cl, ui->items.cluster);
		const struct item *li =
		    cv ? store_item(ui->store, cv->label_item) : NULL;
		char lab[TEXT_LABEL_SIZE];
		(void)buf_appendf(&left, " %zu item%s \xc2\xb7 %s",
		    ui->items.ids.n, ui->items.ids.n == 1 ? "" : "s",
		    li ? text_item_label(
		             li->title, li->summary, li->link, li->outlet, lab)
		       : "story");
		hint(ui, v, ACT_OPEN, "read", &right);
		hint(ui, v, ACT_OPEN_BROWSER, "browser", &right);
		hint(ui, v, ACT_QUIT, "back", &right);
		break;
	}
	case KEYMAP_READER: {
		const struct item *it = store_item(ui->store, ui->reader.item);
		(void)buf_appendf(
		    &left, " %s", it ? ui_item_outlet(ui, it) : "reader");
		hint(ui, v, ACT_OPEN_BROWSER, "browser", &right);
		if (ui->reader.links.n > 1)
			(void)buf_appendf(&right, "1-%zu:links  ",
			    ui->reader.links.n < 9 ? ui->reader.links.n : 9);
		hint(ui, v, ACT_QUIT, "back", &right);
		break;
	}
	case KEYMAP_FEEDS:
		(void)buf_appendf(&left, " %zu feed%s", ui->feed_ids.n,
		    ui->feed_ids.n == 1 ? "" : "s");
		if (ui->st.feeds_failed)
			(void)buf_appendf(
			    &left, ", %u failed", ui->st.feeds_failed);
		hint(ui, v, ACT_RELOAD, "reload", &right);
		hint(ui, v, ACT_QUIT, "back", &right);
		break;
	case KEYMAP_ALERTS: {
		size_t n = ui->alerts.idx.n;
		(void)buf_appendf(&left, " %zu alert%s in the last 24 hours",
		    n, n == 1 ? "" : "s");
		hint(ui, v, ACT_OPEN, "open the story", &right);
		hint(ui, v, ACT_QUIT, "back", &right);
		break;
	}
	case KEYMAP_HELP:
	case KEYMAP_NVIEWS:
		(void)buf_puts(&left, " Keys");
		hint(ui, v, ACT_QUIT, "back", &right);
		break;
	}
	(void)buf_puts(&left, "");
	(void)buf_puts(&right, "");
	size_t rw = text_width(right.p);
	if (rw + 20 > (size_t)cols)
		rw = 0;
	ui_put(ui, ui->geom.header, 0, cols - (int)rw, left.p, TERM_TITLE);
	if (rw)
		ui_put(ui, ui->geom.header, cols - (int)rw, (int)rw, right.p,
		    TERM_HELP);
	buf_fini(&left);
	buf_fini(&right);
}

/* The newest alert, while its banner lasts, at the start of the status
 * line: at most three fifths of it, so fetch progress stays in sight
 * while alerts come in.  Returns the columns it took. */
static int
banner_draw(struct ui *ui)
{
	size_t n = store_alert_count(ui->store);
	const struct store_alert *a = n ? store_alert_at(ui->store, n - 1) :
					  NULL;
	struct buf b;
	char t[32] = "";

	if (!a)
		return 0;
	buf_init(&b, 0);
	struct first_key f = {ACT_ALERTS, ""};
	keymap_each(ui->km, KEYMAP_BOARD, first_key_fn, &f);
	ui_fmt_time(a->fired, UI_TIME_HM, t, sizeof(t));
	(void)buf_appendf(&b, " %s%s%s %s \xc2\xb7 %s \xc2\xb7 %u outlet%s",
	    f.key, f.key[0] ? " " : "", t, ui_alert_reason(a->reasons),
	    a->headline, a->outlets, a->outlets == 1 ? "" : "s");
	if (ui->banner_n > 1)
		(void)buf_appendf(&b, " (and %zu more)", ui->banner_n - 1);
	(void)buf_puts(&b, " ");
	size_t w = text_width(b.p), max = (size_t)ui->geom.cols * 3 / 5;
	if (w > max)
		w = max;
	ui_put_attr(ui, ui->geom.status, 0, (int)w, b.p,
	    term_attr(ui->term, TERM_BREAKING) | A_REVERSE);
	buf_fini(&b);
	return (int)w;
}

void
ui_status_draw(struct ui *ui)
{
	const struct ui_status *st = &ui->st;
	struct buf b;
	char t[32];

	if (ui->geom.status < 0)
		return;
	int x = ui->banner_until ? banner_draw(ui) : 0;
	buf_init(&b, 0);
	if (st->feeds == 0) {
		(void)buf_puts(&b, " no feeds");
	} else {
		(void)buf_appendf(&b, " feeds %u ok", st->feeds_ok);
		if (st->feeds_failed)
			(void)buf_appendf(&b, ", %u failed", st->feeds_failed);
	}
	if (st->in_flight)
		(void)buf_appendf(&b, " | fetching %u of %u", st->in_flight,
		    st->round_total ? st->round_total : st->in_flight);
	if (st->last_refresh) {
		ui_fmt_time(st->last_refresh, UI_TIME_HM, t, sizeof(t));
		(void)buf_appendf(&b, " | last %s", t);
	}
	if (st->next_refresh) {
		ui_fmt_time(st->next_refresh, UI_TIME_HM, t, sizeof(t));
		(void)buf_appendf(&b, " | next %s", t);
	}
	(void)buf_appendf(&b, " | %zu items, %zu stories",
	    store_item_count(ui->store), ui->board.total);
	size_t today = ui_alerts_today(ui);
	if (today)
		(void)buf_appendf(&b, " | %zu alert%s", today,
		    today == 1 ? "" : "s");
	if (ui->filter)
		(void)buf_appendf(&b, " | filter: %s", ui->filter);
	ui_put(ui, ui->geom.status, x, ui->geom.cols - x, b.p, TERM_STATUS);
	buf_fini(&b);
}

void
ui_message_draw(struct ui *ui)
{
	if (ui->geom.message < 0)
		return;
	if (ui->prompting) {
		struct buf b;
		buf_init(&b, 0);
		(void)buf_appendf(&b, "/%s_", ui->prompt.p ? ui->prompt.p : "");
		/* Keep the end of a long filter in sight. */
		size_t w = text_width(b.p), cols = (size_t)ui->geom.cols;
		const char *s = b.p;
		while (w > cols && *s) {
			uint32_t cp;
			size_t n = text_utf8_next(s, strlen(s), &cp);
			w -= (size_t)text_cp_width(cp);
			s += n;
		}
		ui_put(ui, ui->geom.message, 0, ui->geom.cols, s, TERM_NORMAL);
		buf_fini(&b);
		return;
	}
	ui_put(ui, ui->geom.message, 0, ui->geom.cols,
	    ui->message ? ui->message : "",
	    ui->message_error ? TERM_ERROR : TERM_NORMAL);
}
