/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_UI_PRIV_H
#define WIREDESK_UI_PRIV_H

/* Private to ui.c, ui_board.c, ui_reader.c, ui_status.c and ui_fmt.c:
 * the UI's state and the functions the files share.  The ui_fmt_*
 * helpers are pure (no terminal, no store) and unit-tested. */

#include <stddef.h>
#include <stdint.h>

#include "alert.h"
#include "buf.h"
#include "html.h"
#include "keymap.h"
#include "listview.h"
#include "term.h"
#include "ui.h"

struct item;
struct settings;

/* Panels are at least this wide; a wider terminal gets more columns. */
#define UI_PANEL_MIN_W 50
/* A panel's height: border, label, four headlines, border. */
#define UI_PANEL_H 7
/* Views can stack this deep (board, items, reader, feeds, help). */
#define UI_MAX_DEPTH 8

/* Where things go on a screen of a given size. */
struct ui_geom {
	int rows, cols;
	int header;         /* row of the title line, -1 when too small */
	int main_y, main_h; /* the view's area */
	int status;         /* row of the status line, -1 when too small */
	int message;        /* row of the message line, -1 when too small */
};

/* A line of a text view (reader, help, feed details). */
struct ui_line {
	char *text;
	enum term_elem elem;
};

struct ui_text {
	struct ui_line *lines;
	size_t n, cap;
	size_t top; /* first line on screen */
};

struct ui_idlist {
	uint32_t *v;
	size_t n, cap;
};

struct ui_board {
	struct ui_idlist ids; /* clusters on the board, hottest first */
	size_t total;         /* clusters before filtering */
	struct listview lv;
	struct lv_grid grid;
	uint32_t sel_id;   /* the selected cluster ... */
	uint32_t sel_item; /* ... and its label item, to follow merges */
	int chosen;        /* the reader picked it: it follows its story */
};

struct ui_items {
	uint32_t cluster;
	uint32_t anchor;       /* its label item, to find it again */
	struct ui_idlist ids;  /* its items, newest first */
	struct ui_idlist seen; /* sorted: items that were new on arrival */
	struct listview lv;
	uint32_t sel_id;
};

struct ui_alerts {
	struct ui_idlist idx; /* positions in the store's log, newest first */
	struct listview lv;
	size_t sel_pos;       /* the selected alert's position, to keep it */
	int have_sel;
};

struct ui_reader {
	uint32_t item;
	struct ui_text text;
	struct link_list links; /* [1] the item's link, then its text's */
	size_t width;           /* text wrapped to this */
};

struct ui {
	struct store *store;
	struct clusterer *cl;
	const struct settings *set;
	struct term *term;
	struct keymap *km;
	struct ui_geom geom;
	int64_t now;

	enum keymap_view stack[UI_MAX_DEPTH];
	size_t depth; /* stack[depth - 1] is on screen */

	/* What the screen was last drawn from. */
	uint64_t store_gen, cluster_gen;
	int64_t minute;
	int stale;        /* views must be rebuilt from the store */
	int dirty_main;   /* the view area must be repainted */
	int dirty_status; /* the status and message lines */
	int dirty_all;    /* everything, e.g. after a resize */

	struct ui_board board;
	struct ui_items items;
	struct ui_reader reader;
	struct ui_alerts alerts;
	struct listview feeds;
	struct ui_idlist feed_ids; /* the feeds view's rows */
	struct ui_text help;
	size_t help_width;
	enum keymap_view help_from; /* its section comes first */

	/* The filter: as typed, and case-folded for matching. */
	char *filter, *filter_fold;
	unsigned char *match; /* per item id: 0 unknown, 1 no, 2 yes */
	size_t nmatch;
	int prompting;
	struct buf prompt;

	/* Breaking stories and watch terms (ui_set_watch), and the alert
	 * banner on the status line until banner_until. */
	struct alert_rule rule;
	const struct alert_watch *watch;
	int64_t banner_until;
	size_t banner_n; /* alerts it stands for */

	struct ui_status st;
	char **problems; /* in the settings' bind and color lines */
	size_t nproblems;
	char *message;
	int message_error;

	/* Storage behind the last ui_request. */
	struct ui_idlist req_feeds;
	char *req_url;

	struct buf fit, scratch;
};

/* ui.c */
enum keymap_view ui_view(const struct ui *ui);
void ui_push(struct ui *ui, enum keymap_view v);
void ui_pop(struct ui *ui);
void ui_flash(struct ui *ui, int error, const char *fmt, ...) ATTR_PRINTF(3, 4);
/* Draws text fitted to exactly w columns at (y, x). */
void ui_put(
    struct ui *ui, int y, int x, int w, const char *text, enum term_elem e);
/* Same with an extra attribute (selection, bold) or'ed in. */
void ui_put_attr(
    struct ui *ui, int y, int x, int w, const char *text, unsigned attr);
int ui_matches_item(struct ui *ui, uint32_t item_id);
const char *ui_outlet(const struct ui *ui, uint32_t feed_id);
/* The outlet an item is from: the one an aggregator names for it, else
 * its feed's (ui_outlet). */
const char *ui_item_outlet(const struct ui *ui, const struct item *it);
/* Request helpers: each fills *req and returns 1. */
int ui_req_open(struct ui *ui, const char *url, struct ui_request *req);
int ui_req_reload(
    struct ui *ui, const uint32_t *feeds, size_t n, struct ui_request *req);
