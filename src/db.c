/* db: the SQLite journal behind the store.  Memory (store.c) is the
 * truth; this file only writes it through and reads it back at start.
 *
 * Why this way: one connection on the main thread (and one of the
 * checkpointer's, below, that only checkpoints), every statement
 * prepared once at open and every value bound, so no SQL is ever built
 * from data.  WAL with synchronous=NORMAL gives cheap commits that survive
 * a killed process (only a power cut may lose the last ones), lets a
 * second wiredesk read while we write, and busy_timeout makes writers
 * queue instead of failing at once.  Write transactions start with BEGIN
 * IMMEDIATE so a busy database is met at the start of a merge, never
 * halfway through it.
 *
 * Checkpoints (copying the WAL's pages back into the file) are a thread's
 * of their own: SQLite would run them inside the commit that filled the
 * WAL, tens of milliseconds on the loop that answers keys.  A WAL hook on
 * the main connection (which also turns the auto-checkpoint off) wakes
 * the checkpointer once the WAL holds CKPT_PAGES pages; it runs a
 * PASSIVE checkpoint on its own connection, which never blocks the
 * writer, and the next write starts the WAL over once all of it is
 * back.  If that thread cannot start, SQLite's own auto-checkpoint stays.
 * A checkpointer slowed down (a busy disk's fsync) while the writer goes
 * on would let the WAL grow without end: once it holds CKPT_HARD pages,
 * the commit waits for the checkpointer's round and then checkpoints
 * itself, as SQLite would, so the WAL stays bounded whatever the load.
 *
 * The schema is versioned by PRAGMA user_version and grows only through
 * the ordered migrations[] below: migrations[v] turns version v into
 * v + 1, each in its own transaction.  A file we cannot trust (not a
 * database, failing quick_check, or written by a newer wiredesk) is
 * renamed aside, never deleted, and a fresh one takes its place.  The
 * quick_check reads the whole file, as start-up's load does: when the
 * caller loads at open (db_open_load), the check runs on a thread and a
 * connection of its own while the load reads, and the file is trusted,
 * checkpointed and written only once the check has passed; a bad verdict
 * throws the load away and the file goes aside as before.
 *
 * Invariants: st[] holds every statement of stmt_sql[] while the handle
 * is open; a statement is reset and its bindings cleared after each use. */
#include "db.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"

#define BUSY_TIMEOUT_MS 2000
/* WAL pages that wake the checkpointer: SQLite's own threshold. */
#define CKPT_PAGES 1000
/* WAL pages at which the writer stops to checkpoint itself. */
#define CKPT_HARD (2 * CKPT_PAGES)

/* The time of an item, as the store computes it. */
#define ITEM_TIME "coalesce(published, first_seen)"

static const char *const migrations[] = {
	/* v1: feeds with their fetch state, items with their read flag. */
	"CREATE TABLE feeds ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" title TEXT,"
	" language TEXT,"
	" etag TEXT,"
	" last_modified TEXT,"
	" last_fetch INTEGER NOT NULL DEFAULT 0,"
	" status INTEGER NOT NULL DEFAULT 0,"
	" error TEXT,"
	" failures INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items ("
	" id INTEGER PRIMARY KEY,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id),"
	" key TEXT NOT NULL,"
	" title TEXT,"
	" link TEXT,"
	" summary TEXT,"
	" content TEXT,"
	" author TEXT,"
	" published INTEGER,"
	" first_seen INTEGER NOT NULL,"
	" read INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE (feed_id, key));",
	/* v2: the updated flag, and an index so loading the last days and
	 * pruning by age do not scan the whole table. */
	"ALTER TABLE items ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX items_time ON items(" ITEM_TIME ");",
	/* v3: retention counts from when an item was first seen, so an
	 * archive feed's old items are kept as long as new ones. */
	"CREATE INDEX items_seen ON items(first_seen);",
	/* v4: the keys of pruned items a feed still carries, so they stay
	 * out after a restart too. */
	"CREATE TABLE pruned ("
	" feed_id INTEGER NOT NULL REFERENCES feeds(id),"
	" key TEXT NOT NULL,"
	" PRIMARY KEY (feed_id, key)) WITHOUT ROWID;",
	/* v5: alerts.  An item's alerted bits say for which reasons a
	 * story holding it has alerted (once per story and reason, across
	 * restarts); the alerts table is the log the alerts view lists,
	 * each entry pointing at its story's label item while it is kept. */
	"ALTER TABLE items ADD COLUMN alerted INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE alerts ("
	" id INTEGER PRIMARY KEY,"
	" fired INTEGER NOT NULL,"
	" reasons INTEGER NOT NULL,"
	" outlets INTEGER NOT NULL,"
	" headline TEXT NOT NULL,"
	" detail TEXT,"
	" item_id INTEGER REFERENCES items(id) ON DELETE SET NULL);"
	"CREATE INDEX alerts_fired ON alerts(fired);"
	"CREATE INDEX alerts_item ON alerts(item_id);",
	/* v6: the outlet an aggregator's item names (its RSS <source>). */
	"ALTER TABLE items ADD COLUMN outlet TEXT;",
};

