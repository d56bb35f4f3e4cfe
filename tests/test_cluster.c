/* Unit tests for cluster: assignment and threshold, merging and
 * cluster_of, the time window, labels and key terms, hotness, determinism,
 * the defining case on realistic items of 24-25 November 2014 (the Sony
 * hack's two angles together; other hacking news, other Sony news and the
 * ECB apart), a story of a thousand items, and a merge of two big
 * clusters. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>

#include "bcubed.h"
#include "cluster.h"
#include "date.h"
#include "parse.h"
#include "util.h"

#define NOV24 1416787200 /* 2014-11-24T00:00:00Z */
#define HOUR 3600
#define FIXTURE "tests/data/cluster/nov2014.tsv"
#define REALDAY "tests/data/cluster/jun2020.tsv"
#define DEMO "feeds/demo"

/* The fixture: one item per line, in date order. */
struct fx_item {
	char label[32];
	uint32_t feed;
	int64_t time;
	char *title, *summary;
};

struct fixture {
	char *data;
	struct fx_item *it;
	size_t n;
};

/* Loads a fixture file: a date is "DD HH:MM" in November 2014, or an
 * ISO 8601 date. */
static void
fixture_load_file(struct fixture *fx, const char *path)
{
	char err[128];
	size_t len;
	char feeds[64][32];
	size_t nfeeds = 0;

	memset(fx, 0, sizeof(*fx));
	fx->data = util_read_file(path, 1 << 20, &len, err, sizeof(err));
	assert_non_null(fx->data);
	fx->it = calloc(1024, sizeof(*fx->it));
	for (char *line = fx->data; line != NULL && *line != '\0';) {
		char *next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (line[0] != '#' && line[0] != '\0') {
			char *f[5];
			f[0] = line;
			for (int k = 1; k < 5; k++) {
				f[k] = strchr(f[k - 1], '\t');
				assert_non_null(f[k]);
				*f[k]++ = '\0';
			}
			struct fx_item *it = &fx->it[fx->n++];
			assert_true(fx->n < 1024);
			util_strlcpy(it->label, f[0], sizeof(it->label));
			size_t k = 0;
			while (k < nfeeds && strcmp(feeds[k], f[1]) != 0)
				k++;
			if (k == nfeeds)
				util_strlcpy(feeds[nfeeds++], f[1], 32);
			it->feed = (uint32_t)k + 1;
			int d, h, m;
			if (strchr(f[2], 'T') != NULL) {
				assert_int_equal(date_parse(f[2], &it->time), 0);
			} else {
				assert_int_equal(
				    sscanf(f[2], "%d %d:%d", &d, &h, &m), 3);
				it->time = NOV24 + (int64_t)(d - 24) * 86400 +
				           h * HOUR + m * 60;
			}
			it->title = f[3];
			it->summary = f[4];
		}
		line = next;
	}
}

static void
fixture_load(struct fixture *fx)
{
	fixture_load_file(fx, FIXTURE);
}

static void
fixture_free(struct fixture *fx)
{
	free(fx->it);
	free(fx->data);
}

/* Clusters the fixture in its order; item ids are line numbers from 1. */
static struct clusterer *
fixture_run(const struct fixture *fx, const struct cluster_opts *o)
{
	struct clusterer *c = cluster_new(o);

	/* as the app does with a batch: every item counted first */
	for (size_t i = 0; i < fx->n; i++)
		cluster_count(c, (uint32_t)i + 1, fx->it[i].feed, "en",
		    fx->it[i].title, fx->it[i].summary);
	for (size_t i = 0; i < fx->n; i++)
		cluster_add(c, (uint32_t)i + 1, fx->it[i].feed, "en",
		    fx->it[i].title, fx->it[i].summary, fx->it[i].time);
	return c;
}

static uint32_t
cluster_of_label(
    const struct fixture *fx, const struct clusterer *c, const char *label)
{
	for (size_t i = 0; i < fx->n; i++)
		if (strcmp(fx->it[i].label, label) == 0)
			return cluster_of(c, (uint32_t)i + 1);
	fail_msg("no item labelled %s", label);
	return 0;
}

static void
test_assign(void **state)
{
	(void)state;
	struct clusterer *c = cluster_new(NULL);
	uint64_t g = cluster_generation(c);

	uint32_t a = cluster_add(
	    c, 10, 1, NULL, "Hagel resigns as defense secretary", NULL, NOV24);
	assert_true(a != 0);
	assert_true(cluster_generation(c) > g);
	uint32_t b = cluster_add(c, 11, 2, NULL,
	    "Oil falls before OPEC meeting in Vienna", NULL, NOV24 + 60);
	assert_true(b != a);
	/* the same story worded differently joins */
	uint32_t a2 = cluster_add(c, 12, 3, NULL,
	    "Defense Secretary Chuck Hagel resigns under pressure", NULL,
	    NOV24 + 120);
	assert_int_equal(a2, a);
	assert_int_equal(cluster_of(c, 10), a);
	assert_int_equal(cluster_of(c, 12), a);
	assert_int_equal(cluster_of(c, 11), b);
	assert_int_equal(cluster_of(c, 99), 0);
	/* an item id seen before changes nothing */
	g = cluster_generation(c);
	assert_int_equal(
	    cluster_add(c, 11, 2, NULL, "Hagel Hagel Hagel", NULL, NOV24), b);
	assert_int_equal(cluster_generation(c), g);
	/* an item without words is a story of its own */
	uint32_t e = cluster_add(c, 13, 1, NULL, "", NULL, NOV24 + 180);
	uint32_t e2 =
	    cluster_add(c, 14, 1, NULL, "The -- of!", NULL, NOV24 + 180);
	assert_true(e != a && e != b && e2 != e);
	const struct cluster_view *v = cluster_view(c, a);
	assert_non_null(v);
	assert_int_equal(v->id, a);
	assert_int_equal(v->nmembers, 2);
	assert_int_equal(v->sources, 2);
	assert_int_equal(v->first, NOV24);
	assert_int_equal(v->newest, NOV24 + 120);
	assert_null(cluster_view(c, 0));
	assert_null(cluster_view(c, 1000));
	cluster_free(c);
	cluster_free(NULL);
}

/* One outlet's feeds (BBC World and BBC Top Stories, which carry the
 * same article) are one witness of a story: its sources, and so its
 * place on the board, count outlets, not feeds; and an aggregator's
 * items are the witnesses of the outlets they name. */
static void
test_outlets(void **state)
{
	(void)state;
	static const char *const hk =
	    "Hong Kong: China's parliament approves security law plan";
	uint32_t n[2];

	for (int mapped = 0; mapped < 2; mapped++) {
		struct clusterer *c = cluster_new(NULL);
		if (mapped)
			cluster_set_outlet(c, 2, 1); /* feed 2 is feed 1's */
		/* the article in both of the outlet's feeds, then another
		 * outlet's; and a story two outlets carry, an hour older */
		uint32_t a = cluster_add(c, 1, 1, NULL, hk, NULL, NOV24 + 3600);
		assert_int_equal(
		    cluster_add(c, 2, 2, NULL, hk, NULL, NOV24 + 3600), a);
		uint32_t b = cluster_add(c, 3, 3, NULL,
		    "Defense Secretary Chuck Hagel resigns", NULL, NOV24);
		assert_int_equal(cluster_add(c, 4, 4, NULL,
		                     "Chuck Hagel resigns as defense secretary",
		                     NULL, NOV24 + 60),
		    b);
		n[mapped] = (uint32_t)cluster_view(c, a)->sources;
		assert_int_equal(cluster_view(c, a)->nmembers, 2);
		assert_int_equal(cluster_view(c, b)->sources, 2);
		uint32_t rank[4];
		assert_int_equal(cluster_rank(c, NOV24 + 7200, rank, 4), 2);
		/* two feeds of one outlet are not two witnesses: the story
		 * of two outlets comes first */
		assert_int_equal(rank[0], mapped ? b : a);
		cluster_free(c);
	}
	assert_int_equal(n[0], 2);
	assert_int_equal(n[1], 1);

	/* an aggregator's one feed carries two outlets' reports: two
	 * witnesses, as the items name them */
	struct clusterer *c = cluster_new(NULL);
	cluster_count(
	    c, 1, 5, NULL, "Sony Pictures hit by widespread hack", NULL);
	cluster_count(c, 2, 5, NULL,
	    "Hackers hit Sony Pictures in widespread attack", NULL);
	cluster_item_outlet(c, 1, 0x80000001u);
	cluster_item_outlet(c, 2, 0x80000002u);
	uint32_t a = cluster_add(c, 1, 5, NULL, "", NULL, NOV24);
	assert_int_equal(cluster_add(c, 2, 5, NULL, "", NULL, NOV24 + 60), a);
	assert_int_equal(cluster_view(c, a)->sources, 2);
	/* once added, an item keeps its outlet */
	cluster_item_outlet(c, 2, 0x80000003u);
	assert_int_equal(cluster_view(c, a)->sources, 2);
	cluster_free(c);
}

