/* Unit tests for store: merge and dedup, updated items, read and fresh
 * flags, validators and status, canonical order, prune and generation,
 * in memory (dbpath NULL); then the same store on a real SQLite file:
 * restarts, migration, retention, pruned keys across restarts, alert
 * marks and the alert log across restarts, and
 * faults (corrupt, truncated and newer files, read-only directory and
 * file, a data directory that is a file, a file size limit and a full
 * tmpfs, a second store on the same file, a writer holding the lock, and
 * kill -9 in the middle of merges).
 *
 * Read-only cases must hold for root too, where permission bits do not
 * stop writes: the tests set the immutable attribute (FS_IOC_SETFLAGS,
 * what chattr +i does), which binds root, besides chmod for other users,
 * and skip only when neither takes effect (a file system without the
 * attribute, run by root).  The full disk is a real one: a small tmpfs
 * mounted in a private mount namespace of a child process (skipped
 * without the privilege), and RLIMIT_FSIZE, which works for anyone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/fs.h>
#include <linux/sched.h> /* CLONE_NEWNS; include/sched.h shadows <sched.h> */

#include <cmocka.h>
#include <sqlite3.h>

#include "db.h"
#include "parse.h"
#include "rawdb.h"
#include "store.h"

#define DAY 86400

/* A parsed feed built by hand; strings are borrowed from literals. */
struct pf_builder {
	struct parsed_feed pf;
	struct parsed_item items[64];
};

static void
pf_init(struct pf_builder *b, const char *title, const char *lang)
{
	memset(b, 0, sizeof(*b));
	b->pf.format = FEED_RSS20;
	b->pf.title = (char *)(uintptr_t)title;
	b->pf.language = (char *)(uintptr_t)lang;
	b->pf.items = b->items;
}

static struct parsed_item *
pf_add(struct pf_builder *b, const char *id, const char *link,
    const char *title, const char *summary, int64_t published)
{
	assert_true(b->pf.nitems < ARRAY_LEN(b->items));
	struct parsed_item *pi = &b->items[b->pf.nitems++];
	memset(pi, 0, sizeof(*pi));
	pi->id = (char *)(uintptr_t)id;
	pi->link = (char *)(uintptr_t)link;
	pi->title = (char *)(uintptr_t)title;
	pi->summary = (char *)(uintptr_t)summary;
	pi->published = published;
	pi->updated = PARSE_NO_DATE;
	return pi;
}

static size_t
merge(struct store *s, uint32_t feed, const struct pf_builder *b,
    int64_t at, uint32_t **ids)
{
	char err[256] = "";
	uint32_t *tmp = NULL;
	size_t n = 0;

	assert_int_equal(store_merge(s, feed, &b->pf, at, &tmp, &n, err,
	    sizeof(err)), 0);
	if (ids)
		*ids = tmp;
	else
		free(tmp);
	return n;
}

static struct store *
open_mem(void)
{
	char err[256] = "";
	char *warn = NULL;
	struct store *s = store_open(NULL, &warn, err, sizeof(err));

	assert_non_null(s);
	assert_null(warn);
	return s;
}

static void
test_feeds(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint64_t g0 = store_generation(s);

	uint32_t a = store_feed_add(s, "http://a.example/rss", NULL);
	uint32_t b = store_feed_add(s, "http://b.example/rss", "Bee");
	assert_int_equal(a, 1);
	assert_int_equal(b, 2);
	assert_true(store_generation(s) > g0);
	assert_int_equal(store_feed_add(s, "http://a.example/rss", NULL), a);
	assert_int_equal(store_feed_count(s), 2);
	assert_int_equal(store_feed_find(s, "http://b.example/rss"), b);
	assert_int_equal(store_feed_find(s, "http://c.example/rss"), 0);
	assert_null(store_feed(s, 0));
	assert_null(store_feed(s, 3));
	assert_string_equal(store_feed(s, b)->title, "Bee");
	assert_null(store_feed(s, a)->title);
	assert_int_equal(store_feed(s, a)->status, 0);
	/* every feed its own outlet, but for one outlet's sections; a
	 * service's feeds of many publishers are each their own */
	assert_int_equal(store_feed(s, a)->outlet_id, a);
	assert_int_equal(store_feed(s, b)->outlet_id, b);
	uint32_t a2 = store_feed_add(s, "https://news.a.example/world", NULL);
	uint32_t fb1 =
	    store_feed_add(s, "https://feeds.feedburner.com/x", NULL);
	uint32_t fb2 =
	    store_feed_add(s, "https://feeds.feedburner.com/y", NULL);
	uint32_t ip = store_feed_add(s, "http://127.0.0.1:8080/x.xml", NULL);
	uint32_t ip2 = store_feed_add(s, "http://127.0.0.1:8080/y.xml", NULL);
	assert_int_equal(store_feed(s, a2)->outlet_id, a);
	assert_int_equal(store_feed(s, fb1)->outlet_id, fb1);
	assert_int_equal(store_feed(s, fb2)->outlet_id, fb2);
	assert_int_equal(store_feed(s, ip)->outlet_id, ip);
	assert_int_equal(store_feed(s, ip2)->outlet_id, ip2);
	assert_null(store_feed(s, 8));

	/* the parsed title fills in only where the feeds file gave none */
	struct pf_builder pb;
	pf_init(&pb, "Feed A", "en");
	merge(s, a, &pb, 1000, NULL);
	pf_init(&pb, "Feed B", "de");
	merge(s, b, &pb, 1000, NULL);
	assert_string_equal(store_feed(s, a)->title, "Feed A");
	assert_string_equal(store_feed(s, a)->language, "en");
	assert_string_equal(store_feed(s, b)->title, "Bee");
	assert_string_equal(store_feed(s, b)->language, "de");
	/* a feed that renames itself is followed; the file's title wins */
	pf_init(&pb, "Feed A2", NULL);
	merge(s, a, &pb, 1001, NULL);
	assert_string_equal(store_feed(s, a)->title, "Feed A2");
	assert_string_equal(store_feed(s, a)->language, "en");
	store_feed_add(s, "http://a.example/rss", "Aye");
	merge(s, a, &pb, 1002, NULL);
	assert_string_equal(store_feed(s, a)->title, "Aye");

	/* a bad feed id is an error, not a crash */
	char err[128] = "";
	uint32_t *ids = (uint32_t *)&err;
	size_t n = 7;
	assert_int_equal(store_merge(s, 99, &pb.pf, 1, &ids, &n, err,
	    sizeof(err)), -1);
	assert_null(ids);
	assert_int_equal(n, 0);
	assert_true(err[0] != '\0');
	store_close(s);
}

static void
test_merge_dedup(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	uint32_t g = store_feed_add(s, "http://b.example/rss", NULL);
	struct pf_builder pb;
	uint32_t *ids;

	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "guid-1", "http://a.example/1", "One", "s1", 100);
	pf_add(&pb, NULL, "http://a.example/2", "Two", "s2", 200);
	pf_add(&pb, NULL, NULL, "Three", "s3", 300);
	pf_add(&pb, NULL, NULL, "Three", "s3 again", 301);
	pf_add(&pb, NULL, NULL, NULL, "untitled, known by its summary", 400);
	pf_add(&pb, NULL, NULL, NULL, "untitled, known by its summary", 400);
	pf_add(&pb, NULL, NULL, NULL, NULL, 500); /* no identity at all */
	pf_add(&pb, "guid-1", "http://a.example/1b", "One dup", "x", 100);
	assert_int_equal(merge(s, f, &pb, 5000, &ids), 5);
	assert_int_equal(store_item_count(s), 5);
	assert_int_equal(store_item_max(s), 5);
	const struct item *it = store_item(s, ids[0]);
	assert_string_equal(it->key, "guid-1");
	assert_string_equal(it->title, "One");
	assert_int_equal(it->feed_id, f);
	assert_true(it->fresh);
	assert_false(it->read);
	assert_false(it->updated);
	assert_int_equal(it->first_seen, 5000);
	assert_int_equal(it->time, 100);
	assert_string_equal(store_item(s, ids[1])->key, "http://a.example/2");
	/* title + date keys tell two same-titled items apart */
	assert_string_not_equal(store_item(s, ids[2])->key,
	    store_item(s, ids[3])->key);
	assert_string_equal(store_item(s, ids[4])->key,
	    "untitled, known by its summary\x1f" "400");
	assert_null(store_item(s, ids[4])->title);
	assert_int_equal(store_feed(s, f)->nitems, 5);
	free(ids);

	/* the same body again adds nothing and moves nothing */
	uint64_t gen = store_generation(s);
	assert_int_equal(merge(s, f, &pb, 6000, NULL), 0);
	assert_int_equal(store_generation(s), gen);
	assert_int_equal(store_item_count(s), 5);

	/* the same key in another feed is another item */
	assert_int_equal(merge(s, g, &pb, 6000, NULL), 5);
	assert_int_equal(store_item_count(s), 10);
	assert_int_equal(store_feed(s, g)->nitems, 5);

	assert_null(store_item(s, 0));
	assert_null(store_item(s, 11));
	store_close(s);
}

/* A lean store (--dump's) keeps of each item its key, title, link and
 * lead, cut after a whole word; a key that is the link is kept once; a
 * lead once forgotten is gone while the rest stays; leads of items
 * updated, pruned or never forgotten are freed with them (the suite's
 * AddressSanitizer pass counts leaks). */
static void
test_lean(void **state)
{
	(void)state;
	struct store *s = open_mem();
	store_set_lean(s, 20);
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;
	uint32_t *ids;

	pf_init(&pb, NULL, NULL);
	struct parsed_item *pi = pf_add(&pb, "http://a.example/1",
	    "http://a.example/1", "One",
	    "alpha beta gamma delta epsilon zeta", 100);
	pi->author = (char *)(uintptr_t)"A. Writer";
	pi->content = (char *)(uintptr_t)"<p>the whole text</p>";
	pf_add(&pb, "guid-2", "http://a.example/2", "Two", "short lead", 200);
	pf_add(&pb, "guid-3", "http://a.example/3", "Three", NULL, 300);
	pf_add(&pb, "guid-4", "http://a.example/4", "Four",
	    "Unbrokenwordlongerthanthelimit", 400);
	assert_int_equal(merge(s, f, &pb, 5000, &ids), 4);

	const struct item *one = store_item(s, ids[0]);
	assert_string_equal(one->key, "http://a.example/1");
	assert_string_equal(one->link, "http://a.example/1");
	assert_ptr_equal(one->key, one->link); /* kept once */
	assert_string_equal(one->summary, "alpha beta gamma");
	assert_null(one->author);
	assert_null(one->content);
	assert_string_equal(store_item(s, ids[1])->summary, "short lead");
	assert_string_equal(store_item(s, ids[1])->key, "guid-2");
	assert_null(store_item(s, ids[2])->summary);
	/* no space to cut at: nothing of it is a whole word */
	assert_string_equal(store_item(s, ids[3])->summary, "");

	/* forgetting leaves the rest, and twice is harmless */
	store_forget_summary(s, ids[1]);
	store_forget_summary(s, ids[1]);
	store_forget_summary(s, ids[2]);
	const struct item *two = store_item(s, ids[1]);
	assert_null(two->summary);
	assert_string_equal(two->title, "Two");
	assert_string_equal(two->link, "http://a.example/2");
	assert_string_equal(two->key, "guid-2");
	assert_string_equal(store_item(s, ids[0])->summary, "alpha beta gamma");

	/* an item whose title changed gets a new record, lead and all */
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "http://a.example/1", "http://a.example/1", "One, again",
	    "alpha beta gamma delta epsilon zeta", 100);
	assert_int_equal(merge(s, f, &pb, 6000, NULL), 0);
	one = store_item(s, ids[0]);
	assert_string_equal(one->title, "One, again");
	assert_string_equal(one->summary, "alpha beta gamma");
	assert_ptr_equal(one->key, one->link);
	free(ids);

	/* pruning takes records and their leads (items 1 and 4 keep
	 * theirs until then) */
	assert_int_equal(store_prune(s, 100 * DAY, DAY, 0), 4);
	assert_int_equal(store_item_count(s), 0);
	store_close(s);
}

