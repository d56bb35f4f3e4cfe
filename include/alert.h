/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_ALERT_H
#define WIREDESK_ALERT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cluster.h"

struct settings;
struct setting_watch;

/* Breaking stories, watch terms and alerts: which stories are breaking
 * at a given moment, and which should alert now.  Pure: "now" is always
 * a parameter, nothing here reads a clock, a terminal or the database;
 * the caller says what has fired already (the store's marks on items)
 * and carries the answer out (status line, bell, command, log). */

/* Why a story alerts; bits, so one alert may carry both reasons. */
#define ALERT_BREAKING 1u
#define ALERT_WATCH 2u

/* The breaking rule's two thresholds: the settings breaking-window (N)
 * and breaking-outlets (K). */
struct alert_rule {
	int64_t window;   /* seconds */
	unsigned outlets; /* distinct outlets */
};
#define ALERT_WINDOW_DEFAULT 3600
#define ALERT_OUTLETS_DEFAULT 3

/* The rule of the settings; s NULL gives the defaults. */
void alert_rule_init(struct alert_rule *r, const struct settings *s);

enum alert_cause {
	ALERT_CALM,  /* not breaking */
	ALERT_NEW,   /* a new story that many outlets carry at once */
	ALERT_SURGE, /* an older story whose rate of new outlets jumped */
};

/* Outlets that took a story up (the date of their first item in it,
 * cluster_source.joined) in the window (now - N, now] and in the window
 * before it, (now - 2N, now - N]. */
struct alert_pace {
	unsigned recent, before;
};

/* Whether story v is breaking at now, and why.  An outlet whose first
 * item is dated after now counts as joining at now (as in hotness).
 *   ALERT_NEW:   its first item is at most N old (v->first >= now - N)
 *                and at least K outlets carry it;
 *   ALERT_SURGE: it is older, and at least K outlets took it up within
 *                the last N, at least twice as many as in the N before.
 * (A new story meets the surge rule too: every outlet of it joined
 * within the window, none before.)  pace (may be NULL) receives the
 * counts.  Dates are the items' own, so the same items and the same now
 * give the same answer anywhere (--dump judges at its newest item). */
enum alert_cause alert_breaking(const struct cluster_view *v, int64_t now,
    const struct alert_rule *r, struct alert_pace *pace);

/* The hotness below which no story can be breaking: K outlets joined at
 * most N ago count at least K * 2^(-N / 12 h) (cluster.h's half-life),
 * so a breaking story ranks at or above log2 of that.  Stories ranked by
 * cluster_rank are therefore breaking only within a prefix. */
double alert_hotness_floor(const struct alert_rule *r);

/* Reorders ids[0..n), hottest first as cluster_rank(c, now, ...) just
 * ranked them, so that breaking stories come first; each part keeps its
 * order.  Only the prefix above alert_hotness_floor is looked at.
 * Returns how many are breaking (ids[0..k) after the call). */
size_t alert_order(const struct clusterer *c, uint32_t *ids, size_t n,
    int64_t now, const struct alert_rule *r);

/* What the caller knows about items, for judging. */
struct alert_facts {
	/* Items with ids from this one on arrived in this session; older
	 * ones (loaded from the store at start-up) never set an alert off
	 * by themselves. */
	uint32_t first_new;
	/* The ALERT_* reasons a story that held item has alerted for. */
	unsigned (*fired)(uint32_t item, void *ctx);
	/* The watch bits (cluster_watch) item matches. */
	uint64_t (*watch)(uint32_t item, void *ctx);
	void *ctx;
};

/* What to do about one story. */
struct alert_call {
	unsigned reasons; /* ALERT_* bits to alert for now, 0: nothing */
	enum alert_cause cause;
	struct alert_pace pace;
	uint64_t watch; /* the terms this session's items matched */
};

/* Judges story v at now.  It alerts for
 *   ALERT_BREAKING when it is breaking (alert_breaking), holds an item
 *                  that arrived in this session, and no item of it is
 *                  marked for ALERT_BREAKING;
 *   ALERT_WATCH    when an item that arrived in this session matches a
 *                  watch term and no item of it is marked for ALERT_WATCH.
 * A story is thus told apart by its items, not its cluster id (which a
 * rebuild renumbers) nor its first item (which a merge changes): once a
 * story alerted, marking its items (store_alert_add) keeps it, and
 * whatever it merges with or grows into, from alerting for that reason
 * again.  Fills *call and returns call->reasons. */
unsigned alert_judge(const struct cluster_view *v, int64_t now,
    const struct alert_rule *r, const struct alert_facts *f,
    struct alert_call *call);

/* Called for each story that alerts, with what to say; it must record
 * the alert (mark the story's items) before it returns.  v is borrowed
 * for the call. */
typedef void (*alert_fire_fn)(
    const struct cluster_view *v, const struct alert_call *call, void *ctx);

/* Judges the stories that can alert now and fires those that do: first
 * the ranked prefix above the hotness floor (ranked as alert_order takes
 * them; only these can be breaking), then the stories of items[0..n) (the
 * session's items that matched a watch term).  Returns how many fired. */
size_t alert_scan(const struct clusterer *c, const uint32_t *ranked,
    size_t nranked, const uint32_t *items, size_t nitems, int64_t now,
    const struct alert_rule *r, const struct alert_facts *f, alert_fire_fn fire,
    void *ctx);

/* The watch terms of the config, compiled: each distinct term once
 * (compared without regard to ASCII case), in the order first written,
 * with the feed tags it is watched in.  Term i is the clusterer's watch
 * bit i once registered. */
struct alert_term {
	char *term;  /* as first written */
	char **tags; /* the tags of its lines; every feed when everywhere */
	size_t ntags;
	int everywhere;
};
struct alert_watch {
	struct alert_term term[CLUSTER_WATCH_MAX];
	size_t n;
};

typedef void (*alert_report_fn)(const char *msg, void *ctx);

/* Compiles the config's watch lines.  A term that has no word to match
 * (only stop words or punctuation) and the terms past CLUSTER_WATCH_MAX
 * are reported as "FILE:LINE: watch: reason" (report may be NULL) and
 * left out.  Free with alert_watch_fini. */
void alert_watch_init(struct alert_watch *w, const struct setting_watch *lines,
    size_t n, alert_report_fn report, void *ctx);
void alert_watch_fini(struct alert_watch *w);

/* Registers the terms with c, which must hold no item yet: term i
 * becomes bit i. */
void alert_watch_register(const struct alert_watch *w, struct clusterer *c);
/* Whether some term is watched in some feeds only. */
int alert_watch_restricted(const struct alert_watch *w);
/* The bits an item of a feed with these tags may match. */
uint64_t alert_watch_mask(
    const struct alert_watch *w, char *const *tags, size_t ntags);

/* Appends the terms of bits, ", "-separated, to out. */
void alert_watch_names(
    const struct alert_watch *w, uint64_t bits, struct buf *out);

/* Appends what a person is told about call to out: "breaking: 3 outlets
 * within 60 min", "breaking: 4 outlets joined within 60 min, 1 in the
 * 60 min before", "watch: Sony, PlayStation", the two joined by "; ".
 * w may be NULL. */
void alert_describe(const struct alert_call *call, const struct alert_rule *r,
    const struct alert_watch *w, struct buf *out);

#endif