static void
test_threshold(void **state)
{
	(void)state;
	/* two headlines that share the story's names but little else */
	const char *t1 = "Regin malware found by Symantec spies on telecoms";
	const char *t2 =
	    "GCHQ used Regin malware against Belgacom, says report";
	struct cluster_opts lo = {.threshold = 0.1, .merge = 0.1};
	struct cluster_opts hi = {.threshold = 0.9, .merge = 0.9};

	struct clusterer *c = cluster_new(&lo);
	uint32_t a = cluster_add(c, 1, 1, NULL, t1, NULL, NOV24);
	assert_int_equal(cluster_add(c, 2, 2, NULL, t2, NULL, NOV24 + 60), a);
	cluster_free(c);
	c = cluster_new(&hi);
	a = cluster_add(c, 1, 1, NULL, t1, NULL, NOV24);
	assert_true(cluster_add(c, 2, 2, NULL, t2, NULL, NOV24 + 60) != a);
	cluster_free(c);
}

/* The evidence a story gives is among its heaviest salient terms, the
 * ones posted in the index (topk): here an item that says a lot (ten
 * rare words and more, so it needs two units) shares two of a story's
 * core words; it joins when both are posted, and not when the story
 * posts only its three heaviest terms. */
static void
test_posted_evidence(void **state)
{
	(void)state;
	const char *story = "Zorblat Quiznak Frobozz Gnusto treaty signed";
	const char *item = "Zorblat and Gnusto meet Wibble, Wobble, Xyzzy, "
	                   "Plugh, Frotz, Rezrov, Yomin, Nitfol and Blorb";
	/* three posted: the first word and the heaviest phrases */
	static const unsigned topks[] = {3, 64};
	for (size_t k = 0; k < ARRAY_LEN(topks); k++) {
		unsigned topk = topks[k];
		struct cluster_opts o = {.threshold = 0.1, .topk = topk};
		struct clusterer *c = cluster_new(&o);
		uint32_t a = cluster_add(c, 1, 1, NULL, story, NULL, NOV24);
		assert_int_equal(
		    cluster_add(c, 2, 2, NULL, story, NULL, NOV24 + 60), a);
		uint32_t b = cluster_add(c, 3, 3, NULL, item, NULL, NOV24 + 120);
		if (topk == 3)
			assert_true(b != a);
		else
			assert_int_equal(b, a);
		cluster_free(c);
	}
}

/* Two clusters of one story start apart (here a high join threshold
 * keeps them so); an item that could join either bridges them, and the
 * two merge when their centroids agree, the lower id surviving. */
static void
test_merge(void **state)
{
	(void)state;
	struct cluster_opts o = {.threshold = 0.5, .merge = 0.3};
	struct clusterer *c = cluster_new(&o);
	const char *x = "Sony Pictures hit by widespread hack, studio "
	                "computers down across offices";
	const char *y = "Sony Pictures hack: group calling itself #GOP "
	                "threatens to leak studio secrets";
	const char *z = "Sony Pictures hack: studio computers down as #GOP "
	                "group threatens to leak secrets";

	cluster_add(
	    c, 1, 1, NULL, "Oil falls before OPEC meeting", NULL, NOV24);
	uint32_t a = cluster_add(c, 2, 1, NULL, x, NULL, NOV24 + 60);
	uint32_t b = cluster_add(c, 3, 2, NULL, y, NULL, NOV24 + 120);
	assert_true(a < b);
	assert_int_equal(cluster_rank(c, NOV24, NULL, 0), 3);
	uint32_t r = cluster_add(c, 4, 3, NULL, z, NULL, NOV24 + 180);
	assert_int_equal(r, a); /* the lower id survives */
	for (uint32_t id = 2; id <= 4; id++)
		assert_int_equal(cluster_of(c, id), a);
	assert_null(cluster_view(c, b));
	const struct cluster_view *v = cluster_view(c, a);
	assert_int_equal(v->nmembers, 3);
	assert_int_equal(v->sources, 3);
	/* members stay oldest first across the merge */
	assert_int_equal(v->members[0], 2);
	assert_int_equal(v->members[1], 3);
	assert_int_equal(v->members[2], 4);
	assert_int_equal(cluster_rank(c, NOV24, NULL, 0), 2);
	/* a later item of the story goes to the survivor */
	assert_int_equal(cluster_add(c, 5, 4, NULL, z, NULL, NOV24 + 240), a);
	cluster_free(c);
}

static void
test_window(void **state)
{
	(void)state;
	const char *t = "Sony Pictures computers hit by widespread hack";
	struct clusterer *c = cluster_new(NULL);

	/* 47 hours after the newest member: still the same story */
	uint32_t a = cluster_add(c, 1, 1, NULL, t, NULL, NOV24);
	assert_int_equal(
	    cluster_add(c, 2, 2, NULL, t, NULL, NOV24 + 47 * HOUR), a);
	/* the window runs from the newest member, not the first */
	assert_int_equal(
	    cluster_add(c, 3, 3, NULL, t, NULL, NOV24 + 90 * HOUR), a);
	/* 49 hours after it: a new cluster */
	uint32_t b = cluster_add(c, 4, 1, NULL, t, NULL, NOV24 + 139 * HOUR);
	assert_true(b != a);
	/* once most items are dated 48 hours later, the old one is closed,
	 * even to an item dated inside its span */
	for (uint32_t i = 0; i < 16; i++)
		cluster_add(c, 10 + i, 5, NULL, "Oil falls before OPEC meeting",
		    NULL, NOV24 + 140 * HOUR + i);
	assert_true(
	    cluster_add(c, 5, 2, NULL, t, NULL, NOV24 + 60 * HOUR) != a);
	const struct cluster_view *v = cluster_view(c, a);
	assert_int_equal(v->nmembers, 3);
	assert_int_equal(v->newest, NOV24 + 90 * HOUR);
	cluster_free(c);

	/* one feed's clock ten years ahead closes nothing */
	c = cluster_new(NULL);
	a = cluster_add(c, 1, 1, NULL, t, NULL, NOV24);
	cluster_add(c, 2, 9, NULL, "Oil falls before OPEC meeting", NULL,
	    NOV24 + 3650 * 86400LL);
	assert_int_equal(cluster_add(c, 3, 2, NULL, t, NULL, NOV24 + HOUR), a);
	cluster_free(c);

	/* a shorter window */
	struct cluster_opts o = {.window = 6 * HOUR};
	c = cluster_new(&o);
	a = cluster_add(c, 1, 1, NULL, t, NULL, NOV24);
	assert_int_equal(
	    cluster_add(c, 2, 2, NULL, t, NULL, NOV24 + 5 * HOUR), a);
	assert_true(
	    cluster_add(c, 3, 2, NULL, t, NULL, NOV24 + 12 * HOUR) != a);
	cluster_free(c);
}

/* A story's label is the headline nearest its centroid among its
 * LABEL_SCAN (64) newest members, however the members came in: here
 * 100 items of one story arrive shuffled, two of them the bare headline
 * every other one adds words to, one the oldest of the newest 64 and one
 * among the oldest; the newer of them labels the story, and stays the
 * label as older items keep coming. */