static void
test_updated_and_read(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;
	uint32_t *ids;

	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "g1", NULL, "Title", "Summary", PARSE_NO_DATE);
	pf_add(&pb, "g2", NULL, "Other", "Summary", PARSE_NO_DATE);
	assert_int_equal(merge(s, f, &pb, 7000, &ids), 2);
	uint32_t id = ids[0];
	free(ids);
	/* no date: time is when it was first seen */
	assert_int_equal(store_item(s, id)->published, PARSE_NO_DATE);
	assert_int_equal(store_item(s, id)->time, 7000);

	uint64_t gen = store_generation(s);
	store_set_read(s, id, 1);
	assert_true(store_item(s, id)->read);
	assert_true(store_generation(s) > gen);
	gen = store_generation(s);
	store_set_read(s, id, 1);
	assert_int_equal(store_generation(s), gen);
	store_set_seen(s, id);
	assert_false(store_item(s, id)->fresh);
	assert_true(store_generation(s) > gen);
	gen = store_generation(s);
	store_set_seen(s, id);
	assert_int_equal(store_generation(s), gen);
	store_set_read(s, 999, 1); /* unknown ids are ignored */
	store_set_seen(s, 999);

	/* a changed title keeps the id, read state and first_seen */
	pb.items[0].title = (char *)(uintptr_t)"Title, corrected";
	assert_int_equal(merge(s, f, &pb, 9000, NULL), 0);
	assert_true(store_generation(s) > gen);
	const struct item *it = store_item(s, id);
	assert_string_equal(it->title, "Title, corrected");
	assert_true(it->updated);
	assert_true(it->read);
	assert_false(it->fresh);
	assert_int_equal(it->first_seen, 7000);
	assert_int_equal(it->time, 7000);
	assert_false(store_item(s, id + 1)->updated);
	/* a changed summary counts too; the link alone does not */
	pb.items[1].summary = (char *)(uintptr_t)"New summary";
	assert_int_equal(merge(s, f, &pb, 9100, NULL), 0);
	assert_true(store_item(s, id + 1)->updated);
	assert_string_equal(store_item(s, id + 1)->summary, "New summary");
	gen = store_generation(s);
	pb.items[0].link = (char *)(uintptr_t)"http://a.example/moved";
	assert_int_equal(merge(s, f, &pb, 9200, NULL), 0);
	assert_int_equal(store_generation(s), gen);
	store_set_read(s, id, 0);
	assert_false(store_item(s, id)->read);
	store_close(s);
}

static void
test_status_validators(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);

	store_set_validators(s, f, "\"abc\"", "Mon, 01 Jan 2024 00:00:00 GMT");
	assert_string_equal(store_feed(s, f)->etag, "\"abc\"");
	assert_string_equal(store_feed(s, f)->last_modified,
	    "Mon, 01 Jan 2024 00:00:00 GMT");
	store_set_validators(s, f, NULL, "Tue, 02 Jan 2024 00:00:00 GMT");
	assert_null(store_feed(s, f)->etag);

	uint64_t gen = store_generation(s);
	store_set_status(s, f, 0, "HTTP 500", 100);
	store_set_status(s, f, 0, "timed out", 200);
	const struct feed_info *fi = store_feed(s, f);
	assert_int_equal(fi->status, -1);
	assert_string_equal(fi->error, "timed out");
	assert_int_equal(fi->failures, 2);
	assert_int_equal(fi->last_fetch, 200);
	assert_true(store_generation(s) > gen);
	store_set_status(s, f, 1, NULL, 300);
	fi = store_feed(s, f);
	assert_int_equal(fi->status, 1);
	assert_null(fi->error);
	assert_int_equal(fi->failures, 0);
	assert_int_equal(fi->last_fetch, 300);
	/* a success the parser survived: ok, with what it met */
	store_set_status(s, f, 1, "document ends early (line 9)", 400);
	fi = store_feed(s, f);
	assert_int_equal(fi->status, 1);
	assert_string_equal(fi->error, "document ends early (line 9)");
	assert_int_equal(fi->failures, 0);
	store_set_status(s, f, 1, NULL, 500);
	assert_null(store_feed(s, f)->error);
	store_set_status(s, 42, 1, NULL, 300); /* ignored */
	store_close(s);
}

static void
test_canonical_order(void **state)
{
	(void)state;
	struct store *s = open_mem();
	/* added out of URL order on purpose */
	uint32_t z = store_feed_add(s, "http://z.example/rss", NULL);
	uint32_t a = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pz, pa;
	uint32_t *ids;

	pf_init(&pz, NULL, NULL);
	pf_add(&pz, "k2", NULL, "z at 200", NULL, 200);
	pf_add(&pz, "k1", NULL, "z at 200 too", NULL, 200);
	pf_add(&pz, "k0", NULL, "z at 100", NULL, 100);
	pf_add(&pz, "k9", NULL, "z undated", NULL, PARSE_NO_DATE);
	assert_int_equal(merge(s, z, &pz, 150, &ids), 4);
	/* time, then key: k0@100, k9@150 (first seen), k1@200, k2@200 */
	assert_string_equal(store_item(s, ids[0])->key, "k0");
	assert_string_equal(store_item(s, ids[1])->key, "k9");
	assert_string_equal(store_item(s, ids[2])->key, "k1");
	assert_string_equal(store_item(s, ids[3])->key, "k2");
	free(ids);

	pf_init(&pa, NULL, NULL);
	pf_add(&pa, "k5", NULL, "a at 200", NULL, 200);
	assert_int_equal(merge(s, a, &pa, 150, &ids), 1);
	uint32_t aid = ids[0];
	free(ids);

	/* sort every id: a's URL sorts before z's at the same time */
	uint32_t all[5] = { 5, 4, 3, 2, 1 };
	store_sort_canonical(s, all, 5);
	const char *want[5] = { "k0", "k9", "k5", "k1", "k2" };
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(store_item(s, all[i])->key, want[i]);
	assert_int_equal(all[2], aid);

	/* unknown ids do not break the sort; they go first */
	uint32_t mixed[4] = { 3, 77, 1, 0 };
	store_sort_canonical(s, mixed, 4);
	assert_int_equal(mixed[0], 0);
	assert_int_equal(mixed[1], 77);
	store_close(s);
}

/* The canonical order does not depend on arrival order. */
static void
test_order_independent(void **state)
{
	(void)state;
	char key[64][16], title[64][16];
	uint32_t *ids[2];
	size_t n[2];

	for (int run = 0; run < 2; run++) {
		struct store *s = open_mem();
		struct pf_builder pb;
		pf_init(&pb, NULL, NULL);
		for (int i = 0; i < 40; i++) {
			int j = run ? 39 - i : i;
			snprintf(key[i], sizeof(key[i]), "key%02d", j);
			snprintf(title[i], sizeof(title[i]), "t%d", j);
			pf_add(&pb, key[i], NULL, title[i], NULL,
			    (int64_t)(j % 7) * 100);
		}
		uint32_t f = store_feed_add(s, "http://x.example/", NULL);
		n[run] = merge(s, f, &pb, 1, &ids[run]);
		for (size_t i = 0; i < n[run]; i++) {
			/* replace ids by the key number to compare runs */
			const char *k = store_item(s, ids[run][i])->key;
			ids[run][i] = (uint32_t)strtoul(k + 3, NULL, 10);
		}
		store_close(s);
	}
	assert_int_equal(n[0], 40);
	assert_int_equal(n[1], 40);
	assert_memory_equal(ids[0], ids[1], 40 * sizeof(uint32_t));
	free(ids[0]);
	free(ids[1]);
}

static void
test_prune(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint32_t a = store_feed_add(s, "http://a.example/rss", NULL);
	uint32_t b = store_feed_add(s, "http://b.example/rss", NULL);
	struct pf_builder pb;
	char keys[20][16];
	int64_t now = 100 * DAY;

	for (int i = 0; i < 10; i++) {
		snprintf(keys[i], sizeof(keys[i]), "a%d", i);
		/* a0 was first seen 10 days ago, a9 one day ago */
		pf_init(&pb, NULL, NULL);
		pf_add(&pb, keys[i], NULL, "t", NULL, now - (10 - i) * DAY);
		assert_int_equal(merge(s, a, &pb, now - (10 - i) * DAY, NULL),
		    1);
	}
	pf_init(&pb, NULL, NULL);
	for (int i = 0; i < 5; i++) {
		snprintf(keys[10 + i], sizeof(keys[10 + i]), "b%d", i);
		pf_add(&pb, keys[10 + i], NULL, "t", NULL, now - i * DAY);
	}
	assert_int_equal(merge(s, b, &pb, now, NULL), 5);

	/* nothing to do: no move */
	uint64_t gen = store_generation(s);
	assert_int_equal(store_prune(s, now, 30 * DAY, 0), 0);
	assert_int_equal(store_generation(s), gen);

	/* age: older than 7.5 days goes (a0, a1, a2) */
	assert_int_equal(store_prune(s, now, 7 * DAY + DAY / 2, 0), 3);
	assert_true(store_generation(s) > gen);
	assert_int_equal(store_item_count(s), 12);
	assert_null(store_item(s, 1));
	assert_null(store_item(s, 3));
	assert_string_equal(store_item(s, 4)->key, "a3");
	assert_int_equal(store_feed(s, a)->nitems, 7);
	assert_int_equal(store_item_max(s), 15);

	/* cap: each feed keeps its newest 4 */
	assert_int_equal(store_prune(s, now, 0, 4), 4);
	assert_int_equal(store_feed(s, a)->nitems, 4);
	assert_int_equal(store_feed(s, b)->nitems, 4);
	for (uint32_t id = 1; id <= 6; id++)
		assert_null(store_item(s, id));
	for (uint32_t id = 7; id <= 14; id++)
		assert_non_null(store_item(s, id));
	assert_null(store_item(s, 15)); /* b4, the oldest of b */

	/* dedup still works after pruning (tombstones in the hash) */
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "a9", NULL, "t", NULL, now - DAY);
	pf_add(&pb, "a10", NULL, "t", NULL, now);
	uint32_t *ids;
	assert_int_equal(merge(s, a, &pb, now, &ids), 1);
	assert_int_equal(ids[0], 16);
	free(ids);
	store_close(s);
}

