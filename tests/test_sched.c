/* Unit tests for sched: due order, intervals, backoff growth and cap,
 * jitter bounds and determinism, Retry-After, force, in-flight exclusion,
 * deadlines, removal, and a randomised comparison against a brute-force
 * model at 10,000 feeds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sched.h"

static void
start_all(struct sched *s, const uint32_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sched_started(s, ids[i]);
}

static void
test_empty(void **state)
{
	(void)state;
	struct sched *s = sched_new(1);
	uint32_t ids[4];

	assert_int_equal(sched_due(s, 1000, ids, 4), 0);
	assert_true(sched_next_deadline(s) == INT64_MAX);
	assert_true(sched_feed_deadline(s, 7) == INT64_MAX);
	assert_int_equal(sched_feed_failures(s, 7), 0);
	sched_done(s, 7, SCHED_FAILED, 1000, -1); /* unknown: ignored */
	sched_force(s, 0, 1000);
	assert_int_equal(sched_count(s), 0);
	sched_add(s, 0, 60); /* id 0 is refused */
	assert_int_equal(sched_count(s), 0);
	sched_free(s);
	sched_free(NULL);
}

static void
test_due_order(void **state)
{
	(void)state;
	struct sched *s = sched_new(1);
	uint32_t ids[8];

	sched_add(s, 5, 300);
	sched_add(s, 3, 300);
	sched_add(s, 9, 300);
	/* new feeds are due at once, ties broken by id */
	assert_int_equal(sched_due(s, 1000, ids, 8), 3);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[1], 5);
	assert_int_equal(ids[2], 9);
	/* sched_due does not consume: asking again gives the same */
	assert_int_equal(sched_due(s, 1000, ids, 2), 2);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[1], 5);
	start_all(s, (const uint32_t[]){3, 5, 9}, 3);
	assert_int_equal(sched_due(s, 1000, ids, 8), 0);
	sched_done(s, 9, SCHED_OK, 1000, -1);
	sched_done(s, 3, SCHED_OK, 1100, -1);
	sched_done(s, 5, SCHED_OK, 1050, -1);
	/* earliest deadline first: 9 (1300), 5 (1350), 3 (1400) */
	assert_int_equal(sched_due(s, 1399, ids, 8), 2);
	assert_int_equal(ids[0], 9);
	assert_int_equal(ids[1], 5);
	assert_int_equal(sched_due(s, 5000, ids, 8), 3);
	assert_int_equal(ids[2], 3);
	sched_free(s);
}

static void
test_intervals(void **state)
{
	(void)state;
	struct sched *s = sched_new(1);
	uint32_t ids[4];

	sched_add(s, 1, 300);
	sched_add(s, 2, 60);
	sched_add(s, 3, 0);  /* the default */
	sched_add(s, 2, 90); /* re-adding changes the interval only */
	assert_int_equal(sched_count(s), 3);
	start_all(s, (const uint32_t[]){1, 2, 3}, 3);
	sched_done(s, 1, SCHED_OK, 1000, -1);
	sched_done(s, 2, SCHED_OK, 1000, -1);
	sched_done(s, 3, SCHED_OK, 1000, -1);
	assert_int_equal(sched_feed_deadline(s, 1), 1300);
	assert_int_equal(sched_feed_deadline(s, 2), 1090);
	assert_int_equal(
	    sched_feed_deadline(s, 3), 1000 + SCHED_DEFAULT_INTERVAL);
	assert_int_equal(sched_next_deadline(s), 1090);
	assert_int_equal(sched_due(s, 1089, ids, 4), 0);
	assert_int_equal(sched_due(s, 1090, ids, 4), 1);
	assert_int_equal(ids[0], 2);
	sched_free(s);
}

static void
test_in_flight(void **state)
{
	(void)state;
	struct sched *s = sched_new(1);
	uint32_t ids[4];

	sched_add(s, 1, 300);
	sched_add(s, 2, 300);
	sched_started(s, 1);
	sched_started(s, 1); /* twice is harmless */
	assert_int_equal(sched_due(s, 0, ids, 4), 1);
	assert_int_equal(ids[0], 2);
	assert_true(sched_feed_deadline(s, 1) == INT64_MAX);
	/* forcing a feed in flight does nothing */
	sched_force(s, 1, 50);
	sched_force(s, 0, 50);
	assert_true(sched_feed_deadline(s, 1) == INT64_MAX);
	sched_started(s, 2);
	assert_true(sched_next_deadline(s) == INT64_MAX);
	assert_int_equal(sched_due(s, 1 << 30, ids, 4), 0);
	sched_done(s, 1, SCHED_OK, 100, -1);
	assert_int_equal(sched_next_deadline(s), 400);
	sched_free(s);
}

