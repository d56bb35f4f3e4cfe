/* Unit tests for tfidf: sparse vectors, hashed ones, the vocabulary, document
 * frequencies, name evidence, display forms and the weighting. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "background.h"
#include "rng.h"
#include "tfidf.h"

static void
vec(struct svec *x, const uint32_t *t, const float *w, size_t n)
{
	svec_clear(x);
	for (size_t i = 0; i < n; i++)
		svec_push(x, t[i], w[i]);
	svec_build(x);
}

static void
test_build(void **state)
{
	(void)state;
	struct svec x;
	svec_init(&x);
	/* unsorted with duplicates: sorted, summed */
	vec(&x, (const uint32_t[]){9, 2, 5, 2, 0, 9, 9},
	    (const float[]){1, 2, 3, 4, 5, 6, 7}, 7);
	assert_int_equal(x.n, 4);
	const uint32_t want_t[] = {0, 2, 5, 9};
	const float want_w[] = {5, 6, 3, 14};
	for (uint32_t i = 0; i < x.n; i++) {
		assert_int_equal(x.term[i], want_t[i]);
		assert_float_equal(x.w[i], want_w[i], 1e-6);
	}
	assert_float_equal(svec_get(&x, 9), 14, 1e-6);
	assert_float_equal(svec_get(&x, 3), 0, 0);
	assert_float_equal(svec_get(&x, 100), 0, 0);
	/* a large vector exercises more than the short path */
	svec_clear(&x);
	for (uint32_t i = 0; i < 1000; i++)
		svec_push(&x, (i * 7919) % 1000, 1);
	svec_build(&x);
	assert_int_equal(x.n, 1000);
	for (uint32_t i = 0; i < x.n; i++)
		assert_int_equal(x.term[i], i);
	svec_fini(&x);
	svec_fini(&x); /* fini leaves an empty vector */
}

/* Random vectors of every size the sorts see (a few, tens, past the
 * room on the stack), with terms of one to four bytes and duplicates,
 * against the definition: each distinct term once, ascending, with the
 * sum of its weights in the order pushed. */
static void
test_build_random(void **state)
{
	(void)state;
	struct rng r = {42};
	struct svec x;
	static uint32_t t[700], want_t[700];
	static float w[700], want_w[700];
	const uint32_t span[] = {40, 250, 60000, 5000000, UINT32_MAX - 1};

	svec_init(&x);
	for (int round = 0; round < 400; round++) {
		uint32_t n = rng_below(&r, 700);
		uint32_t top = span[rng_below(&r, 5)];
		svec_clear(&x);
		for (uint32_t i = 0; i < n; i++) {
			t[i] = rng_below(&r, top);
			w[i] = (float)(1 + rng_below(&r, 7)) * 0.3f;
			svec_push(&x, t[i], w[i]);
		}
		svec_build(&x);
		/* the reference: distinct terms by selection, sums in order */
		uint32_t nw = 0;
		for (uint32_t i = 0; i < n; i++) {
			uint32_t j = 0;
			while (j < nw && want_t[j] != t[i])
				j++;
			if (j == nw) {
				want_t[nw] = t[i];
				want_w[nw++] = 0;
			}
			want_w[j] += w[i];
		}
		for (uint32_t i = 1; i < nw; i++) /* insertion: few distinct */
			for (uint32_t j = i; j > 0 && want_t[j - 1] > want_t[j];
			     j--) {
				uint32_t tt = want_t[j];
				float ww = want_w[j];
				want_t[j] = want_t[j - 1];
				want_w[j] = want_w[j - 1];
				want_t[j - 1] = tt;
				want_w[j - 1] = ww;
			}
		assert_int_equal(x.n, nw);
		for (uint32_t i = 0; i < nw; i++) {
			assert_int_equal(x.term[i], want_t[i]);
			assert_true(x.w[i] == want_w[i]); /* the same sums */
		}
	}
	svec_fini(&x);
}