/* Many items through the hash, growth and tombstone rebuilds. */
/* An alert marks its story's items and joins the log; a changed item
 * keeps its marks; pruning by age drops old entries. */
static void
test_alerts(void **state)
{
	(void)state;
	struct store *s = open_mem();
	struct pf_builder pb;
	uint32_t *ids = NULL;

	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "1", NULL, "Storm hits coast", NULL, 1000);
	pf_add(&pb, "2", NULL, "Storm floods towns", NULL, 1100);
	pf_add(&pb, "3", NULL, "Other story", NULL, 1200);
	assert_int_equal(merge(s, f, &pb, 1300, &ids), 3);
	assert_int_equal(store_alert_count(s), 0);
	assert_null(store_alert_at(s, 0));

	uint64_t g = store_generation(s);
	struct store_alert a = {.fired = 1400, .reasons = 1, .outlets = 3,
	    .headline = (char *)(uintptr_t)"Storm hits coast",
	    .detail = (char *)(uintptr_t)"3 outlets within 60 min",
	    .item = ids[0]};
	store_alert_add(s, &a, ids, 2);
	assert_true(store_generation(s) > g);
	assert_int_equal(store_item(s, ids[0])->alerted, 1);
	assert_int_equal(store_item(s, ids[1])->alerted, 1);
	assert_int_equal(store_item(s, ids[2])->alerted, 0);
	a.fired = 1500;
	a.reasons = 2;
	a.detail = NULL;
	a.headline = (char *)(uintptr_t)"Other story";
	a.item = ids[2];
	store_alert_add(s, &a, ids + 1, 2);
	assert_int_equal(store_item(s, ids[1])->alerted, 3);
	assert_int_equal(store_item(s, ids[2])->alerted, 2);
	assert_int_equal(store_alert_count(s), 2);
	const struct store_alert *one = store_alert_at(s, 0);
	assert_string_equal(one->headline, "Storm hits coast");
	assert_string_equal(one->detail, "3 outlets within 60 min");
	assert_int_equal(one->item, ids[0]);
	assert_int_equal(one->outlets, 3);
	assert_null(store_alert_at(s, 1)->detail);

	/* a corrected title keeps the marks */
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "2", NULL, "Storm floods more towns", NULL, 1100);
	assert_int_equal(merge(s, f, &pb, 1600, NULL), 0);
	assert_int_equal(store_item(s, ids[1])->updated, 1);
	assert_int_equal(store_item(s, ids[1])->alerted, 3);

	/* the first alert is older than a day at 1450 + DAY: it goes,
	 * with the items first seen before then */
	store_prune(s, 1450 + DAY, DAY, 0);
	assert_int_equal(store_alert_count(s), 1);
	assert_string_equal(store_alert_at(s, 0)->headline, "Other story");
	free(ids);
	store_close(s);
}

static void
test_many(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	char (*keys)[32] = calloc(64, sizeof(*keys));
	struct pf_builder pb;

	for (int round = 0; round < 100; round++) {
		pf_init(&pb, NULL, NULL);
		for (int i = 0; i < 64; i++) {
			snprintf(keys[i], sizeof(keys[i]), "r%d-%d", round, i);
			pf_add(&pb, keys[i], NULL, "t", NULL, round * 100 + i);
		}
		assert_int_equal(merge(s, f, &pb, 1, NULL), 64);
		/* the same keys again are all known */
		assert_int_equal(merge(s, f, &pb, 1, NULL), 0);
		if (round % 10 == 9)
			(void)store_prune(s, round * 100 + 64, 0, 200);
	}
	assert_int_equal(store_item_count(s), 200 + 64 * 0);
	assert_int_equal(store_item_max(s), 6400);
	/* the newest 200 survive */
	for (uint32_t id = 6201; id <= 6400; id++)
		assert_non_null(store_item(s, id));
	free(keys);
	store_close(s);
}

/* A pruned item the feed still carries stays out; one it dropped may
 * come back. */
static void
test_prune_gone(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;
	char keys[6][16];

	pf_init(&pb, NULL, NULL);
	for (int i = 0; i < 6; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		pf_add(&pb, keys[i], NULL, "t", NULL, PARSE_NO_DATE);
	}
	assert_int_equal(merge(s, f, &pb, 100, NULL), 6);
	assert_int_equal(store_prune(s, 200, 0, 4), 2);
	/* undated items would come back newer than the kept ones */
	assert_int_equal(merge(s, f, &pb, 300, NULL), 0);
	assert_int_equal(store_prune(s, 300, 0, 4), 0);
	assert_int_equal(merge(s, f, &pb, 400, NULL), 0);
	/* the feed stops carrying k0 and k1 ... */
	pb.pf.items += 2;
	pb.pf.nitems -= 2;
	assert_int_equal(merge(s, f, &pb, 500, NULL), 0);
	/* ... so when it carries them again they are news */
	pb.pf.items -= 2;
	pb.pf.nitems += 2;
	assert_int_equal(merge(s, f, &pb, 600, NULL), 2);
	store_close(s);
}

/* ---- the same store on a real SQLite file ---- */

struct fixture {
	char dir[64];
	char data[96];
	char path[128];
};

static int
fx_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	snprintf(fx->dir, sizeof(fx->dir), "/tmp/wiredesk-store-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->data, sizeof(fx->data), "%s/wiredesk", fx->dir);
	snprintf(fx->path, sizeof(fx->path), "%s/wiredesk.db", fx->data);
	*state = fx;
	return 0;
}

/* chattr +i / -i on one path; -1 when the file system or the caller
 * cannot. */
static int
set_immutable(const char *path, int on)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	int flags = 0, rc = -1;

	if (fd < 0)
		return -1;
	if (ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0) {
		flags = on ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
		rc = ioctl(fd, FS_IOC_SETFLAGS, &flags);
	}
	close(fd);
	return rc;
}

static int
unlock_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)flag;
	(void)ftw;
	(void)set_immutable(p, 0);
	chmod(p, S_ISDIR(st->st_mode) ? 0700 : 0600);
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fixture *fx = *state;

	nftw(fx->dir, unlock_one, 16, FTW_PHYS);
	rawdb_rmtree(fx->dir);
	free(fx);
	return 0;
}

static struct store *
open_file(const char *path)
{
	char err[256] = "";
	char *warn = NULL;
	struct store *s = store_open(path, &warn, err, sizeof(err));

	assert_non_null(s);
	if (warn)
		fail_msg("unexpected warning: %s", warn);
	assert_true(store_persistent(s));
	return s;
}

/* Thousands of feeds, each found by its url and with its host's outlet,
 * in memory and after a restart from the file (the tables grow many
 * times on the way). */
static void
test_file_many_feeds(void **state)
{
	struct fixture *fx = *state;
	char url[64];
	enum { N = 1500 };

	struct store *s = open_file(fx->path);
	for (int i = 0; i < N; i++) {
		snprintf(
		    url, sizeof(url), "http://h%d.example/feed/%d", i % 7, i);
		assert_int_equal(store_feed_add(s, url, NULL), (uint32_t)i + 1);
	}
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < N; i++) {
			snprintf(url, sizeof(url), "http://h%d.example/feed/%d",
			    i % 7, i);
			assert_int_equal(
			    store_feed_find(s, url), (uint32_t)i + 1);
			assert_string_equal(
			    store_feed(s, (uint32_t)i + 1)->url, url);
			/* one host's feeds are one outlet: the first */
			assert_int_equal(
			    store_feed(s, (uint32_t)i + 1)->outlet_id,
			    (uint32_t)(i % 7) + 1);
		}
		assert_int_equal(
		    store_feed_find(s, "http://h0.example/feed/"), 0);
		assert_int_equal(store_feed_find(s, ""), 0);
		/* listing one again finds it, adds nothing */
		assert_int_equal(
		    store_feed_add(s, "http://h3.example/feed/10", "Ten"), 11);
		assert_int_equal(store_feed_count(s), N);
		store_close(s);
		s = open_file(fx->path);
	}
	assert_string_equal(store_feed(s, 11)->title, "Ten");
	store_close(s);
}

/* An aggregator's items name their outlets: each is kept, with the
 * outlet it witnesses (one for one name, whatever its case; the feed's
 * for an item that names none), across an update and a restart. */
static void
test_file_named_outlets(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);
	uint32_t gn = store_feed_add(s, "https://news.google.com/rss", NULL);
	struct pf_builder pb;
	uint32_t *ids = NULL;

	pf_init(&pb, "Top stories - Google News", "en");
	pf_add(
	    &pb, "a", "https://news.google.com/a", "Hack - Reuters", NULL, 1000)
	    ->outlet = (char *)(uintptr_t) "Reuters";
	pf_add(&pb, "b", "https://news.google.com/b", "Hack - The Verge", NULL,
	    1000)
	    ->outlet = (char *)(uintptr_t) "The Verge";
	pf_add(&pb, "c", "https://news.google.com/c", "Other - REUTERS", NULL,
	    1000)
	    ->outlet = (char *)(uintptr_t) "REUTERS";
	pf_add(&pb, "d", "https://news.google.com/d", "Plain", NULL, 1000);
	assert_int_equal(merge(s, gn, &pb, 1100, &ids), 4);
	for (int round = 0; round < 2; round++) {
		const struct item *a = store_item(s, ids[0]);
		const struct item *b = store_item(s, ids[1]);
		const struct item *c = store_item(s, ids[2]);
		const struct item *d = store_item(s, ids[3]);
		assert_string_equal(a->outlet, "Reuters");
		assert_string_equal(b->outlet, "The Verge");
		assert_null(d->outlet);
		assert_true(a->outlet_id & STORE_OUTLET_NAMED);
		assert_true(b->outlet_id & STORE_OUTLET_NAMED);
		assert_int_equal(a->outlet_id, c->outlet_id);
		assert_int_not_equal(a->outlet_id, b->outlet_id);
		assert_int_equal(d->outlet_id, store_feed(s, gn)->outlet_id);
		assert_false(a->updated);
		store_close(s);
		s = open_file(fx->path);
	}
	/* a feed that names another outlet for an item: no correction */
	pf_init(&pb, "Top stories - Google News", "en");
	pf_add(
	    &pb, "a", "https://news.google.com/a", "Hack - Reuters", NULL, 1000)
	    ->outlet = (char *)(uintptr_t) "Reuters UK";
	merge(s, gn, &pb, 1200, NULL);
	const struct item *a = store_item(s, ids[0]);
	assert_string_equal(a->outlet, "Reuters UK");
	assert_false(a->updated);
	free(ids);
	store_close(s);
}