static void
test_label_window(void **state)
{
	(void)state;
	struct clusterer *c = cluster_new(NULL);
	/* the rest of the news, so that the story is not the day's topic */
	static const char *const who[] = {"Council", "Senate", "Court",
	    "Union", "Airline", "Museum", "Hospital", "School"};
	static const char *const what[] = {"approves", "rejects", "delays",
	    "reviews", "questions", "announces"};
	static const char *const whom[] = {"budget", "merger", "strike",
	    "exhibit", "expansion", "appeal", "tariffs", "audit"};
	uint32_t bid = 1000;
	for (size_t a = 0; a < ARRAY_LEN(who); a++)
		for (size_t b = 0; b < ARRAY_LEN(what); b++)
			for (size_t d = 0; d < ARRAY_LEN(whom); d++) {
				char t[96];
				snprintf(t, sizeof(t), "%s %s %s plan", who[a],
				    what[b], whom[d]);
				cluster_add(c, bid, 11 + bid % 7, NULL, t, NULL,
				    NOV24 + (int64_t)(bid - 1000) * 10);
				bid++;
			}
	const char *bare = "DerpTrolling claims PlayStation Network hack";
	uint32_t id[100];
	for (uint32_t k = 0; k < 100; k++)
		id[k] = (k * 37) % 100; /* a fixed shuffle of 0..99 */
	uint32_t story = 0;
	for (uint32_t k = 0; k < 100; k++) {
		uint32_t n = id[k];
		char t[160];
		if (n == 5 || n == 36)
			snprintf(t, sizeof(t), "%s", bare);
		else
			snprintf(t, sizeof(t), "%s, say vor%c%c and zel%c%c",
			    bare, 'a' + n % 26, 'a' + n / 26, 'a' + n / 26,
			    'a' + n % 26);
		uint32_t got = cluster_add(c, n + 1, 1 + n % 10, NULL, t, NULL,
		    NOV24 + HOUR + (int64_t)n * 60);
		if (story == 0)
			story = got;
		assert_int_equal(cluster_of(c, n + 1), story);
	}
	const struct cluster_view *v = cluster_view(c, story);
	assert_non_null(v);
	assert_int_equal(v->nmembers, 100);
	assert_int_equal(v->label_item, 37);
	/* older items yet: the newest members, and the label, stay */
	for (uint32_t n = 0; n < 20; n++) {
		char t[160];
		snprintf(t, sizeof(t), "%s, late word kor%c", bare, 'a' + n);
		assert_int_equal(cluster_add(c, 200 + n, 1 + n % 10, NULL, t,
		    NULL, NOV24 + HOUR / 2 + (int64_t)n), story);
	}
	v = cluster_view(c, story);
	assert_int_equal(v->nmembers, 120);
	assert_int_equal(v->label_item, 37);
	cluster_free(c);
}

static void
test_label_terms(void **state)
{
	(void)state;
	struct clusterer *c = cluster_new(NULL);
	/* background, so that the story's words are rare */
	static const char *const other[] = {
	    "Oil falls before OPEC meeting in Vienna",
	    "Ferguson braces for grand jury decision",
	    "Hagel resigns as defense secretary",
	    "Iran nuclear talks extended to July",
	    "Black Friday deals on TVs and laptops",
	    "Apple becomes first company worth $700 billion",
	};
	for (size_t i = 0; i < ARRAY_LEN(other); i++)
		cluster_add(c, 100 + (uint32_t)i, 9, NULL, other[i], NULL,
		    NOV24 + (int64_t)i);
	uint32_t a = cluster_add(c, 1, 1, NULL,
	    "DerpTrolling claims PlayStation Network hack", NULL, NOV24 + HOUR);
	cluster_add(c, 2, 2, NULL,
	    "DerpTrolling leaks PlayStation Network passwords after hack", NULL,
	    NOV24 + 2 * HOUR);
	cluster_add(c, 3, 3, NULL,
	    "PlayStation Network passwords leaked, DerpTrolling says", NULL,
	    NOV24 + 3 * HOUR);
	const struct cluster_view *v = cluster_view(c, a);
	assert_non_null(v);
	assert_int_equal(v->nmembers, 3);
	/* the member nearest the centroid shares the most with the others */
	assert_int_equal(v->label_item, 2);
	/* key terms as written, names first */
	assert_true(v->nterms >= 3);
	int seen_ps = 0, seen_dt = 0;
	for (size_t i = 0; i < v->nterms; i++) {
		seen_ps |= strcmp(v->terms[i], "PlayStation") == 0;
		seen_dt |= strcmp(v->terms[i], "DerpTrolling") == 0;
		assert_string_not_equal(v->terms[i], "playstat");
	}
	assert_true(seen_ps && seen_dt);
	assert_true(strcmp(v->terms[0], "PlayStation") == 0 ||
	            strcmp(v->terms[0], "DerpTrolling") == 0 ||
	            strcmp(v->terms[0], "Network") == 0);
	cluster_free(c);
}

static void
test_hotness(void **state)
{
	(void)state;
	struct clusterer *c = cluster_new(NULL);
	int64_t now = NOV24 + 12 * HOUR;

	/* a: five outlets, newest three hours ago */
	uint32_t a = 0;
	for (uint32_t i = 0; i < 5; i++)
		a = cluster_add(c, 1 + i, 1 + i, NULL,
		    "Sony Pictures computers hit by widespread hack", NULL,
		    now - 9 * HOUR + i * HOUR);
	/* b: one outlet, just now */
	uint32_t b = cluster_add(c, 10, 1, NULL,
	    "Oil falls before OPEC meeting in Vienna", NULL, now - 60);
	/* d: three outlets within the last hour, growing */
	uint32_t d = 0;
	for (uint32_t i = 0; i < 3; i++)
		d = cluster_add(c, 20 + i, 10 + i, NULL,
		    "Ferguson protests spread after grand jury decision", NULL,
		    now - 50 * 60 + i * 600);
	/* e: the same shape as b, older: ranks after it */
	uint32_t e = cluster_add(c, 30, 2, NULL,
	    "Apple becomes first company worth $700 billion", NULL,
	    now - 5 * HOUR);
	/* f: the same shape and date as e: ties go to the lower id */
	uint32_t f = cluster_add(c, 31, 3, NULL,
	    "Iran nuclear talks extended to July", NULL, now - 5 * HOUR);
	/* g: an old story with many outlets has cooled down */
	uint32_t g = 0;
	for (uint32_t i = 0; i < 6; i++)
		g = cluster_add(c, 40 + i, 20 + i, NULL,
		    "Hagel resigns as defense secretary", NULL,
		    now - 40 * HOUR + i * 60);
	uint32_t ids[16];
	size_t n = cluster_rank(c, now, ids, 16);
	assert_int_equal(n, 6);
	assert_int_equal(cluster_rank(c, now, NULL, 0), 6);
	/* most covered first: five outlets over the morning, then three
	 * in the last hour, then one just now */
	assert_int_equal(ids[0], a);
	assert_int_equal(ids[1], d);
	/* the formula of docs/clustering.md: every outlet counts one,
	 * halved for every 12 hours since it joined; kept as log2 */
	double want = 0;
	for (int i = 0; i < 5; i++)
		want += exp2(-(9.0 - i) / 12.0);
	assert_float_equal(cluster_view(c, a)->hotness, log2(want), 1e-6);
	assert_float_equal(cluster_view(c, b)->hotness,
	    log2(exp2(-60.0 / (12 * HOUR))), 1e-9);
	size_t pb = 0, pe = 0, pf = 0, pg = 0;
	for (size_t i = 0; i < n; i++) {
		pb = ids[i] == b ? i : pb;
		pe = ids[i] == e ? i : pe;
		pf = ids[i] == f ? i : pf;
		pg = ids[i] == g ? i : pg;
	}
	assert_true(pb < pe);
	assert_true(pe < pf && e < f);
	assert_true(pb < pg);
	for (size_t i = 1; i < n; i++)
		assert_true(cluster_view(c, ids[i - 1])->hotness >=
		            cluster_view(c, ids[i])->hotness);
	/* max caps the list */
	assert_int_equal(cluster_rank(c, now, ids, 2), 2);
	assert_int_equal(ids[0], a);
	/* hotness depends on the given now only: a day later a is colder
	 * by two half-lives */
	double before = cluster_view(c, a)->hotness;
	cluster_rank(c, now + 24 * HOUR, ids, 16);
	assert_float_equal(cluster_view(c, a)->hotness, before - 2, 1e-6);
	/* years later nothing underflows: stories keep their order */
	n = cluster_rank(c, now + 4000 * 24 * HOUR, ids, 16);
	size_t pa = n;
	pe = pg = n;
	for (size_t i = 0; i < n; i++) {
		pa = ids[i] == a ? i : pa;
		pe = ids[i] == e ? i : pe;
		pg = ids[i] == g ? i : pg;
	}
	assert_true(pa < pe && pe < pg);
	assert_true(cluster_view(c, a)->hotness >
	    cluster_view(c, e)->hotness);
	/* asked again at the same moment, the same order (kept, not made
	 * again) and the same hotness; an item that changes the clusters,
	 * or another moment, orders them afresh */
	uint32_t again[16];
	assert_int_equal(cluster_rank(c, now, ids, 16), 6);
	assert_int_equal(cluster_rank(c, now, again, 16), 6);
	assert_memory_equal(ids, again, 6 * sizeof(*ids));
	assert_float_equal(cluster_view(c, a)->hotness, log2(want), 1e-6);
	uint32_t h = 0;
	for (uint32_t i = 0; i < 7; i++)
		h = cluster_add(c, 60 + i, 40 + i, NULL,
		    "Typhoon Hagupit makes landfall in the Philippines", NULL,
		    now - 10 * 60 + i * 60);
	n = cluster_rank(c, now, ids, 16);
	assert_int_equal(n, 7);
	assert_int_equal(ids[0], h);
	assert_int_equal(ids[1], a);
	n = cluster_rank(c, now + 24 * HOUR, ids, 16);
	assert_float_equal(cluster_view(c, a)->hotness, log2(want) - 2, 1e-6);
	cluster_free(c);
}

