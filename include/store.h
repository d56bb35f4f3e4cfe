/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_STORE_H
#define WIREDESK_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "parse.h"
#include "util.h"

/* Outlet ids of outlets an item names (parsed_item.outlet) have this
 * bit; feeds' ids never do. */
#define STORE_OUTLET_NAMED 0x80000000u

/* An item as the store keeps it.  Strings are sanitized UTF-8 or NULL.
 * published is PARSE_NO_DATE when the feed gave none; time is the date
 * clustering and ordering use: published, else first_seen. */
struct item {
	uint32_t id, feed_id;
	char *key; /* identity within the feed: guid, else link, else
		      title (or, untitled, summary) + date */
	char *title, *link, *summary, *content, *author;
	char *outlet; /* the outlet an aggregator names for it (Google
	               * News: "Reuters"), else NULL: its feed's */
	int64_t published, first_seen, time;
	uint32_t outlet_id;   /* the outlet it witnesses: its feed's
	                       * (feed_info.outlet_id), or for a named outlet
	                       * STORE_OUTLET_NAMED | a hash of the name */
	unsigned read : 1;    /* the reporter marked or opened it */
	unsigned fresh : 1;   /* arrived since start and not yet seen */
	unsigned updated : 1; /* title or summary changed after first seen */
	unsigned alerted : 4; /* the alert reasons (alert.h) fired for a
			       * story that held this item */
};

/* An alert of the log the alerts view lists (the store keeps it with the
 * items, and in the database).  item is the story's label item when it
 * fired, 0 when that item is no longer known to the store; store_item
 * tells whether it is still kept. */
struct store_alert {
	int64_t fired;	  /* when it fired */
	unsigned reasons; /* alert.h's ALERT_* bits */
	unsigned outlets; /* the story's outlets then */
	char *headline;
	char *detail; /* why, for people; may be NULL */
	uint32_t item;
};

/* A feed as the store keeps it, with its fetch state. */
struct feed_info {
	uint32_t id;
	char *url, *title; /* title: the feeds file's, else the feed's own */
	char *outlet;      /* the name to show: the feeds file's title as
	                    * written, else outlet_name of the feed's */
	uint32_t outlet_id; /* the first feed of its outlet: feeds whose
	                     * URLs have one outlet_key share it (BBC
	                     * World and BBC Top Stories); else id */
	char *language;
	char *etag, *last_modified;
	int64_t last_fetch; /* 0: never */
	int status;	    /* 0 never fetched, 1 ok, -1 failed */
	char *error;        /* last error; after a success what the parser
	                     * survived, else NULL */
	int failures;	    /* consecutive */
	size_t nitems;
	unsigned listed : 1; /* registered with store_feed_add this session;
				0 for a feed known only from the database */
};

struct store;

/* Opens the store.  dbpath NULL keeps everything in memory (tests,
 * --dump, --parse); otherwise the SQLite journal at dbpath is created or
 * opened (its directory too) and the stored feeds and items are loaded,
 * with their read flags and validators; loaded items are not fresh.  A
 * file that is corrupt or from a newer wiredesk is renamed aside
 * (dbpath.corrupt-N, dbpath.newer-N) and a fresh one is started; a
 * database that cannot be written (read-only, full disk, locked, not a
 * directory, ...) leaves the store in memory, still showing what the file
 * holds when it can be read.  In each case *warn (if non-NULL) receives a
 * message for the user (caller frees), else NULL.  Returns NULL only with
 * err set. */
struct store *store_open(const char *dbpath, char **warn, char *err,
    size_t errlen);
/* The same, but only items first seen (and alerts fired) at or after
 * since are loaded (pass now - retention age); the older ones are pruned
 * from the database as store_prune would, so those their feed still
 * carries stay out.
 * store_open loads every stored item. */
struct store *store_open_since(const char *dbpath, int64_t since,
    char **warn, char *err, size_t errlen);
/* Closes the journal and frees everything; NULL is a no-op. */
void store_close(struct store *s);

/* A problem met after store_open (a failed database write: full disk,
 * read-only file, a lock held too long): the store then goes on in memory
 * and keeps one message for the caller.  Returns it once (caller frees),
 * else NULL. */
char *store_take_warning(struct store *s);
/* 1 while changes are written to the database, 0 in memory only. */
int store_persistent(const struct store *s);

/* Registers a feed (or finds it by URL) and returns its id (from 1).
 * title may be NULL; a non-NULL title replaces the stored one. */
uint32_t store_feed_add(struct store *s, const char *url, const char *title);
/* The feeds file no longer lists feed id: the feed and its items stay,
 * but it is not listed (feed_info.listed 0) until store_feed_add finds it
 * again.  Unknown ids are ignored. */
void store_feed_unlist(struct store *s, uint32_t id);
/* Borrowed until the next call that changes feeds; NULL for a bad id. */
const struct feed_info *store_feed(const struct store *s, uint32_t id);
uint32_t store_feed_find(const struct store *s, const char *url);
/* Feed ids are 1..store_feed_count(). */
uint32_t store_feed_count(const struct store *s);