static void
test_norm_dot(void **state)
{
	(void)state;
	struct svec a, b, big;
	svec_init(&a);
	svec_init(&b);
	svec_init(&big);
	vec(&a, (const uint32_t[]){1, 3}, (const float[]){3, 4}, 2);
	assert_float_equal(svec_norm(&a), 5, 1e-9);
	svec_normalize(&a);
	assert_float_equal(a.w[0], 0.6, 1e-6);
	assert_float_equal(a.w[1], 0.8, 1e-6);
	assert_float_equal(svec_norm(&a), 1, 1e-6);
	/* a zero vector stays zero */
	svec_normalize(&b);
	assert_int_equal(b.n, 0);
	assert_float_equal(svec_dot(&a, &b), 0, 0);

	vec(&b, (const uint32_t[]){0, 3, 7}, (const float[]){2, 2, 9}, 3);
	assert_float_equal(svec_dot(&a, &b), 1.6, 1e-6);
	assert_float_equal(svec_dot(&b, &a), 1.6, 1e-6);
	/* short against long: the binary-search path gives the same */
	for (uint32_t i = 0; i < 500; i++)
		svec_push(&big, i, (float)i);
	svec_build(&big);
	assert_float_equal(svec_dot(&a, &big), 0.6 * 1 + 0.8 * 3, 1e-5);
	assert_float_equal(svec_dot(&big, &a), 0.6 * 1 + 0.8 * 3, 1e-5);
	svec_fini(&a);
	svec_fini(&b);
	svec_fini(&big);
}

static void
test_axpy(void **state)
{
	(void)state;
	struct svec y, x;
	svec_init(&y);
	svec_init(&x);
	/* into an empty vector */
	vec(&x, (const uint32_t[]){2, 4}, (const float[]){1, 2}, 2);
	svec_axpy(&y, 2.0, &x);
	assert_int_equal(y.n, 2);
	assert_float_equal(y.w[0], 2, 1e-6);
	assert_float_equal(y.w[1], 4, 1e-6);
	/* same terms only: in place */
	svec_axpy(&y, 0.5, &x);
	assert_int_equal(y.n, 2);
	assert_float_equal(y.w[1], 5, 1e-6);
	/* new terms before, between and after */
	vec(&x, (const uint32_t[]){0, 3, 4, 9}, (const float[]){1, 1, 1, 1}, 4);
	svec_axpy(&y, 1.0, &x);
	const uint32_t want_t[] = {0, 2, 3, 4, 9};
	const float want_w[] = {1, 2.5, 1, 6, 1};
	assert_int_equal(y.n, 5);
	for (uint32_t i = 0; i < y.n; i++) {
		assert_int_equal(y.term[i], want_t[i]);
		assert_float_equal(y.w[i], want_w[i], 1e-6);
	}
	/* copies are independent */
	struct svec z;
	svec_init(&z);
	svec_copy(&z, &y);
	svec_axpy(&z, -1.0, &y);
	for (uint32_t i = 0; i < z.n; i++)
		assert_float_equal(z.w[i], 0, 1e-6);
	assert_float_equal(y.w[0], 1, 1e-6);
	svec_fini(&x);
	svec_fini(&y);
	svec_fini(&z);
}

/* A document of up to 12 terms below range, weights in (0, 1]. */
static void
random_doc(struct svec *x, uint64_t *seed, uint32_t range)
{
	svec_clear(x);
	*seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
	uint32_t n = 1 + (uint32_t)(*seed >> 60) % 12;
	for (uint32_t i = 0; i < n; i++) {
		*seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
		uint32_t t = (uint32_t)(*seed >> 33) % range;
		float w = (float)((*seed >> 11) % 1000 + 1) / 1000.0f;
		svec_push(x, t, w);
	}
	svec_build(x);
}