static void
test_determinism(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_load(&fx);
	struct clusterer *c1 = fixture_run(&fx, NULL);
	struct clusterer *c2 = fixture_run(&fx, NULL);
	for (size_t i = 0; i < fx.n; i++)
		assert_int_equal(cluster_of(c1, (uint32_t)i + 1),
		    cluster_of(c2, (uint32_t)i + 1));
	uint32_t r1[64], r2[64];
	int64_t now = NOV24 + 48 * HOUR;
	size_t n1 = cluster_rank(c1, now, r1, 64);
	size_t n2 = cluster_rank(c2, now, r2, 64);
	assert_int_equal(n1, n2);
	for (size_t i = 0; i < n1; i++) {
		assert_int_equal(r1[i], r2[i]);
		const struct cluster_view *v1 = cluster_view(c1, r1[i]);
		const struct cluster_view *v2 = cluster_view(c2, r2[i]);
		assert_int_equal(v1->label_item, v2->label_item);
		assert_int_equal(v1->nterms, v2->nterms);
		for (size_t t = 0; t < v1->nterms; t++)
			assert_string_equal(v1->terms[t], v2->terms[t]);
		assert_true(v1->hotness == v2->hotness);
	}
	/* rebuilding re-weighs but moves no item */
	uint64_t g = cluster_generation(c1);
	cluster_rebuild(c1);
	assert_true(cluster_generation(c1) > g);
	for (size_t i = 0; i < fx.n; i++)
		assert_int_equal(cluster_of(c1, (uint32_t)i + 1),
		    cluster_of(c2, (uint32_t)i + 1));
	cluster_free(c1);
	cluster_free(c2);
	fixture_free(&fx);
}

/* Tags of one language ("en", "en-US", none) share a tokenizer: the
 * clusters are those of every item tagged "en", and a clusterer that
 * also meets another language frees each tokenizer once. */
static void
test_lang_tags(void **state)
{
	(void)state;
	static const char *const tags[] = {
	    "en", "en-US", NULL, "EN_gb", "english", "", "xx"};
	struct fixture fx;
	fixture_load(&fx);
	struct clusterer *ref = fixture_run(&fx, NULL);
	struct clusterer *c = cluster_new(NULL);
	for (size_t i = 0; i < fx.n; i++)
		cluster_count(c, (uint32_t)i + 1, fx.it[i].feed,
		    tags[i % ARRAY_LEN(tags)], fx.it[i].title,
		    fx.it[i].summary);
	for (size_t i = 0; i < fx.n; i++)
		cluster_add(c, (uint32_t)i + 1, fx.it[i].feed,
		    tags[(i + 3) % ARRAY_LEN(tags)], fx.it[i].title,
		    fx.it[i].summary, fx.it[i].time);
	for (size_t i = 0; i < fx.n; i++)
		assert_int_equal(cluster_of(c, (uint32_t)i + 1),
		    cluster_of(ref, (uint32_t)i + 1));
	uint32_t id = cluster_add(c, 5000, 1, "de-AT",
	    "Hackerangriff auf Sony Pictures", NULL, NOV24);
	assert_true(id != 0);
	cluster_free(c);
	cluster_free(ref);
	fixture_free(&fx);
}

static void
check_sony(const struct fixture *fx, const struct clusterer *c)
{
	uint32_t sony = cluster_of_label(fx, c, "sony-hack");
	uint32_t regin = cluster_of_label(fx, c, "regin");
	uint32_t xperia = cluster_of_label(fx, c, "xperia");
	uint32_t ecb = cluster_of_label(fx, c, "ecb");

	for (size_t i = 0; i < fx->n; i++) {
		uint32_t got = cluster_of(c, (uint32_t)i + 1);
		const char *l = fx->it[i].label;
		/* both angles of the hack, a day apart, in one cluster */
		if (strcmp(l, "sony-hack") == 0)
			assert_int_equal(got, sony);
		else /* and nothing else in it */
			assert_true(got != sony);
		if (strcmp(l, "regin") == 0)
			assert_int_equal(got, regin);
		if (strcmp(l, "xperia") == 0)
			assert_int_equal(got, xperia);
		/* the ECB officials' remarks may stand apart, but never with
		 * the others */
		if (strcmp(l, "ecb") == 0)
			assert_true(got != regin && got != xperia);
	}
	assert_true(regin != xperia && regin != ecb && xperia != ecb);
	const struct cluster_view *v = cluster_view(c, sony);
	assert_int_equal(v->nmembers, 6);
	assert_int_equal(v->sources, 6);
}

static void
test_sony(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_load(&fx);
	assert_true(fx.n >= 30);

	struct clusterer *c = fixture_run(&fx, NULL);
	check_sony(&fx, c);
	/* the key terms say what the story is, as the outlets wrote it */
	const struct cluster_view *v =
	    cluster_view(c, cluster_of_label(&fx, c, "sony-hack"));
	int sony = 0, ps = 0;
	for (size_t i = 0; i < v->nterms; i++) {
		sony |= strcmp(v->terms[i], "Sony") == 0;
		ps |= strcmp(v->terms[i], "PlayStation") == 0;
	}
	assert_true(sony && ps);

	/* B-cubed over the whole day against the labels */
	uint32_t *gold = calloc(fx.n, sizeof(*gold));
	uint32_t *sys = calloc(fx.n, sizeof(*sys));
	for (size_t i = 0; i < fx.n; i++) {
		gold[i] = (uint32_t)util_hash(
		    fx.it[i].label, strlen(fx.it[i].label), 0);
		sys[i] = cluster_of(c, (uint32_t)i + 1);
	}
	struct bcubed b = bcubed_score(gold, sys, fx.n);
	assert_true(b.precision >= 0.95);
	/* the ECB officials' four remarks need not make one panel */
	assert_true(b.recall >= 0.9);
	cluster_free(c);

	/* not a knife edge: the neighbourhood of the threshold agrees */
	static const double th[] = {0.22, 0.24, 0.26, 0.27};
	for (size_t i = 0; i < ARRAY_LEN(th); i++) {
		struct cluster_opts o = {.threshold = th[i]};
		print_message("threshold %.2f\n", th[i]);
		c = fixture_run(&fx, &o);
		check_sony(&fx, c);
		cluster_free(c);
	}
	free(gold);
	free(sys);
	fixture_free(&fx);
}

