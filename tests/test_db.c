/* Unit tests for db, the journal under store: a fresh schema, row round
 * trips with NULLs, upserts that keep the read flag, transactions,
 * prunes that remember the pruned keys, alert marks and the alert log
 * (whose entries outlive the items they point at), migration from a
 * hand-made version 1 database, moving a bad file aside with its -wal
 * and -shm, and a WAL kept small by checkpoints through 20 MB of
 * writes.  Every test works on real files in a temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "db.h"
#include "rawdb.h"

struct fixture {
	char dir[64];
	char path[128];
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	snprintf(fx->dir, sizeof(fx->dir), "/tmp/wiredesk-db-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof(fx->path), "%s/data/wiredesk.db", fx->dir);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	rawdb_rmtree(fx->dir);
	free(fx);
	return 0;
}

static struct db *
open_ok(const char *path)
{
	struct db *db = NULL;
	char *warn = NULL;
	char err[512] = "";

	int rc = db_open(path, &db, &warn, err, sizeof(err));
	if (rc != 0)
		fail_msg("db_open: %s", err);
	assert_null(warn);
	return db;
}

struct loaded {
	struct db_feed feeds[8];
	char *fstr[8][6];
	size_t nfeeds;
	struct db_item items[16];
	char *istr[16][6];
	size_t nitems;
};

static char *
sdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void
on_feed(const struct db_feed *f, void *ctx)
{
	struct loaded *l = ctx;
	size_t i = l->nfeeds++;

	assert_true(i < 8);
	l->feeds[i] = *f;
	const char *src[6] = { f->url, f->title, f->language, f->etag,
		f->last_modified, f->error };
	for (int k = 0; k < 6; k++)
		l->fstr[i][k] = sdup(src[k]);
}

static void
on_item(const struct db_item *it, void *ctx)
{
	struct loaded *l = ctx;
	size_t i = l->nitems++;

	assert_true(i < 16);
	l->items[i] = *it;
	const char *src[6] = { it->key, it->title, it->link, it->summary,
		it->content, it->author };
	for (int k = 0; k < 6; k++)
		l->istr[i][k] = sdup(src[k]);
}

static void
loaded_load(struct loaded *l, struct db *db, int64_t since)
{
	char err[256];

	memset(l, 0, sizeof(*l));
	assert_int_equal(db_load_feeds(db, on_feed, l, err, sizeof(err)), 0);
	assert_int_equal(db_load_recent(db, since, on_item, l, err,
	    sizeof(err)), 0);
}

/* The pruned keys, "feedrowid:key" joined by spaces in load order. */
static void
on_pruned(int64_t feed, const char *key, void *ctx)
{
	char *out = ctx;
	size_t n = strlen(out);

	snprintf(out + n, 256 - n, "%s%lld:%s", n ? " " : "",
	    (long long)feed, key);
}

static void
pruned_load(struct db *db, int64_t since, char out[256])
{
	char err[256];

	out[0] = '\0';
	assert_int_equal(db_load_pruned(db, since, on_pruned, out, err,
	    sizeof(err)), 0);
}

static void
loaded_fini(struct loaded *l)
{
	for (size_t i = 0; i < l->nfeeds; i++)
		for (int k = 0; k < 6; k++)
			free(l->fstr[i][k]);
	for (size_t i = 0; i < l->nitems; i++)
		for (int k = 0; k < 6; k++)
			free(l->istr[i][k]);
}