/* The hashed vector agrees with the sorted one it stands in for. */
static void
test_hvec(void **state)
{
	(void)state;
	struct hvec h, g;
	struct svec ref, ref2, x;
	uint64_t seed = 42;

	hvec_init(&h);
	hvec_init(&g);
	svec_init(&ref);
	svec_init(&ref2);
	svec_init(&x);
	/* empty */
	assert_float_equal(hvec_get(&h, 7), 0, 0);
	assert_float_equal(hvec_norm(&h), 0, 0);
	random_doc(&x, &seed, 50);
	assert_float_equal(hvec_dot(&h, &x), 0, 0);
	assert_float_equal(hvec_dot_hvec(&h, &g), 0, 0);
	/* 2,000 documents over 5,000 terms: the table grows many times */
	for (int d = 0; d < 2000; d++) {
		random_doc(&x, &seed, 5000);
		double before = svec_dot(&ref, &x);
		assert_float_equal(hvec_dot(&h, &x), before, 1e-9);
		/* the same product, with each term's count as it stands */
		uint32_t cnt[16];
		assert_float_equal(hvec_dot_count(&h, &x, cnt), before, 1e-9);
		for (uint32_t i = 0; i < x.n; i++)
			assert_int_equal(cnt[i], hvec_count(&h, x.term[i]));
		assert_float_equal(hvec_axpy(&h, 1.0, &x), before, 1e-9);
		svec_axpy(&ref, 1.0, &x);
	}
	assert_int_equal(h.n, ref.n);
	uint32_t used = 0;
	for (uint32_t i = 0; i < h.cap; i++)
		used += h.s[i].term != HVEC_EMPTY;
	assert_int_equal(used, h.n);
	/* each entry counts the documents that had its term */
	for (uint32_t i = 0; i < h.cap; i++)
		if (h.s[i].term != HVEC_EMPTY)
			assert_true(h.s[i].n >= 1 && h.s[i].n <= 2000);
	assert_int_equal(hvec_count(&h, 5000), 0);
	assert_true(4 * h.n <= 3 * h.cap);
	for (uint32_t i = 0; i < ref.n; i++)
		assert_float_equal(hvec_get(&h, ref.term[i]), ref.w[i], 0);
	assert_float_equal(hvec_get(&h, 5000), 0, 0);
	assert_float_equal(
	    hvec_norm(&h), svec_norm(&ref), 1e-9 * svec_norm(&ref));

	/* a scaled subtraction, and a second vector to add and dot */
	random_doc(&x, &seed, 5000);
	hvec_axpy(&h, -0.5, &x);
	svec_axpy(&ref, -0.5, &x);
	for (int d = 0; d < 100; d++) {
		random_doc(&x, &seed, 8000);
		hvec_axpy(&g, 1.0, &x);
		svec_axpy(&ref2, 1.0, &x);
	}
	double want = svec_dot(&ref, &ref2);
	assert_float_equal(hvec_dot_hvec(&h, &g), want, 1e-9 * want);
	assert_float_equal(hvec_dot_hvec(&g, &h), want, 1e-9 * want);
	hvec_add(&h, &g);
	svec_axpy(&ref, 1.0, &ref2);
	assert_int_equal(h.n, ref.n);
	for (uint32_t i = 0; i < ref.n; i++)
		assert_float_equal(
		    hvec_get(&h, ref.term[i]), ref.w[i], 1e-5 * ref.w[i]);
	assert_float_equal(
	    hvec_norm(&h), svec_norm(&ref), 1e-6 * svec_norm(&ref));

	/* reset empties and resizes */
	hvec_reset(&h, 3);
	assert_int_equal(h.n, 0);
	assert_int_equal(h.cap, 16);
	assert_float_equal(hvec_norm(&h), 0, 0);
	assert_float_equal(hvec_get(&h, ref.term[0]), 0, 0);
	vec(&x, (const uint32_t[]){4, 9}, (const float[]){3, 4}, 2);
	hvec_axpy(&h, 1.0, &x);
	assert_float_equal(hvec_norm(&h), 5, 1e-9);
	assert_float_equal(hvec_get(&h, 9), 4, 0);
	assert_int_equal(hvec_count(&h, 9), 1);
	hvec_axpy(&h, 1.0, &x);
	assert_int_equal(hvec_count(&h, 9), 2);
	hvec_axpy(&h, -1.0, &x);
	assert_int_equal(hvec_count(&h, 9), 1);
	hvec_reset(&g, 0);
	hvec_axpy(&g, 1.0, &x);
	hvec_add(&h, &g);
	assert_int_equal(hvec_count(&h, 4), 2);

	hvec_fini(&h);
	hvec_fini(&h); /* fini leaves an empty vector */
	hvec_fini(&g);
	svec_fini(&ref);
	svec_fini(&ref2);
	svec_fini(&x);
}