/* The item whose title starts with prefix; fails if none or several. */
static size_t
fixture_find(const struct fixture *fx, const char *prefix)
{
	size_t found = fx->n;

	for (size_t i = 0; i < fx->n; i++)
		if (strncmp(fx->it[i].title, prefix, strlen(prefix)) == 0) {
			if (found != fx->n)
				fail_msg("two items start %s", prefix);
			found = i;
		}
	if (found == fx->n)
		fail_msg("no item starts %s", prefix);
	return found;
}

/* Stories, not topics, on every item of a real news day (the fixture's
 * header says how it was labelled). */
static void
test_realday(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_load_file(&fx, REALDAY);
	assert_true(fx.n >= 500);
	struct clusterer *c = fixture_run(&fx, NULL);

	/* Stories carried by several outlets, or one outlet's items that
	 * share a specific name, make one cluster. */
	static const char *const joined[][3] = {
	    {"'Who's the thug here?' Anderson Cooper",
	        "Anderson Cooper calls out Trump", NULL},
	    {"Carole Baskin awarded the zoo",
	        "Tiger King star Carole Baskin wins", NULL},
	    {"COVID-19 infections in Philippines approach",
	        "Philippines reports 359 more", NULL},
	    {"Westlake Girls student leaves school",
	        "Auckland teen leaves school after blackface", NULL},
	    {"House prices see largest monthly fall",
	        "House prices suffer biggest drop", NULL},
	    {"New Ebola Cases Found in Congo",
	        "Five dead in newest Ebola outbreak", NULL},
	    {"Looting reported in Van Nuys", "Looting in Van Nuys, Hollywood",
	        "A peaceful protest, then looting, on Van Nuys"},
	    {"Prayer book once owned by tragic queen",
	        "Ornate prayer book belonging to", NULL},
	    {"Joy and relief after two trampers",
	        "More details revealed about harsh conditions", NULL},
	};
	for (size_t g = 0; g < ARRAY_LEN(joined); g++) {
		uint32_t k = cluster_of(
		    c, (uint32_t)fixture_find(&fx, joined[g][0]) + 1);
		for (size_t m = 1; m < 3 && joined[g][m] != NULL; m++)
			if (cluster_of(c, (uint32_t)fixture_find(
			                     &fx, joined[g][m]) + 1) != k)
				fail_msg("split: %s / %s", joined[g][0],
				    joined[g][m]);
	}
	/* Items that share only a topic of the day (George Floyd, Covid-19),
	 * an outlet's beat (L.A. County) or sign-off (1 News ends every
	 * summary with its programmes), a place, or a service heading
	 * (galleries, photos) stay alone. */
	static const char *const alone[] = {
	    "Woods speaks out for 1st time since George Floyd",
	    "Misinformation About George Floyd Protests Surges",
	    "Rental market demand soars as Covid-19",
	    "Hidden transmission of Covid-19 still possible",
	    "Car rentals reeling from Covid-19 fallout",
	    "7 charged with offences under Covid-19",
	    "Covid-19 offenders penalised regardless",
	    "Los Angeles County public defender dies",
	    "California surpasses 4,000 coronavirus deaths",
	    "Official numbers confirm devastating effect",
	    "Campaign launched to address fish depletion",
	    "Laura Daniel goes on a classic Kiwi campervan",
	    "Gallery: The best photos from around the world",
	    "Twitter users share photos of their 'lookalike'",
	    "Chinese gaming company seeks nearly $3 billion",
	    "The homes frozen in time on an abandoned Hong Kong",
	};
	int bad = 0;
	for (size_t i = 0; i < ARRAY_LEN(alone); i++) {
		size_t at = fixture_find(&fx, alone[i]);
		assert_int_equal(strncmp(fx.it[at].label, "solo-", 5), 0);
		const struct cluster_view *v =
		    cluster_view(c, cluster_of(c, (uint32_t)at + 1));
		if (v->nmembers != 1) {
			print_error("not alone (%zu items): %s\n",
			    v->nmembers, alone[i]);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
	/* Over the whole day: above putting every item alone, and a panel
	 * rarely mixes stories. */
	uint32_t *gold = calloc(fx.n, sizeof(*gold));
	uint32_t *sys = calloc(fx.n, sizeof(*sys));
	uint32_t *one = calloc(fx.n, sizeof(*one));
	for (size_t i = 0; i < fx.n; i++) {
		gold[i] = (uint32_t)util_hash(
		    fx.it[i].label, strlen(fx.it[i].label), 0);
		sys[i] = cluster_of(c, (uint32_t)i + 1);
		one[i] = (uint32_t)i;
	}
	struct bcubed b = bcubed_score(gold, sys, fx.n);
	struct bcubed base = bcubed_score(gold, one, fx.n);
	print_message("realday: P %.3f R %.3f F1 %.3f (alone: F1 %.3f)\n",
	    b.precision, b.recall, b.f1, base.f1);
	assert_true(b.precision >= 0.95);
	assert_true(b.f1 >= base.f1 + 0.015);
	free(gold);
	free(sys);
	free(one);
	cluster_free(c);
	fixture_free(&fx);
}

/* The demo feeds as the app clusters them: parsed, in canonical order
 * (date, feed URL, key). */
struct demo_item {
	char *feed, *key, *title, *summary, *lang;
	int64_t time;
};

static int
cmp_demo(const void *a, const void *b)
{
	const struct demo_item *x = a, *y = b;
	int d;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if ((d = strcmp(x->feed, y->feed)) != 0)
		return d;
	return strcmp(x->key, y->key);
}

static size_t
demo_load(struct demo_item **out)
{
	DIR *d = opendir(DEMO);
	struct dirent *e;
	struct demo_item *it = NULL;
	size_t n = 0, cap = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *path = xasprintf("%s/%s", DEMO, e->d_name);
		char *url = xasprintf("file:///demo/%s", e->d_name);
		char err[256];
		size_t len;
		char *data =
		    util_read_file(path, 1 << 24, &len, err, sizeof(err));
		assert_non_null(data);
		struct parsed_feed f;
		assert_int_equal(
		    parse_feed(data, len, url, NULL, &f, err, sizeof(err)), 0);
		for (size_t i = 0; i < f.nitems; i++) {
			const struct parsed_item *p = &f.items[i];
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				it = xreallocarray(it, cap, sizeof(*it));
			}
			it[n].feed = xstrdup(url);
			it[n].key = parse_item_key(p);
			assert_non_null(it[n].key);
			it[n].title = p->title ? xstrdup(p->title) : NULL;
			it[n].summary = p->summary ? xstrdup(p->summary) : NULL;
			it[n].lang = f.language ? xstrdup(f.language) : NULL;
			it[n].time = p->published != PARSE_NO_DATE
			                 ? p->published
			                 : p->updated;
			assert_true(it[n].time != PARSE_NO_DATE);
			n++;
		}
		parsed_feed_fini(&f);
		free(data);
		free(url);
		free(path);
	}
	closedir(d);
	qsort(it, n, sizeof(*it), cmp_demo);
	*out = it;
	return n;
}

static int
has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

