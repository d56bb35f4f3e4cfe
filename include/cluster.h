/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_CLUSTER_H
#define WIREDESK_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

/* Story clustering: items in, clusters of items about the same story
 * out, incrementally and deterministically (the same items in the same
 * order give the same clusters; no clock, no randomness).  Items are
 * referred to by the caller's ids; the clusterer keeps no item's text.
 *
 * Zero fields take the tuned defaults. */
struct cluster_opts {
	double threshold;  /* cosine an item needs to join a cluster (more
	                    * for a one-outlet cluster of its own outlet,
	                    * less for a story many outlets carry) */
	int64_t window;    /* seconds a cluster stays open, default 48 h */
	double merge;      /* cosine at which two clusters' centroids merge;
	                    * default: 0.22 / 0.28 of the threshold */
	double name_boost; /* extra weight of a name (negative: none) */
	unsigned topk;     /* salient centroid terms posted in the index */
};

/* An outlet that carries a story, and when it took the story up. */
struct cluster_source {
	uint32_t feed;  /* the caller's feed id that stands for the outlet
	                 * (cluster_set_outlet) */
	int64_t joined; /* the date of its first item in the story */
};

/* What a view needs of one cluster.  Borrowed until the next cluster_add
 * or cluster_rebuild. */
struct cluster_view {
	uint32_t id;
	uint32_t label_item;      /* of the 64 newest members, the one
	                           * nearest the centroid: its title is
	                           * the cluster's headline */
	const char *const *terms; /* key terms, most salient first, as the
	                           * feeds wrote them ("PlayStation") */
	size_t nterms;
	const uint32_t *members; /* item ids, oldest first; items of one
	                          * date in the order they were counted
	                          * (a settled batch: in its order) */
	size_t nmembers;
	size_t sources;                       /* distinct outlets */
	const struct cluster_source *outlets; /* the sources, by feed id */
	int64_t first, newest; /* item times */
	double hotness;        /* log2, as of the last cluster_rank */
	uint64_t watch;        /* the watch terms (bits of cluster_watch)
	                        * some member matches */
};

/* How much of a summary the clusterer reads: its first this many bytes,
 * cut after a whole word. */
#define CLUSTER_SUMMARY_BYTES 400

struct clusterer;

/* opts may be NULL (all defaults).  Never NULL; free with cluster_free. */
struct clusterer *cluster_new(const struct cluster_opts *opts);
void cluster_free(struct clusterer *c);

/* Adds one item and returns the id of the cluster it joined or started
 * (docs/clustering.md says when an item joins).
 * lang is the feed's language ("en", "de", ...; NULL for English); title
 * and summary (plain text, either may be NULL) are borrowed for the call
 * only.  time is the item's own date (the caller substitutes the time it
 * first saw an item without one).  An item only joins a cluster whose
 * dates lie within the window of its own; a cluster closes for good once
 * its newest item is a window older than most items arriving.  Adding an
 * id again changes nothing and returns its cluster. */
uint32_t cluster_add(struct clusterer *c, uint32_t item_id, uint32_t feed_id,
    const char *lang, const char *title, const char *summary, int64_t time);

/* Counts an item's terms into the document frequencies without placing
 * it: a caller that holds a batch of items (the store at start-up, every
 * feed of a --dump) counts them all first, so that the first item of the
 * batch is weighed as the last one is.  cluster_add of a counted id then
 * places it without counting it again.  Arguments as for cluster_add. */
void cluster_count(struct clusterer *c, uint32_t item_id, uint32_t feed_id,
    const char *lang, const char *title, const char *summary);

/* Makes the clusterer what counting the items ids[0..n) (every one
 * counted already, none added yet) in that order would have made it,
 * however they were counted: for a caller that counts items as they
 * arrive and then adds them in canonical order (--dump), so that the
 * clusters depend on the items alone, not on the order they came in.
 * Does nothing once an item has been added. */
void cluster_settle(struct clusterer *c, const uint32_t *ids, size_t n);

/* Counting on a second core, for a caller with other work while items
 * come in (--dump fetching): cluster_counter_put copies what cluster_count
 * reads of an item and queues it; a thread of the counter's counts the
 * queue in the order put, a batch at a time.  From start to end the
 * clusterer is the counter's: the caller touches it only through the
 * counter.  With one core, an item is counted when its batch is handed
 * over (every 64 items, and at cluster_counter_flush).
 * Arguments of put as for cluster_count; cluster_counter_end counts what
 * is left, waits for the thread, frees the counter and returns the
 * microseconds spent counting. */
