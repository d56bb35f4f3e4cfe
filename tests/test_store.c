/* Unit tests for store: merge and dedup, updated items, read and fresh
 * flags, validators and status, canonical order, prune and generation,
 * in memory (dbpath NULL). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse.h"
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
	pf_add(&pb, NULL, NULL, NULL, "no identity", 400);
	pf_add(&pb, "guid-1", "http://a.example/1b", "One dup", "x", 100);
	assert_int_equal(merge(s, f, &pb, 5000, &ids), 4);
	assert_int_equal(store_item_count(s), 4);
	assert_int_equal(store_item_max(s), 4);
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
	assert_int_equal(store_feed(s, f)->nitems, 4);
	free(ids);

	/* the same body again adds nothing and moves nothing */
	uint64_t gen = store_generation(s);
	assert_int_equal(merge(s, f, &pb, 6000, NULL), 0);
	assert_int_equal(store_generation(s), gen);
	assert_int_equal(store_item_count(s), 4);

	/* the same key in another feed is another item */
	assert_int_equal(merge(s, g, &pb, 6000, NULL), 4);
	assert_int_equal(store_item_count(s), 8);
	assert_int_equal(store_feed(s, g)->nitems, 4);

	assert_null(store_item(s, 0));
	assert_null(store_item(s, 9));
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

	pf_init(&pb, NULL, NULL);
	for (int i = 0; i < 10; i++) {
		snprintf(keys[i], sizeof(keys[i]), "a%d", i);
		/* a0 is 10 days old, a9 one day old */
		pf_add(&pb, keys[i], NULL, "t", NULL, now - (10 - i) * DAY);
	}
	assert_int_equal(merge(s, a, &pb, now, NULL), 10);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feeds),
		cmocka_unit_test(test_merge_dedup),
		cmocka_unit_test(test_updated_and_read),
		cmocka_unit_test(test_status_validators),
		cmocka_unit_test(test_canonical_order),
		cmocka_unit_test(test_order_independent),
		cmocka_unit_test(test_prune),
		cmocka_unit_test(test_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
