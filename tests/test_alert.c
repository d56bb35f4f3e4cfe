/* Unit tests for alert: the breaking rule (new stories and surges, the
 * window's edges, future dates, both thresholds), the hotness floor and
 * breaking-first order on a real clusterer, judging (only this session's
 * items set an alert off; a marked item keeps a story, grown or merged,
 * from alerting again), the scan over a real clusterer, and compiling the
 * config's watch terms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "alert.h"
#include "buf.h"
#include "cluster.h"
#include "settings.h"

#define NOW 1416916800 /* 2014-11-25 12:00 UTC */
#define MIN 60
#define HOUR 3600

static const struct alert_rule rule = {HOUR, 3};

/* A hand-made story: outlets joined at the given dates; its members are
 * ids first..first+n-1. */
struct story {
	struct cluster_view v;
	struct cluster_source src[16];
	uint32_t members[16];
};

static void
story(struct story *s, uint32_t first_id, const int64_t *joined, size_t n)
{
	memset(s, 0, sizeof(*s));
	s->v.first = INT64_MAX;
	for (size_t i = 0; i < n; i++) {
		s->src[i].feed = (uint32_t)i + 1;
		s->src[i].joined = joined[i];
		s->members[i] = first_id + (uint32_t)i;
		if (joined[i] < s->v.first)
			s->v.first = joined[i];
		if (joined[i] > s->v.newest)
			s->v.newest = joined[i];
	}
	s->v.outlets = s->src;
	s->v.sources = n;
	s->v.members = s->members;
	s->v.nmembers = n;
}

static enum alert_cause
judge_times(const int64_t *joined, size_t n, struct alert_pace *pace)
{
	struct story s;

	story(&s, 1, joined, n);
	return alert_breaking(&s.v, NOW, &rule, pace);
}

static void
test_breaking(void **state)
{
	struct alert_pace p;

	(void)state;
	/* new: three outlets within the hour */
	int64_t a[] = {NOW - 50 * MIN, NOW - 30 * MIN, NOW - 10 * MIN};
	assert_int_equal(judge_times(a, 3, &p), ALERT_NEW);
	assert_int_equal(p.recent, 3);
	assert_int_equal(p.before, 0);
	/* two are not enough */
	assert_int_equal(judge_times(a, 2, &p), ALERT_CALM);
	/* the first item exactly N old still makes it new; a second more
	 * and the first outlet falls into the window before: 2 < K */
	int64_t b[] = {NOW - HOUR, NOW - 30 * MIN, NOW - MIN};
	assert_int_equal(judge_times(b, 3, NULL), ALERT_NEW);
	b[0] = NOW - HOUR - 1;
	assert_int_equal(judge_times(b, 3, &p), ALERT_CALM);
	assert_int_equal(p.recent, 2);
	assert_int_equal(p.before, 1);
	/* a date after now counts as now */
	int64_t c[] = {NOW - 5 * MIN, NOW + 10 * HOUR, NOW + 1};
	assert_int_equal(judge_times(c, 3, &p), ALERT_NEW);
	assert_int_equal(p.recent, 3);
	/* surge: carried since yesterday, three outlets in the last hour */
	int64_t d[] = {NOW - 26 * HOUR, NOW - 20 * HOUR, NOW - 40 * MIN,
	    NOW - 20 * MIN, NOW - 5 * MIN};
	assert_int_equal(judge_times(d, 5, &p), ALERT_SURGE);
	assert_int_equal(p.recent, 3);
	assert_int_equal(p.before, 0);
	/* a steady pace is no jump: 2 in the hour before, 3 in this one */
	int64_t e[] = {NOW - 5 * HOUR, NOW - 100 * MIN, NOW - 70 * MIN,
	    NOW - 40 * MIN, NOW - 20 * MIN, NOW - 5 * MIN};
	assert_int_equal(judge_times(e, 6, &p), ALERT_CALM);
	assert_int_equal(p.recent, 3);
	assert_int_equal(p.before, 2);
	/* ... twice as many is */
	int64_t f[] = {NOW - 5 * HOUR, NOW - 100 * MIN, NOW - 70 * MIN,
	    NOW - 40 * MIN, NOW - 20 * MIN, NOW - 5 * MIN, NOW - MIN};
	assert_int_equal(judge_times(f, 7, &p), ALERT_SURGE);
	assert_int_equal(p.recent, 4);
	/* what happened more than 2N ago counts in neither window */
	int64_t g[] = {NOW - 3 * HOUR, NOW - 150 * MIN, NOW - 121 * MIN,
	    NOW - 50 * MIN, NOW - 30 * MIN, NOW - 10 * MIN};
	assert_int_equal(judge_times(g, 6, &p), ALERT_SURGE);
	assert_int_equal(p.before, 0);

	/* both thresholds are the settings' */
	struct settings set;
	struct alert_rule r;
	settings_defaults(&set);
	alert_rule_init(&r, &set);
	assert_int_equal(r.window, 3600);
	assert_int_equal(r.outlets, 3);
	set.breaking_window = 2 * HOUR;
	set.breaking_outlets = 4;
	alert_rule_init(&r, &set);
	struct story s;
	int64_t h[] = {NOW - 110 * MIN, NOW - 80 * MIN, NOW - 50 * MIN};
	story(&s, 1, h, 3);
	assert_int_equal(alert_breaking(&s.v, NOW, &r, NULL), ALERT_CALM);
	int64_t i4[] = {
	    NOW - 110 * MIN, NOW - 80 * MIN, NOW - 50 * MIN, NOW - 1};
	story(&s, 1, i4, 4);
	assert_int_equal(alert_breaking(&s.v, NOW, &r, NULL), ALERT_NEW);
	/* within one hour only two of them joined */
	assert_int_equal(alert_breaking(&s.v, NOW, &rule, NULL), ALERT_CALM);
	settings_fini(&set);
	alert_rule_init(&r, NULL);
	assert_int_equal(r.window, ALERT_WINDOW_DEFAULT);
	assert_int_equal(r.outlets, ALERT_OUTLETS_DEFAULT);
}