static void
test_fresh_roundtrip(void **state)
{
	struct fixture *fx = *state;
	char err[256];

	/* the directory (and its parent data/) is created */
	struct db *db = open_ok(fx->path);
	struct stat st;
	char dir[128];
	snprintf(dir, sizeof(dir), "%s/data", fx->dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(db_user_version(db), DB_VERSION);

	struct db_feed f = { .url = "http://a.example/rss", .title = "A",
		.etag = "\"e1\"", .status = 1, .last_fetch = 42 };
	assert_int_equal(db_put_feed(db, &f, err, sizeof(err)), 0);
	assert_true(f.rowid > 0);
	struct db_feed g = { .url = "http://b.example/rss",
		.error = "HTTP 500", .status = -1, .failures = 3 };
	assert_int_equal(db_put_feed(db, &g, err, sizeof(err)), 0);
	assert_true(g.rowid > f.rowid);
	/* the same URL again updates, same rowid */
	int64_t frow = f.rowid;
	f.rowid = 0;
	f.last_modified = "Mon, 01 Jan 2024 00:00:00 GMT";
	assert_int_equal(db_put_feed(db, &f, err, sizeof(err)), 0);
	assert_int_equal(f.rowid, frow);

	assert_int_equal(db_begin(db, err, sizeof(err)), 0);
	struct db_item a = { .feed = frow, .key = "k1", .title = "T1",
		.link = "http://a.example/1", .summary = "S1",
		.published = 1000, .first_seen = 2000 };
	struct db_item b = { .feed = frow, .key = "k2", .title = "T2",
		.published = DB_NO_DATE, .first_seen = 3000, .read = 1 };
	assert_int_equal(db_put_item(db, &a, err, sizeof(err)), 0);
	assert_int_equal(db_put_item(db, &b, err, sizeof(err)), 0);
	assert_int_equal(db_commit(db, err, sizeof(err)), 0);
	assert_true(a.rowid > 0 && b.rowid > a.rowid);

	struct loaded l;
	loaded_load(&l, db, INT64_MIN);
	assert_int_equal(l.nfeeds, 2);
	assert_string_equal(l.fstr[0][0], "http://a.example/rss");
	assert_string_equal(l.fstr[0][1], "A");
	assert_null(l.fstr[0][2]);
	assert_string_equal(l.fstr[0][3], "\"e1\"");
	assert_string_equal(l.fstr[0][4], "Mon, 01 Jan 2024 00:00:00 GMT");
	assert_int_equal(l.feeds[0].last_fetch, 42);
	assert_int_equal(l.feeds[0].status, 1);
	assert_string_equal(l.fstr[1][5], "HTTP 500");
	assert_int_equal(l.feeds[1].failures, 3);
	assert_int_equal(l.feeds[1].status, -1);
	assert_int_equal(l.nitems, 2);
	/* oldest first by time: k1 (1000) then k2 (first seen 3000) */
	assert_string_equal(l.istr[0][0], "k1");
	assert_int_equal(l.items[0].published, 1000);
	assert_int_equal(l.items[0].first_seen, 2000);
	assert_string_equal(l.istr[0][3], "S1");
	assert_null(l.istr[0][4]);
	assert_string_equal(l.istr[1][0], "k2");
	assert_int_equal(l.items[1].published, DB_NO_DATE);
	assert_int_equal(l.items[1].read, 1);
	assert_int_equal(l.items[1].feed, frow);
	loaded_fini(&l);

	/* since filters by time (published, else first_seen) */
	loaded_load(&l, db, 2500);
	assert_int_equal(l.nitems, 1);
	assert_string_equal(l.istr[0][0], "k2");
	loaded_fini(&l);

	/* an upsert updates text and keeps read and first_seen */
	struct db_item b2 = { .feed = frow, .key = "k2", .title = "T2 new",
		.published = DB_NO_DATE, .first_seen = 9999, .read = 0,
		.updated = 1 };
	assert_int_equal(db_put_item(db, &b2, err, sizeof(err)), 0);
	assert_int_equal(b2.rowid, b.rowid);
	loaded_load(&l, db, INT64_MIN);
	assert_string_equal(l.istr[1][1], "T2 new");
	assert_int_equal(l.items[1].read, 1);
	assert_int_equal(l.items[1].updated, 1);
	assert_int_equal(l.items[1].first_seen, 3000);
	loaded_fini(&l);

	/* set_read, a rolled back transaction, prune_item and
	 * prune_older, which remember the keys they delete */
	char pruned[256];
	char want[64];
	pruned_load(db, INT64_MIN, pruned);
	assert_string_equal(pruned, "");
	/* an item not loaded for since counts as pruned */
	pruned_load(db, 2500, pruned);
	snprintf(want, sizeof(want), "%lld:k1", (long long)frow);
	assert_string_equal(pruned, want);
	assert_int_equal(db_set_read(db, a.rowid, 1, err, sizeof(err)), 0);
	assert_int_equal(db_begin(db, err, sizeof(err)), 0);
	assert_int_equal(db_prune_item(db, a.rowid, err, sizeof(err)), 0);
	db_rollback(db);
	loaded_load(&l, db, INT64_MIN);
	assert_int_equal(l.nitems, 2);
	assert_int_equal(l.items[0].read, 1);
	loaded_fini(&l);
	pruned_load(db, INT64_MIN, pruned);
	assert_string_equal(pruned, "");
	assert_int_equal(db_prune_older(db, 2500, err, sizeof(err)), 0);
	loaded_load(&l, db, INT64_MIN);
	assert_int_equal(l.nitems, 1);
	assert_string_equal(l.istr[0][0], "k2");
	loaded_fini(&l);
	pruned_load(db, INT64_MIN, pruned);
	assert_string_equal(pruned, want);
	/* listed once though both parts of the query find it */
	pruned_load(db, 2500, pruned);
	assert_string_equal(pruned, want);
	assert_int_equal(db_prune_item(db, b.rowid, err, sizeof(err)), 0);
	loaded_load(&l, db, INT64_MIN);
	assert_int_equal(l.nitems, 0);
	loaded_fini(&l);
	pruned_load(db, INT64_MIN, pruned);
	snprintf(want, sizeof(want), "%lld:k1 %lld:k2", (long long)frow,
	    (long long)frow);
	assert_string_equal(pruned, want);
	/* forgetting one key leaves the other; an unknown key is no
	 * error */
	assert_int_equal(db_forget_pruned(db, frow, "k1", err, sizeof(err)),
	    0);
	assert_int_equal(db_forget_pruned(db, frow, "nope", err,
	    sizeof(err)), 0);
	pruned_load(db, INT64_MIN, pruned);
	snprintf(want, sizeof(want), "%lld:k2", (long long)frow);
	assert_string_equal(pruned, want);
	/* another reader sees the committed table */
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"), 1);

	/* an item of an unknown feed breaks the foreign key */
	struct db_item bad = { .feed = 9999, .key = "x", .first_seen = 1 };
	assert_int_equal(db_put_item(db, &bad, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "FOREIGN KEY"));
	db_close(db);

	assert_int_equal(rawdb_int(fx->path, "PRAGMA user_version"), DB_VERSION);
	db_close(NULL);
}

/* Version 1 exactly as it shipped: no updated column, no time index. */
static const char v1_schema[] =
    "CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE,"
    " title TEXT, language TEXT, etag TEXT, last_modified TEXT,"
    " last_fetch INTEGER NOT NULL DEFAULT 0,"
    " status INTEGER NOT NULL DEFAULT 0, error TEXT,"
    " failures INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE items (id INTEGER PRIMARY KEY,"
    " feed_id INTEGER NOT NULL REFERENCES feeds(id), key TEXT NOT NULL,"
    " title TEXT, link TEXT, summary TEXT, content TEXT, author TEXT,"
    " published INTEGER, first_seen INTEGER NOT NULL,"
    " read INTEGER NOT NULL DEFAULT 0, UNIQUE (feed_id, key));"
    "INSERT INTO feeds (id, url, title, etag) VALUES"
    " (7, 'http://old.example/rss', 'Old', '\"v1\"');"
    "INSERT INTO items (feed_id, key, title, published, first_seen, read)"
    " VALUES (7, 'o1', 'Old one', 500, 600, 1),"
    " (7, 'o2', 'Old two', NULL, 700, 0);"
    "PRAGMA user_version = 1;";

static void
test_migrate_v1(void **state)
{
	struct fixture *fx = *state;

	mkdir(fx->dir, 0700);
	char dir[128];
	snprintf(dir, sizeof(dir), "%s/data", fx->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	rawdb_exec(fx->path, v1_schema);
	assert_int_equal(rawdb_int(fx->path, "PRAGMA user_version"), 1);

	struct db *db = open_ok(fx->path);
	assert_int_equal(db_user_version(db), DB_VERSION);
	struct loaded l;
	loaded_load(&l, db, INT64_MIN);
	assert_int_equal(l.nfeeds, 1);
	assert_int_equal(l.feeds[0].rowid, 7);
	assert_string_equal(l.fstr[0][3], "\"v1\"");
	assert_int_equal(l.nitems, 2);
	assert_string_equal(l.istr[0][1], "Old one");
	assert_int_equal(l.items[0].read, 1);
	assert_int_equal(l.items[0].updated, 0);
	assert_int_equal(l.items[1].published, DB_NO_DATE);
	loaded_fini(&l);
	db_close(db);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM sqlite_master"
					   " WHERE name = 'items_time'"),
	    1);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM"
					   " sqlite_master WHERE"
					   " name = 'items_seen'"),
	    1);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"), 0);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM"
					   " pragma_table_info('items')"
					   " WHERE name = 'updated'"),
	    1);
	/* v5: every old item is unalerted, the log is empty */
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"
					   " WHERE alerted = 0"),
	    2);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM alerts"), 0);
	char *mode = rawdb_text(fx->path, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	/* a second open finds version 2 and changes nothing */
	db = open_ok(fx->path);
	assert_int_equal(db_user_version(db), DB_VERSION);
	db_close(db);
}