/* An outlet an aggregator names and a feed whose shown name is that
 * name are one witness, whenever the feed's name was learnt; a name no
 * feed has stays its own. */
static void
test_named_witness(void **state)
{
	(void)state;
	struct store *s = open_mem();
	uint32_t gn = store_feed_add(s, "https://news.google.com/rss", NULL);
	/* named by its own title, learnt when it is first fetched */
	uint32_t rt =
	    store_feed_add(s, "https://www.reutersagency.com/feed/", NULL);
	/* named in the feeds file */
	uint32_t bbc =
	    store_feed_add(s, "https://feeds.bbci.co.uk/news/rss.xml", "BBC");
	uint32_t bbc2 = store_feed_add(
	    s, "https://feeds.bbci.co.uk/news/world/rss.xml", "BBC");
	struct pf_builder pb;
	uint32_t *ids = NULL;

	pf_init(&pb, "Top stories - Google News", "en");
	pf_add(
	    &pb, "a", "https://news.google.com/a", "Hack - Reuters", NULL, 1000)
	    ->outlet = (char *)(uintptr_t) "REUTERS";
	pf_add(&pb, "b", "https://news.google.com/b", "Hack - BBC News", NULL,
	    1000)
	    ->outlet = (char *)(uintptr_t) "BBC News";
	pf_add(&pb, "c", "https://news.google.com/c", "Hack - The Verge", NULL,
	    1000)
	    ->outlet = (char *)(uintptr_t) "The Verge";
	pf_add(&pb, "d", "https://news.google.com/d", "Plain", NULL, 1000);
	assert_int_equal(merge(s, gn, &pb, 1100, &ids), 4);
	const struct item *a = store_item(s, ids[0]);
	const struct item *b = store_item(s, ids[1]);
	const struct item *c = store_item(s, ids[2]);
	const struct item *d = store_item(s, ids[3]);
	/* the Reuters feed has no name yet */
	assert_int_equal(store_witness(s, a), a->outlet_id);
	assert_true(store_witness(s, a) & STORE_OUTLET_NAMED);
	/* "BBC News", cleaned as a title is, is the BBC's feeds' outlet */
	assert_int_equal(store_witness(s, b), store_feed(s, bbc)->outlet_id);
	assert_int_equal(
	    store_feed(s, bbc2)->outlet_id, store_feed(s, bbc)->outlet_id);
	assert_int_equal(store_witness(s, c), c->outlet_id);
	assert_int_equal(store_witness(s, d), store_feed(s, gn)->outlet_id);
	/* the Reuters feed is fetched: now it is the one witness */
	pf_init(&pb, "Reuters", "en");
	pf_add(&pb, "r1", "https://www.reuters.com/x", "Hack", NULL, 1000);
	merge(s, rt, &pb, 1200, NULL);
	assert_string_equal(store_feed(s, rt)->outlet, "Reuters");
	assert_int_equal(store_witness(s, a), store_feed(s, rt)->outlet_id);
	assert_int_equal(store_witness(s, c), c->outlet_id);
	/* of two feeds of one name, the first URL's, in any order */
	uint32_t other =
	    store_feed_add(s, "https://a.example/reuters", "Reuters");
	assert_int_equal(store_witness(s, a), store_feed(s, other)->outlet_id);
	/* and renamed in the feeds file, it is not */
	store_feed_add(s, "https://a.example/reuters", "Wire Desk");
	assert_int_equal(store_witness(s, a), store_feed(s, rt)->outlet_id);
	store_feed_add(s, "https://www.reutersagency.com/feed/", "Wire Desk");
	assert_int_equal(store_witness(s, a), a->outlet_id);
	free(ids);
	store_close(s);
}

/* Opens expecting a warning that contains want; returns the store. */
static struct store *
open_warned(const char *path, const char *want)
{
	char err[256] = "";
	char *warn = NULL;
	struct store *s = store_open(path, &warn, err, sizeof(err));

	assert_non_null(s);
	assert_non_null(warn);
	if (!strstr(warn, want))
		fail_msg("warning \"%s\" lacks \"%s\"", warn, want);
	free(warn);
	return s;
}

/* Items with strings owned here, to build feeds of any size. */
struct big {
	struct parsed_feed pf;
	char (*key)[32];
	char *summary;
};

static void
big_init(struct big *b, const char *prefix, size_t n, size_t summary_len,
    int64_t published)
{
	memset(b, 0, sizeof(*b));
	b->pf.items = calloc(n, sizeof(*b->pf.items));
	b->key = calloc(n, sizeof(*b->key));
	b->summary = malloc(summary_len + 1);
	for (size_t i = 0; i < summary_len; i++)
		b->summary[i] = (char)('a' + i % 26);
	b->summary[summary_len] = '\0';
	for (size_t i = 0; i < n; i++) {
		snprintf(b->key[i], sizeof(b->key[i]), "%s-%zu", prefix, i);
		struct parsed_item *pi = &b->pf.items[i];
		pi->id = b->key[i];
		pi->title = b->key[i];
		pi->summary = b->summary;
		pi->published = published == PARSE_NO_DATE ?
		    PARSE_NO_DATE :
		    published + (int64_t)i;
		pi->updated = PARSE_NO_DATE;
	}
	b->pf.nitems = n;
}

static void
big_fini(struct big *b)
{
	free(b->pf.items);
	free(b->key);
	free(b->summary);
}

static size_t
merge_pf(struct store *s, uint32_t feed, const struct parsed_feed *pf,
    int64_t at)
{
	char err[256] = "";
	uint32_t *ids = NULL;
	size_t n = 0;

	assert_int_equal(store_merge(s, feed, pf, at, &ids, &n, err,
	    sizeof(err)), 0);
	free(ids);
	return n;
}

/* The item of feed with key, or NULL. */
static const struct item *
find_item(const struct store *s, uint32_t feed, const char *key)
{
	for (uint32_t id = 1; id <= store_item_max(s); id++) {
		const struct item *it = store_item(s, id);
		if (it && it->feed_id == feed && strcmp(it->key, key) == 0)
			return it;
	}
	return NULL;
}

static void
test_file_restart(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);
	struct pf_builder pb;

	assert_true(rawdb_exists(fx->path));
	uint32_t a = store_feed_add(s, "http://a.example/rss", "Aye");
	uint32_t b = store_feed_add(s, "http://b.example/rss", NULL);
	pf_init(&pb, "Feed B", "de");
	pf_add(&pb, "g1", "http://b.example/1", "One", "S1", 1000);
	struct parsed_item *pi = pf_add(&pb, NULL, "http://b.example/2", "Two",
	    NULL, PARSE_NO_DATE);
	pi->author = (char *)(uintptr_t)"Ann";
	pi->content = (char *)(uintptr_t)"<p>Two</p>";
	assert_int_equal(merge(s, b, &pb, 2000, NULL), 2);
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "a1", NULL, "A one", NULL, 1500);
	assert_int_equal(merge(s, a, &pb, 2000, NULL), 1);
	store_set_read(s, find_item(s, b, "g1")->id, 1);
	store_set_read(s, find_item(s, a, "a1")->id, 1);
	store_set_read(s, find_item(s, a, "a1")->id, 0);
	store_set_validators(s, b, "\"etag-b\"",
	    "Mon, 01 Jan 2024 00:00:00 GMT");
	store_set_status(s, a, 0, "HTTP 503", 2100);
	store_set_status(s, b, 1, NULL, 2100);
	/* an updated title is journalled with its flag */
	pf_init(&pb, "Feed B", "de");
	pf_add(&pb, "g1", "http://b.example/1", "One (updated)", "S1", 1000);
	assert_int_equal(merge(s, b, &pb, 2200, NULL), 0);
	store_close(s);

	s = open_file(fx->path);
	assert_int_equal(store_feed_count(s), 2);
	assert_int_equal(store_item_count(s), 3);
	/* feeds come back in the order they were first stored */
	const struct feed_info *fa = store_feed(s, 1), *fb = store_feed(s, 2);
	assert_string_equal(fa->url, "http://a.example/rss");
	assert_string_equal(fa->title, "Aye");
	assert_int_equal(fa->status, -1);
	assert_string_equal(fa->error, "HTTP 503");
	assert_int_equal(fa->failures, 1);
	assert_int_equal(fa->last_fetch, 2100);
	assert_int_equal(fa->nitems, 1);
	assert_false(fa->listed);
	assert_string_equal(fb->title, "Feed B");
	assert_string_equal(fb->language, "de");
	assert_string_equal(fb->etag, "\"etag-b\"");
	assert_string_equal(fb->last_modified, "Mon, 01 Jan 2024 00:00:00 GMT");
	assert_int_equal(fb->status, 1);
	assert_null(fb->error);
	assert_int_equal(fb->nitems, 2);

	const struct item *g1 = find_item(s, 2, "g1");
	assert_non_null(g1);
	assert_string_equal(g1->title, "One (updated)");
	assert_true(g1->updated);
	assert_true(g1->read);
	assert_false(g1->fresh);
	assert_int_equal(g1->published, 1000);
	assert_int_equal(g1->first_seen, 2000);
	assert_int_equal(g1->time, 1000);
	const struct item *two = find_item(s, 2, "http://b.example/2");
	assert_non_null(two);
	assert_int_equal(two->published, PARSE_NO_DATE);
	assert_int_equal(two->time, 2000);
	assert_string_equal(two->author, "Ann");
	assert_string_equal(two->content, "<p>Two</p>");
	assert_null(two->summary);
	assert_false(two->read);
	assert_false(find_item(s, 1, "a1")->read);

	/* registering again finds the stored feeds; the known items are
	 * not news */
	assert_int_equal(store_feed_add(s, "http://b.example/rss", NULL), 2);
	assert_true(store_feed(s, 2)->listed);
	/* the feeds file drops it and lists it again: its items stay */
	uint64_t gen = store_generation(s);
	store_feed_unlist(s, 2);
	assert_false(store_feed(s, 2)->listed);
	assert_true(store_generation(s) != gen);
	assert_int_equal(store_feed(s, 2)->nitems, 2);
	store_feed_unlist(s, 2);
	store_feed_unlist(s, 99); /* unknown: ignored */
	assert_int_equal(store_feed_add(s, "http://b.example/rss", NULL), 2);
	assert_true(store_feed(s, 2)->listed);
	assert_int_equal(merge(s, 2, &pb, 3000, NULL), 0);
	/* the parsed title still follows (the file gave none) */
	assert_string_equal(store_feed(s, 2)->title, "Feed B");
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 3);
}