/* Failures n = 1..20: each delay lies within +-25 % of
 * min(60 * 2^(n-1), cap), never under SCHED_BACKOFF_MIN. */
static void
check_backoff(uint64_t seed, int interval, int64_t *delays, size_t n)
{
	struct sched *s = sched_new(seed);
	int64_t now = 1000000, cap = interval > SCHED_BACKOFF_CAP
	                                 ? interval
	                                 : SCHED_BACKOFF_CAP;

	sched_add(s, 42, interval);
	for (size_t i = 0; i < n; i++) {
		sched_started(s, 42);
		sched_done(s, 42, SCHED_FAILED, now, -1);
		assert_int_equal(sched_feed_failures(s, 42), i + 1);
		int64_t d = sched_feed_deadline(s, 42) - now;
		int64_t base = i < 30 ? (int64_t)SCHED_BACKOFF_BASE << i : cap;
		if (base > cap)
			base = cap;
		assert_true(d >= base - base / 4);
		assert_true(d <= base + base / 4);
		assert_true(d >= SCHED_BACKOFF_MIN);
		delays[i] = d;
		now += d;
	}
	/* a success resets the count and goes back to the interval */
	sched_started(s, 42);
	sched_done(s, 42, SCHED_OK, now, -1);
	assert_int_equal(sched_feed_failures(s, 42), 0);
	assert_int_equal(sched_feed_deadline(s, 42), now + interval);
	sched_free(s);
}

static void
test_backoff_growth_and_cap(void **state)
{
	(void)state;
	int64_t d[20];

	check_backoff(7, 300, d, 20);
	/* it grows: 4 failures later the delay has at least doubled */
	for (size_t i = 0; i + 4 < 10; i++)
		assert_true(d[i + 4] > d[i]);
	/* and then stays around the cap */
	for (size_t i = 12; i < 20; i++) {
		assert_true(d[i] <= SCHED_BACKOFF_CAP + SCHED_BACKOFF_CAP / 4);
		assert_true(d[i] >= SCHED_BACKOFF_CAP - SCHED_BACKOFF_CAP / 4);
	}
	/* an interval longer than the cap raises the cap */
	check_backoff(7, 86400, d, 20);
	assert_true(d[19] >= 86400 - 86400 / 4);
	/* failures far past any shift width stay at the cap */
	check_backoff(9, 300, d, 20);
	struct sched *s = sched_new(3);
	sched_add(s, 1, 300);
	for (int i = 0; i < 100; i++)
		sched_done(s, 1, SCHED_FAILED, 0, -1);
	assert_true(sched_feed_deadline(s, 1) <=
	            SCHED_BACKOFF_CAP + SCHED_BACKOFF_CAP / 4);
	sched_free(s);
}

static void
test_jitter_deterministic(void **state)
{
	(void)state;
	int64_t a[20], b[20], c[20];

	check_backoff(12345, 300, a, 20);
	check_backoff(12345, 300, b, 20);
	check_backoff(54321, 300, c, 20);
	assert_memory_equal(a, b, sizeof(a));
	assert_memory_not_equal(a, c, sizeof(a));
	/* jitter really spreads: at the cap, not every delay is the same */
	int spread = 0;
	for (size_t i = 13; i < 20; i++)
		spread |= a[i] != a[12];
	assert_true(spread);

	/* 1000 feeds failing at the same moment do not all retry at once */
	struct sched *s = sched_new(99);
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	for (uint32_t id = 1; id <= 1000; id++) {
		sched_add(s, id, 300);
		for (int k = 0; k < 8; k++)
			sched_done(s, id, SCHED_FAILED, 5000, -1);
		int64_t t = sched_feed_deadline(s, id);
		lo = t < lo ? t : lo;
		hi = t > hi ? t : hi;
	}
	/* 8th failure: 7680 s +-25 % */
	assert_true(lo >= 5000 + 7680 - 1920);
	assert_true(hi <= 5000 + 7680 + 1920);
	assert_true(hi - lo > 1920);
	sched_free(s);
}

