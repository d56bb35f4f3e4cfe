/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_UI_H
#define WIREDESK_UI_H

#include <stddef.h>
#include <stdint.h>

struct store;
struct clusterer;
struct settings;
struct alert_watch;

/* What the UI asks app to do; the UI never fetches or launches itself. */
enum ui_req_kind {
	UI_REQ_NONE,
	UI_REQ_QUIT,
	UI_REQ_RELOAD_ALL,
	UI_REQ_RELOAD, /* feed_ids[0..nfeeds) */
	UI_REQ_OPEN,   /* url */
};

struct ui_request {
	enum ui_req_kind kind;
	const uint32_t *feed_ids; /* borrowed until the next ui call */
	size_t nfeeds;
	const char *url; /* borrowed until the next ui call */
};

/* Fetch progress for the status line. */
struct ui_status {
	unsigned feeds, feeds_ok, feeds_failed;
	unsigned in_flight, round_total;    /* "k of N" of the current round */
	int64_t last_refresh, next_refresh; /* Unix seconds, 0 if none */
};

struct ui;

/* Takes over the terminal (initscr and friends).  The store and the
 * clusterer are borrowed for the UI's life; the UI may mark items read or
 * seen through the store.  Returns NULL with err set when the terminal
 * cannot be used. */
struct ui *ui_new(struct store *s, struct clusterer *c,
    const struct settings *set, char *err, size_t errlen);
/* The problems ui_new found in the settings' "bind" and "color" lines
 * ("FILE:LINE: bind: unknown action 'x'"), each passed to fn in order;
 * returns how many.  The first is also shown on the message line. */
typedef void (*ui_report_fn)(const char *msg, void *ctx);
size_t ui_config_problems(const struct ui *ui, ui_report_fn fn, void *ctx);
/* Restores the terminal; idempotent, safe from the fatal hook. */
void ui_free(struct ui *ui);
/* The terminal's input fd, for poll. */
int ui_input_fd(const struct ui *ui);
/* Reads and handles every pending key.  Returns 1 and fills *req when a
 * key asks app for something (further keys stay queued for the next
 * call), else 0. */
int ui_handle_input(struct ui *ui, int64_t now, struct ui_request *req);
/* After SIGWINCH. */
void ui_resize(struct ui *ui);
void ui_set_status(struct ui *ui, const struct ui_status *st);
/* A one-line message in the status area (copied). */
void ui_message(struct ui *ui, const char *msg);
/* The watch terms, to name the ones a story matches (borrowed for the
 * UI's life; NULL: none named).  Breaking stories are judged by the
 * settings' breaking-window and breaking-outlets. */
void ui_set_watch(struct ui *ui, const struct alert_watch *w);
/* n alerts were just added to the store's log: the status line shows the
 * newest one's headline for a minute or so (until the alerts view is
 * opened), and the bell rings when bell is set. */
void ui_alerted(struct ui *ui, int64_t now, size_t n, int bell);
/* Redraws what changed since the last call (nothing if nothing did). */
void ui_draw(struct ui *ui, int64_t now);

#endif