/* A group's writes (merges, statuses, validators of several feeds) reach
 * the file together at its end, and none before; an empty group writes
 * nothing; everything is there after a restart. */
static void
test_file_group(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);
	struct pf_builder pb;

	uint32_t a = store_feed_add(s, "http://a.example/rss", NULL);
	uint32_t b = store_feed_add(s, "http://b.example/rss", NULL);
	store_group(s, 1);
	store_group(s, 0);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 0);
	store_group(s, 1);
	pf_init(&pb, "Feed A", NULL);
	pf_add(&pb, "a1", "http://a.example/1", "A one", NULL, 1000);
	assert_int_equal(merge(s, a, &pb, 2000, NULL), 1);
	store_set_status(s, a, 1, NULL, 2000);
	pf_init(&pb, "Feed B", NULL);
	pf_add(&pb, "b1", "http://b.example/1", "B one", NULL, 1000);
	pf_add(&pb, "b2", "http://b.example/2", "B two", NULL, 1100);
	assert_int_equal(merge(s, b, &pb, 2000, NULL), 2);
	store_set_validators(s, b, "\"v\"", NULL);
	store_set_status(s, b, 0, "HTTP 500", 2000);
	/* a reader of the file sees none of it yet, nor at the end of a
	 * group inside it */
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 0);
	store_group(s, 1);
	store_set_read(s, 1, 1);
	store_group(s, 0);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 0);
	store_group(s, 0);
	assert_int_equal(
	    rawdb_int(fx->path, "SELECT count(*) FROM items WHERE read = 1"),
	    1);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 3);
	assert_int_equal(
	    rawdb_int(fx->path, "SELECT count(*) FROM feeds WHERE status = -1"),
	    1);
	/* outside a group, a merge is its own transaction again */
	pf_init(&pb, "Feed A", NULL);
	pf_add(&pb, "a2", "http://a.example/2", "A two", NULL, 1200);
	assert_int_equal(merge(s, a, &pb, 2100, NULL), 1);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 4);
	/* a group left open when the store closes is kept */
	store_group(s, 1);
	store_set_status(s, b, 1, NULL, 2200);
	store_close(s);

	s = open_file(fx->path);
	assert_int_equal(store_item_count(s), 4);
	assert_string_equal(store_feed(s, b)->etag, "\"v\"");
	assert_int_equal(store_feed(s, b)->status, 1);
	assert_int_equal(store_feed(s, a)->status, 1);
	store_close(s);
}

/* Marks and the log survive a restart; the log finds its items again by
 * feed and key (memory ids are per session); an entry whose item was
 * pruned stays, without an item; open_since drops old entries. */
static void
test_file_alerts(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);
	struct pf_builder pb;
	uint32_t *ids = NULL;

	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	uint32_t g = store_feed_add(s, "http://b.example/rss", NULL);
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "b1", NULL, "B first", NULL, 900);
	assert_int_equal(merge(s, g, &pb, 5 * DAY, NULL), 1);
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "1", NULL, "Storm hits coast", NULL, 1000);
	pf_add(&pb, "2", NULL, "Storm floods towns", NULL, 1100);
	assert_int_equal(merge(s, f, &pb, 1300, &ids), 2);
	struct store_alert a = {.fired = 1400, .reasons = 1, .outlets = 2,
	    .headline = (char *)(uintptr_t)"Storm hits coast",
	    .detail = (char *)(uintptr_t)"why", .item = ids[1]};
	store_alert_add(s, &a, ids, 2);
	a.fired = 5 * DAY;
	a.reasons = 2;
	a.headline = (char *)(uintptr_t)"Later";
	a.item = find_item(s, g, "b1")->id;
	store_alert_add(s, &a, &a.item, 1);
	free(ids);
	store_close(s);

	s = open_file(fx->path);
	/* the store gives ids in its own order: find by key */
	const struct item *i1 = find_item(s, f, "1");
	const struct item *i2 = find_item(s, f, "2");
	const struct item *b1 = find_item(s, g, "b1");
	assert_non_null(i1);
	assert_int_equal(i1->alerted, 1);
	assert_int_equal(i2->alerted, 1);
	assert_int_equal(b1->alerted, 2);
	assert_int_equal(store_alert_count(s), 2);
	assert_string_equal(store_alert_at(s, 0)->headline, "Storm hits coast");
	assert_string_equal(store_alert_at(s, 0)->detail, "why");
	assert_int_equal(store_alert_at(s, 0)->reasons, 1);
	assert_int_equal(store_alert_at(s, 0)->outlets, 2);
	assert_int_equal(store_alert_at(s, 0)->fired, 1400);
	assert_int_equal(store_alert_at(s, 0)->item, i2->id);
	assert_int_equal(store_alert_at(s, 1)->item, b1->id);
	/* items seen at 1300 and the alert of 1400 are past a 4-day
	 * retention at 5 days: the first entry goes, the second stays */
	store_prune(s, 5 * DAY, 4 * DAY, 0);
	assert_int_equal(store_alert_count(s), 1);
	assert_string_equal(store_alert_at(s, 0)->headline, "Later");
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM alerts"), 1);

	/* an entry outlives its item, and open_since keeps what is newer */
	s = open_file(fx->path);
	a.fired = 5 * DAY + 10;
	a.reasons = 1;
	a.headline = (char *)(uintptr_t)"Gone soon";
	a.item = find_item(s, g, "b1")->id;
	store_alert_add(s, &a, NULL, 0);
	assert_int_equal(store_prune(s, 5 * DAY, 0, 0), 0);
	store_close(s);
	rawdb_exec(fx->path, "DELETE FROM items");
	char err[256];
	s = store_open_since(fx->path, 5 * DAY + 5, NULL, err, sizeof(err));
	assert_non_null(s);
	assert_int_equal(store_alert_count(s), 1);
	assert_string_equal(store_alert_at(s, 0)->headline, "Gone soon");
	assert_int_equal(store_alert_at(s, 0)->item, 0);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM alerts"), 1);
}

static void
test_file_open_since(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;

	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "old", NULL, "t", NULL, 100);
	assert_int_equal(merge(s, f, &pb, 100, NULL), 1);
	pf_add(&pb, "new", NULL, "t", NULL, 1000);
	pf_add(&pb, "undated", NULL, "t", NULL, PARSE_NO_DATE);
	assert_int_equal(merge(s, f, &pb, 900, NULL), 2);
	store_close(s);

	char err[128];
	s = store_open_since(fx->path, 500, NULL, err, sizeof(err));
	assert_true(store_persistent(s));
	assert_int_equal(store_item_count(s), 2);
	assert_null(find_item(s, 1, "old"));
	/* the feed still carries "old": it was pruned at open and stays
	 * out, now and after a restart */
	assert_int_equal(merge(s, 1, &pb, 2000, NULL), 0);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 2);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"
					   " WHERE key = 'old'"),
	    1);
	s = open_file(fx->path);
	assert_int_equal(store_item_count(s), 2);
	assert_int_equal(merge(s, 1, &pb, 2100, NULL), 0);
	/* once the feed drops it, it is forgotten; carried again, it is
	 * news */
	pb.pf.items++;
	pb.pf.nitems--;
	assert_int_equal(merge(s, 1, &pb, 2200, NULL), 0);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"), 0);
	s = open_file(fx->path);
	pb.pf.items--;
	pb.pf.nitems++;
	uint32_t *ids = NULL;
	assert_int_equal(merge(s, 1, &pb, 2300, &ids), 1);
	const struct item *old = store_item(s, ids[0]);
	assert_string_equal(old->key, "old");
	assert_int_equal(old->first_seen, 2300);
	assert_true(old->fresh);
	free(ids);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT first_seen FROM items"
					   " WHERE key = 'old'"),
	    2300);
}

static void
test_file_retention(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);
	uint32_t a = store_feed_add(s, "http://a.example/rss", NULL);
	uint32_t b = store_feed_add(s, "http://gone.example/rss", NULL);
	struct big ba, bb;
	int64_t now = 100 * DAY;

	/* a: 20 items, one per hour ending now; b: 5 items 3 days old */
	big_init(&ba, "a", 20, 10, now - 19 * 3600);
	big_init(&bb, "b", 5, 10, now - 3 * DAY);
	assert_int_equal(merge_pf(s, a, &ba.pf, now), 20);
	assert_int_equal(merge_pf(s, b, &bb.pf, now - 3 * DAY), 5);
	/* cap 8 per feed */
	assert_int_equal(store_prune(s, now, 30 * DAY, 8), 12);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 13);

	/* the next session does not register b: its items stay */
	s = open_file(fx->path);
	assert_int_equal(store_feed_add(s, "http://a.example/rss", NULL), 1);
	assert_int_equal(store_item_count(s), 13);
	assert_int_equal(store_feed(s, 2)->nitems, 5);
	assert_false(store_feed(s, 2)->listed);
	assert_int_equal(store_prune(s, now + DAY, 30 * DAY, 8), 0);
	/* the newest 8 of a survived */
	assert_non_null(find_item(s, 1, "a-19"));
	assert_non_null(find_item(s, 1, "a-12"));
	assert_null(find_item(s, 1, "a-11"));
	store_close(s);

	/* later, b's items pass the age limit (a's are younger) */
	s = open_file(fx->path);
	assert_int_equal(store_prune(s, now + 2 * DAY, 4 * DAY, 0), 5);
	assert_int_equal(store_item_count(s), 8);
	assert_int_equal(store_feed(s, 2)->nitems, 0);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 8);
	/* the feed row itself stays, with its fetch state */
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM feeds"), 2);
	big_fini(&ba);
	big_fini(&bb);
}

/* A pruned item its feed still carries stays out after a restart; once
 * the feed drops it and carries it again, it is news.  cap 0 prunes by
 * age (first_seen), else by the per-feed cap. */