static void
test_demo_feeds(void **state)
{
	(void)state;
	struct demo_item *it;
	size_t n = demo_load(&it);
	assert_true(n >= 40);

	struct clusterer *c = cluster_new(NULL);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			uint32_t feed = (uint32_t)util_hash(it[i].feed,
			                    strlen(it[i].feed), 0) % 1000;
			if (pass == 0)
				cluster_count(c, (uint32_t)i + 1, feed,
				    it[i].lang, it[i].title, it[i].summary);
			else
				cluster_add(c, (uint32_t)i + 1, feed,
				    it[i].lang, it[i].title, it[i].summary,
				    it[i].time);
		}
	}
	/* the studio hack and the PlayStation Network claim: one story */
	uint32_t sony = 0, regin = 0, xperia = 0, ecb = 0;
	size_t nsony = 0, nregin = 0, nxperia = 0, necb = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t k = cluster_of(c, (uint32_t)i + 1);
		const char *t = it[i].title;
		if (has(t, "Sony Pictures") || has(t, "PlayStation Network")) {
			if (nsony++ == 0)
				sony = k;
			assert_int_equal(k, sony);
		}
	}
	assert_true(nsony >= 4);
	/* other hacking news, other Sony news and the ECB: elsewhere */
	for (size_t i = 0; i < n; i++) {
		uint32_t k = cluster_of(c, (uint32_t)i + 1);
		const char *t = it[i].title;
		if (has(t, "Regin")) {
			if (nregin++ == 0)
				regin = k;
			assert_int_equal(k, regin);
		} else if (has(t, "Xperia")) {
			if (nxperia++ == 0)
				xperia = k;
			assert_int_equal(k, xperia);
		} else if (has(t, "ECB")) {
			if (necb++ == 0)
				ecb = k;
			assert_int_equal(k, ecb);
		}
	}
	assert_true(nregin >= 2 && nxperia >= 2 && necb >= 1);
	assert_true(regin != sony && xperia != sony && ecb != sony);
	assert_true(regin != xperia && regin != ecb && xperia != ecb);
	/* Hottest first means most covered first: at the end of the 25th
	 * the top stories are each carried by several outlets, and the
	 * four-outlet Ferguson story ranks above a one-outlet item of that
	 * evening. */
	uint32_t rank[8];
	assert_int_equal(cluster_rank(c, NOV24 + 48 * HOUR, rank, 8), 8);
	for (size_t r = 0; r < 3; r++)
		assert_true(cluster_view(c, rank[r])->sources >= 2);
	uint32_t ferguson = 0, vfx = 0;
	for (size_t i = 0; i < n; i++) {
		if (has(it[i].title, "Grand jury declines to indict Ferguson"))
			ferguson = cluster_of(c, (uint32_t)i + 1);
		if (has(it[i].title, "Visual effects house opens Vancouver"))
			vfx = cluster_of(c, (uint32_t)i + 1);
	}
	assert_true(ferguson != 0 && vfx != 0 && ferguson != vfx);
	assert_true(cluster_view(c, ferguson)->sources >= 4);
	size_t nall = cluster_rank(c, NOV24 + 48 * HOUR, NULL, 0);
	uint32_t *all = calloc(nall, sizeof(*all));
	cluster_rank(c, NOV24 + 48 * HOUR, all, nall);
	size_t pf = nall, pv = nall;
	for (size_t r = 0; r < nall; r++) {
		if (all[r] == ferguson)
			pf = r;
		if (all[r] == vfx)
			pv = r;
	}
	assert_true(pf < pv);
	free(all);
	cluster_free(c);
	for (size_t i = 0; i < n; i++) {
		free(it[i].feed);
		free(it[i].key);
		free(it[i].title);
		free(it[i].summary);
		free(it[i].lang);
	}
	free(it);
}

static void
test_many(void **state)
{
	(void)state;
	/* a month of items: clusters close as the dates move on, and what
	 * they were stays viewable */
	static const char *const words[] = {"senate", "budget", "storm",
	    "rocket", "merger", "strike", "election", "vaccine", "court",
	    "bridge", "festival", "drought", "bank", "airline", "museum",
	    "satellite"};
	struct clusterer *c = cluster_new(NULL);
	char title[128];
	uint32_t first = 0;

	for (uint32_t i = 0; i < 3000; i++) {
		uint32_t story = i / 6;
		snprintf(title, sizeof(title), "Story%u %s in Place%u", story,
		    words[(story + i) % 16], story);
		uint32_t id = cluster_add(c, i + 1, i % 40, NULL, title, NULL,
		    NOV24 + (int64_t)i * 900);
		if (i == 0)
			first = id;
	}
	assert_int_equal(cluster_of(c, 1), cluster_of(c, 6));
	assert_true(cluster_of(c, 1) != cluster_of(c, 7));
	const struct cluster_view *v = cluster_view(c, first);
	assert_non_null(v);
	assert_int_equal(v->nmembers, 6);
	assert_int_equal(v->label_item >= 1 && v->label_item <= 6, 1);
	assert_true(v->nterms > 0);
	assert_string_equal(v->terms[0], "Story0");
	size_t n = cluster_rank(c, NOV24 + 3000 * 900, NULL, 0);
	assert_int_equal(n, 500);
	for (uint32_t i = 0; i < 3000; i++)
		assert_int_equal(
		    cluster_of(c, i + 1), cluster_of(c, i / 6 * 6 + 1));
	cluster_free(c);
}

static uint32_t
rnd(uint64_t *s, uint32_t n)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(*s >> 33) % n;
}

/* One story runs all day among small ones: a third of 3,000 items, each
 * a few of its words among random ones.  It gathers into one cluster of
 * hundreds (checked rarely for merges once big), which nothing else
 * joins, and its headline is one of its newest members. */
static void
test_big_story(void **state)
{
	(void)state;
	static const char *const story[] = {"Sony", "Pictures", "hack",
	    "studio", "GOP", "leak", "emails", "films", "Lynton", "Guardians"};
	struct clusterer *c = cluster_new(NULL);
	uint64_t s = 7;
	char t[256], u[512];
	const uint32_t n = 3000;

	for (uint32_t i = 0; i < n; i++) {
		if (i % 3 == 0) {
			snprintf(t, sizeof(t), "%s %s %s word%u word%u",
			    story[rnd(&s, 10)], story[rnd(&s, 10)],
			    story[rnd(&s, 10)], rnd(&s, 3000), rnd(&s, 3000));
			snprintf(u, sizeof(u),
			    "%s %s %s %s word%u word%u word%u word%u",
			    story[rnd(&s, 10)], story[rnd(&s, 10)],
			    story[rnd(&s, 10)], story[rnd(&s, 10)],
			    rnd(&s, 3000), rnd(&s, 3000), rnd(&s, 3000),
			    rnd(&s, 3000));
		} else {
			uint32_t k = i / 12;
			snprintf(t, sizeof(t), "Topic%u place%u word%u word%u",
			    k, k, rnd(&s, 3000), rnd(&s, 3000));
			snprintf(u, sizeof(u), "Topic%u word%u word%u word%u",
			    k, rnd(&s, 3000), rnd(&s, 3000), rnd(&s, 3000));
		}
		cluster_add(
		    c, i + 1, i % 50, NULL, t, u, NOV24 + (int64_t)i * 20);
	}
	/* the cluster holding most of the story */
	uint32_t big = 0;
	size_t most = 0;
	for (uint32_t i = 0; i < n; i += 3) {
		uint32_t id = cluster_of(c, i + 1);
		size_t k = 0;
		for (uint32_t j = 0; j < n; j += 3)
			k += cluster_of(c, j + 1) == id;
		if (k > most) {
			most = k;
			big = id;
		}
		if (most > n / 6)
			break;
	}
	assert_true(most >= n / 3 * 95 / 100);
	for (uint32_t i = 0; i < n; i++) {
		if (i % 3 == 0)
			continue;
		assert_true(cluster_of(c, i + 1) != big);
		/* the small stories stay whole */
		uint32_t k = i / 12, first = k * 12 + (k * 12 % 3 == 0);
		assert_int_equal(
		    cluster_of(c, i + 1), cluster_of(c, first + 1));
	}
	const struct cluster_view *v = cluster_view(c, big);
	assert_int_equal(v->nmembers, most);
	int newest = 0;
	for (size_t i = v->nmembers - 64; i < v->nmembers; i++)
		newest |= v->members[i] == v->label_item;
	assert_true(newest);
	cluster_free(c);
}

/* Two halves of a story grow apart into clusters of over a hundred items
 * each, from thirty outlets, then items that speak of both (and could
 * join either) pull one towards the other: they merge once their
 * centroids meet, however big they are. */