_Static_assert(ARRAY_LEN(migrations) == DB_VERSION,
    "one migration per schema version");

enum {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_LOAD_FEEDS,
	ST_LOAD_ITEMS,
	ST_LOAD_PRUNED,
	ST_LOAD_ALERTS,
	ST_PUT_FEED,
	ST_PUT_ITEM,
	ST_SET_READ,
	ST_PRUNE_ITEM_KEY,
	ST_DELETE_ITEM,
	ST_PRUNE_OLDER_KEYS,
	ST_DELETE_OLDER,
	ST_FORGET_PRUNED,
	ST_SET_ALERTED,
	ST_PUT_ALERT,
	ST_PRUNE_ALERTS,
	ST_N,
	ST_N_READONLY = ST_LOAD_ALERTS + 1,
};

static const char *const stmt_sql[ST_N] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_LOAD_FEEDS] = "SELECT id, url, title, language, etag,"
			  " last_modified, last_fetch, status, error, failures"
			  " FROM feeds ORDER BY id",
	[ST_LOAD_ITEMS] = "SELECT id, feed_id, key, title, link, summary,"
			  " content, author, published, first_seen, read,"
			  " updated, alerted, outlet FROM items"
			  " WHERE first_seen >= ?1"
			  " ORDER BY " ITEM_TIME ", id",
	/* An item not loaded (seen before since) counts as pruned too. */
	[ST_LOAD_PRUNED] = "SELECT feed_id, key FROM pruned"
			   " UNION SELECT feed_id, key FROM items"
			   " WHERE first_seen < ?1",
	/* The label item by its identity: memory ids differ from rowids. */
	[ST_LOAD_ALERTS] = "SELECT a.id, a.fired, a.reasons, a.outlets,"
			   " a.headline, a.detail, i.feed_id, i.key"
			   " FROM alerts a"
			   " LEFT JOIN items i ON i.id = a.item_id"
			   " WHERE a.fired >= ?1 ORDER BY a.fired, a.id",
	[ST_PUT_FEED] = "INSERT INTO feeds (url, title, language, etag,"
			" last_modified, last_fetch, status, error, failures)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
			" ON CONFLICT (url) DO UPDATE SET"
			" title = excluded.title,"
			" language = excluded.language,"
			" etag = excluded.etag,"
			" last_modified = excluded.last_modified,"
			" last_fetch = excluded.last_fetch,"
			" status = excluded.status,"
			" error = excluded.error,"
			" failures = excluded.failures"
			" RETURNING id",
	[ST_PUT_ITEM] = "INSERT INTO items (feed_id, key, title, link,"
			" summary, content, author, published, first_seen,"
			" read, updated, outlet)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
			" ?12)"
			" ON CONFLICT (feed_id, key) DO UPDATE SET"
			" title = excluded.title,"
			" link = excluded.link,"
			" summary = excluded.summary,"
			" content = excluded.content,"
			" author = excluded.author,"
			" updated = excluded.updated,"
			" outlet = excluded.outlet"
			" RETURNING id",
	[ST_SET_READ] = "UPDATE items SET read = ?2 WHERE id = ?1",
	[ST_PRUNE_ITEM_KEY] = "INSERT OR IGNORE INTO pruned (feed_id, key)"
			      " SELECT feed_id, key FROM items WHERE id = ?1",
	[ST_DELETE_ITEM] = "DELETE FROM items WHERE id = ?1",
	[ST_PRUNE_OLDER_KEYS] = "INSERT OR IGNORE INTO pruned (feed_id, key)"
				" SELECT feed_id, key FROM items"
				" WHERE first_seen < ?1",
	[ST_DELETE_OLDER] = "DELETE FROM items WHERE first_seen < ?1",
	[ST_FORGET_PRUNED] = "DELETE FROM pruned WHERE feed_id = ?1"
			     " AND key = ?2",
	[ST_SET_ALERTED] = "UPDATE items SET alerted = ?2 WHERE id = ?1",
	[ST_PUT_ALERT] = "INSERT INTO alerts (fired, reasons, outlets,"
			 " headline, detail, item_id)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
	[ST_PRUNE_ALERTS] = "DELETE FROM alerts WHERE fired < ?1",
};