static void
restart_after_prune(const struct fixture *fx, size_t cap)
{
	struct store *s = open_file(fx->path);
	uint32_t f = store_feed_add(s, "http://slow.example/rss", NULL);
	uint32_t g = store_feed_add(s, "http://other.example/rss", NULL);
	struct pf_builder pb, other;
	int64_t now = 100 * DAY;

	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "p0", NULL, "Oldest", NULL, now - 40 * DAY);
	pf_add(&pb, "p1", NULL, "Old", NULL, now - 39 * DAY);
	assert_int_equal(merge(s, f, &pb, now - 40 * DAY, NULL), 2);
	pf_add(&pb, "p2", NULL, "Recent", NULL, now - DAY);
	pf_add(&pb, "p3", NULL, "Newest", NULL, now);
	assert_int_equal(merge(s, f, &pb, now, NULL), 2);
	/* the same keys in another feed are other items */
	pf_init(&other, NULL, NULL);
	pf_add(&other, "p0", NULL, "Elsewhere", NULL, now);
	assert_int_equal(merge(s, g, &other, now, NULL), 1);
	if (cap)
		assert_int_equal(store_prune(s, now, 0, cap), 2);
	else
		assert_int_equal(store_prune(s, now, 30 * DAY, 0), 2);
	assert_null(find_item(s, f, "p0"));
	assert_null(find_item(s, f, "p1"));
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 3);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"), 2);

	/* restarts: the feed still carries both, neither is news */
	for (int round = 0; round < 2; round++) {
		s = open_file(fx->path);
		assert_int_equal(store_item_count(s), 3);
		assert_int_equal(merge(s, f, &pb, now + DAY + round, NULL), 0);
		assert_null(find_item(s, f, "p0"));
		assert_int_equal(merge(s, g, &other, now + DAY, NULL), 0);
		store_close(s);
	}
	/* it stops carrying p0 (p1 stays pruned) ... */
	s = open_file(fx->path);
	pb.pf.items++;
	pb.pf.nitems--;
	assert_int_equal(merge(s, f, &pb, now + 2 * DAY, NULL), 0);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"), 1);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"
					   " WHERE key = 'p1'"),
	    1);
	/* ... and carries it again later: now it is news, p1 is not */
	s = open_file(fx->path);
	pb.pf.items--;
	pb.pf.nitems++;
	uint32_t *ids = NULL;
	assert_int_equal(merge(s, f, &pb, now + 3 * DAY, &ids), 1);
	const struct item *p0 = store_item(s, ids[0]);
	assert_string_equal(p0->key, "p0");
	assert_int_equal(p0->feed_id, f);
	assert_int_equal(p0->first_seen, now + 3 * DAY);
	assert_false(p0->read);
	free(ids);
	assert_null(find_item(s, f, "p1"));
	store_close(s);
	s = open_file(fx->path);
	assert_int_equal(store_item_count(s), 4);
	assert_int_equal(merge(s, f, &pb, now + 4 * DAY, NULL), 0);
	store_close(s);
}

static void
test_file_restart_age_pruned(void **state)
{
	restart_after_prune(*state, 0);
}

static void
test_file_restart_cap_pruned(void **state)
{
	restart_after_prune(*state, 2);
}

/* Version 3 as it shipped; a pruned key table comes with version 4. */
static void
test_file_migrate_v3(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(mkdir(fx->data, 0700), 0);
	rawdb_exec(fx->path,
	    "CREATE TABLE feeds (id INTEGER PRIMARY KEY,"
	    " url TEXT NOT NULL UNIQUE, title TEXT, language TEXT, etag TEXT,"
	    " last_modified TEXT, last_fetch INTEGER NOT NULL DEFAULT 0,"
	    " status INTEGER NOT NULL DEFAULT 0, error TEXT,"
	    " failures INTEGER NOT NULL DEFAULT 0);"
	    "CREATE TABLE items (id INTEGER PRIMARY KEY,"
	    " feed_id INTEGER NOT NULL REFERENCES feeds(id),"
	    " key TEXT NOT NULL, title TEXT, link TEXT, summary TEXT,"
	    " content TEXT, author TEXT, published INTEGER,"
	    " first_seen INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0,"
	    " UNIQUE (feed_id, key));"
	    "ALTER TABLE items ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;"
	    "CREATE INDEX items_time ON items(coalesce(published, first_seen));"
	    "CREATE INDEX items_seen ON items(first_seen);"
	    "INSERT INTO feeds (id, url, title, status) VALUES"
	    " (5, 'http://v3.example/rss', 'Version three', 1);"
	    "INSERT INTO items (feed_id, key, title, published, first_seen,"
	    " read, updated) VALUES"
	    " (5, 'k1', 'Read one', 1000, 1100, 1, 1),"
	    " (5, 'k2', 'Unread', NULL, 1200, 0, 0),"
	    " (5, 'k3', 'Third', NULL, 1300, 0, 0);"
	    "PRAGMA user_version = 3;");

	struct store *s = open_file(fx->path);
	assert_int_equal(
	    rawdb_int(fx->path, "PRAGMA user_version"), DB_VERSION);
	assert_int_equal(store_feed_count(s), 1);
	assert_string_equal(store_feed(s, 1)->title, "Version three");
	assert_int_equal(store_item_count(s), 3);
	const struct item *k1 = find_item(s, 1, "k1");
	assert_non_null(k1);
	assert_true(k1->read);
	assert_true(k1->updated);
	assert_int_equal(k1->alerted, 0);
	assert_int_equal(store_alert_count(s), 0);
	assert_int_equal(k1->time, 1000);
	assert_false(find_item(s, 1, "k2")->read);
	/* the new table takes pruned keys at once */
	assert_int_equal(store_prune(s, 2000, 0, 2), 1);
	store_close(s);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM pruned"
					   " WHERE feed_id = 5 AND key = 'k1'"),
	    1);
	s = open_file(fx->path);
	struct pf_builder pb;
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "k1", NULL, "Read one", NULL, 1000);
	assert_int_equal(merge(s, 1, &pb, 3000, NULL), 0);
	assert_null(find_item(s, 1, "k1"));
	store_close(s);
	assert_int_equal(
	    rawdb_int(fx->path, "PRAGMA user_version"), DB_VERSION);
	assert_true(rawdb_check_ok(fx->path, "PRAGMA integrity_check"));
}

static void
test_file_migrate_v1(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(mkdir(fx->data, 0700), 0);
	/* version 1 as it shipped: no updated column, no time index */
	rawdb_exec(fx->path,
	    "CREATE TABLE feeds (id INTEGER PRIMARY KEY,"
	    " url TEXT NOT NULL UNIQUE, title TEXT, language TEXT, etag TEXT,"
	    " last_modified TEXT, last_fetch INTEGER NOT NULL DEFAULT 0,"
	    " status INTEGER NOT NULL DEFAULT 0, error TEXT,"
	    " failures INTEGER NOT NULL DEFAULT 0);"
	    "CREATE TABLE items (id INTEGER PRIMARY KEY,"
	    " feed_id INTEGER NOT NULL REFERENCES feeds(id),"
	    " key TEXT NOT NULL, title TEXT, link TEXT, summary TEXT,"
	    " content TEXT, author TEXT, published INTEGER,"
	    " first_seen INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0,"
	    " UNIQUE (feed_id, key));"
	    "INSERT INTO feeds (id, url, title, etag, last_modified, status)"
	    " VALUES (3, 'http://v1.example/rss', 'Version one', '\"x\"',"
	    " 'Tue, 02 Jan 2024 00:00:00 GMT', 1);"
	    "INSERT INTO items (feed_id, key, title, link, published,"
	    " first_seen, read) VALUES"
	    " (3, 'k1', 'Read one', 'http://v1.example/1', 1000, 1100, 1),"
	    " (3, 'k2', 'Unread', NULL, NULL, 1200, 0);"
	    "PRAGMA user_version = 1;");

	struct store *s = open_file(fx->path);
	assert_int_equal(store_feed_count(s), 1);
	assert_int_equal(store_item_count(s), 2);
	const struct feed_info *fi = store_feed(s, 1);
	assert_string_equal(fi->title, "Version one");
	assert_string_equal(fi->etag, "\"x\"");
	assert_string_equal(fi->last_modified, "Tue, 02 Jan 2024 00:00:00 GMT");
	const struct item *k1 = find_item(s, 1, "k1");
	assert_non_null(k1);
	assert_true(k1->read);
	assert_false(k1->updated);
	assert_string_equal(k1->link, "http://v1.example/1");
	const struct item *k2 = find_item(s, 1, "k2");
	assert_false(k2->read);
	assert_int_equal(k2->time, 1200);
	/* the migrated file takes new writes */
	struct pf_builder pb;
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "k2", NULL, "Unread, corrected", NULL, PARSE_NO_DATE);
	assert_int_equal(merge(s, 1, &pb, 2000, NULL), 0);
	store_close(s);
	assert_int_equal(
	    rawdb_int(fx->path, "PRAGMA user_version"), DB_VERSION);
	assert_int_equal(rawdb_int(fx->path,
			     "SELECT updated FROM items WHERE key = 'k2'"),
	    1);
	assert_int_equal(rawdb_int(fx->path,
			     "SELECT read FROM items WHERE key = 'k1'"),
	    1);
}

static void
write_bytes(const char *path, const void *p, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(p, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* A fresh store after a bad file works and persists. */
static void
check_fresh(const char *path, struct store *s)
{
	assert_true(store_persistent(s));
	assert_int_equal(store_item_count(s), 0);
	uint32_t f = store_feed_add(s, "http://fresh.example/", NULL);
	struct pf_builder pb;
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "x", NULL, "t", NULL, 1);
	assert_int_equal(merge(s, f, &pb, 2, NULL), 1);
	store_close(s);
	s = open_file(path);
	assert_int_equal(store_item_count(s), 1);
	store_close(s);
}

static void
test_file_corrupt_random(void **state)
{
	struct fixture *fx = *state;
	unsigned char junk[20000];
	int fd = open("/dev/urandom", O_RDONLY);

	assert_true(fd >= 0);
	assert_int_equal(read(fd, junk, sizeof(junk)), sizeof(junk));
	close(fd);
	assert_int_equal(mkdir(fx->data, 0700), 0);
	write_bytes(fx->path, junk, sizeof(junk));

	struct store *s = open_warned(fx->path, "corrupt-1");
	char moved[160];
	snprintf(moved, sizeof(moved), "%s.corrupt-1", fx->path);
	/* moved aside byte for byte, never deleted */
	size_t len = 0;
	char err[128];
	char *back = util_read_file(moved, sizeof(junk) * 2, &len, err,
	    sizeof(err));
	assert_non_null(back);
	assert_int_equal(len, sizeof(junk));
	assert_memory_equal(back, junk, sizeof(junk));
	free(back);
	check_fresh(fx->path, s);
}

/* A file of one feed with n items, closed. */
static void
fill_file(const char *path, size_t n)
{
	struct store *s = open_file(path);
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct big b;

	big_init(&b, "t", n, 300, 1000);
	assert_int_equal(merge_pf(s, f, &b.pf, 5000), n);
	big_fini(&b);
	store_close(s);
}

/* Opening the damaged file at fx->path: it goes aside to moved, and the
 * store starts empty on a fresh file that works. */
static void
open_moved_aside(struct fixture *fx, char *moved, size_t len)
{
	struct store *s = open_warned(fx->path, "corrupt-1");
	struct stat st;

	assert_int_equal(store_item_count(s), 0);
	assert_int_equal(store_feed_count(s), 0);
	snprintf(moved, len, "%s.corrupt-1", fx->path);
	assert_int_equal(stat(moved, &st), 0);
	check_fresh(fx->path, s);
}

static void
test_file_corrupt_truncated(void **state)
{
	struct fixture *fx = *state;
	char moved[160];
	struct stat st;

	fill_file(fx->path, 3000);
	assert_int_equal(stat(fx->path, &st), 0);
	assert_true(st.st_size > 200000);
	assert_int_equal(truncate(fx->path, st.st_size / 3), 0);
	open_moved_aside(fx, moved, sizeof(moved));
}

/* Damage only the check sees (an index start-up's load never reads): the
 * load, which ran beside the check, is thrown away and the file goes
 * aside as for any other damage; a sound file keeps what it holds. */
static void
test_file_corrupt_seen_by_check_alone(void **state)
{
	struct fixture *fx = *state;
	char moved[160];

	fill_file(fx->path, 500);
	/* reopened whole, the file is trusted and loaded as it was */
	struct store *s = open_file(fx->path);
	assert_int_equal(store_item_count(s), 500);
	store_close(s);

	int64_t page = rawdb_int(fx->path, "PRAGMA page_size");
	int64_t root = rawdb_int(fx->path,
	    "SELECT rootpage FROM sqlite_master WHERE name = 'alerts_item'");
	assert_true(page > 0 && root > 1);
	int fd = open(fx->path, O_WRONLY);
	assert_true(fd >= 0);
	unsigned char junk[64];
	memset(junk, 0xa5, sizeof(junk));
	assert_int_equal(pwrite(fd, junk, sizeof(junk), (root - 1) * page),
	    (ssize_t)sizeof(junk));
	close(fd);

	open_moved_aside(fx, moved, sizeof(moved));
	/* what was there is kept, moved aside whole */
	assert_int_equal(rawdb_int(moved, "SELECT count(*) FROM items"), 500);
}

static void
test_file_newer(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);

	store_feed_add(s, "http://a.example/rss", NULL);
	store_close(s);
	rawdb_exec(fx->path, "PRAGMA user_version = 99");
	s = open_warned(fx->path, "newer-1");
	assert_int_equal(store_feed_count(s), 0);
	char moved[160];
	snprintf(moved, sizeof(moved), "%s.newer-1", fx->path);
	/* the newer file is intact for the newer wiredesk */
	assert_int_equal(rawdb_int(moved, "PRAGMA user_version"), 99);
	assert_int_equal(rawdb_int(moved, "SELECT count(*) FROM feeds"), 1);
	check_fresh(fx->path, s);
}