/* The filter never says no to a term that is in the table, through its
 * growth, a subtraction, hvec_add and a reset; and says it to most of the
 * terms that are not. */
/* hvec_axpy_part: what it says of every changed weight is what the table
 * then holds, through growth; the part it sums is the masked terms'
 * squared length. */
static void
test_hvec_axpy_part(void **state)
{
	(void)state;
	struct hvec h;
	struct svec x;
	uint64_t seed = 11;
	unsigned char mask[64];
	float after[64];
	double part2 = 0;

	hvec_init(&h);
	svec_init(&x);
	for (int d = 0; d < 300; d++) {
		random_doc(&x, &seed, 3000);
		assert_true(x.n <= 64);
		for (uint32_t i = 0; i < x.n; i++)
			mask[i] = (unsigned char)(x.term[i] % 3 == 0);
		hvec_axpy_part(
		    &h, d % 5 == 4 ? -0.5 : 1.0, &x, mask, &part2, after);
		for (uint32_t i = 0; i < x.n; i++)
			assert_float_equal(
			    after[i], hvec_get(&h, x.term[i]), 0);
	}
	double want = 0;
	for (uint32_t i = 0; i < h.cap; i++)
		if (h.s[i].term != HVEC_EMPTY && h.s[i].term % 3 == 0)
			want += (double)h.s[i].w * h.s[i].w;
	assert_float_equal(part2, want, 1e-6 * want);
	hvec_fini(&h);
	svec_fini(&x);
}

static void
test_hvec_filter(void **state)
{
	(void)state;
	struct hvec h, g;
	struct svec x;
	uint64_t seed = 7;
	static unsigned char in[20000];

	hvec_init(&h);
	hvec_init(&g);
	svec_init(&x);
	assert_false(hvec_may_have(&h, 1));
	memset(in, 0, sizeof(in));
	for (int d = 0; d < 400; d++) {
		random_doc(&x, &seed, 10000);
		hvec_axpy(&h, d % 7 == 6 ? -1.0 : 1.0, &x);
		for (uint32_t i = 0; i < x.n; i++)
			in[x.term[i]] = 1;
		for (uint32_t t = 0; t < 10000; t++)
			if (in[t])
				assert_true(hvec_may_have(&h, t));
	}
	random_doc(&x, &seed, 20000);
	hvec_axpy(&g, 1.0, &x);
	hvec_add(&h, &g);
	for (uint32_t i = 0; i < x.n; i++)
		in[x.term[i]] = 1;
	uint32_t yes = 0, absent = 0;
	for (uint32_t t = 0; t < 20000; t++) {
		if (in[t]) {
			assert_true(hvec_may_have(&h, t));
			continue;
		}
		absent++;
		yes += (uint32_t)hvec_may_have(&h, t);
		/* a term the filter lets through is looked up, and absent */
		assert_float_equal(hvec_get(&h, t), 0, 0);
		assert_int_equal(hvec_count(&h, t), 0);
	}
	/* at most three quarters full, one bit in eight a slot: about one
	 * absent term in ten is let through, never one in four */
	assert_true(yes * 4 < absent);
	assert_true(yes > 0);
	hvec_reset(&h, h.cap);
	for (uint32_t t = 0; t < 20000; t++)
		assert_false(hvec_may_have(&h, t));
	hvec_fini(&h);
	assert_false(hvec_may_have(&h, 1));
	hvec_fini(&g);
	svec_fini(&x);
}