/* Facts over arrays indexed by item id. */
struct facts {
	unsigned fired[1024];
	uint64_t watch[1024];
	int fires;
};

static unsigned
fact_fired(uint32_t item, void *ctx)
{
	return ((struct facts *)ctx)->fired[item];
}

static uint64_t
fact_watch(uint32_t item, void *ctx)
{
	return ((struct facts *)ctx)->watch[item];
}

static void
test_judge(void **state)
{
	struct facts fx;
	struct alert_facts f = {10, fact_fired, fact_watch, &fx};
	struct alert_call call;
	struct story s;

	(void)state;
	memset(&fx, 0, sizeof(fx));
	int64_t t[] = {NOW - 50 * MIN, NOW - 30 * MIN, NOW - 10 * MIN};
	/* breaking, but every item was loaded at start-up (ids 1-3 < 10) */
	story(&s, 1, t, 3);
	assert_int_equal(alert_judge(&s.v, NOW, &rule, &f, &call), 0);
	/* one item of this session (id 10) sets it off */
	story(&s, 8, t, 3);
	assert_int_equal(
	    alert_judge(&s.v, NOW, &rule, &f, &call), ALERT_BREAKING);
	assert_int_equal(call.cause, ALERT_NEW);
	assert_int_equal(call.pace.recent, 3);
	/* a marked item keeps it quiet: the story grew by an outlet, or
	 * an older story that alerted merged in (its items carry marks) */
	fx.fired[9] = ALERT_BREAKING;
	assert_int_equal(alert_judge(&s.v, NOW, &rule, &f, &call), 0);
	fx.fired[9] = ALERT_WATCH;
	assert_int_equal(
	    alert_judge(&s.v, NOW, &rule, &f, &call), ALERT_BREAKING);
	fx.fired[9] = 0;

	/* watch: a session item matching a term */
	int64_t u[] = {NOW - 5 * HOUR, NOW - 4 * HOUR};
	story(&s, 9, u, 2);
	s.v.watch = 1 << 2;
	fx.watch[9] = 1 << 2; /* loaded at start-up: no alert */
	assert_int_equal(alert_judge(&s.v, NOW, &rule, &f, &call), 0);
	fx.watch[10] = 1 << 2 | 1 << 5;
	s.v.watch |= 1 << 5;
	assert_int_equal(alert_judge(&s.v, NOW, &rule, &f, &call), ALERT_WATCH);
	assert_int_equal(call.watch, 1 << 2 | 1 << 5);
	assert_int_equal(call.cause, ALERT_CALM);
	fx.fired[9] = ALERT_WATCH;
	assert_int_equal(alert_judge(&s.v, NOW, &rule, &f, &call), 0);
	fx.fired[9] = 0;
	/* both at once */
	story(&s, 9, t, 3);
	s.v.watch = 1;
	fx.watch[11] = 1;
	assert_int_equal(alert_judge(&s.v, NOW, &rule, &f, &call),
	    ALERT_BREAKING | ALERT_WATCH);

	struct alert_watch w;
	struct setting_watch lines[] = {
	    {(char *)(uintptr_t) "Sony", NULL, 0, NULL, 1},
	    {(char *)(uintptr_t) "PlayStation", NULL, 0, NULL, 1},
	};
	alert_watch_init(&w, lines, 2, NULL, NULL);
	struct buf b;
	buf_init(&b, 0);
	alert_describe(&call, &rule, &w, &b);
	assert_string_equal(b.p, "breaking: 3 outlets within 60 min; "
	                         "watch: Sony");
	buf_reset(&b);
	call.reasons = ALERT_BREAKING;
	call.cause = ALERT_SURGE;
	call.pace.recent = 4;
	call.pace.before = 1;
	struct alert_rule two = {2 * HOUR, 3};
	alert_describe(&call, &two, &w, &b);
	assert_string_equal(b.p, "breaking: 4 outlets joined within 2 h, "
	                         "1 in the 2 h before");
	buf_reset(&b);
	call.reasons = ALERT_WATCH;
	call.watch = 3;
	alert_describe(&call, &rule, &w, &b);
	assert_string_equal(b.p, "watch: Sony, PlayStation");
	buf_fini(&b);
	alert_watch_fini(&w);
}