static void
test_late_merge(void **state)
{
	(void)state;
	struct cluster_opts o = {.threshold = 0.4, .merge = 0.3};
	struct clusterer *c = cluster_new(&o);
	uint64_t s = 11;
	char t[256];
	uint32_t i = 0;

	for (; i < 300; i++) {
		snprintf(t, sizeof(t), "Topic%u word%u word%u word%u", i,
		    rnd(&s, 500), rnd(&s, 500), rnd(&s, 500));
		cluster_add(c, i + 1, 1, NULL, t, NULL, NOV24 + i);
	}
	const uint32_t a = i + 1, b = i + 2;
	for (uint32_t k = 0; k < 400; k++, i++) {
		snprintf(t, sizeof(t), "Sony %s word%u word%u",
		    k % 2 ? "emails leak" : "studio hack", rnd(&s, 500),
		    rnd(&s, 500));
		cluster_add(c, i + 1, 2 + k % 30, NULL, t, NULL, NOV24 + i);
	}
	uint32_t ca = cluster_of(c, a), cb = cluster_of(c, b);
	assert_true(ca < cb);
	assert_true(cluster_view(c, ca)->nmembers > 100);
	assert_true(cluster_view(c, cb)->nmembers > 100);
	uint32_t k = 0;
	for (; k < 100 && cluster_of(c, a) != cluster_of(c, b); k++, i++) {
		/* each joins the older half, which alone can see that it
		 * has come near the other */
		assert_int_equal(cluster_add(c, i + 1, 3, NULL,
		                     "Sony studio hack emails leak", NULL,
		                     NOV24 + i),
		    ca);
	}
	/* a centroid of two hundred moves a two-hundredth per item */
	assert_true(k > 0 && k < 100);
	assert_int_equal(cluster_of(c, b), ca);
	assert_null(cluster_view(c, cb));
	cluster_free(c);
}

/* Watch terms: whole words by stem, any case; a phrase in a row (stop
 * words aside); per feed; in headline and summary lead; on the story
 * through any member, merges included. */
static void
test_watch(void **state)
{
	(void)state;
	struct clusterer *c = cluster_new(NULL);

	assert_int_equal(cluster_watch(c, "hack"), 0);
	assert_int_equal(cluster_watch(c, "PlayStation Network"), 1);
	assert_int_equal(cluster_watch(c, "Bank of England"), 2);
	assert_int_equal(cluster_watch(c, "ECB"), 3);
	assert_int_equal(cluster_watch(c, "the of"), -1); /* no word */
	assert_int_equal(cluster_watch(c, NULL), -1);
	/* ECB watched on feed 9 (say, tagged markets), not on feed 4 */
	cluster_watch_feed(c, 9, (uint64_t)1 << 3);
	cluster_watch_feed(c, 4, ~((uint64_t)1 << 3));
	cluster_add(c, 1, 1, NULL, "Hackers breach Sony Pictures", NULL, NOV24);
	cluster_add(c, 2, 2, NULL, "Sony says its PlayStation network is fine",
	    NULL, NOV24 + 60);
	cluster_add(c, 3, 3, NULL, "Network outage hits PlayStation", NULL,
	    NOV24 + 120);
	cluster_add(c, 4, 4, "en", "Rates held",
	    "The Bank of England kept rates on hold; the ECB met too.",
	    NOV24 + 180);
	cluster_add(c, 5, 9, NULL, "ECB signals more stimulus", NULL,
	    NOV24 + 240);
	cluster_add(c, 6, 5, NULL, "Bank holidays in England reopen parks",
	    NULL, NOV24 + 300);
	assert_int_equal(cluster_item_watch(c, 1), 1);      /* stem */
	assert_int_equal(cluster_item_watch(c, 2), 1 << 1); /* any case */
	assert_int_equal(cluster_item_watch(c, 3), 0);      /* not in a row */
	assert_int_equal(cluster_item_watch(c, 4), 1 << 2); /* ECB: feed 4 */
	assert_int_equal(cluster_item_watch(c, 5), 1 << 3);
	assert_int_equal(cluster_item_watch(c, 6), 0);
	assert_int_equal(cluster_item_watch(c, 99), 0);
	const struct cluster_view *v = cluster_view(c, cluster_of(c, 4));
	assert_int_equal(v->watch, 1 << 2);
	assert_int_equal(v->sources, 1);
	assert_int_equal(v->outlets[0].feed, 4);
	assert_true(v->outlets[0].joined == NOV24 + 180);
	cluster_free(c);

	/* the story carries what any member matched, across a merge */
	struct cluster_opts o = {.threshold = 0.5, .merge = 0.3};
	c = cluster_new(&o);
	assert_int_equal(cluster_watch(c, "GOP"), 0);
	cluster_add(c, 1, 1, NULL,
	    "Sony Pictures hit by widespread hack, studio computers down "
	    "across offices",
	    NULL, NOV24);
	cluster_add(c, 2, 2, NULL,
	    "Sony Pictures hack: group calling itself #GOP threatens to leak "
	    "studio secrets",
	    NULL, NOV24 + 60);
	uint32_t a = cluster_add(c, 3, 3, NULL,
	    "Sony Pictures hack: studio computers down as #GOP group "
	    "threatens to leak secrets",
	    NULL, NOV24 + 120);
	v = cluster_view(c, a);
	assert_int_equal(v->nmembers, 3);
	assert_int_equal(v->watch, 1);
	cluster_free(c);
}

/* cluster_swap hands the fresh clusters to the live handle and the old
 * ones back; the live generation moves on. */
static void
test_swap(void **state)
{
	(void)state;
	struct clusterer *live = cluster_new(NULL);
	struct clusterer *fresh = cluster_new(NULL);

	uint32_t a = cluster_add(live, 1, 1, NULL,
	    "Hagel resigns as defense secretary", NULL, NOV24);
	cluster_add(fresh, 7, 1, NULL, "Iran nuclear talks extended", NULL,
	    NOV24);
	cluster_add(fresh, 8, 2, NULL, "Iran nuclear talks extended to July",
	    NULL, NOV24 + HOUR);
	uint64_t gen = cluster_generation(live);
	cluster_swap(live, fresh);
	assert_true(cluster_generation(live) > gen);
	assert_int_equal(cluster_of(live, 1), 0);
	uint32_t b = cluster_of(live, 7);
	assert_int_not_equal(b, 0);
	assert_int_equal(cluster_of(live, 8), b);
	assert_int_equal(cluster_view(live, b)->nmembers, 2);
	assert_int_equal(cluster_of(fresh, 1), a);
	cluster_free(fresh);
	cluster_free(live);
}

/* cluster_add_counted places a counted batch as cluster_add of each in
 * turn does, whatever order the batch was counted in (cluster_settle):
 * the real day's 500-odd items make three chunks, so the worker weighs
 * ahead while the items before are placed.  An entry listed twice is
 * added where it is first, and one never counted changes nothing. */
static void
test_add_counted(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_load_file(&fx, REALDAY);
	assert_true(fx.n > 2 * 256);
	uint32_t *ids = calloc(fx.n, sizeof(*ids));
	for (size_t i = 0; i < fx.n; i++)
		ids[i] = (uint32_t)i + 1;

	/* one by one, counted in date order */
	struct clusterer *one = cluster_new(NULL);
	for (size_t i = 0; i < fx.n; i++)
		cluster_count(one, ids[i], fx.it[i].feed, "en",
		    fx.it[i].title, fx.it[i].summary);
	cluster_settle(one, ids, fx.n);
	for (size_t i = 0; i < fx.n; i++)
		cluster_add(one, ids[i], fx.it[i].feed, "en", fx.it[i].title,
		    fx.it[i].summary, fx.it[i].time);

	/* counted backwards, settled, added as a batch */
	struct clusterer *batch = cluster_new(NULL);
	for (size_t i = fx.n; i-- > 0;)
		cluster_count(batch, ids[i], fx.it[i].feed, "en",
		    fx.it[i].title, fx.it[i].summary);
	cluster_settle(batch, ids, fx.n);
	struct cluster_entry *e = calloc(fx.n + 2, sizeof(*e));
	for (size_t i = 0; i < fx.n; i++)
		e[i] = (struct cluster_entry){ids[i], fx.it[i].feed,
		    fx.it[i].time};
	e[fx.n] = e[0];                                    /* twice */
	e[fx.n + 1] = (struct cluster_entry){9999, 1, NOV24}; /* never counted */
	cluster_add_counted(batch, e, fx.n + 2);

	size_t joined = 0;
	for (size_t i = 0; i < fx.n; i++) {
		uint32_t a = cluster_of(one, ids[i]);
		assert_int_not_equal(a, 0);
		assert_int_equal(cluster_of(batch, ids[i]), a);
		joined += cluster_view(one, a)->nmembers > 1;
	}
	assert_true(joined > 50); /* stories, not only items alone */
	assert_int_equal(cluster_of(batch, 9999), 0);
	uint32_t r1[600], r2[600];
	int64_t now = fx.it[fx.n - 1].time;
	size_t n1 = cluster_rank(one, now, r1, 600);
	assert_int_equal(cluster_rank(batch, now, r2, 600), n1);
	for (size_t i = 0; i < n1; i++) {
		assert_int_equal(r1[i], r2[i]);
		assert_int_equal(cluster_view(one, r1[i])->label_item,
		    cluster_view(batch, r2[i])->label_item);
	}
	free(e);
	free(ids);
	cluster_free(one);
	cluster_free(batch);
	fixture_free(&fx);
}

