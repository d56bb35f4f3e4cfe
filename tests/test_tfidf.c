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
		assert_float_equal(hvec_axpy(&h, 1.0, &x), before, 1e-9);
		svec_axpy(&ref, 1.0, &x);
	}
	assert_int_equal(h.n, ref.n);
	uint32_t used = 0;
	for (uint32_t i = 0; i < h.cap; i++)
		used += h.term[i] != HVEC_EMPTY;
	assert_int_equal(used, h.n);
	assert_true(2 * h.n <= h.cap);
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

	hvec_fini(&h);
	hvec_fini(&h); /* fini leaves an empty vector */
	hvec_fini(&g);
	svec_fini(&ref);
	svec_fini(&ref2);
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

static void
test_idf(void **state)
{
	(void)state;
	struct vocab *v = vocab_new();
	struct svec d;
	svec_init(&d);
	uint32_t common = vocab_intern(v, "stock", 5);
	uint32_t rare = vocab_intern(v, "derptrol", 8);

	for (int i = 0; i < 10; i++) {
		svec_clear(&d);
		svec_push(&d, common, 1);
		svec_push(&d, common, 1); /* twice in a doc: one document */
		if (i == 3)
			svec_push(&d, rare, 1);
		svec_build(&d);
		vocab_add_doc(v, &d);
	}
	assert_int_equal(vocab_docs(v), 10);
	assert_int_equal(vocab_df(v, common), 10);
	assert_int_equal(vocab_df(v, rare), 1);
	assert_float_equal(vocab_idf(v, common), 1.0, 1e-9);
	assert_float_equal(vocab_idf(v, rare), log(11.0 / 2.0) + 1, 1e-9);
	assert_true(vocab_idf(v, rare) > vocab_idf(v, common));
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
	uint32_t sony = vocab_intern(v, "soni", 4);
	uint32_t hack = vocab_intern(v, "hack", 4);
	uint32_t stock = vocab_intern(v, "stock", 5);
	uint32_t studio = vocab_intern(v, "studio", 6);

	/* "stock" is in every document, the others in one */
	for (int i = 0; i < 9; i++) {
		svec_clear(&tf);
		svec_push(&tf, stock, 1);
		svec_build(&tf);
		vocab_add_doc(v, &tf);
	}
	svec_clear(&tf);
	svec_push(&tf, sony, TFIDF_TITLE_WEIGHT);
	svec_push(&tf, hack, TFIDF_TITLE_WEIGHT);
	svec_push(&tf, studio, 1);
	svec_push(&tf, stock, 1);
	svec_build(&tf);
	vocab_add_doc(v, &tf);
	for (int i = 0; i < 3; i++)
		vocab_note(v, sony, 1, "Sony", 4);
	vocab_note(v, hack, -1, "hack", 4);

	tfidf_weigh(v, &tf, 0, &out);
	assert_float_equal(svec_norm(&out), 1, 1e-6);
	/* without a name boost: title twice the summary, rare over common */
	assert_float_equal(svec_get(&out, sony), svec_get(&out, hack), 1e-6);
	assert_float_equal(
	    svec_get(&out, hack) / svec_get(&out, studio), 2, 1e-5);
	assert_true(svec_get(&out, studio) > 2 * svec_get(&out, stock));
	/* with it, the name counts more than the word */
	tfidf_weigh(v, &tf, 1.0, &out);
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
	    cmocka_unit_test(test_norm_dot),
	    cmocka_unit_test(test_axpy),
	    cmocka_unit_test(test_hvec),
	    cmocka_unit_test(test_vocab),
	    cmocka_unit_test(test_idf),
	    cmocka_unit_test(test_names_and_display),
	    cmocka_unit_test(test_weigh),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
