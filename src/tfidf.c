/* tfidf: the vocabulary and sparse weighted vectors.
 *
 * Terms are interned once to dense uint32_t ids, so vectors hold small
 * integers and every per-term statistic is an array lookup.  A vector is
 * a pair of parallel arrays sorted by term id: building one is a sort,
 * a dot product of a short headline against a long centroid is a binary
 * search per headline term, and adding vectors is a merge.  A sum that
 * grows one document at a time (a cluster's centroid, thousands of terms)
 * is kept hashed instead (struct hvec): adding a headline or looking a
 * weight up is then O(1) per headline term, where a sorted array would
 * shift its tail for every new term, and its length is kept as weights
 * change rather than recounted.
 *
 * Weights follow the classic recipe with two news-specific twists:
 * title words count TFIDF_TITLE_WEIGHT times a summary word, and a term
 * that the corpus writes as a name ("Sony", "PlayStation", "ECB") is
 * boosted.  Whether a term is a name is learnt, not listed: each
 * occurrence where case is evidence votes (token.h's TOKEN_NAME and
 * TOKEN_PLAIN), and a Beta-style estimate turns the votes into a
 * nameness.  Rare terms count more through idf.
 *
 * The interning table is open addressing over FNV-1a, seeded per
 * vocabulary; ids never depend on the seed, only on the order terms are
 * first seen, so results are reproducible.
 *
 * Invariants: a built svec has strictly increasing terms; an hvec's table
 * is at most half full and norm2 is the sum of its squared weights (up to
 * rounding); ids are < size; df[id] <= docs. */
#include "tfidf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NAME_PRIOR 0.25 /* nameness of a term nobody wrote in telling case */
#define NAME_PSEUDO 1.0 /* weight of that prior, in occurrences */

/* One slot of a majority vote (Boyer-Moore) over written forms. */
struct vote {
	char *form;
	uint32_t count;
};

struct vocab {
	char **term;
	uint32_t *df;
	uint32_t *names, *plains; /* occurrences written as name / in lower
	                           * case */
	struct vote *told, *any;  /* display votes: where case is evidence,
	                           * and over all occurrences */
	size_t n, cap;
	uint32_t *slot; /* hash table of id + 1, 0 empty */
	size_t nslot;
	uint64_t seed;
	uint32_t docs;
};

void
svec_init(struct svec *x)
{
	memset(x, 0, sizeof(*x));
}

void
svec_fini(struct svec *x)
{
	free(x->term);
	free(x->w);
	svec_init(x);
}

void
svec_clear(struct svec *x)
{
	x->n = 0;
}

static void
svec_reserve(struct svec *x, uint32_t n)
{
	if (n <= x->cap)
		return;
	uint32_t cap = x->cap ? x->cap : 8;
	while (cap < n)
		cap *= 2;
	x->term = xreallocarray(x->term, cap, sizeof(*x->term));
	x->w = xreallocarray(x->w, cap, sizeof(*x->w));
	x->cap = cap;
}

void
svec_push(struct svec *x, uint32_t term, float w)
{
	svec_reserve(x, x->n + 1);
	x->term[x->n] = term;
	x->w[x->n] = w;
	x->n++;
}

void
svec_build(struct svec *x)
{
	/* insertion sort: vectors built here are a document's terms, short
	 * and often nearly sorted */
	for (uint32_t i = 1; i < x->n; i++) {
		uint32_t t = x->term[i];
		float w = x->w[i];
		uint32_t j = i;
		while (j > 0 && x->term[j - 1] > t) {
			x->term[j] = x->term[j - 1];
			x->w[j] = x->w[j - 1];
			j--;
		}
		x->term[j] = t;
		x->w[j] = w;
	}
	uint32_t o = 0;
	for (uint32_t i = 0; i < x->n; i++) {
		if (o > 0 && x->term[o - 1] == x->term[i]) {
			x->w[o - 1] += x->w[i];
			continue;
		}
		x->term[o] = x->term[i];
		x->w[o] = x->w[i];
		o++;
	}
	x->n = o;
}