/* Items counted on the counter's thread weigh as items counted by
 * cluster_count in the same order: the same clusters, ranks, labels and
 * watch bits.  The counter copies the texts (the caller's are wiped
 * after every put), takes a batch handed over early or late, and counts
 * an id put twice once. */
static void
test_counter(void **state)
{
	(void)state;
	struct fixture fx;
	fixture_load_file(&fx, REALDAY);
	struct clusterer *one = cluster_new(NULL), *two = cluster_new(NULL);
	assert_int_equal(cluster_watch(one, "Floyd"), 0);
	assert_int_equal(cluster_watch(two, "Floyd"), 0);
	uint32_t *ids = calloc(fx.n, sizeof(*ids));
	struct cluster_entry *e = calloc(fx.n, sizeof(*e));
	for (size_t i = 0; i < fx.n; i++) {
		ids[i] = (uint32_t)i + 1;
		e[i] = (struct cluster_entry){
		    ids[i], fx.it[i].feed, fx.it[i].time};
		cluster_count(one, ids[i], fx.it[i].feed, i % 2 ? "en" : NULL,
		    fx.it[i].title, fx.it[i].summary);
	}

	struct cluster_counter *k = cluster_counter_start(two);
	char title[1024], summary[4096];
	for (size_t i = 0; i < fx.n; i++) {
		util_strlcpy(title, fx.it[i].title, sizeof(title));
		util_strlcpy(summary, fx.it[i].summary, sizeof(summary));
		cluster_counter_put(k, ids[i], fx.it[i].feed,
		    i % 2 ? "en" : NULL, title, summary);
		if (i == 7)
			cluster_counter_put(k, ids[3], 99, NULL,
			    "Another "
			    "headline entirely",
			    NULL); /* known: ignored */
		memset(title, 'x', sizeof(title) - 1);
		title[sizeof(title) - 1] = '\0';
		memset(summary, 0, sizeof(summary));
		if (i % 5 == 0)
			cluster_counter_flush(k);
	}
	assert_true(cluster_counter_end(k) >= 0);

	cluster_settle(one, ids, fx.n);
	cluster_settle(two, ids, fx.n);
	cluster_add_counted(one, e, fx.n);
	cluster_add_counted(two, e, fx.n);
	size_t watched = 0;
	for (size_t i = 0; i < fx.n; i++) {
		assert_int_not_equal(cluster_of(one, ids[i]), 0);
		assert_int_equal(
		    cluster_of(two, ids[i]), cluster_of(one, ids[i]));
		assert_int_equal(cluster_item_watch(two, ids[i]),
		    cluster_item_watch(one, ids[i]));
		watched += cluster_item_watch(one, ids[i]) != 0;
	}
	assert_true(watched > 0);
	uint32_t r1[600], r2[600];
	int64_t now = fx.it[fx.n - 1].time;
	size_t n1 = cluster_rank(one, now, r1, 600);
	assert_true(n1 > 0);
	assert_int_equal(cluster_rank(two, now, r2, 600), n1);
	for (size_t i = 0; i < n1; i++) {
		assert_int_equal(r1[i], r2[i]);
		assert_int_equal(cluster_view(one, r1[i])->label_item,
		    cluster_view(two, r2[i])->label_item);
	}
	/* a counter that is handed nothing ends at once */
	struct clusterer *none = cluster_new(NULL);
	assert_int_equal(cluster_counter_end(cluster_counter_start(none)), 0);
	cluster_free(none);
	free(e);
	free(ids);
	cluster_free(one);
	cluster_free(two);
	fixture_free(&fx);
}

/* The members of a story are listed by date, and items of one date in
 * the order the batch adds them, not in the order they were counted:
 * --dump counts items as feeds answer, so that order differs from run
 * to run, and its JSON must not.  Six items of one story, four of them
 * dated alike, counted in three orders. */
static void
test_member_order(void **state)
{
	(void)state;
	static const char *const title[] = {
	    "Sony Pictures computers hit by massive hack",
	    "Hackers hit Sony Pictures computers in massive attack",
	    "Massive hack hits Sony Pictures computers, studio says",
	    "Sony Pictures studio computers hit by hackers",
	    "Sony Pictures hack: studio computers still down",
	    "Sony Pictures hackers leak studio films after computers hit",
	};
	static const int64_t at[] = {0, 0, 0, 0, HOUR, 2 * HOUR};
	enum { N = 6 };
	static const unsigned order[3][N] = {
	    {0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {2, 0, 3, 5, 1, 4}};
	uint32_t ids[N];
	struct cluster_entry e[N];
	for (unsigned i = 0; i < N; i++) {
		ids[i] = i + 1;
		e[i] = (struct cluster_entry){i + 1, i + 1, NOV24 + at[i]};
	}
	for (unsigned r = 0; r < 3; r++) {
		struct clusterer *c = cluster_new(NULL);
		for (unsigned k = 0; k < N; k++) {
			unsigned i = order[r][k];
			cluster_count(c, ids[i], i + 1, "en", title[i], "");
		}
		cluster_settle(c, ids, N);
		cluster_add_counted(c, e, N);
		const struct cluster_view *v =
		    cluster_view(c, cluster_of(c, 1));
		assert_non_null(v);
		assert_int_equal(v->nmembers, N);
		for (unsigned i = 0; i < N; i++)
			assert_int_equal(v->members[i], ids[i]);
		cluster_free(c);
	}
}

/* Settling a batch of nothing (the dashboard on an empty store) is no
 * error, and the clusterer works after it (a memset of NULL under UBSan
 * before). */
static void
test_settle_empty(void **state)
{
	(void)state;
	struct clusterer *c = cluster_new(NULL);
	cluster_settle(c, NULL, 0);
	cluster_add(c, 1, 1, NULL, "Storm floods coastal towns", NULL,
	    NOV24);
	assert_int_equal(cluster_of(c, 1), 1);
	cluster_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_assign),
	    cmocka_unit_test(test_threshold),
	    cmocka_unit_test(test_outlets),
	    cmocka_unit_test(test_posted_evidence),
	    cmocka_unit_test(test_merge),
	    cmocka_unit_test(test_window),
	    cmocka_unit_test(test_label_terms),
	    cmocka_unit_test(test_label_window),
	    cmocka_unit_test(test_hotness),
	    cmocka_unit_test(test_watch),
	    cmocka_unit_test(test_swap),
	    cmocka_unit_test(test_determinism),
	    cmocka_unit_test(test_lang_tags),
	    cmocka_unit_test(test_sony),
	    cmocka_unit_test(test_realday),
	    cmocka_unit_test(test_demo_feeds),
	    cmocka_unit_test(test_many),
	    cmocka_unit_test(test_big_story),
	    cmocka_unit_test(test_late_merge),
	    cmocka_unit_test(test_settle_empty),
	    cmocka_unit_test(test_add_counted),
	    cmocka_unit_test(test_member_order),
	    cmocka_unit_test(test_counter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