/* The checkpointer: its thread, its connection, and what it is asked. */
struct ckpt {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_cond_t idle; /* signalled when a round ends */
	sqlite3 *h;
	int want, quit, busy;
};

struct db {
	sqlite3 *h;
	sqlite3_stmt *st[ST_N];
	struct ckpt *ck; /* NULL: SQLite checkpoints in the commit */
};

static void
seterr(char *err, size_t errlen, sqlite3 *h, const char *what)
{
	snprintf(err, errlen, "%s: %s", what,
	    h ? sqlite3_errmsg(h) : "out of memory");
}

static int
is_corrupt(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
}

/* Creates every missing directory above path (mode 0700). */
static int
make_parent(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "cannot create %s: %s", dir,
			    strerror(errno));
			free(dir);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s is not a directory", dir);
		free(dir);
		return -1;
	}
	free(dir);
	return 0;
}

static int
path_exists(const char *p)
{
	struct stat st;

	return lstat(p, &st) == 0 || errno != ENOENT;
}

/* Renames path and its -wal and -shm to path.TAG-N (the first free N).
 * If the -wal cannot follow, the main file is put back: a fresh database
 * must never meet an old write-ahead log. */
static int
move_aside(const char *path, const char *tag, char **moved, char *err,
    size_t errlen)
{
	static const char *const sfx[] = { "-wal", "-shm" };

	for (int n = 1; n < 10000; n++) {
		char *dst = xasprintf("%s.%s-%d", path, tag, n);
		if (path_exists(dst)) {
			free(dst);
			continue;
		}
		if (rename(path, dst) != 0) {
			snprintf(err, errlen, "cannot rename %s to %s: %s",
			    path, dst, strerror(errno));
			free(dst);
			return -1;
		}
		for (size_t i = 0; i < ARRAY_LEN(sfx); i++) {
			char *s = xasprintf("%s%s", path, sfx[i]);
			char *d = xasprintf("%s%s", dst, sfx[i]);
			int bad = path_exists(s) && rename(s, d) != 0;
			if (bad) {
				snprintf(err, errlen,
				    "cannot rename %s to %s: %s", s, d,
				    strerror(errno));
				if (i == 0)
					(void)rename(dst, path);
			}
			free(s);
			free(d);
			if (bad && i == 0) {
				free(dst);
				return -1;
			}
		}
		*moved = dst;
		return 0;
	}
	snprintf(err, errlen, "cannot move %s aside: too many old copies",
	    path);
	return -1;
}