void
svec_copy(struct svec *dst, const struct svec *src)
{
	svec_reserve(dst, src->n);
	if (src->n > 0) {
		memcpy(dst->term, src->term, src->n * sizeof(*src->term));
		memcpy(dst->w, src->w, src->n * sizeof(*src->w));
	}
	dst->n = src->n;
}

double
svec_norm(const struct svec *x)
{
	double s = 0;

	for (uint32_t i = 0; i < x->n; i++)
		s += (double)x->w[i] * x->w[i];
	return sqrt(s);
}

void
svec_normalize(struct svec *x)
{
	double n = svec_norm(x);

	if (n == 0)
		return;
	for (uint32_t i = 0; i < x->n; i++)
		x->w[i] = (float)(x->w[i] / n);
}

/* Index of the first entry of x at or after from with term >= t. */
static uint32_t
seek(const struct svec *x, uint32_t from, uint32_t t)
{
	uint32_t lo = from, hi = x->n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (x->term[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

double
svec_dot(const struct svec *a, const struct svec *b)
{
	double s = 0;

	if (a->n > b->n) {
		const struct svec *t = a;
		a = b;
		b = t;
	}
	if (a->n == 0)
		return 0;
	if (b->n < 8 * a->n) {
		/* similar lengths: a merge */
		for (uint32_t i = 0, j = 0; i < a->n && j < b->n;) {
			if (a->term[i] < b->term[j])
				i++;
			else if (a->term[i] > b->term[j])
				j++;
			else
				s += (double)a->w[i++] * b->w[j++];
		}
		return s;
	}
	for (uint32_t i = 0, j = 0; i < a->n && j < b->n; i++) {
		j = seek(b, j, a->term[i]);
		if (j < b->n && b->term[j] == a->term[i])
			s += (double)a->w[i] * b->w[j];
	}
	return s;
}

void
svec_axpy(struct svec *y, double a, const struct svec *x)
{
	uint32_t extra = 0;

	for (uint32_t i = 0, j = 0; i < x->n; i++) {
		j = seek(y, j, x->term[i]);
		extra += !(j < y->n && y->term[j] == x->term[i]);
	}
	if (extra == 0) {
		for (uint32_t i = 0, j = 0; i < x->n; i++) {
			j = seek(y, j, x->term[i]);
			y->w[j] = (float)(y->w[j] + a * x->w[i]);
		}
		return;
	}
	/* merge from the back so y can be extended in place */
	uint32_t n = y->n + extra;
	svec_reserve(y, n);
	uint32_t i = x->n, j = y->n, o = n;
	while (i > 0) {
		if (j > 0 && y->term[j - 1] > x->term[i - 1]) {
			o--;
			j--;
			y->term[o] = y->term[j];
			y->w[o] = y->w[j];
		} else if (j > 0 && y->term[j - 1] == x->term[i - 1]) {
			o--;
			j--;
			i--;
			y->term[o] = y->term[j];
			y->w[o] = (float)(y->w[j] + a * x->w[i]);
		} else {
			o--;
			i--;
			y->term[o] = x->term[i];
			y->w[o] = (float)(a * x->w[i]);
		}
	}
	y->n = n;
}

float
svec_get(const struct svec *x, uint32_t term)
{
	uint32_t i = seek(x, 0, term);

	return i < x->n && x->term[i] == term ? x->w[i] : 0;
}

void
hvec_init(struct hvec *h)
{
	memset(h, 0, sizeof(*h));
}

void
hvec_fini(struct hvec *h)
{
	free(h->term);
	free(h->w);
	hvec_init(h);
}

static void
hvec_table(struct hvec *h, uint32_t cap)
{
	unsigned bits = 0;

	while (((uint32_t)1 << bits) < cap)
		bits++;
	free(h->term);
	free(h->w);
	h->term = xreallocarray(NULL, cap, sizeof(*h->term));
	h->w = xreallocarray(NULL, cap, sizeof(*h->w));
	memset(h->term, 0xff, cap * sizeof(*h->term));
	h->cap = cap;
	h->shift = 32 - bits;
	h->n = 0;
}

void
hvec_reset(struct hvec *h, uint32_t n)
{
	uint32_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	if (cap != h->cap)
		hvec_table(h, cap);
	else
		memset(h->term, 0xff, cap * sizeof(*h->term));
	h->n = 0;
	h->norm2 = 0;
}

/* The slot of term in h, or the free slot where it would go; cap > 0. */
static uint32_t
hvec_slot(const struct hvec *h, uint32_t term)
{
	uint32_t mask = h->cap - 1;
	uint32_t i = (uint32_t)(term * 0x9e3779b1u) >> h->shift;

	while (h->term[i] != term && h->term[i] != HVEC_EMPTY)
		i = (i + 1) & mask;
	return i;
}

/* Adds d to the weight of term, keeping the length; returns the weight
 * it had. */
static float
hvec_bump(struct hvec *h, uint32_t term, double d)
{
	if (2 * (h->n + 1) > h->cap) {
		struct hvec old = *h;
		h->term = NULL;
		h->w = NULL;
		hvec_table(h, h->cap ? 2 * h->cap : 16);
		for (uint32_t i = 0; i < old.cap; i++) {
			if (old.term[i] == HVEC_EMPTY)
				continue;
			uint32_t j = hvec_slot(h, old.term[i]);
			h->term[j] = old.term[i];
			h->w[j] = old.w[i];
		}
		h->n = old.n;
		free(old.term);
		free(old.w);
	}
	uint32_t i = hvec_slot(h, term);
	float w = 0;
	if (h->term[i] == HVEC_EMPTY) {
		h->term[i] = term;
		h->n++;
	} else {
		w = h->w[i];
	}
	h->w[i] = (float)(w + d);
	h->norm2 += (double)h->w[i] * h->w[i] - (double)w * w;
	return w;
}

double
hvec_axpy(struct hvec *h, double a, const struct svec *x)
{
	double s = 0;

	for (uint32_t i = 0; i < x->n; i++)
		s += (double)x->w[i] * hvec_bump(h, x->term[i], a * x->w[i]);
	return s;
}

void
hvec_add(struct hvec *h, const struct hvec *x)
{
	for (uint32_t i = 0; i < x->cap; i++)
		if (x->term[i] != HVEC_EMPTY)
			hvec_bump(h, x->term[i], x->w[i]);
}

float
hvec_get(const struct hvec *h, uint32_t term)
{
	if (h->cap == 0)
		return 0;
	uint32_t i = hvec_slot(h, term);
	return h->term[i] == term ? h->w[i] : 0;
}

double
hvec_dot(const struct hvec *h, const struct svec *x)
{
	double s = 0;

	for (uint32_t i = 0; i < x->n; i++)
		s += (double)x->w[i] * hvec_get(h, x->term[i]);
	return s;
}

double
hvec_dot_hvec(const struct hvec *a, const struct hvec *b)
{
	double s = 0;

	if (a->cap > b->cap) {
		const struct hvec *t = a;
		a = b;
		b = t;
	}
	for (uint32_t i = 0; i < a->cap; i++)
		if (a->term[i] != HVEC_EMPTY)
			s += (double)a->w[i] * hvec_get(b, a->term[i]);
	return s;
}

double
hvec_norm(const struct hvec *h)
{
	return h->norm2 > 0 ? sqrt(h->norm2) : 0;
}

struct vocab *
vocab_new(void)
{
	struct vocab *v = xcalloc(1, sizeof(*v));

	v->nslot = 1024;
	v->slot = xcalloc(v->nslot, sizeof(*v->slot));
	/* any seed gives the same ids; a per-table one keeps crafted
	 * collisions from being portable */
	v->seed = 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)v;
	return v;
}

void
vocab_free(struct vocab *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++) {
		free(v->term[i]);
		free(v->told[i].form);
		free(v->any[i].form);
	}
	free(v->term);
	free(v->df);
	free(v->names);
	free(v->plains);
	free(v->told);
	free(v->any);
	free(v->slot);
	free(v);
}

static size_t
find_slot(const struct vocab *v, const char *term, size_t len)
{
	size_t mask = v->nslot - 1;
	size_t i = (size_t)util_hash(term, len, v->seed) & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t id = v->slot[i];
		if (id == 0)
			return i;
		const char *t = v->term[id - 1];
		if (strncmp(t, term, len) == 0 && t[len] == '\0')
			return i;
	}
}