static void
test_retry_after(void **state)
{
	(void)state;
	struct sched *s = sched_new(1);

	sched_add(s, 1, 300);
	sched_add(s, 2, 300);
	sched_add(s, 3, 300);
	sched_add(s, 4, 300);
	/* a 429 asking for an hour: no earlier than that */
	sched_done(s, 1, SCHED_FAILED, 1000, 3600);
	assert_int_equal(sched_feed_deadline(s, 1), 1000 + 3600);
	/* a short Retry-After never pulls the next attempt earlier */
	sched_done(s, 2, SCHED_OK, 1000, 10);
	assert_int_equal(sched_feed_deadline(s, 2), 1300);
	/* a hostile one is capped */
	sched_done(s, 3, SCHED_FAILED, 1000, INT64_MAX);
	assert_int_equal(
	    sched_feed_deadline(s, 3), 1000 + SCHED_RETRY_AFTER_MAX);
	/* 0 and -1 mean nothing */
	sched_done(s, 4, SCHED_FAILED, 1000, 0);
	assert_true(sched_feed_deadline(s, 4) <= 1000 + 75);
	/* a huge now does not overflow */
	sched_done(s, 4, SCHED_OK, INT64_MAX - 10, 3600);
	assert_true(sched_feed_deadline(s, 4) == INT64_MAX);
	sched_free(s);
}

static void
test_force(void **state)
{
	(void)state;
	struct sched *s = sched_new(1);
	uint32_t ids[8];

	for (uint32_t id = 1; id <= 5; id++) {
		sched_add(s, id, 600);
		sched_started(s, id);
		sched_done(s, id, SCHED_OK, 1000 + id, -1);
	}
	assert_int_equal(sched_due(s, 1200, ids, 8), 0);
	sched_force(s, 4, 1200);
	assert_int_equal(sched_due(s, 1200, ids, 8), 1);
	assert_int_equal(ids[0], 4);
	assert_int_equal(sched_next_deadline(s), 1200);
	/* forcing never delays a feed that is already due earlier */
	sched_force(s, 4, 1300);
	assert_int_equal(sched_feed_deadline(s, 4), 1200);
	sched_started(s, 2);
	sched_force(s, 0, 1250);
	assert_int_equal(sched_due(s, 1250, ids, 8), 4);
	assert_int_equal(ids[0], 4); /* 1200 */
	assert_int_equal(ids[1], 1); /* then 1250, by id */
	assert_int_equal(ids[2], 3);
	assert_int_equal(ids[3], 5);
	/* the failure count survives a force */
	sched_done(s, 2, SCHED_FAILED, 1250, -1);
	sched_force(s, 2, 1260);
	assert_int_equal(sched_feed_failures(s, 2), 1);
	assert_int_equal(sched_feed_deadline(s, 2), 1260);
	sched_free(s);
}

static void
test_remove(void **state)
{
	(void)state;
	struct sched *s = sched_new(1);
	uint32_t ids[8];

	for (uint32_t id = 1; id <= 5; id++)
		sched_add(s, id, 600);
	start_all(s, (const uint32_t[]){1, 2, 3, 4, 5}, 5);
	for (uint32_t id = 1; id <= 5; id++)
		sched_done(s, id, id == 3 ? SCHED_FAILED : SCHED_OK, 1000, -1);
	sched_remove(s, 3);  /* queued */
	sched_remove(s, 42); /* unknown: ignored */
	sched_started(s, 5);
	sched_remove(s, 5); /* in flight, and the last entry */
	sched_done(s, 5, SCHED_OK, 1100, -1); /* ignored now */
	assert_int_equal(sched_count(s), 3);
	assert_true(sched_feed_deadline(s, 3) == INT64_MAX);
	assert_true(sched_feed_deadline(s, 5) == INT64_MAX);
	assert_int_equal(sched_due(s, 1600, ids, 8), 3);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 2);
	assert_int_equal(ids[2], 4);
	/* back in the file: due at once, its failures forgotten */
	sched_add(s, 3, 600);
	assert_int_equal(sched_feed_failures(s, 3), 0);
	assert_int_equal(sched_due(s, 1001, ids, 8), 1);
	assert_int_equal(ids[0], 3);
	for (uint32_t id = 1; id <= 4; id++)
		sched_remove(s, id);
	assert_int_equal(sched_count(s), 0);
	assert_true(sched_next_deadline(s) == INT64_MAX);
	sched_free(s);
}

/* Random operations on 10,000 feeds, checked against a plain array. */
struct model {
	int64_t deadline;
	int flight;
	int taken; /* turn + 1 when sched_due returned it */
	int gone;  /* removed (sched_remove), not added again yet */
};

static uint64_t
lcg(uint64_t *x)
{
	*x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
	return *x >> 33;
}