struct alerts_seen {
	char text[512];
	size_t n;
};

static void
on_alert(const struct db_alert *a, void *ctx)
{
	struct alerts_seen *as = ctx;
	size_t len = strlen(as->text);

	snprintf(as->text + len, sizeof(as->text) - len,
	    "%s%lld/%u/%u/%s/%s/%lld:%s", as->n++ ? " | " : "",
	    (long long)a->fired, a->reasons, a->outlets, a->headline,
	    a->detail ? a->detail : "-", (long long)a->item_feed,
	    a->item_key ? a->item_key : "-");
}

static void
alerts_load(struct db *db, int64_t since, struct alerts_seen *as)
{
	char err[256];

	memset(as, 0, sizeof(*as));
	assert_int_equal(
	    db_load_alerts(db, since, on_alert, as, err, sizeof(err)), 0);
}

static void
test_alerts(void **state)
{
	struct fixture *fx = *state;
	char err[256];
	struct db *db = open_ok(fx->path);

	struct db_feed f = {.url = "http://a.example/rss"};
	assert_int_equal(db_put_feed(db, &f, err, sizeof(err)), 0);
	struct db_item a = {.feed = f.rowid, .key = "k1", .title = "T1",
	    .published = 1000, .first_seen = 1000};
	struct db_item b = {.feed = f.rowid, .key = "k2", .title = "T2",
	    .published = 5000, .first_seen = 5000};
	assert_int_equal(db_put_item(db, &a, err, sizeof(err)), 0);
	assert_int_equal(db_put_item(db, &b, err, sizeof(err)), 0);

	/* marks are kept by the upsert of a changed item, as read is */
	assert_int_equal(db_set_alerted(db, a.rowid, 3, err, sizeof(err)), 0);
	a.title = "T1, corrected";
	a.updated = 1;
	assert_int_equal(db_put_item(db, &a, err, sizeof(err)), 0);
	struct loaded l;
	loaded_load(&l, db, INT64_MIN);
	assert_int_equal(l.nitems, 2);
	assert_int_equal(l.items[0].alerted, 3);
	assert_int_equal(l.items[1].alerted, 0);
	loaded_fini(&l);

	struct db_alert one = {.fired = 1100, .reasons = 1, .outlets = 3,
	    .headline = "Storm hits coast", .detail = "3 outlets",
	    .item = a.rowid};
	struct db_alert two = {.fired = 5100, .reasons = 2, .outlets = 1,
	    .headline = "Sony hacked", .item = b.rowid};
	struct db_alert three = {.fired = 5200, .reasons = 3, .outlets = 4,
	    .headline = "No item"};
	assert_int_equal(db_put_alert(db, &two, err, sizeof(err)), 0);
	assert_int_equal(db_put_alert(db, &one, err, sizeof(err)), 0);
	assert_int_equal(db_put_alert(db, &three, err, sizeof(err)), 0);
	assert_true(one.rowid > 0 && two.rowid > 0 && three.rowid > 0);

	char want[512];
	struct alerts_seen as;
	alerts_load(db, INT64_MIN, &as);
	snprintf(want, sizeof(want),
	    "1100/1/3/Storm hits coast/3 outlets/%lld:k1 | "
	    "5100/2/1/Sony hacked/-/%lld:k2 | 5200/3/4/No item/-/0:-",
	    (long long)f.rowid, (long long)f.rowid);
	assert_string_equal(as.text, want);
	alerts_load(db, 5100, &as);
	assert_int_equal(as.n, 2);

	/* pruning the item leaves the entry, without its item */
	assert_int_equal(db_prune_older(db, 2000, err, sizeof(err)), 0);
	alerts_load(db, INT64_MIN, &as);
	assert_non_null(
	    strstr(as.text, "1100/1/3/Storm hits coast/3 outlets/0:-"));
	/* old entries go by their own date */
	assert_int_equal(db_prune_alerts(db, 5150, err, sizeof(err)), 0);
	alerts_load(db, INT64_MIN, &as);
	assert_string_equal(as.text, "5200/3/4/No item/-/0:-");
	db_close(db);

	/* a read-only handle loads them too */
	assert_int_equal(db_open_readonly(fx->path, &db, err, sizeof(err)), 0);
	alerts_load(db, INT64_MIN, &as);
	assert_int_equal(as.n, 1);
	db_close(db);
}