static void
test_vocab(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	char term[32];

	assert_int_equal(vocab_intern(v, "soni", 4), 0);
	assert_int_equal(vocab_intern(v, "hack", 4), 1);
	assert_int_equal(vocab_intern(v, "sonipictur", 4), 0); /* by length */
	assert_int_equal(vocab_lookup(v, "hack", 4), 1);
	assert_int_equal(vocab_lookup(v, "hac", 3), UINT32_MAX);
	assert_string_equal(vocab_term(v, 1), "hack");
	/* ids are dense in order of first sight, across table growth */
	for (uint32_t i = 0; i < 5000; i++) {
		int n = snprintf(term, sizeof(term), "t%u", i);
		assert_int_equal(vocab_intern(v, term, (size_t)n), i + 2);
	}
	for (uint32_t i = 0; i < 5000; i += 97) {
		int n = snprintf(term, sizeof(term), "t%u", i);
		assert_int_equal(vocab_lookup(v, term, (size_t)n), i + 2);
	}
	assert_int_equal(vocab_size(v), 5002);
	vocab_free(v);
	vocab_free(NULL);
}

/* Counted shares pulled towards the background by VOCAB_PRIOR_DOCS
 * pseudo-documents: -ln((df + A bg) / (N + A)). */
static double
want_idf(double df, double n, double bg)
{
	double p = (bg + 0.5) / (background_docs() + 1.0);

	return -log((df + VOCAB_PRIOR_DOCS * p) / (n + VOCAB_PRIOR_DOCS));
}

static void
test_idf(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	struct svec d;
	svec_init(&d);
	/* made-up stems the background has never seen */
	uint32_t common = vocab_intern(v, "zzqstock", 8);
	uint32_t rare = vocab_intern(v, "derptrol", 8);
	assert_int_equal(vocab_bg_df(v, common), 0);

	for (int i = 0; i < 10; i++) {
		svec_clear(&d);
		svec_push(&d, common, 1);
		svec_push(&d, common, 1); /* twice in a doc: one document */
		if (i == 3)
			svec_push(&d, rare, 1);
		svec_build(&d);
		vocab_add_doc(v, &d, 1);
	}
	assert_int_equal(vocab_docs(v), 10);
	assert_int_equal(vocab_df(v, common), 10);
	assert_int_equal(vocab_df(v, rare), 1);
	assert_float_equal(vocab_idf(v, common), want_idf(10, 10, 0), 1e-9);
	assert_float_equal(vocab_idf(v, rare), want_idf(1, 10, 0), 1e-9);
	assert_true(vocab_idf(v, rare) > vocab_idf(v, common));
	svec_fini(&d);
	vocab_free(v);
}

/* The built-in background knows which words every day's news uses:
 * before any document is counted, "coronavirus" and "monday" weigh far
 * less than a word it has never seen, and the background idf stays what
 * it is whatever is counted. */
static void
test_background(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	struct svec d;
	svec_init(&d);

	assert_true(background_docs() > 10000);
	uint32_t covid = vocab_intern(v, "coronavirus", 11);
	uint32_t monday = vocab_intern(v, "monday", 6);
	uint32_t us = vocab_intern(v, "us", 2);
	uint32_t derp = vocab_intern(v, "derptrol", 8);
	assert_true(vocab_bg_df(v, covid) > 1000);
	assert_true(vocab_bg_df(v, monday) > 50);
	assert_true(vocab_bg_df(v, us) > 500);
	assert_int_equal(vocab_bg_df(v, derp), 0);
	assert_true(vocab_idf(v, derp) > vocab_idf(v, covid) + 3);
	assert_true(vocab_idf(v, derp) > vocab_idf(v, monday) + 2);
	assert_true(vocab_bg_idf(v, us) < 4.0);
	/* a phrase has its own background count: "covid 19" is everyday */
	uint32_t c19 = vocab_intern(v, "19", 2);
	uint32_t cv = vocab_intern(v, "covid", 5);
	uint32_t p = vocab_intern_pair(v, cv, c19);
	assert_true(vocab_bg_df(v, p) > 1000);
	assert_string_equal(vocab_term(v, p), "covid 19");
	/* counting many documents with the made-up word moves its counted
	 * idf, not its background one */
	double bg = vocab_bg_idf(v, derp);
	for (int i = 0; i < 500; i++) {
		svec_clear(&d);
		svec_push(&d, derp, 1);
		svec_build(&d);
		vocab_add_doc(v, &d, 1);
	}
	assert_float_equal(vocab_bg_idf(v, derp), bg, 0);
	assert_true(vocab_idf(v, derp) < 0.5);
	svec_fini(&d);
	vocab_free(v);
}