struct cluster_counter;
struct cluster_counter *cluster_counter_start(struct clusterer *c);
void cluster_counter_put(struct cluster_counter *k, uint32_t item_id,
    uint32_t feed_id, const char *lang, const char *title, const char *summary);
/* Hands the items put so far to the thread (a caller does so at the end
 * of a feed, so that the thread need not wait for a full batch). */
void cluster_counter_flush(struct cluster_counter *k);
int64_t cluster_counter_end(struct cluster_counter *k);

/* An item counted already (cluster_count) and not added yet. */
struct cluster_entry {
	uint32_t item, feed;
	int64_t time;
};

/* Adds the n entries in that order, with the clusters cluster_add of each
 * in turn would make (entries not counted, or added already, change
 * nothing).  Where there is a second core, a worker thread weighs the
 * items ahead while this one places them: the weights of a counted batch
 * are fixed, the placing depends on every item before. */
void cluster_add_counted(
    struct clusterer *c, const struct cluster_entry *e, size_t n);

/* Watch terms: a reporter's words to be told about.  A term matches
 * whole words in an item's headline and the lead of its summary (the
 * CLUSTER_SUMMARY_BYTES the clusterer reads), case-insensitively and by
 * stem in the item's language ("hack" matches "hacked" and "hackers");
 * a phrase of several words matches them in a row, as far apart as in
 * the phrase, whatever the stop words between ("Bank of England", not
 * "bank holidays in England").  Register terms before adding items: an item is
 * matched as it is tokenized.  Returns the term's bit (0 to
 * CLUSTER_WATCH_MAX - 1), or -1 when the list is full or the term has no
 * word. */
#define CLUSTER_WATCH_MAX 64
int cluster_watch(struct clusterer *c, const char *phrase);
/* The watch bits that items of feed may match (the rest never do, for a
 * term watched on some feeds only); every bit until set. */
void cluster_watch_feed(struct clusterer *c, uint32_t feed, uint64_t mask);
/* Outlets: the items of feed count as the witness of outlet (a feed id:
 * the one that stands for all of that outlet's feeds) where a story counts
 * its outlets (the sources of a view, the hotness, the bar a cluster of
 * one outlet sets an item of that outlet, docs/clustering.md); by default
 * every feed is an outlet of its own.  Set before adding items. */
void cluster_set_outlet(struct clusterer *c, uint32_t feed, uint32_t outlet);
/* The item item_id (counted, not added yet) is the witness of outlet (an
 * id no feed's is), whatever its feed: an aggregator's item (Google News)
 * names the outlet that published it. */
void cluster_item_outlet(
    struct clusterer *c, uint32_t item_id, uint32_t outlet);

/* The watch bits item_id matched, 0 for an unknown item. */
uint64_t cluster_item_watch(const struct clusterer *c, uint32_t item_id);

/* The cluster an item belongs to now (merges followed), or 0. */
uint32_t cluster_of(const struct clusterer *c, uint32_t item_id);

/* Fills out with up to max cluster ids (open and closed, not merged
 * away), hottest first as of now, and returns how many.  Pass max 0 to
 * count.  Hotness is most covered first: every outlet carrying the story
 * counts one, halved for every twelve hours between its first item in
 * the story and now; it is kept as a base-2 logarithm, so it falls by
 * one per half-life and never underflows (docs/clustering.md).  Ties go
 * to the bigger cluster, then the newer, then the lower id. */
#define CLUSTER_HOT_HALF_LIFE (12 * 3600.0) /* seconds */
size_t cluster_rank(
    struct clusterer *c, int64_t now, uint32_t *out, size_t max);
/* NULL for an unknown or merged-away id (cluster_of an old member finds
 * where it went). */
const struct cluster_view *cluster_view(const struct clusterer *c, uint32_t id);

/* Moves fresh's clusters into live (whose address the callers keep) and
 * live's old ones into fresh, for the caller to free.  The generation of
 * live moves on.  Live mode builds fresh from every item in canonical
 * order, a slice per loop turn, then swaps it in, so the board converges
 * on what --dump gives whatever order the feeds answered in. */
void cluster_swap(struct clusterer *live, struct clusterer *fresh);

/* Closes the clusters that fell out of the window now (cluster_add does
 * so as it goes, a sweep every so many items); for callers that know a
 * batch of items has ended.  Item vectors are weighed once, when added:
 * to weigh a batch alike, count it first (cluster_count). */
void cluster_rebuild(struct clusterer *c);

/* Increases whenever clusters change. */
uint64_t cluster_generation(const struct clusterer *c);

#endif