/* The outlet item it witnesses, for counting outlets: its outlet_id,
 * except that an outlet an aggregator names is the outlet of a feed
 * whose shown name (feed_info.outlet) is that name, cleaned as a feed's
 * title is ("BBC News" is "BBC") and case aside: Google News's item from
 * Reuters and the Reuters feed's are one witness.  Of feeds with that
 * name, the one of the first URL (strcmp) decides, so the answer depends
 * on the feeds' names and URLs alone, not on the order they were listed
 * in or when their names were learnt. */
uint32_t store_witness(struct store *s, const struct item *it);

/* Merges a parsed feed: new items get ids, changed ones are marked
 * updated (keeping their read state), known ones are left alone.  Also
 * takes the feed's own title and language when the feeds file gave none.
 * *new_ids (caller frees; may be NULL when *nnew is 0) receives the new
 * ids in canonical order.  One transaction on disk.  Returns 0 or -1 with
 * err set (the memory state is then still consistent). */
ATTR_NODISCARD int store_merge(struct store *s, uint32_t feed_id,
    const struct parsed_feed *pf, int64_t fetched_at, uint32_t **new_ids,
    size_t *nnew, char *err, size_t errlen);

/* store_group(s, 1) until store_group(s, 0): every write in between (the
 * merges, statuses and validators of the feeds one turn of the loop
 * finished; the read marks of a story's items) goes to disk in one
 * transaction instead of one each, which writes the indexes' pages once,
 * not once a feed.  Groups nest: the outermost end commits. */
void store_group(struct store *s, int on);

/* Borrowed until the next store_merge or store_prune; NULL for an unknown
 * or pruned id.  Item ids are 1..store_item_max(). */
const struct item *store_item(const struct store *s, uint32_t id);
uint32_t store_item_max(const struct store *s);
size_t store_item_count(const struct store *s);

void store_set_read(struct store *s, uint32_t id, int read);
void store_set_seen(struct store *s, uint32_t id); /* clears fresh */
void store_set_validators(struct store *s, uint32_t feed_id,
    const char *etag, const char *last_modified);
/* ok: 1 success, msg then NULL or what the feed's parser survived (a
 * document cut short: the items before are kept); 0 failure with a
 * human reason. */
void store_set_status(struct store *s, uint32_t feed_id, int ok,
    const char *msg, int64_t now);

/* Records an alert: a copy of *a joins the log, and every item of
 * members[0..n) (the story's items) gets a->reasons or'ed into its
 * alerted bits; one transaction on disk.  The generation moves on. */
void store_alert_add(struct store *s, const struct store_alert *a,
    const uint32_t *members, size_t n);
/* The log, oldest first: alerts fired within the retention (those
 * store_open_since and store_prune keep) of this and earlier sessions.
 * store_alert_at is borrowed until the next store_alert_add or
 * store_prune; NULL past the end. */
size_t store_alert_count(const struct store *s);
const struct store_alert *store_alert_at(const struct store *s, size_t i);

/* Sorts ids into canonical order: time, then feed URL, then key. */
void store_sort_canonical(const struct store *s, uint32_t *ids, size_t n);

/* Drops items first seen more than max_age seconds before now (0: no age
 * limit), and alerts fired that long ago, and, per feed, the oldest items
 * (by time) beyond cap (0: no cap), from memory and from the database
 * (where the age limit also reaches items that were never loaded).  A
 * pruned item the feed still carries is not taken in again, in this
 * session or, with a database, after a restart; once a merge finds the
 * feed no longer carries it, it may come back as new.  Returns how many
 * items were dropped. */
size_t store_prune(struct store *s, int64_t now, int64_t max_age, size_t cap);

/* For a batch whose moment is known only once it is complete (--dump
 * takes an undated item as seen at the newest date of the whole fetch):
 * every item merged with fetched_at == placeholder becomes first seen at
 * when, and dated when if its feed gave no date.  In memory only: for a
 * store without a database. */
void store_redate(struct store *s, int64_t placeholder, int64_t when);

/* From now on keep no item content or author, and of each summary its
 * first summary_max bytes, cut after a whole word (as cluster.h's
 * CLUSTER_SUMMARY_BYTES): for a run that only clusters and lists items
 * (--dump without a database), whose memory is then that of the items'
 * leads, not of their whole text.  0 keeps everything. */
void store_set_lean(struct store *s, size_t summary_max);

/* In a lean store, frees item id's summary once nothing will read it
 * again (--dump, once the clusterer has counted the item); its other
 * fields stay.  Does nothing in a store that is not lean. */
void store_forget_summary(struct store *s, uint32_t id);

/* The newest published date of any item, or PARSE_NO_DATE. */
int64_t store_newest(const struct store *s);

/* Increases whenever anything a view could show changes. */
uint64_t store_generation(const struct store *s);

#endif