uint32_t
vocab_lookup(const struct vocab *v, const char *term, size_t len)
{
	uint32_t id = v->slot[find_slot(v, term, len)];

	return id == 0 ? UINT32_MAX : id - 1;
}

static void
grow_table(struct vocab *v)
{
	free(v->slot);
	v->nslot *= 2;
	v->slot = xcalloc(v->nslot, sizeof(*v->slot));
	for (size_t id = 0; id < v->n; id++) {
		const char *t = v->term[id];
		v->slot[find_slot(v, t, strlen(t))] = (uint32_t)id + 1;
	}
}

uint32_t
vocab_intern(struct vocab *v, const char *term, size_t len)
{
	size_t s = find_slot(v, term, len);

	if (v->slot[s] != 0)
		return v->slot[s] - 1;
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 256;
		v->term = xreallocarray(v->term, v->cap, sizeof(*v->term));
		v->df = xreallocarray(v->df, v->cap, sizeof(*v->df));
		v->names = xreallocarray(v->names, v->cap, sizeof(*v->names));
		v->plains =
		    xreallocarray(v->plains, v->cap, sizeof(*v->plains));
		v->told = xreallocarray(v->told, v->cap, sizeof(*v->told));
		v->any = xreallocarray(v->any, v->cap, sizeof(*v->any));
	}
	uint32_t id = (uint32_t)v->n++;
	v->term[id] = xstrndup(term, len);
	v->df[id] = 0;
	v->names[id] = v->plains[id] = 0;
	v->told[id] = (struct vote){NULL, 0};
	v->any[id] = (struct vote){NULL, 0};
	v->slot[s] = id + 1;
	if (2 * v->n > v->nslot)
		grow_table(v);
	return id;
}

