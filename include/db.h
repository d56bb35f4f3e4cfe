/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_DB_H
#define WIREDESK_DB_H

/* The SQLite journal behind store.  Only store.c includes this header:
 * nothing else reads or writes the database.  Every function that can
 * fail returns 0, or -1 with a reason in err; after a failed write the
 * caller stops using the handle (db_close), and nothing in the file is
 * ever deleted because of an error. */

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* The schema version this build writes (PRAGMA user_version). */
#define DB_VERSION 6
/* A missing date (published) in db_item; the column holds NULL. */
#define DB_NO_DATE INT64_MIN

struct db;

/* A feed row.  Strings are borrowed (from the caller on writes, from the
 * database until the callback returns on reads); NULL is SQL NULL. */
struct db_feed {
	int64_t rowid; /* 0 on a first write: filled in */
	const char *url, *title, *language, *etag, *last_modified, *error;
	int64_t last_fetch;
	int status, failures;
};

/* An item row; feed is the feed's rowid. */
struct db_item {
	int64_t rowid, feed;
	const char *key, *title, *link, *summary, *content, *author;
	int64_t published, first_seen;
	int read, updated;
	unsigned alerted; /* alert reasons (alert.h) a story of it fired */
	const char *outlet; /* the outlet an aggregator names, or NULL */
};

/* An alert of the log.  On writes item is the label item's rowid (0:
 * none) and rowid is filled in; on reads the label item is given by its
 * feed's rowid and key (item_key NULL once the item is gone).  Strings
 * are borrowed as in db_feed. */
struct db_alert {
	int64_t rowid, fired;
	unsigned reasons, outlets;
	const char *headline, *detail;
	int64_t item;
	int64_t item_feed;
	const char *item_key;
};

typedef void (*db_feed_fn)(const struct db_feed *f, void *ctx);
typedef void (*db_item_fn)(const struct db_item *it, void *ctx);
typedef void (*db_alert_fn)(const struct db_alert *a, void *ctx);
/* A pruned key of the feed with this rowid; key is borrowed until the
 * callback returns. */
typedef void (*db_pruned_fn)(int64_t feed, const char *key, void *ctx);

/* Opens or creates the database at path, creating its directory (0700)
 * when missing, and brings the schema to DB_VERSION.  A file that is not
 * a database, fails PRAGMA quick_check or has a newer user_version is
 * renamed aside (path.corrupt-N or path.newer-N, with its -wal and -shm)
 * and a fresh database is created; *warn (caller frees) then says so.
 * Returns 0 with *out, or -1 with err when no usable database could be
 * opened for writing (read-only, full disk, busy, ...).  *warn may be set
 * in both cases. */
ATTR_NODISCARD int db_open(const char *path, struct db **out, char **warn,
    char *err, size_t errlen);
/* What a caller reads from the database as it opens (db_open_load). */
struct db_loader {
	/* reads db (db_load_*) into ctx: 0, or -1 with err */
	int (*load)(struct db *db, void *ctx, char *err, size_t errlen);
	/* empties ctx again: what load read came from a file that failed
	 * its check */
	void (*reset)(void *ctx);
	void *ctx;
	int rc;        /* load's return; -1 when it did not run */
	char err[512]; /* load's reason when rc is -1 */
};

/* db_open, reading the file with ld->load once it is open.  The load of
 * a file of this version runs while its quick_check does, on a thread of
 * its own; the file is trusted (checkpointed, written) only once the
 * check has passed.  When it fails, ld->reset undoes the load, the file
 * goes aside as db_open says, and the fresh database is loaded instead.
 * Returns as db_open does; a 0 return with ld->rc -1 is an open database
 * whose load failed. */
ATTR_NODISCARD int db_open_load(const char *path, struct db_loader *ld,
    struct db **out, char **warn, char *err, size_t errlen);
/* Opens path read-only for db_load_* only (no directory, no schema
 * change, nothing moved); -1 when it cannot be read at this version. */
ATTR_NODISCARD int db_open_readonly(const char *path, struct db **out,
    char *err, size_t errlen);
/* Closes the handle; NULL is a no-op.  The file is left as it is. */
void db_close(struct db *db);

/* Every feed, in rowid order. */
ATTR_NODISCARD int db_load_feeds(struct db *db, db_feed_fn fn, void *ctx,
    char *err, size_t errlen);
/* Every item whose time (first_seen) is at least since,
 * oldest first. */
ATTR_NODISCARD int db_load_recent(struct db *db, int64_t since,
    db_item_fn fn, void *ctx, char *err, size_t errlen);

/* Every pruned (feed, key) once: the keys db_prune_* remembered, and
 * those of the items db_load_recent leaves out for since. */
ATTR_NODISCARD int db_load_pruned(struct db *db, int64_t since,
    db_pruned_fn fn, void *ctx, char *err, size_t errlen);

/* One write transaction (BEGIN IMMEDIATE, so a second writer waits on
 * busy_timeout at the start rather than failing halfway). */
ATTR_NODISCARD int db_begin(struct db *db, char *err, size_t errlen);
ATTR_NODISCARD int db_commit(struct db *db, char *err, size_t errlen);
/* Never fails visibly: a rollback after an error is best effort. */
void db_rollback(struct db *db);

/* Inserts or updates the feed with this URL; sets f->rowid. */
ATTR_NODISCARD int db_put_feed(struct db *db, struct db_feed *f, char *err,
    size_t errlen);
/* Inserts or updates the item with this (feed, key); sets it->rowid.  An
 * existing row keeps its read flag and first_seen. */
ATTR_NODISCARD int db_put_item(struct db *db, struct db_item *it, char *err,
    size_t errlen);
ATTR_NODISCARD int db_set_read(struct db *db, int64_t rowid, int read,
    char *err, size_t errlen);
/* Deletes the item, remembering its (feed, key) as pruned. */
ATTR_NODISCARD int db_prune_item(struct db *db, int64_t rowid, char *err,
    size_t errlen);
/* Deletes every item first seen before cutoff, loaded or not,
 * remembering each (feed, key) as pruned. */
ATTR_NODISCARD int db_prune_older(struct db *db, int64_t cutoff, char *err,
    size_t errlen);
/* Forgets a pruned key (the feed no longer carries it); a key not
 * remembered is no error. */
ATTR_NODISCARD int db_forget_pruned(struct db *db, int64_t feed,
    const char *key, char *err, size_t errlen);

/* Sets an item's alert reasons (the whole value, not or'ed). */
ATTR_NODISCARD int db_set_alerted(struct db *db, int64_t rowid,
    unsigned reasons, char *err, size_t errlen);
/* Adds an alert to the log; sets a->rowid. */
ATTR_NODISCARD int db_put_alert(struct db *db, struct db_alert *a, char *err,
    size_t errlen);
/* Every alert fired at or after since, oldest first. */
ATTR_NODISCARD int db_load_alerts(struct db *db, int64_t since,
    db_alert_fn fn, void *ctx, char *err, size_t errlen);
/* Deletes the alerts fired before cutoff. */
ATTR_NODISCARD int db_prune_alerts(struct db *db, int64_t cutoff, char *err,
    size_t errlen);

/* For tests and tools: the user_version of an open database. */
int db_user_version(struct db *db);

#endif