void ui_idlist_push(struct ui_idlist *l, uint32_t id);
void ui_idlist_fini(struct ui_idlist *l);
void ui_text_clear(struct ui_text *t);
void ui_text_add(
    struct ui_text *t, const char *s, size_t len, enum term_elem e);
void ui_text_puts(struct ui_text *t, const char *s, enum term_elem e);
/* Word-wraps s to width lines of t. */
void ui_text_wrap(
    struct ui_text *t, const char *s, size_t width, enum term_elem e);
void ui_text_draw(struct ui *ui, struct ui_text *t);
/* Scrolls a text view; returns 1 when the action was a scroll. */
int ui_text_scroll(struct ui *ui, struct ui_text *t, enum action a);
/* Moves a list's selection for up and down (by step, a grid's row),
 * page up and down, home and end; returns 1 when the action was one of
 * those. */
int ui_list_nav(struct listview *lv, enum action a, ptrdiff_t step);

/* ui_board.c: the board and a cluster's items. */
void ui_board_rebuild(struct ui *ui);
void ui_board_layout(struct ui *ui);
void ui_board_draw(struct ui *ui);
int ui_board_action(struct ui *ui, enum action a, struct ui_request *req);
void ui_items_open(struct ui *ui, uint32_t cluster);
void ui_items_rebuild(struct ui *ui);
void ui_items_layout(struct ui *ui);
void ui_items_draw(struct ui *ui);
int ui_items_action(struct ui *ui, enum action a, struct ui_request *req);
void ui_items_fini(struct ui *ui);
/* Selects item id in the item list, if it is there. */
void ui_items_follow(struct ui *ui, uint32_t id);
/* Marks every member of a cluster read (or unread) and seen; returns how
 * many changed. */
size_t ui_cluster_mark_read(struct ui *ui, uint32_t cluster, int read);
/* Marks item id read (or unread) with the other copies of its article
 * in its story (one link, or one outlet's headline within an hour). */
void ui_article_set_read(struct ui *ui, uint32_t id, int read);
/* Marks a cluster read, or unread when every member already is. */
size_t ui_cluster_toggle_read(struct ui *ui, uint32_t cluster);

/* ui_alerts.c: the alerts view. */
void ui_alerts_rebuild(struct ui *ui);
void ui_alerts_draw(struct ui *ui);
int ui_alerts_action(struct ui *ui, enum action a, struct ui_request *req);
void ui_alerts_fini(struct ui *ui);
/* How many alerts of the log fired within the last day at ui->now. */
size_t ui_alerts_today(const struct ui *ui);
/* "BREAKING", "WATCH", "BREAKING+WATCH". */
const char *ui_alert_reason(unsigned reasons);

/* ui_reader.c: the reader, the feeds and the help. */
void ui_reader_open(struct ui *ui, uint32_t item);
void ui_reader_rebuild(struct ui *ui);
void ui_reader_draw(struct ui *ui);
int ui_reader_action(
    struct ui *ui, enum action a, uint32_t key, struct ui_request *req);
void ui_reader_fini(struct ui *ui);
void ui_feeds_rebuild(struct ui *ui);
void ui_feeds_draw(struct ui *ui);
int ui_feeds_action(struct ui *ui, enum action a, struct ui_request *req);
void ui_help_rebuild(struct ui *ui);
void ui_help_draw(struct ui *ui);

/* ui_status.c: the title, status and message lines. */
void ui_header_draw(struct ui *ui);
void ui_status_draw(struct ui *ui);
void ui_message_draw(struct ui *ui);

/* ui_fmt.c: pure helpers. */
void ui_geom_compute(struct ui_geom *g, int rows, int cols);
/* The board's grid in the view area of g. */
void ui_board_grid(const struct ui_geom *g, struct lv_grid *grid);
/* "now", "5m", "3h", "2d": the age of something age seconds old. */
void ui_fmt_age(int64_t age, char *out, size_t outlen);
/* The time formats the views use. */
enum ui_time {
	UI_TIME_HM,    /* "14:03", local */
	UI_TIME_SHORT, /* "Nov 24 14:03", local */
	UI_TIME_LOCAL, /* "2014-11-24 14:03 CET" */
	UI_TIME_UTC,   /* "2014-11-24 13:03 UTC" */
};
/* t formatted as f (empty when t cannot be shown). */
void ui_fmt_time(int64_t t, enum ui_time f, char *out, size_t outlen);
/* Appends s case-folded (lower case, per code point) to out. */
void ui_fold(const char *s, struct buf *out);
/* Whether s contains needle_fold (already folded), ignoring case;
 * scratch is working space. */
int ui_match(const char *s, const char *needle_fold, struct buf *scratch);
/* Writes "LEFT RIGHT" into out, exactly width columns: left fitted to
 * leftw columns, a space, right fitted to the rest. */
void ui_fmt_columns(struct buf *out, size_t width, const char *left,
    size_t leftw, const char *right);
/* Calls fn for each http(s) URL in text, in order. */
typedef void (*ui_url_fn)(const char *url, size_t len, void *ctx);
void ui_find_urls(const char *text, ui_url_fn fn, void *ctx);
/* Removes the last UTF-8 character of b. */
void ui_buf_backspace(struct buf *b);

#endif