static void
write_file(const char *path, const char *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static off_t
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_size : 0;
}

/* About 20 MB of items in small transactions, as the dashboard writes
 * them: the WAL is checkpointed as it goes (by the thread that does it
 * off the commit), so it stays a few MB, and every row is in the file
 * once the database is closed. */
static void
test_wal_bounded(void **state)
{
	struct fixture *fx = *state;
	char err[256], wal[160], key[32], title[64];
	struct db *db = open_ok(fx->path);
	enum { N = 2500, PER_TXN = 10, SUMMARY = 8000 };
	char *summary = malloc(SUMMARY + 1);
	off_t walmax = 0;

	assert_non_null(summary);
	for (int i = 0; i < SUMMARY; i++)
		summary[i] = (char)('a' + i * 31 % 26);
	summary[SUMMARY] = '\0';
	snprintf(wal, sizeof(wal), "%s-wal", fx->path);
	struct db_feed f = {.url = "http://a.example/rss", .title = "A"};
	assert_int_equal(db_put_feed(db, &f, err, sizeof(err)), 0);
	for (int i = 0; i < N; i += PER_TXN) {
		assert_int_equal(db_begin(db, err, sizeof(err)), 0);
		for (int k = i; k < i + PER_TXN; k++) {
			snprintf(key, sizeof(key), "k%d", k);
			snprintf(title, sizeof(title), "Headline number %d", k);
			summary[k % SUMMARY] = 'Z'; /* no two alike */
			struct db_item it = {.feed = f.rowid,
			    .key = key,
			    .title = title,
			    .summary = summary,
			    .published = 1000 + k,
			    .first_seen = 1000 + k};
			assert_int_equal(
			    db_put_item(db, &it, err, sizeof(err)), 0);
		}
		assert_int_equal(db_commit(db, err, sizeof(err)), 0);
		off_t w = file_size(wal);
		if (w > walmax)
			walmax = w;
		usleep(2000);
	}
	free(summary);
	/* 20 MB went through a WAL that stayed under 10 MB: near 4 MB while
	 * the checkpointer keeps up (SQLite's own auto-checkpoint would too,
	 * but in the commit), and at most 2,000 pages and a transaction when
	 * a loaded disk slows it, for then the commit checkpoints itself */
	print_message("WAL at most %lld bytes\n", (long long)walmax);
	assert_true(walmax > 0);
	assert_true(walmax < 10 * 1024 * 1024);
	/* a second connection sees every row while the first is open */
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), N);
	db_close(db);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), N);
	/* and the file is trusted again (open_ok: no warning) */
	db = open_ok(fx->path);
	db_close(db);
}