/* Stores a little, for the read-only cases. */
static void
seed_db(const char *path)
{
	struct store *s = open_file(path);
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;

	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "s1", NULL, "Stored one", NULL, 1000);
	pf_add(&pb, "s2", NULL, "Stored two", NULL, 1001);
	assert_int_equal(merge(s, f, &pb, 2000, NULL), 2);
	store_set_read(s, find_item(s, f, "s1")->id, 1);
	store_close(s);
}

/* Makes path unwritable; 1 if that holds for this process. */
static int
lock_down(const char *path, const char *probe_dir, int is_dir)
{
	chmod(path, is_dir ? 0555 : 0444);
	(void)set_immutable(path, 1);
	char probe[200];
	snprintf(probe, sizeof(probe), "%s/.probe", probe_dir);
	int fd = is_dir ? open(probe, O_WRONLY | O_CREAT, 0600) :
			  open(path, O_WRONLY);
	if (fd >= 0) {
		close(fd);
		if (is_dir)
			unlink(probe);
		return 0;
	}
	return 1;
}

static void
lift(const char *path, int is_dir)
{
	(void)set_immutable(path, 0);
	chmod(path, is_dir ? 0700 : 0600);
}

/* Shared by the read-only cases: opens, checks the warning, the stored
 * items shown, memory-only merging, and an untouched file. */
static void
readonly_session(const struct fixture *fx)
{
	struct store *s = open_warned(fx->path, "read");
	assert_false(store_persistent(s));
	/* what was stored is still shown */
	assert_int_equal(store_item_count(s), 2);
	assert_true(find_item(s, 1, "s1")->read);
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "s3", NULL, "In memory", NULL, 1002);
	assert_int_equal(merge(s, f, &pb, 3000, NULL), 1);
	store_set_read(s, find_item(s, f, "s2")->id, 1);
	assert_int_equal(store_item_count(s), 3);
	assert_null(store_take_warning(s));
	store_close(s);
}

/* Seeds the database, locks down target (the data directory or the file
 * itself), runs a session on it, and checks the file kept what it had. */
static void
readonly_case(struct fixture *fx, const char *target, int isdir)
{
	seed_db(fx->path);
	if (!lock_down(target, fx->data, isdir)) {
		lift(target, isdir);
		skip();
	}
	readonly_session(fx);
	lift(target, isdir);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 2);
	assert_int_equal(rawdb_int(fx->path, "SELECT sum(read) FROM items"), 1);
}

static void
test_file_readonly_dir(void **state)
{
	struct fixture *fx = *state;

	readonly_case(fx, fx->data, 1);
}

static void
test_file_readonly_file(void **state)
{
	struct fixture *fx = *state;

	readonly_case(fx, fx->path, 0);
}

/* A read-only file cannot be pruned at open; its items seen before
 * since still stay out of the session. */
static void
test_file_open_since_readonly(void **state)
{
	struct fixture *fx = *state;
	struct store *s = open_file(fx->path);
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;

	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "old", NULL, "t", NULL, 100);
	assert_int_equal(merge(s, f, &pb, 100, NULL), 1);
	pf_add(&pb, "new", NULL, "t", NULL, 1000);
	assert_int_equal(merge(s, f, &pb, 900, NULL), 1);
	store_close(s);
	if (!lock_down(fx->path, fx->data, 0)) {
		lift(fx->path, 0);
		skip();
	}

	char err[128];
	char *warn = NULL;
	s = store_open_since(fx->path, 500, &warn, err, sizeof(err));
	assert_non_null(warn);
	free(warn);
	assert_false(store_persistent(s));
	assert_int_equal(store_item_count(s), 1);
	assert_int_equal(merge(s, 1, &pb, 2000, NULL), 0);
	store_close(s);
	lift(fx->path, 0);
	assert_int_equal(rawdb_int(fx->path, "SELECT count(*) FROM items"), 2);
}

static void
test_file_not_a_dir(void **state)
{
	struct fixture *fx = *state;

	/* the data directory is a file */
	write_bytes(fx->data, "x", 1);
	struct store *s = open_warned(fx->path, "not a directory");
	assert_false(store_persistent(s));
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "m", NULL, "t", NULL, 1);
	assert_int_equal(merge(s, f, &pb, 2, NULL), 1);
	store_close(s);
	struct stat st;
	assert_int_equal(stat(fx->data, &st), 0);
	assert_int_equal(st.st_size, 1);
}

/* ---- faults in a child process ---- */

#define CHILD_CHECK(c)                                                      \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "child: %s:%d: %s\n", __FILE__,     \
			    __LINE__, #c);                                  \
			_exit(1);                                           \
		}                                                           \
	} while (0)

/* Merges batches of 40 items (2 KB each) into a store on path until a
 * write fails, then checks the session goes on in memory and, once
 * room is made (unlimit), that the file holds every batch merged before
 * the failure and nothing half.  Returns the child's exit status. */
static void
fill_until_full(const char *path, void (*unlimit)(const char *),
    const char *ctx)
{
	char err[256];
	char *warn = NULL;
	struct store *s = store_open(path, &warn, err, sizeof(err));
	CHILD_CHECK(s && !warn && store_persistent(s));
	uint32_t f = store_feed_add(s, "http://full.example/", NULL);
	int ok_batches = 0, batches = 0;
	char prefix[16];
	for (batches = 0; batches < 400 && store_persistent(s); batches++) {
		struct big b;
		snprintf(prefix, sizeof(prefix), "b%d", batches);
		big_init(&b, prefix, 40, 2000, 1000 + batches * 100);
		uint32_t *ids = NULL;
		size_t n = 0;
		CHILD_CHECK(store_merge(s, f, &b.pf, 5000, &ids, &n, err,
				sizeof(err)) == 0);
		CHILD_CHECK(n == 40);
		free(ids);
		big_fini(&b);
		if (store_persistent(s))
			ok_batches++;
	}
	CHILD_CHECK(!store_persistent(s));
	char *w = store_take_warning(s);
	CHILD_CHECK(w != NULL);
	fprintf(stderr, "after %d of %d batches: %s\n", ok_batches, batches, w);
	free(w);
	CHILD_CHECK(store_take_warning(s) == NULL); /* once */
	/* memory carries on, with everything */
	struct big b;
	big_init(&b, "after", 40, 10, 1);
	uint32_t *ids = NULL;
	size_t n = 0;
	CHILD_CHECK(store_merge(s, f, &b.pf, 5000, &ids, &n, err,
			sizeof(err)) == 0 &&
	    n == 40);
	free(ids);
	big_fini(&b);
	CHILD_CHECK(store_item_count(s) == (size_t)(batches + 1) * 40);
	store_close(s);

	unlimit(ctx);
	CHILD_CHECK(rawdb_check_ok(path, "PRAGMA integrity_check"));
	s = store_open(path, &warn, err, sizeof(err));
	CHILD_CHECK(s && !warn);
	CHILD_CHECK(store_item_count(s) == (size_t)ok_batches * 40);
	store_close(s);
	_exit(0);
}

static void
run_child(void (*fn)(const struct fixture *), const struct fixture *fx)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		alarm(50);
		fn(fx);
		_exit(3);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
		skip();
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void
fsize_unlimit(const char *ctx)
{
	(void)ctx;
	struct rlimit rl;
	getrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_FSIZE, &rl);
}

static void
fsize_child(const struct fixture *fx)
{
	/* create the database first, then cap file sizes at 1 MB */
	char err[256];
	struct store *s = store_open(fx->path, NULL, err, sizeof(err));
	CHILD_CHECK(store_persistent(s));
	store_close(s);
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit rl;
	getrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = 1 << 20;
	CHILD_CHECK(setrlimit(RLIMIT_FSIZE, &rl) == 0);
	fill_until_full(fx->path, fsize_unlimit, NULL);
}

static void
test_file_size_limit(void **state)
{
	run_child(fsize_child, *state);
}

static void
tmpfs_unlimit(const char *ballast)
{
	unlink(ballast);
}