/* A real clusterer: feed f's items are ids 100 * f + k. */
static uint32_t
add(struct clusterer *c, uint32_t id, uint32_t feed, const char *title,
    int64_t t)
{
	return cluster_add(c, id, feed, NULL, title, title, t);
}

/* Six outlets took the storm up three hours ago (hotter, not breaking);
 * three took the Sony hack up in the last half hour (breaking). */
static struct clusterer *
two_stories(uint32_t *storm, uint32_t *sony)
{
	struct clusterer *c = cluster_new(NULL);
	static const char *const storm_titles[] = {
	    "Storm floods coastal towns as river bursts its banks",
	    "Coastal towns flooded by storm as river bursts banks",
	    "Storm floods more coastal towns, river banks burst",
	    "River bursts its banks as storm floods coastal towns",
	    "Coastal towns under water: storm makes river burst banks",
	    "Storm: river bursts banks, coastal towns flooded",
	};
	static const char *const sony_titles[] = {
	    "Hackers hit Sony Pictures computer network",
	    "Sony Pictures computer network hit by hackers",
	    "Sony Pictures hackers: computer network still down",
	};
	add(c, 99, 9, "Film festival opens with documentary premiere",
	    NOW - 10 * HOUR);
	for (uint32_t i = 0; i < 6; i++)
		*storm = add(c, 100 * (i + 1), i + 1, storm_titles[i],
		    NOW - 3 * HOUR - (int64_t)i * MIN);
	for (uint32_t i = 0; i < 3; i++)
		*sony = add(c, 100 * (i + 1) + 1, i + 1, sony_titles[i],
		    NOW - 30 * MIN + (int64_t)i * 10 * MIN);
	return c;
}