static void
test_move_aside(void **state)
{
	struct fixture *fx = *state;
	char p[256], *warn = NULL, err[512] = "";
	struct db *db = NULL;

	/* a database from a newer wiredesk, twice: -1 then -2 */
	for (int round = 1; round <= 2; round++) {
		db = open_ok(fx->path);
		db_close(db);
		rawdb_exec(fx->path, "CREATE TABLE future (x);"
				   "PRAGMA user_version = 77;");
		assert_int_equal(db_open(fx->path, &db, &warn, err,
		    sizeof(err)), 0);
		assert_non_null(warn);
		assert_non_null(strstr(warn, "newer"));
		snprintf(p, sizeof(p), "%s.newer-%d", fx->path, round);
		assert_non_null(strstr(warn, p));
		free(warn);
		warn = NULL;
		assert_true(rawdb_exists(p));
		assert_int_equal(db_user_version(db), DB_VERSION);
		db_close(db);
		snprintf(p, sizeof(p), "%s.newer-%d", fx->path, round);
		assert_int_equal(rawdb_int(p, "PRAGMA user_version"), 77);
	}

	/* not a database at all */
	char junk[8192];
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)(i * 7919 % 251);
	write_file(fx->path, junk, sizeof(junk));
	/* a -wal and -shm beside it move along: a fresh database must
	 * never meet an old log */
	char wal[160], shm[160];
	snprintf(wal, sizeof(wal), "%s-wal", fx->path);
	snprintf(shm, sizeof(shm), "%s-shm", fx->path);
	write_file(wal, junk, 100);
	write_file(shm, junk, 200);
	assert_int_equal(db_open(fx->path, &db, &warn, err, sizeof(err)), 0);
	assert_non_null(warn);
	assert_non_null(strstr(warn, "corrupt-1"));
	free(warn);
	db_close(db);
	snprintf(p, sizeof(p), "%s.corrupt-1", fx->path);
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_size, sizeof(junk));
	snprintf(p, sizeof(p), "%s.corrupt-1-wal", fx->path);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_size, 100);
	/* the -shm is only an index SQLite may rebuild; it moves too */
	snprintf(p, sizeof(p), "%s.corrupt-1-shm", fx->path);
	assert_int_equal(stat(p, &st), 0);
	/* the fresh database works */
	db = open_ok(fx->path);
	assert_int_equal(db_user_version(db), DB_VERSION);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_roundtrip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_alerts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_move_aside, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_wal_bounded, setup,
		    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