/* Phrases: interned by their two words, once; a phrase is as much a name
 * as the less sure of its words. */
static void
test_pairs(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	uint32_t santa = vocab_intern(v, "santa", 5);
	uint32_t monica = vocab_intern(v, "monica", 6);
	uint32_t a, b;

	uint32_t p = vocab_intern_pair(v, santa, monica);
	assert_int_equal(vocab_intern_pair(v, santa, monica), p);
	assert_true(vocab_intern_pair(v, monica, santa) != p);
	assert_true(vocab_pair(v, p, &a, &b));
	assert_int_equal(a, santa);
	assert_int_equal(b, monica);
	assert_false(vocab_pair(v, santa, &a, &b));
	assert_string_equal(vocab_term(v, p), "santa monica");
	assert_int_equal(vocab_lookup(v, "santa monica", 12), UINT32_MAX);
	for (int i = 0; i < 4; i++) {
		vocab_note(v, santa, 1, "Santa", 5);
		vocab_note(v, monica, 1, "Monica", 6);
	}
	vocab_note(v, monica, -1, "monica", 6);
	assert_float_equal(vocab_nameness(v, p),
	    vocab_nameness(v, monica) < vocab_nameness(v, santa)
	        ? vocab_nameness(v, monica)
	        : vocab_nameness(v, santa),
	    1e-12);
	/* many phrases: the table grows and every one is found again */
	char w[16];
	uint32_t ids[500];
	for (uint32_t i = 0; i < 500; i++) {
		int n = snprintf(w, sizeof(w), "w%u", i);
		ids[i] = vocab_intern_pair(
		    v, santa, vocab_intern(v, w, (size_t)n));
	}
	for (uint32_t i = 0; i < 500; i++) {
		int n = snprintf(w, sizeof(w), "w%u", i);
		assert_int_equal(vocab_intern_pair(v, santa,
		                     vocab_lookup(v, w, (size_t)n)),
		    ids[i]);
	}
	vocab_free(v);
}

/* A term one feed puts in nearly all of its items is that feed's
 * boilerplate: in its items it weighs as little as an everyday word; in
 * another feed's items it keeps its weight. */
static void
test_feed_boilerplate(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	struct svec d;
	svec_init(&d);
	uint32_t tvnz = vocab_intern(v, "breakfaston1", 12);
	uint32_t story[40];
	char w[16];

	for (uint32_t i = 0; i < 40; i++) {
		int n = snprintf(w, sizeof(w), "story%u", i);
		story[i] = vocab_intern(v, w, (size_t)n);
	}
	/* feed 1: 20 items, each its own story and the sign-off; feed 2:
	 * 20 items of their own */
	for (uint32_t i = 0; i < 40; i++) {
		svec_clear(&d);
		svec_push(&d, story[i], 1);
		if (i < 20)
			svec_push(&d, tvnz, 1);
		svec_build(&d);
		vocab_add_doc(v, &d, i < 20 ? 1 : 2);
	}
	double in1 = vocab_feed_idf(v, tvnz, 1, 20);
	double in2 = vocab_feed_idf(v, tvnz, 2, 20);
	assert_true(in1 < 0.2);
	assert_float_equal(in2, vocab_idf(v, tvnz), 1e-12);
	/* a story word of feed 1 keeps its weight there */
	assert_float_equal(
	    vocab_feed_idf(v, story[3], 1, 20), vocab_idf(v, story[3]), 1e-12);
	/* too few items to tell: no discount */
	assert_float_equal(
	    vocab_feed_idf(v, tvnz, 1, 5), vocab_idf(v, tvnz), 1e-12);
	svec_fini(&d);
	vocab_free(v);
}