size_t
vocab_size(const struct vocab *v)
{
	return v->n;
}

const char *
vocab_term(const struct vocab *v, uint32_t id)
{
	return v->term[id];
}

/* Boyer-Moore majority vote: the form ends up as the majority one
 * whenever there is a majority. */
static void
vote(struct vote *b, const char *s, size_t len)
{
	if (b->form != NULL && strncmp(b->form, s, len) == 0 &&
	    b->form[len] == '\0') {
		b->count++;
	} else if (b->count > 0) {
		b->count--;
	} else {
		free(b->form);
		b->form = xstrndup(s, len);
		b->count = 1;
	}
}

void
vocab_note(
    struct vocab *v, uint32_t id, int evidence, const char *surface, size_t len)
{
	if (evidence > 0)
		v->names[id]++;
	else if (evidence < 0)
		v->plains[id]++;
	if (surface == NULL || len == 0)
		return;
	if (evidence != 0)
		vote(&v->told[id], surface, len);
	vote(&v->any[id], surface, len);
}

const char *
vocab_display(const struct vocab *v, uint32_t id)
{
	if (v->told[id].form != NULL)
		return v->told[id].form;
	if (v->any[id].form != NULL)
		return v->any[id].form;
	return v->term[id];
}

double
vocab_nameness(const struct vocab *v, uint32_t id)
{
	return (v->names[id] + NAME_PRIOR * NAME_PSEUDO) /
	       (v->names[id] + v->plains[id] + NAME_PSEUDO);
}

void
vocab_add_doc(struct vocab *v, const struct svec *doc)
{
	for (uint32_t i = 0; i < doc->n; i++)
		v->df[doc->term[i]]++;
	v->docs++;
}

uint32_t
vocab_docs(const struct vocab *v)
{
	return v->docs;
}

uint32_t
vocab_df(const struct vocab *v, uint32_t id)
{
	return v->df[id];
}

double
vocab_idf(const struct vocab *v, uint32_t id)
{
	return log((1.0 + v->docs) / (1.0 + v->df[id])) + 1.0;
}

void
tfidf_weigh(const struct vocab *v, const struct svec *tf, double name_boost,
    struct svec *out)
{
	svec_copy(out, tf);
	for (uint32_t i = 0; i < out->n; i++) {
		uint32_t t = out->term[i];
		double g =
		    vocab_idf(v, t) * (1.0 + name_boost * vocab_nameness(v, t));
		out->w[i] = (float)(out->w[i] * g);
	}
	svec_normalize(out);
}