static void
test_order(void **state)
{
	uint32_t storm, sony, ids[8];

	(void)state;
	struct clusterer *c = two_stories(&storm, &sony);
	assert_int_equal(cluster_view(c, storm)->sources, 6);
	assert_int_equal(cluster_view(c, sony)->sources, 3);
	size_t n = cluster_rank(c, NOW, ids, 8);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], storm);
	assert_int_equal(ids[1], sony);
	/* the floor: both above it, the festival (one outlet) below */
	double floor = alert_hotness_floor(&rule);
	assert_true(cluster_view(c, sony)->hotness >= floor);
	assert_true(cluster_view(c, ids[2])->hotness < floor);
	assert_int_equal(alert_order(c, ids, n, NOW, &rule), 1);
	assert_int_equal(ids[0], sony);
	assert_int_equal(ids[1], storm);
	/* two hours on, nothing breaks: the order is the ranking's */
	n = cluster_rank(c, NOW + 2 * HOUR, ids, 8);
	assert_int_equal(alert_order(c, ids, n, NOW + 2 * HOUR, &rule), 0);
	assert_int_equal(ids[0], storm);
	/* any breaking story is above the floor, whatever the rule: K
	 * outlets within N each weigh at least 2^(-N/12h) */
	for (unsigned k = 2; k <= 6; k++) {
		for (int64_t win = MIN; win <= 24 * HOUR; win *= 3) {
			struct alert_rule r = {win, k};
			int64_t at = NOW - 3 * HOUR + win - MIN;
			n = cluster_rank(c, at, ids, 8);
			for (size_t i = 0; i < n; i++) {
				const struct cluster_view *v =
				    cluster_view(c, ids[i]);
				if (alert_breaking(v, at, &r, NULL) !=
				    ALERT_CALM)
					assert_true(v->hotness >=
					            alert_hotness_floor(&r));
			}
		}
	}
	cluster_free(c);
}

static void
fire_mark(
    const struct cluster_view *v, const struct alert_call *call, void *ctx)
{
	struct facts *fx = ctx;

	for (size_t i = 0; i < v->nmembers; i++)
		fx->fired[v->members[i]] |= call->reasons;
	fx->fires++;
}

static void
test_scan(void **state)
{
	uint32_t storm, sony, ids[8];
	struct facts fx;
	struct alert_facts f = {0, NULL, fact_watch, &fx};

	(void)state;
	memset(&fx, 0, sizeof(fx));
	struct clusterer *c = two_stories(&storm, &sony);
	size_t n = cluster_rank(c, NOW, ids, 8);
	f.fired = fact_fired;
	/* every item is of this session (first_new 0) */
	assert_int_equal(
	    alert_scan(c, ids, n, NULL, 0, NOW, &rule, &f, fire_mark, &fx), 1);
	assert_int_equal(fx.fired[101], ALERT_BREAKING);
	assert_int_equal(fx.fired[301], ALERT_BREAKING);
	assert_int_equal(fx.fired[100], 0);
	/* once: a second scan, and a fourth outlet joining, fire nothing */
	assert_int_equal(
	    alert_scan(c, ids, n, NULL, 0, NOW, &rule, &f, fire_mark, &fx), 0);
	add(c, 401, 4, "Sony Pictures network down after hackers hit",
	    NOW - MIN);
	assert_int_equal(cluster_of(c, 401), sony);
	n = cluster_rank(c, NOW, ids, 8);
	assert_int_equal(
	    alert_scan(c, ids, n, NULL, 0, NOW, &rule, &f, fire_mark, &fx), 0);
	assert_int_equal(fx.fires, 1);
	/* a watched session item on the quiet festival story */
	uint32_t items[] = {99};
	fx.watch[99] = 1;
	cluster_free(c);
	c = two_stories(&storm, &sony);
	n = cluster_rank(c, NOW, ids, 8);
	/* the festival item is not flagged by the clusterer: no watch
	 * bits in the view, nothing to ask */
	assert_int_equal(
	    alert_scan(c, ids, n, items, 1, NOW, &rule, &f, fire_mark, &fx), 0);
	cluster_free(c);

	c = cluster_new(NULL);
	assert_int_equal(cluster_watch(c, "festival"), 0);
	add(c, 99, 9, "Film festival opens with documentary premiere",
	    NOW - 10 * HOUR);
	n = cluster_rank(c, NOW, ids, 8);
	assert_int_equal(
	    alert_scan(c, ids, n, items, 1, NOW, &rule, &f, fire_mark, &fx), 1);
	assert_int_equal(fx.fired[99], ALERT_WATCH);
	assert_int_equal(
	    alert_scan(c, ids, n, items, 1, NOW, &rule, &f, fire_mark, &fx), 0);
	cluster_free(c);
}