static void
tmpfs_child(const struct fixture *fx)
{
	if (mkdir(fx->data, 0700) != 0)
		_exit(1);
	if (syscall(SYS_unshare, CLONE_NEWNS) != 0 ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
	    mount("wiredesk-test", fx->data, "tmpfs", 0, "size=2m") != 0) {
		fprintf(stderr, "no private tmpfs (%s): skipped\n",
		    strerror(errno));
		_exit(77);
	}
	/* leave about 600 KB free */
	char ballast[160];
	snprintf(ballast, sizeof(ballast), "%s/ballast", fx->data);
	FILE *fp = fopen(ballast, "wb");
	CHILD_CHECK(fp != NULL);
	static char block[4096];
	for (int i = 0; i < (2048 - 600) / 4; i++)
		CHILD_CHECK(fwrite(block, 1, sizeof(block), fp) ==
		    sizeof(block));
	CHILD_CHECK(fclose(fp) == 0);
	fill_until_full(fx->path, tmpfs_unlimit, ballast);
}

static void
test_file_disk_full(void **state)
{
	run_child(tmpfs_child, *state);
}

static void
test_file_two_stores(void **state)
{
	struct fixture *fx = *state;
	struct store *s1 = open_file(fx->path);
	struct store *s2 = open_file(fx->path);
	struct pf_builder pb;

	/* both register the same feed and merge overlapping items */
	uint32_t f1 = store_feed_add(s1, "http://a.example/rss", NULL);
	uint32_t f2 = store_feed_add(s2, "http://a.example/rss", NULL);
	uint32_t g2 = store_feed_add(s2, "http://b.example/rss", NULL);
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "shared", NULL, "Shared", NULL, 10);
	pf_add(&pb, "one", NULL, "One", NULL, 11);
	assert_int_equal(merge(s1, f1, &pb, 100, NULL), 2);
	pb.items[1].id = (char *)(uintptr_t)"two";
	assert_int_equal(merge(s2, f2, &pb, 100, NULL), 2);
	assert_int_equal(merge(s2, g2, &pb, 100, NULL), 2);
	store_set_read(s1, find_item(s1, f1, "shared")->id, 1);

	/* a reader in the middle of a transaction does not stop writes */
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(fx->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "BEGIN; SELECT count(*) FROM items;",
	    NULL, NULL, NULL), SQLITE_OK);
	pb.items[1].id = (char *)(uintptr_t)"three";
	assert_int_equal(merge(s1, f1, &pb, 200, NULL), 1);
	assert_true(store_persistent(s1));

	/* a writer holding the lock past the busy timeout: warn, memory */
	assert_int_equal(sqlite3_exec(h, "COMMIT; BEGIN IMMEDIATE;", NULL,
	    NULL, NULL), SQLITE_OK);
	/* a merge with nothing new writes nothing and does not wait */
	int64_t t0 = util_now_ms();
	assert_int_equal(merge(s1, f1, &pb, 250, NULL), 0);
	assert_true(util_now_ms() - t0 < 1000);
	assert_true(store_persistent(s1));
	t0 = util_now_ms();
	pb.items[1].id = (char *)(uintptr_t)"four";
	assert_int_equal(merge(s2, f2, &pb, 300, NULL), 1);
	int64_t waited = util_now_ms() - t0;
	assert_true(waited >= 1500);
	assert_false(store_persistent(s2));
	char *w = store_take_warning(s2);
	assert_non_null(w);
	assert_non_null(strstr(w, "locked"));
	free(w);
	assert_non_null(find_item(s2, f2, "four"));
	assert_int_equal(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(h);
	/* s1 still writes */
	pb.items[1].id = (char *)(uintptr_t)"five";
	assert_int_equal(merge(s1, f1, &pb, 400, NULL), 1);
	assert_true(store_persistent(s1));
	store_close(s2);
	store_close(s1);

	struct store *s = open_file(fx->path);
	assert_int_equal(store_feed_count(s), 2);
	/* a: shared, one, two, three, five; b: shared, two */
	assert_int_equal(store_item_count(s), 7);
	assert_null(find_item(s, 1, "four"));
	assert_true(find_item(s, 1, "shared")->read);
	store_close(s);
}

/* The kill -9 child: batches of BATCH items, each one merge (so one
 * transaction), reported on fd after store_merge returns. */
#define BATCH 150
#define KILL_ROUNDS 4

struct kill_ctx {
	const char *path;
	int round, fd;
};

static void
kill_child(const struct kill_ctx *k)
{
	char err[256];
	struct store *s = store_open(k->path, NULL, err, sizeof(err));
	CHILD_CHECK(store_persistent(s));
	uint32_t feeds[5];
	char url[64];
	for (int i = 0; i < 5; i++) {
		snprintf(url, sizeof(url), "http://feed%d.example/", i);
		feeds[i] = store_feed_add(s, url, NULL);
	}
	int ready = -1;
	CHILD_CHECK(write(k->fd, &ready, sizeof(ready)) == sizeof(ready));
	for (int batch = 0; batch < 100000; batch++) {
		char prefix[32];
		struct big b;
		snprintf(prefix, sizeof(prefix), "r%d-b%d", k->round, batch);
		big_init(&b, prefix, BATCH, 200, 1000 + batch);
		uint32_t *ids = NULL;
		size_t n = 0;
		CHILD_CHECK(store_merge(s, feeds[batch % 5], &b.pf,
				2000 + batch, &ids, &n, err, sizeof(err)) == 0);
		CHILD_CHECK(store_persistent(s));
		free(ids);
		big_fini(&b);
		CHILD_CHECK(write(k->fd, &batch, sizeof(batch)) ==
		    sizeof(batch));
	}
	_exit(0);
}

/* Per batch of the round, how many of its items the file holds. */
static void
count_batches(const char *path, int round, int *count, int nmax)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	char prefix[32];

	memset(count, 0, (size_t)nmax * sizeof(*count));
	snprintf(prefix, sizeof(prefix), "r%d-b", round);
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h,
	    "SELECT key FROM items WHERE substr(key, 1, ?2) = ?1", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)strlen(prefix));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		int batch = (int)strtol(key + strlen(prefix), NULL, 10);
		assert_true(batch >= 0 && batch < nmax);
		count[batch]++;
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static void
test_file_kill9(void **state)
{
	struct fixture *fx = *state;
	enum { NMAX = 100000 };
	int *count = calloc(NMAX, sizeof(*count));
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();

	print_message("kill -9 seed %u\n", seed);
	srand(seed);
	for (int round = 0; round < KILL_ROUNDS; round++) {
		int pfd[2];
		assert_int_equal(pipe(pfd), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(pfd[0]);
			alarm(30);
			struct kill_ctx k = { fx->path, round, pfd[1] };
			kill_child(&k);
		}
		close(pfd[1]);
		/* once the store is open (loading a large file takes a
		 * while) and a first batch is in, somewhere in the next
		 * 300 ms of merging */
		int v;
		assert_int_equal(read(pfd[0], &v, sizeof(v)), sizeof(v));
		assert_int_equal(v, -1);
		assert_int_equal(read(pfd[0], &v, sizeof(v)), sizeof(v));
		assert_int_equal(v, 0);
		struct timespec ts = { 0, (rand() % 300) * 1000000L };
		nanosleep(&ts, NULL);
		assert_int_equal(kill(pid, SIGKILL), 0);
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		int last = 0;
		while (read(pfd[0], &v, sizeof(v)) == (ssize_t)sizeof(v))
			last = v;
		close(pfd[0]);

		assert_true(rawdb_check_ok(fx->path, "PRAGMA integrity_check"));
		count_batches(fx->path, round, count, NMAX);
		int committed = 0;
		for (int b = 0; b < NMAX; b++) {
			/* every batch whole or absent ... */
			if (count[b] != 0 && count[b] != BATCH)
				fail_msg("round %d batch %d: %d of %d items",
				    round, b, count[b], BATCH);
			/* ... every reported one there, and at most the
			 * one in flight beyond them */
			if (b <= last)
				assert_int_equal(count[b], BATCH);
			else if (b > last + 1)
				assert_int_equal(count[b], 0);
			committed += count[b] != 0;
		}
		print_message("round %d: %d batches reported, %d committed\n",
		    round, last + 1, committed);
	}
	/* and the store opens on it with everything */
	struct store *s = open_file(fx->path);
	assert_true(store_item_count(s) > 0);
	assert_int_equal(store_item_count(s),
	    (size_t)rawdb_int(fx->path, "SELECT count(*) FROM items"));
	store_close(s);
	free(count);
}

/* Retention counts from first seen: an old-dated item seen today stays,
 * an item seen long ago goes, whatever dates the feed gives. */
static void
test_retention_first_seen(void **state)
{
	(void)state;
	char err[128], *warn = NULL;
	struct store *s = store_open(NULL, &warn, err, sizeof(err));
	assert_non_null(s);
	assert_null(warn);
	uint32_t f = store_feed_add(s, "http://a.example/rss", NULL);
	struct pf_builder pb;

	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "seen-early", NULL, "t", NULL, 4000);
	assert_int_equal(merge(s, f, &pb, 1000, NULL), 1);
	pf_init(&pb, NULL, NULL);
	pf_add(&pb, "archive", NULL, "t", NULL, 10);
	pf_add(&pb, "undated", NULL, "t", NULL, PARSE_NO_DATE);
	assert_int_equal(merge(s, f, &pb, 5000, NULL), 2);
	/* the age limit reaches only what was first seen before 4900 */
	assert_int_equal(store_prune(s, 5000, 100, 0), 1);
	assert_null(find_item(s, f, "seen-early"));
	assert_non_null(find_item(s, f, "archive"));
	assert_non_null(find_item(s, f, "undated"));
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_feeds),
	    cmocka_unit_test(test_merge_dedup),
	    cmocka_unit_test(test_lean),
	    cmocka_unit_test(test_updated_and_read),
	    cmocka_unit_test(test_status_validators),
	    cmocka_unit_test(test_canonical_order),
	    cmocka_unit_test(test_order_independent),
	    cmocka_unit_test(test_prune),
	    cmocka_unit_test(test_alerts),
	    cmocka_unit_test(test_many),
	    cmocka_unit_test(test_prune_gone),
	    cmocka_unit_test(test_retention_first_seen),
	    cmocka_unit_test(test_named_witness),
#define FX(t) cmocka_unit_test_setup_teardown(t, fx_setup, fx_teardown)
	    FX(test_file_restart),
	    FX(test_file_group),
	    FX(test_file_many_feeds),
	    FX(test_file_named_outlets),
	    FX(test_file_alerts),
	    FX(test_file_open_since),
	    FX(test_file_restart_age_pruned),
	    FX(test_file_restart_cap_pruned),
	    FX(test_file_migrate_v3),
	    FX(test_file_retention),
	    FX(test_file_migrate_v1),
	    FX(test_file_corrupt_random),
	    FX(test_file_corrupt_truncated),
	    FX(test_file_corrupt_seen_by_check_alone),
	    FX(test_file_newer),
	    FX(test_file_readonly_dir),
	    FX(test_file_readonly_file),
	    FX(test_file_open_since_readonly),
	    FX(test_file_not_a_dir),
	    FX(test_file_size_limit),
	    FX(test_file_disk_full),
	    FX(test_file_two_stores),
	    FX(test_file_kill9),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