static void
test_names_and_display(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	uint32_t sony = vocab_intern(v, "soni", 4);
	uint32_t hack = vocab_intern(v, "hack", 4);
	uint32_t regin = vocab_intern(v, "regin", 5);

	/* no evidence: the prior */
	assert_float_equal(vocab_nameness(v, regin), 0.25, 1e-9);
	vocab_note(v, regin, 0, "Regin", 5);
	assert_float_equal(vocab_nameness(v, regin), 0.25, 1e-9);
	assert_string_equal(vocab_display(v, regin), "Regin");
	/* written as a name where case tells */
	vocab_note(v, sony, 0, "SONY", 4);
	vocab_note(v, sony, 1, "Sony", 4);
	vocab_note(v, sony, 1, "Sony", 4);
	vocab_note(v, sony, 1, "Sony", 4);
	assert_true(vocab_nameness(v, sony) > 0.8);
	assert_string_equal(vocab_display(v, sony), "Sony");
	/* a word: Title Case forms do not win over the telling ones */
	vocab_note(v, hack, 0, "Hack", 4);
	vocab_note(v, hack, 0, "Hack", 4);
	vocab_note(v, hack, 0, "Hack", 4);
	vocab_note(v, hack, -1, "hack", 4);
	vocab_note(v, hack, -1, "hacked", 6);
	vocab_note(v, hack, -1, "hack", 4);
	assert_true(vocab_nameness(v, hack) < 0.1);
	assert_string_equal(vocab_display(v, hack), "hack");
	vocab_free(v);
}

static void
test_weigh(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	struct svec tf, out;
	svec_init(&tf);
	svec_init(&out);
	uint32_t sony = vocab_intern(v, "zzqsoni", 7);
	uint32_t hack = vocab_intern(v, "zzqhack", 7);
	uint32_t stock = vocab_intern(v, "zzqstock", 8);
	uint32_t studio = vocab_intern(v, "zzqstudio", 9);

	/* "stock" is in every document, the others in one */
	for (int i = 0; i < 9; i++) {
		svec_clear(&tf);
		svec_push(&tf, stock, 1);
		svec_build(&tf);
		vocab_add_doc(v, &tf, 1);
	}
	svec_clear(&tf);
	svec_push(&tf, sony, TFIDF_TITLE_WEIGHT);
	svec_push(&tf, hack, TFIDF_TITLE_WEIGHT);
	svec_push(&tf, studio, 1);
	svec_push(&tf, stock, 1);
	svec_build(&tf);
	vocab_add_doc(v, &tf, 1);
	for (int i = 0; i < 3; i++)
		vocab_note(v, sony, 1, "Sony", 4);
	vocab_note(v, hack, -1, "hack", 4);

	tfidf_weigh(v, &tf, 0, 1, 0, &out);
	assert_float_equal(svec_norm(&out), 1, 1e-6);
	/* without a name boost: title twice the summary, rare over common */
	assert_float_equal(svec_get(&out, sony), svec_get(&out, hack), 1e-6);
	assert_float_equal(
	    svec_get(&out, hack) / svec_get(&out, studio), 2, 1e-5);
	assert_true(svec_get(&out, studio) > 1.5 * svec_get(&out, stock));
	/* with it, the name counts more than the word */
	tfidf_weigh(v, &tf, 1.0, 1, 0, &out);
	assert_float_equal(svec_norm(&out), 1, 1e-6);
	assert_true(svec_get(&out, sony) > 1.3 * svec_get(&out, hack));
	double r = svec_get(&out, sony) / svec_get(&out, hack);
	double want =
	    (1 + vocab_nameness(v, sony)) / (1 + vocab_nameness(v, hack));
	assert_float_equal(r, want, 1e-5);
	svec_fini(&tf);
	svec_fini(&out);
	vocab_free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_build),
	    cmocka_unit_test(test_build_random),
	    cmocka_unit_test(test_norm_dot),
	    cmocka_unit_test(test_axpy),
	    cmocka_unit_test(test_hvec),
	    cmocka_unit_test(test_hvec_axpy_part),
	    cmocka_unit_test(test_hvec_filter),
	    cmocka_unit_test(test_vocab),
	    cmocka_unit_test(test_idf),
	    cmocka_unit_test(test_background),
	    cmocka_unit_test(test_pairs),
	    cmocka_unit_test(test_feed_boilerplate),
	    cmocka_unit_test(test_names_and_display),
	    cmocka_unit_test(test_weigh),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