static void
test_random_against_model(void **state)
{
	(void)state;
	enum { N = 10000 };
	struct sched *s = sched_new(5);
	struct model *m = calloc(N + 1, sizeof(*m));
	uint32_t ids[64];
	uint64_t x = 1;
	int64_t now = 10000;

	assert_non_null(m);
	for (uint32_t id = 1; id <= N; id++) {
		sched_add(s, id * 7919u, 60 + (int)(lcg(&x) % 600));
		m[id].deadline = 0;
	}
	for (int turn = 0; turn < 3000; turn++) {
		size_t max = 1 + lcg(&x) % 64;
		size_t k = sched_due(s, now, ids, max);
		/* brute force: the k earliest due, ties by feed id */
		size_t want = 0;
		int64_t prev_t = INT64_MIN;
		uint32_t prev_id = 0;
		for (uint32_t id = 1; id <= N; id++)
			want += !m[id].gone && !m[id].flight &&
			        m[id].deadline <= now;
		assert_int_equal(k, want < max ? want : max);
		for (size_t i = 0; i < k; i++) {
			uint32_t id = ids[i] / 7919u;
			assert_int_equal(ids[i] % 7919u, 0);
			assert_false(m[id].flight);
			assert_false(m[id].gone);
			assert_true(m[id].deadline <= now);
			assert_true(
			    m[id].deadline > prev_t ||
			    (m[id].deadline == prev_t && ids[i] > prev_id));
			prev_t = m[id].deadline;
			prev_id = ids[i];
		}
		if (k == max && k > 0) {
			/* nothing left out is earlier than the last one */
			for (size_t i = 0; i < k; i++)
				m[ids[i] / 7919u].taken = turn + 1;
			for (uint32_t id = 1; id <= N; id++) {
				if (m[id].gone || m[id].flight ||
				    m[id].deadline > now)
					continue;
				if (m[id].taken != turn + 1)
					assert_true(m[id].deadline > prev_t ||
					            (m[id].deadline == prev_t &&
					                id * 7919u > prev_id));
			}
		}
		/* start some of them */
		for (size_t i = 0; i < k; i++) {
			if (lcg(&x) % 3 == 0)
				continue;
			sched_started(s, ids[i]);
			m[ids[i] / 7919u].flight = 1;
		}
		/* finish some random feeds in flight */
		for (int j = 0; j < 8; j++) {
			uint32_t id = 1 + (uint32_t)(lcg(&x) % N);
			if (m[id].gone || !m[id].flight)
				continue;
			int fail = lcg(&x) % 4 == 0;
			sched_done(s, id * 7919u,
			    fail ? SCHED_FAILED : SCHED_OK, now,
			    fail ? (int64_t)(lcg(&x) % 100) : -1);
			m[id].flight = 0;
			m[id].deadline = sched_feed_deadline(s, id * 7919u);
			assert_true(m[id].deadline > now);
		}
		/* the feeds file loses a few feeds, in flight or not, and
		 * gets back some it lost before */
		for (int j = 0; j < 3; j++) {
			uint32_t id = 1 + (uint32_t)(lcg(&x) % N);
			if (m[id].gone) {
				sched_add(s, id * 7919u, 60);
				m[id] = (struct model){0};
			} else {
				sched_remove(s, id * 7919u);
				sched_done(s, id * 7919u, SCHED_OK, now, -1);
				m[id].gone = 1;
				m[id].flight = 0;
				assert_true(sched_feed_deadline(
				                s, id * 7919u) == INT64_MAX);
			}
		}
		if (turn % 500 == 250) {
			sched_force(s, 0, now);
			for (uint32_t id = 1; id <= N; id++)
				if (!m[id].flight && m[id].deadline > now)
					m[id].deadline = now;
		}
		if (turn % 97 == 0) {
			int64_t best = INT64_MAX;
			size_t known = 0;
			for (uint32_t id = 1; id <= N; id++) {
				known += !m[id].gone;
				if (!m[id].gone && !m[id].flight &&
				    m[id].deadline < best)
					best = m[id].deadline;
			}
			assert_true(sched_next_deadline(s) == best);
			assert_int_equal(sched_count(s), known);
		}
		now += (int64_t)(lcg(&x) % 5);
	}
	free(m);
	sched_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_due_order),
	    cmocka_unit_test(test_intervals),
	    cmocka_unit_test(test_in_flight),
	    cmocka_unit_test(test_backoff_growth_and_cap),
	    cmocka_unit_test(test_jitter_deterministic),
	    cmocka_unit_test(test_retry_after),
	    cmocka_unit_test(test_force),
	    cmocka_unit_test(test_remove),
	    cmocka_unit_test(test_random_against_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