/* Runs a statement without results (static SQL only). */
static int
exec(sqlite3 *h, const char *sql, char *err, size_t errlen)
{
	int rc = sqlite3_exec(h, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		seterr(err, errlen, h, "database");
	return rc;
}

/* The single integer or text a PRAGMA returns.  Returns an SQLite code. */
static int
pragma(sqlite3 *h, const char *sql, int *ival, char *text, size_t textlen)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (ival)
			*ival = sqlite3_column_int(st, 0);
		if (text) {
			const char *t = (const char *)sqlite3_column_text(st,
			    0);
			util_strlcpy(text, t ? t : "", textlen);
		}
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
migrate(sqlite3 *h, int from, char *err, size_t errlen)
{
	for (int v = from; v < DB_VERSION; v++) {
		char sql[64];
		int rc = exec(h, "BEGIN IMMEDIATE", err, errlen);
		if (rc == SQLITE_OK)
			rc = exec(h, migrations[v], err, errlen);
		if (rc == SQLITE_OK) {
			/* PRAGMA takes no parameters; v is our own count. */
			snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
			    v + 1);
			rc = exec(h, sql, err, errlen);
		}
		if (rc == SQLITE_OK)
			rc = exec(h, "COMMIT", err, errlen);
		if (rc != SQLITE_OK) {
			(void)sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
	}
	return SQLITE_OK;
}

static int
prepare(struct db *db, int n, char *err, size_t errlen)
{
	for (int i = 0; i < n; i++) {
		int rc = sqlite3_prepare_v3(db->h, stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &db->st[i], NULL);
		if (rc != SQLITE_OK) {
			seterr(err, errlen, db->h, "database");
			return rc;
		}
	}
	return SQLITE_OK;
}

static void *
ckpt_main(void *arg)
{
	struct ckpt *ck = arg;

	pthread_mutex_lock(&ck->mu);
	for (;;) {
		while (!ck->want && !ck->quit)
			pthread_cond_wait(&ck->cv, &ck->mu);
		if (ck->quit)
			break;
		ck->want = 0;
		ck->busy = 1;
		pthread_mutex_unlock(&ck->mu);
		/* SQLITE_BUSY (another checkpoint runs) or an error: the
		 * next commit asks again, and the last close checkpoints */
		(void)sqlite3_wal_checkpoint_v2(
		    ck->h, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&ck->mu);
		ck->busy = 0;
		pthread_cond_broadcast(&ck->idle);
	}
	pthread_mutex_unlock(&ck->mu);
	return NULL;
}

/* Called by SQLite after each commit on the main connection. */
static int
ckpt_hook(void *arg, sqlite3 *h, const char *name, int pages)
{
	struct ckpt *ck = arg;

	if (pages >= CKPT_HARD) {
		/* the checkpointer lags: wait for its round (a checkpoint
		 * runs one at a time), then copy back what it left */
		pthread_mutex_lock(&ck->mu);
		while (ck->busy)
			pthread_cond_wait(&ck->idle, &ck->mu);
		pthread_mutex_unlock(&ck->mu);
		(void)sqlite3_wal_checkpoint_v2(
		    h, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	} else if (pages >= CKPT_PAGES) {
		pthread_mutex_lock(&ck->mu);
		ck->want = 1;
		pthread_cond_signal(&ck->cv);
		pthread_mutex_unlock(&ck->mu);
	}
	return SQLITE_OK;
}

static void
ckpt_free(struct ckpt *ck)
{
	pthread_cond_destroy(&ck->idle);
	pthread_cond_destroy(&ck->cv);
	pthread_mutex_destroy(&ck->mu);
	sqlite3_close(ck->h);
	free(ck);
}

/* Starts the checkpointer of an open, trusted database; on any failure
 * the auto-checkpoint stays as it was. */
static void
ckpt_start(struct db *db, const char *path)
{
	struct ckpt *ck = xcalloc(1, sizeof(*ck));
	char mode[16] = "";

	pthread_mutex_init(&ck->mu, NULL);
	pthread_cond_init(&ck->cv, NULL);
	pthread_cond_init(&ck->idle, NULL);
	/* The main connection is the one whose close checkpoints.  A
	 * connection knows the file is in WAL mode only once it has read
	 * it: until then a checkpoint is a silent no-op, hence the PRAGMA. */
	if (sqlite3_open_v2(path, &ck->h,
	        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	        NULL) != SQLITE_OK ||
	    sqlite3_db_config(ck->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1,
	        NULL) != SQLITE_OK ||
	    pragma(ck->h, "PRAGMA journal_mode", NULL, mode, sizeof(mode)) !=
	        SQLITE_OK ||
	    strcmp(mode, "wal") != 0 ||
	    pthread_create(&ck->th, NULL, ckpt_main, ck) != 0) {
		ckpt_free(ck);
		return;
	}
	db->ck = ck;
	sqlite3_wal_hook(db->h, ckpt_hook, ck);
}

static void
ckpt_stop(struct db *db)
{
	struct ckpt *ck = db->ck;

	if (!ck)
		return;
	sqlite3_wal_hook(db->h, NULL, NULL);
	pthread_mutex_lock(&ck->mu);
	ck->quit = 1;
	pthread_cond_signal(&ck->cv);
	pthread_mutex_unlock(&ck->mu);
	pthread_join(ck->th, NULL);
	ckpt_free(ck);
	db->ck = NULL;
}

void
db_close(struct db *db)
{
	if (!db)
		return;
	ckpt_stop(db);
	for (int i = 0; i < ST_N; i++)
		sqlite3_finalize(db->st[i]);
	sqlite3_close(db->h);
	free(db);
}

static void
add_warning(char **warn, const char *msg)
{
	if (!warn)
		return;
	if (*warn) {
		char *w = xasprintf("%s; %s", *warn, msg);
		free(*warn);
		*warn = w;
	} else {
		*warn = xstrdup(msg);
	}
}

/* What a quick_check's code rc and first row res say: an SQLite code,
 * with *tag set when the file must go aside. */
static int
verdict(int rc, const char *res, const char **tag, char *why, size_t whylen)
{
	if (is_corrupt(rc) || (rc == SQLITE_OK && strcmp(res, "ok") != 0)) {
		*tag = "corrupt";
		util_strlcpy(
		    why, rc == SQLITE_OK ? res : sqlite3_errstr(rc), whylen);
		return SQLITE_OK;
	}
	return rc;
}

/* Checks what is at path.  Returns an SQLite code; *tag is set when the
 * file must go aside.  With later, a quick_check that may wait until the
 * load is over is left to the caller (*later becomes 1). */
static int
check_existing(
    sqlite3 *h, int *later, const char **tag, char *why, size_t whylen)
{
	int ver = 0;
	int rc = pragma(h, "PRAGMA user_version", &ver, NULL, 0);

	*tag = NULL;
	if (is_corrupt(rc)) {
		*tag = "corrupt";
		util_strlcpy(why, sqlite3_errstr(rc), whylen);
		return SQLITE_OK;
	}
	if (rc != SQLITE_OK)
		return rc;
	if (ver > DB_VERSION) {
		*tag = "newer";
		snprintf(why, whylen,
		    "written by a newer wiredesk (schema %d, this one "
		    "knows %d)",
		    ver, DB_VERSION);
		return SQLITE_OK;
	}
	if (ver == 0)
		return SQLITE_OK;
	/* a file of this version in WAL mode is read, not written, until
	 * it is trusted: its check can wait for the end of the load */
	char mode[16] = "";
	if (later && ver == DB_VERSION &&
	    pragma(h, "PRAGMA journal_mode", NULL, mode, sizeof(mode)) ==
	        SQLITE_OK &&
	    strcmp(mode, "wal") == 0) {
		*later = 1;
		return SQLITE_OK;
	}
	char res[256] = "";
	rc = pragma(h, "PRAGMA quick_check", NULL, res, sizeof(res));
	return verdict(rc, res, tag, why, whylen);
}

/* PRAGMA quick_check on a connection and a thread of its own. */
struct check {
	pthread_t th;
	const char *path;
	int started; /* the thread runs */
	int opened;  /* its connection opened: rc is the check's */
	int rc;
	char res[256]; /* its first row: "ok", or what is wrong */
};

static void
check_on(sqlite3 *h, struct check *k)
{
	k->rc = pragma(h, "PRAGMA quick_check", NULL, k->res, sizeof(k->res));
}

static void *
check_main(void *arg)
{
	struct check *k = arg;
	sqlite3 *h = NULL;

	k->rc = sqlite3_open_v2(
	    k->path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (k->rc == SQLITE_OK) {
		k->opened = 1;
		/* only the main connection's close may checkpoint */
		sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		sqlite3_busy_timeout(h, BUSY_TIMEOUT_MS);
		check_on(h, k);
	}
	sqlite3_close(h);
	return NULL;
}

/* Pragmas, migrations and statements on a freshly opened connection. */
static int
setup(struct db *db, char *err, size_t errlen)
{
	char mode[32] = "";
	int ver = 0;

	if (sqlite3_db_readonly(db->h, "main") == 1) {
		snprintf(err, errlen, "database is read-only");
		return SQLITE_READONLY;
	}
	int rc = pragma(db->h, "PRAGMA journal_mode = WAL", NULL, mode,
	    sizeof(mode));
	if (rc != SQLITE_OK) {
		seterr(err, errlen, db->h, "database");
		return rc;
	}
	if (strcmp(mode, "wal") != 0) {
		snprintf(err, errlen, "database: cannot use WAL (mode %s)",
		    mode);
		return SQLITE_CANTOPEN;
	}
	rc = exec(db->h, "PRAGMA synchronous = NORMAL", err, errlen);
	if (rc == SQLITE_OK)
		rc = exec(db->h, "PRAGMA foreign_keys = ON", err, errlen);
	if (rc == SQLITE_OK) {
		rc = pragma(db->h, "PRAGMA user_version", &ver, NULL, 0);
		if (rc != SQLITE_OK)
			seterr(err, errlen, db->h, "database");
	}
	if (rc == SQLITE_OK && ver < DB_VERSION)
		rc = migrate(db->h, ver, err, errlen);
	if (rc == SQLITE_OK)
		rc = prepare(db, ST_N, err, errlen);
	return rc;
}

/* SQLite says "unable to open database file" for most refusals; when
 * the cause is a directory or file we may not write, say that instead. */
static void
explain(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		util_strlcpy(dir, ".", strlen(dir) + 1);
	if (access(dir, W_OK) != 0)
		snprintf(err, errlen, "the directory %s is read-only (%s)",
		    dir, strerror(errno));
	else if (access(path, F_OK) == 0 && access(path, W_OK) != 0)
		snprintf(err, errlen, "%s is read-only (%s)", path,
		    strerror(errno));
	free(dir);
}

/* Runs ld's load on db while k, when started, checks the file (else the
 * check runs on db once the load is over, before anything writes); returns
 * the check's SQLite code with *tag set when the file must go aside (and
 * the load then undone), SQLITE_OK when it passed or was not needed. */
static int
load_checked(struct db *db, struct db_loader *ld, struct check *k, int checking,
    const char **tag, char *why, size_t whylen)
{
	ld->rc = ld->load(db, ld->ctx, ld->err, sizeof(ld->err));
	if (!checking)
		return SQLITE_OK;
	if (k->started)
		pthread_join(k->th, NULL);
	if (!k->opened) /* no second connection: the check on this one */
		check_on(db->h, k);
	int rc = verdict(k->rc, k->res, tag, why, whylen);
	if (rc != SQLITE_OK || *tag)
		ld->reset(ld->ctx);
	return rc;
}

int
db_open(const char *path, struct db **out, char **warn, char *err,
    size_t errlen)
{
	return db_open_load(path, NULL, out, warn, err, errlen);
}

int
db_open_load(const char *path, struct db_loader *ld, struct db **out,
    char **warn, char *err, size_t errlen)
{
	*out = NULL;
	if (ld)
		ld->rc = -1;
	if (make_parent(path, err, errlen) != 0)
		return -1;
	for (int attempt = 0; attempt < 3; attempt++) {
		struct db *db = xcalloc(1, sizeof(*db));
		int rc = sqlite3_open_v2(path, &db->h,
		    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			SQLITE_OPEN_NOMUTEX,
		    NULL);
		if (rc != SQLITE_OK) {
			seterr(err, errlen, db->h, path);
			explain(path, err, errlen);
			db_close(db);
			return -1;
		}
		sqlite3_extended_result_codes(db->h, 1);
		sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);

		/* Until the file is trusted, closing must not checkpoint
		 * into it nor delete its -wal: a file moved aside keeps
		 * everything as it was found. */
		sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1,
		    NULL);
		const char *tag = NULL;
		char why[300] = "";
		int later = 0;
		rc = check_existing(
		    db->h, ld ? &later : NULL, &tag, why, sizeof(why));
		if (rc != SQLITE_OK) {
			seterr(err, errlen, db->h, path);
			explain(path, err, errlen);
			db_close(db);
			return -1;
		}
		struct check k = {.path = path};
		int checking = later;
		k.started =
		    later && pthread_create(&k.th, NULL, check_main, &k) == 0;
		if (!tag) {
			rc = setup(db, err, errlen);
			if (rc == SQLITE_OK && ld) {
				int crc = load_checked(db, ld, &k, checking,
				    &tag, why, sizeof(why));
				checking = 0;
				if (crc != SQLITE_OK) { /* the check's error */
					snprintf(err, errlen, "%s: %s", path,
					    sqlite3_errstr(crc));
					db_close(db);
					return -1;
				}
			}
			if (checking && k.started) /* setup failed: moot */
				pthread_join(k.th, NULL);
			if (rc == SQLITE_OK && !tag) {
				sqlite3_db_config(db->h,
				    SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
				ckpt_start(db, path);
				*out = db;
				return 0;
			}
			if (!tag && !is_corrupt(rc)) {
				if ((rc & 0xff) == SQLITE_CANTOPEN ||
				    (rc & 0xff) == SQLITE_READONLY)
					explain(path, err, errlen);
				db_close(db);
				return -1;
			}
			if (!tag) {
				tag = "corrupt";
				util_strlcpy(
				    why, sqlite3_errstr(rc), sizeof(why));
			}
		}
		db_close(db);
		char *moved = NULL;
		if (move_aside(path, tag, &moved, err, errlen) != 0)
			return -1;
		char *msg = xasprintf("%s: %s; moved to %s, starting a fresh "
				      "database",
		    path, why, moved);
		add_warning(warn, msg);
		free(msg);
		free(moved);
	}
	snprintf(err, errlen, "%s: cannot create a usable database", path);
	return -1;
}

/* A read-only connection; immutable tells SQLite the file cannot change,
 * so it needs no -shm (which a read-only directory cannot hold). */
static int
open_ro(const char *path, int immutable, struct db *db, char *err,
    size_t errlen)
{
	int ver = -1, rc, flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
	char *uri = NULL;

	if (immutable) {
		/* A URI: escape what would end or break the path. */
		struct buf b;
		buf_init(&b, 0);
		(void)buf_puts(&b, "file:");
		for (const char *p = path; *p; p++) {
			if (*p == '%' || *p == '?' || *p == '#')
				(void)buf_appendf(&b, "%%%02x",
				    (unsigned char)*p);
			else
				(void)buf_putc(&b, *p);
		}
		(void)buf_puts(&b, "?immutable=1");
		uri = buf_take(&b);
		flags |= SQLITE_OPEN_URI;
	}
	rc = sqlite3_open_v2(uri ? uri : path, &db->h, flags, NULL);
	free(uri);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(db->h, 1);
		sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
		rc = pragma(db->h, "PRAGMA user_version", &ver, NULL, 0);
	}
	if (rc != SQLITE_OK) {
		seterr(err, errlen, db->h, path);
		return -1;
	}
	if (ver != DB_VERSION) {
		snprintf(err, errlen, "%s: schema %d, not %d", path, ver,
		    DB_VERSION);
		return -1;
	}
	return prepare(db, ST_N_READONLY, err, errlen) == SQLITE_OK ? 0 : -1;
}

int
db_open_readonly(const char *path, struct db **out, char *err,
    size_t errlen)
{
	*out = NULL;
	for (int immutable = 0; immutable < 2; immutable++) {
		struct db *db = xcalloc(1, sizeof(*db));
		if (open_ro(path, immutable, db, err, errlen) == 0) {
			*out = db;
			return 0;
		}
		db_close(db);
	}
	return -1;
}

int
db_user_version(struct db *db)
{
	int ver = -1;

	if (pragma(db->h, "PRAGMA user_version", &ver, NULL, 0) != SQLITE_OK)
		return -1;
	return ver;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Steps st to its end (keeping the first column of the last row in
 * *rowid when asked), then resets it. */
static int
run(struct db *db, sqlite3_stmt *st, int64_t *rowid, const char *what,
    char *err, size_t errlen)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (rowid)
			*rowid = sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE)
		seterr(err, errlen, db->h, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
db_load_feeds(struct db *db, db_feed_fn fn, void *ctx, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_LOAD_FEEDS];
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_feed f = {
			.rowid = sqlite3_column_int64(st, 0),
			.url = col_text(st, 1),
			.title = col_text(st, 2),
			.language = col_text(st, 3),
			.etag = col_text(st, 4),
			.last_modified = col_text(st, 5),
			.last_fetch = sqlite3_column_int64(st, 6),
			.status = sqlite3_column_int(st, 7),
			.error = col_text(st, 8),
			.failures = sqlite3_column_int(st, 9),
		};
		if (f.url)
			fn(&f, ctx);
	}
	if (rc != SQLITE_DONE)
		seterr(err, errlen, db->h, "loading feeds");
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_load_recent(struct db *db, int64_t since, db_item_fn fn, void *ctx,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_LOAD_ITEMS];
	int rc;

	sqlite3_bind_int64(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_item it = {
			.rowid = sqlite3_column_int64(st, 0),
			.feed = sqlite3_column_int64(st, 1),
			.key = col_text(st, 2),
			.title = col_text(st, 3),
			.link = col_text(st, 4),
			.summary = col_text(st, 5),
			.content = col_text(st, 6),
			.author = col_text(st, 7),
			.published = sqlite3_column_type(st, 8) == SQLITE_NULL ?
			    DB_NO_DATE :
			    sqlite3_column_int64(st, 8),
			.first_seen = sqlite3_column_int64(st, 9),
			.read = sqlite3_column_int(st, 10) != 0,
			.updated = sqlite3_column_int(st, 11) != 0,
			.alerted = (unsigned)sqlite3_column_int(st, 12),
			.outlet = col_text(st, 13),
		};
		if (it.key)
			fn(&it, ctx);
	}
	if (rc != SQLITE_DONE)
		seterr(err, errlen, db->h, "loading items");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_begin(struct db *db, char *err, size_t errlen)
{
	return run(db, db->st[ST_BEGIN], NULL, "begin", err, errlen);
}

int
db_commit(struct db *db, char *err, size_t errlen)
{
	return run(db, db->st[ST_COMMIT], NULL, "commit", err, errlen);
}

void
db_rollback(struct db *db)
{
	char err[128];

	/* After some errors SQLite has already rolled back. */
	if (!sqlite3_get_autocommit(db->h))
		(void)run(db, db->st[ST_ROLLBACK], NULL, "rollback", err,
		    sizeof(err));
}

int
db_put_feed(struct db *db, struct db_feed *f, char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_PUT_FEED];

	bind_text(st, 1, f->url);
	bind_text(st, 2, f->title);
	bind_text(st, 3, f->language);
	bind_text(st, 4, f->etag);
	bind_text(st, 5, f->last_modified);
	sqlite3_bind_int64(st, 6, f->last_fetch);
	sqlite3_bind_int(st, 7, f->status);
	bind_text(st, 8, f->error);
	sqlite3_bind_int(st, 9, f->failures);
	return run(db, st, &f->rowid, "saving a feed", err, errlen);
}

