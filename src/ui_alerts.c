/* ui_alerts: the alerts view, the day's alerts newest first.
 *
 * The log is the store's (store_alert_at), so the view shows what fired
 * in earlier sessions too; "the day" is the last 24 hours before now.
 * Each row is one alert: the local time it fired, why (BREAKING, WATCH
 * or both), how many outlets carried the story then, and its headline;
 * the selected alert's full reason is shown under the list.  Enter opens
 * the story as it is now: the cluster that holds the alert's label item
 * (cluster ids change with every rebuild; the item stays), or says that
 * the story is no longer kept.  Rows are remembered by their position in
 * the log, which only grows between prunes, so a new alert arriving at
 * the top does not move the selection off the one being read. */
#include "ui_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "store.h"
#include "text.h"

#define DAY 86400
/* Rows under the list for the selected alert's reason. */
#define DETAIL_H 3

const char *
ui_alert_reason(unsigned reasons)
{
	if ((reasons & ALERT_BREAKING) && (reasons & ALERT_WATCH))
		return "BREAKING+WATCH";
	if (reasons & ALERT_BREAKING)
		return "BREAKING";
	return "WATCH";
}

size_t
ui_alerts_today(const struct ui *ui)
{
	size_t n = store_alert_count(ui->store), k = 0;

	while (k < n &&
	       store_alert_at(ui->store, n - 1 - k)->fired >= ui->now - DAY)
		k++;
	return k;
}

static size_t
list_rows(const struct ui *ui)
{
	int h = ui->geom.main_h;

	if (h >= 3 * DETAIL_H)
		h -= DETAIL_H;
	return h > 0 ? (size_t)h : 0;
}

void
ui_alerts_fini(struct ui *ui)
{
	ui_idlist_fini(&ui->alerts.idx);
}

void
ui_alerts_rebuild(struct ui *ui)
{
	struct ui_alerts *av = &ui->alerts;
	size_t n = store_alert_count(ui->store);
	size_t today = ui_alerts_today(ui);
	size_t idx = av->lv.sel;

	av->idx.n = 0;
	for (size_t k = 0; k < today; k++) {
		size_t pos = n - 1 - k;
		if (av->have_sel && pos == av->sel_pos)
			idx = k;
		ui_idlist_push(&av->idx, (uint32_t)pos);
	}
	lv_set_rows(&av->lv, list_rows(ui), 1);
	lv_set_count(&av->lv, av->idx.n, idx);
	av->have_sel = av->idx.n > 0;
	av->sel_pos = av->have_sel ? av->idx.v[av->lv.sel] : 0;
}

static const struct store_alert *
selected(const struct ui *ui)
{
	const struct ui_alerts *av = &ui->alerts;

	if (av->idx.n == 0)
		return NULL;
	return store_alert_at(ui->store, av->idx.v[av->lv.sel]);
}

void
ui_alerts_draw(struct ui *ui)
{
	struct ui_alerts *av = &ui->alerts;
	size_t first, end, rows = list_rows(ui);
	int cols = ui->geom.cols;
	struct buf b;

	lv_set_rows(&av->lv, rows, 1);
	lv_visible_range(&av->lv, &first, &end);
	buf_init(&b, 0);
	for (int r = 0; r < ui->geom.main_h; r++)
		ui_put(ui, ui->geom.main_y + r, 0, cols, "", TERM_NORMAL);
	if (av->idx.n == 0) {
		(void)buf_appendf(&b,
		    " No alerts in the last 24 hours.  A story alerts when it"
		    " breaks (%u outlets within %lld min) or a watch term"
		    " matches it.",
		    ui->rule.outlets, (long long)(ui->rule.window / 60));
		ui_put(ui, ui->geom.main_y, 0, cols, b.p, TERM_NORMAL);
		buf_fini(&b);
		return;
	}
	for (size_t i = first; i < end; i++) {
		const struct store_alert *a =
		    store_alert_at(ui->store, av->idx.v[i]);
		int y = ui->geom.main_y + (int)(i - first);
		int sel = i == av->lv.sel;
		char when[16] = "";
		if (!a)
			continue;
		ui_fmt_time(a->fired, UI_TIME_HM, when, sizeof(when));
		buf_reset(&b);
		(void)buf_appendf(&b, " %-5s  ", when);
		size_t lw = text_width(b.p);
		unsigned base = sel ? term_attr(ui->term, TERM_SELECTED)
		                    : term_attr(ui->term, TERM_NORMAL);
		ui_put_attr(ui, y, 0, (int)lw, b.p, base);
		int x = (int)lw;
		ui_put_attr(ui, y, x, 15, ui_alert_reason(a->reasons),
		    sel ? base
		        : term_attr(ui->term, (a->reasons & ALERT_BREAKING)
		                                  ? TERM_BREAKING
		                                  : TERM_WATCH));
		x += 15;
		buf_reset(&b);
		(void)buf_appendf(
		    &b, "%u outlet%s", a->outlets, a->outlets == 1 ? "" : "s");
		ui_put_attr(ui, y, x, 12, b.p,
		    sel ? base : term_attr(ui->term, TERM_DIM));
		x += 12;
		ui_put_attr(ui, y, x, cols - x, a->headline, base);
	}
	/* The selected alert's reason, and whether its story is kept. */
	const struct store_alert *a = selected(ui);
	if (a && rows < (size_t)ui->geom.main_h) {
		struct ui_text t = {0};
		buf_reset(&b);
		(void)buf_appendf(&b, "%s%s", a->detail ? a->detail : "",
		    a->item && store_item(ui->store, a->item)
		        ? ""
		        : " (the story is no longer kept)");
		ui_text_wrap(&t, b.p, (size_t)cols, TERM_DIM);
		int y0 = ui->geom.main_y + (int)rows;
		for (size_t k = 0; k < t.n && (int)k + 1 < DETAIL_H; k++)
			ui_put(ui, y0 + 1 + (int)k, 0, cols, t.lines[k].text,
			    t.lines[k].elem);
		ui_text_clear(&t);
		free(t.lines);
	}
	buf_fini(&b);
}

int
ui_alerts_action(struct ui *ui, enum action a, struct ui_request *req)
{
	struct ui_alerts *av = &ui->alerts;

	(void)req;
	switch (a) {
	case ACT_LEFT:
		ui_pop(ui);
		return 0;
	case ACT_OPEN: {
		const struct store_alert *al = selected(ui);
		uint32_t c = al && al->item && store_item(ui->store, al->item)
		                 ? cluster_of(ui->cl, al->item)
		                 : 0;
		if (c)
			ui_items_open(ui, c);
		else if (al)
			ui_flash(ui, 1, "that story is no longer kept");
		return 0;
	}
	default:
		if (!ui_list_nav(&av->lv, a, 1))
			return -1;
		break;
	}
	av->have_sel = av->idx.n > 0;
	av->sel_pos = av->have_sel ? av->idx.v[av->lv.sel] : 0;
	ui->dirty_main = 1;
	return 0;
}