static void
report(const char *msg, void *ctx)
{
	struct buf *b = ctx;

	(void)buf_appendf(b, "%s\n", msg);
}

static void
test_watch_terms(void **state)
{
	struct settings s;
	struct buf rep, names;
	struct alert_watch w;

	(void)state;
	settings_defaults(&s);
	buf_init(&rep, 0);
	const char *cfg = "watch Sony \"PlayStation Network\"\n"
	                  "watch ECB tag:markets\n"
	                  "watch \"the of\" sony\n"
	                  "watch ecb tag:europe tag:markets\n";
	settings_parse_mem(cfg, strlen(cfg), "cfg", &s, report, &rep);
	alert_watch_init(&w, s.watches, s.nwatches, report, &rep);
	assert_string_equal(rep.p ? rep.p : "",
	    "cfg:3: watch: 'the of' has no word to match (only stop words"
	    " or punctuation)\n");
	assert_int_equal(w.n, 3);
	assert_string_equal(w.term[0].term, "Sony");
	assert_true(w.term[0].everywhere);
	assert_string_equal(w.term[2].term, "ECB");
	assert_false(w.term[2].everywhere);
	assert_int_equal(w.term[2].ntags, 2);
	assert_true(alert_watch_restricted(&w));
	char *markets[] = {
	    (char *)(uintptr_t) "world", (char *)(uintptr_t) "markets"};
	assert_int_equal(alert_watch_mask(&w, markets, 2), 7);
	assert_int_equal(alert_watch_mask(&w, markets, 1), 3);
	assert_int_equal(alert_watch_mask(&w, NULL, 0), 3);
	buf_init(&names, 0);
	alert_watch_names(&w, 5, &names);
	assert_string_equal(names.p, "Sony, ECB");
	buf_fini(&names);

	/* registered, the terms are the clusterer's bits in this order,
	 * matched by stem and case */
	struct clusterer *c = cluster_new(NULL);
	alert_watch_register(&w, c);
	cluster_watch_feed(c, 1, alert_watch_mask(&w, NULL, 0));
	cluster_watch_feed(c, 2, alert_watch_mask(&w, markets, 2));
	add(c, 1, 1, "ECB holds rates; SONY shares up", NOW);
	add(c, 2, 2, "ECB holds rates as the playstation network recovers",
	    NOW);
	assert_int_equal(cluster_item_watch(c, 1), 1);
	assert_int_equal(cluster_item_watch(c, 2), 2 | 4);
	cluster_free(c);
	alert_watch_fini(&w);
	settings_fini(&s);

	/* more than 64 distinct terms: the rest are reported, once each */
	buf_reset(&rep);
	struct buf many;
	buf_init(&many, 0);
	for (int i = 0; i < 66; i++)
		(void)buf_appendf(
		    &many, "watch term%c%c\n", 'a' + i / 26, 'a' + i % 26);
	settings_defaults(&s);
	settings_parse_mem(many.p, many.len, "cfg", &s, report, &rep);
	alert_watch_init(&w, s.watches, s.nwatches, report, &rep);
	assert_int_equal(w.n, 64);
	assert_string_equal(rep.p,
	    "cfg:65: watch: 'termcm' left out: more than 64 terms\n"
	    "cfg:66: watch: 'termcn' left out: more than 64 terms\n");
	alert_watch_fini(&w);
	settings_fini(&s);
	buf_fini(&many);
	buf_fini(&rep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_breaking),
	    cmocka_unit_test(test_judge),
	    cmocka_unit_test(test_order),
	    cmocka_unit_test(test_scan),
	    cmocka_unit_test(test_watch_terms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