int
db_put_item(struct db *db, struct db_item *it, char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_PUT_ITEM];

	sqlite3_bind_int64(st, 1, it->feed);
	bind_text(st, 2, it->key);
	bind_text(st, 3, it->title);
	bind_text(st, 4, it->link);
	bind_text(st, 5, it->summary);
	bind_text(st, 6, it->content);
	bind_text(st, 7, it->author);
	if (it->published == DB_NO_DATE)
		sqlite3_bind_null(st, 8);
	else
		sqlite3_bind_int64(st, 8, it->published);
	sqlite3_bind_int64(st, 9, it->first_seen);
	sqlite3_bind_int(st, 10, it->read != 0);
	sqlite3_bind_int(st, 11, it->updated != 0);
	bind_text(st, 12, it->outlet);
	return run(db, st, &it->rowid, "saving an item", err, errlen);
}

int
db_set_read(struct db *db, int64_t rowid, int read, char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_SET_READ];

	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_int(st, 2, read != 0);
	return run(db, st, NULL, "saving the read flag", err, errlen);
}

int
db_load_pruned(struct db *db, int64_t since, db_pruned_fn fn, void *ctx,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_LOAD_PRUNED];
	int rc;

	sqlite3_bind_int64(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = col_text(st, 1);
		if (key)
			fn(sqlite3_column_int64(st, 0), key, ctx);
	}
	if (rc != SQLITE_DONE)
		seterr(err, errlen, db->h, "loading pruned keys");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_prune_item(struct db *db, int64_t rowid, char *err, size_t errlen)
{
	sqlite3_stmt *keys = db->st[ST_PRUNE_ITEM_KEY];
	sqlite3_stmt *del = db->st[ST_DELETE_ITEM];

	sqlite3_bind_int64(keys, 1, rowid);
	if (run(db, keys, NULL, "remembering a pruned item", err,
		errlen) != 0)
		return -1;
	sqlite3_bind_int64(del, 1, rowid);
	return run(db, del, NULL, "deleting an item", err, errlen);
}

int
db_prune_older(struct db *db, int64_t cutoff, char *err, size_t errlen)
{
	sqlite3_stmt *keys = db->st[ST_PRUNE_OLDER_KEYS];
	sqlite3_stmt *del = db->st[ST_DELETE_OLDER];

	sqlite3_bind_int64(keys, 1, cutoff);
	if (run(db, keys, NULL, "remembering pruned items", err,
		errlen) != 0)
		return -1;
	sqlite3_bind_int64(del, 1, cutoff);
	return run(db, del, NULL, "deleting old items", err, errlen);
}

int
db_forget_pruned(struct db *db, int64_t feed, const char *key, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_FORGET_PRUNED];

	sqlite3_bind_int64(st, 1, feed);
	bind_text(st, 2, key);
	return run(db, st, NULL, "forgetting a pruned item", err, errlen);
}

int
db_set_alerted(struct db *db, int64_t rowid, unsigned reasons, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_SET_ALERTED];

	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_int(st, 2, (int)reasons);
	return run(db, st, NULL, "saving an alert mark", err, errlen);
}

int
db_put_alert(struct db *db, struct db_alert *a, char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_PUT_ALERT];

	sqlite3_bind_int64(st, 1, a->fired);
	sqlite3_bind_int(st, 2, (int)a->reasons);
	sqlite3_bind_int(st, 3, (int)a->outlets);
	bind_text(st, 4, a->headline ? a->headline : "");
	bind_text(st, 5, a->detail);
	if (a->item)
		sqlite3_bind_int64(st, 6, a->item);
	else
		sqlite3_bind_null(st, 6);
	return run(db, st, &a->rowid, "saving an alert", err, errlen);
}

int
db_load_alerts(struct db *db, int64_t since, db_alert_fn fn, void *ctx,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_LOAD_ALERTS];
	int rc;

	sqlite3_bind_int64(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_alert a = {
			.rowid = sqlite3_column_int64(st, 0),
			.fired = sqlite3_column_int64(st, 1),
			.reasons = (unsigned)sqlite3_column_int(st, 2),
			.outlets = (unsigned)sqlite3_column_int(st, 3),
			.headline = col_text(st, 4),
			.detail = col_text(st, 5),
			.item_feed = sqlite3_column_int64(st, 6),
			.item_key = col_text(st, 7),
		};
		if (a.headline)
			fn(&a, ctx);
	}
	if (rc != SQLITE_DONE)
		seterr(err, errlen, db->h, "loading alerts");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_prune_alerts(struct db *db, int64_t cutoff, char *err, size_t errlen)
{
	sqlite3_stmt *st = db->st[ST_PRUNE_ALERTS];

	sqlite3_bind_int64(st, 1, cutoff);
	return run(db, st, NULL, "deleting old alerts", err, errlen);
}
