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
 * change rather than recounted.  Beside its slots it keeps a filter of
 * one bit in eight a slot, set by every term put in: most lookups of a
 * term a centroid lacks (the usual case when comparing an item with the
 * stories it could join) end at that bit, without probing the slots.
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
 * is at most three quarters full, its filter has the bit of every term
 * in the table set, and norm2 is the sum of its squared weights (up to
 * rounding); ids are < size; df[id] <= docs. */
#include "tfidf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "background.h"
#include "buf.h"
#include "util.h"

#define NAME_PRIOR 0.25 /* nameness of a term nobody wrote in telling case */
#define NAME_PSEUDO 1.0 /* weight of that prior, in occurrences */
#define NO_TERM UINT32_MAX
#define FEED_MIN_DOCS 10 /* a feed's boilerplate is told from this many */

/* One slot of a majority vote (Boyer-Moore) over written forms. */
struct vote {
	char *form;
	uint32_t count;
};

/* What the vocabulary knows of one term.  Words and phrases share the
 * id space; a phrase has no key of its own (it is found by its two
 * words) and no display votes. */
struct term {
	char *key;          /* a word's stem; NULL for a phrase */
	struct vote *votes; /* a word's display votes: [0] where case is
	                     * evidence, [1] over all occurrences; NULL
	                     * until the first note */
	uint32_t df, bg;    /* documents counted here, background */
	uint32_t left, right; /* a phrase's words; NO_TERM for a word */
	uint32_t vfeed, vcount; /* majority vote: the feed using it most */
	uint32_t names, plains; /* occurrences written as a name / in lower
	                         * case */
	float bg_idf;
	/* vocab_idf as of cdocs documents and cdf of them with the term */
	uint32_t cdocs, cdf;
	float idf; /* a float, so that a term takes 64 bytes */
};

/* A slot of the words' or the phrases' hash table. */
struct slot {
	uint32_t id1; /* id + 1, 0 empty */
	uint32_t hash;
};

struct vocab {
	struct term *t;
	size_t n, cap;
	struct slot *words, *pairs; /* open addressing, power-of-two sizes */
	size_t nwords, npairs, nwslot, npslot;
	uint64_t seed;
	uint32_t docs;
	struct buf scratch; /* a phrase's key, for vocab_term */
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

/* Sorts x's entries by term, stably.  Vectors sorted here are a
 * document's terms, tens of them in no order, where each comparison of a
 * comparison sort is a branch mispredicted half the time: a few are put
 * in place one by one, more are sorted by radix, the term and its weight
 * packed in 64 bits, a byte of the term a pass and only as many passes as
 * the largest term has bytes. */
static void
sort_entries(struct svec *x)
{
	uint32_t n = x->n;

	if (n <= 16) {
		for (uint32_t i = 1; i < n; i++) {
			uint32_t t = x->term[i], j = i;
			float w = x->w[i];
			while (j > 0 && x->term[j - 1] > t) {
				x->term[j] = x->term[j - 1];
				x->w[j] = x->w[j - 1];
				j--;
			}
			x->term[j] = t;
			x->w[j] = w;
		}
		return;
	}
	uint64_t room[2 * 512], *heap = NULL, *src = room;
	if (n > 512)
		src = heap = xreallocarray(NULL, 2 * (size_t)n, sizeof(*src));
	uint64_t *dst = src + n;
	uint32_t high = 0;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t bits;
		memcpy(&bits, &x->w[i], sizeof(bits));
		src[i] = (uint64_t)x->term[i] << 32 | bits;
		high |= x->term[i];
	}
	for (unsigned sh = 32; sh < 64 && (high >> (sh - 32)) != 0; sh += 8) {
		uint32_t at[256] = {0};
		for (uint32_t i = 0; i < n; i++)
			at[(src[i] >> sh) & 255]++;
		for (uint32_t k = 0, sum = 0; k < 256; k++) {
			uint32_t cnt = at[k];
			at[k] = sum;
			sum += cnt;
		}
		for (uint32_t i = 0; i < n; i++)
			dst[at[(src[i] >> sh) & 255]++] = src[i];
		uint64_t *t = src;
		src = dst;
		dst = t;
	}
	for (uint32_t i = 0; i < n; i++) {
		uint32_t bits = (uint32_t)src[i];
		x->term[i] = (uint32_t)(src[i] >> 32);
		memcpy(&x->w[i], &bits, sizeof(bits));
	}
	free(heap);
}

void
svec_build(struct svec *x)
{
	sort_entries(x);
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
	free(h->s);
	free(h->sig);
	hvec_init(h);
}

static void
hvec_table(struct hvec *h, uint32_t cap)
{
	unsigned bits = 0;

	while (((uint32_t)1 << bits) < cap)
		bits++;
	free(h->s);
	free(h->sig);
	h->s = xreallocarray(NULL, cap, sizeof(*h->s));
	h->sig = xcalloc(cap / 8, sizeof(*h->sig));
	for (uint32_t i = 0; i < cap; i++)
		h->s[i].term = HVEC_EMPTY;
	h->cap = cap;
	h->shift = 32 - bits;
	h->n = 0;
}

void
hvec_reset(struct hvec *h, uint32_t n)
{
	uint32_t cap = 16;

	while (3 * cap < 4 * n)
		cap *= 2;
	if (cap != h->cap)
		hvec_table(h, cap);
	else {
		for (uint32_t i = 0; i < cap; i++)
			h->s[i].term = HVEC_EMPTY;
		memset(h->sig, 0, cap / 8 * sizeof(*h->sig));
	}
	h->n = 0;
	h->norm2 = 0;
}

/* The slot of term in h, or the free slot where it would go; cap > 0. */
static uint32_t
hvec_slot(const struct hvec *h, uint32_t term)
{
	uint32_t mask = h->cap - 1;
	uint32_t i = hvec_hash(term) >> h->shift;

	while (h->s[i].term != term && h->s[i].term != HVEC_EMPTY)
		i = (i + 1) & mask;
	return i;
}

/* Marks term in h's filter (hvec_may_have). */
static void
hvec_sign(struct hvec *h, uint32_t term)
{
	uint32_t b = hvec_bit(h, term);

	h->sig[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* Adds d to the weight of term and dn to its count, keeping the length;
 * returns the weight it had. */
static float
hvec_bump(struct hvec *h, uint32_t term, double d, int64_t dn)
{
	if (4 * (h->n + 1) > 3 * h->cap) {
		struct hvec old = *h;
		h->s = NULL;
		h->sig = NULL;
		hvec_table(h, h->cap ? 2 * h->cap : 16);
		for (uint32_t i = 0; i < old.cap; i++)
			if (old.s[i].term != HVEC_EMPTY) {
				h->s[hvec_slot(h, old.s[i].term)] = old.s[i];
				hvec_sign(h, old.s[i].term);
			}
		h->n = old.n;
		free(old.s);
		free(old.sig);
	}
	struct hvec_slot *e = &h->s[hvec_slot(h, term)];
	float w = 0;
	if (e->term == HVEC_EMPTY) {
		hvec_sign(h, term);
		e->term = term;
		e->n = 0;
		h->n++;
	} else {
		w = e->w;
	}
	e->w = (float)(w + d);
	e->n = (uint32_t)((int64_t)e->n + dn);
	h->norm2 += (double)e->w * e->w - (double)w * w;
	return w;
}

double
hvec_axpy(struct hvec *h, double a, const struct svec *x)
{
	double s = 0;
	int dn = a > 0 ? 1 : a < 0 ? -1 : 0;

	for (uint32_t i = 0; i < x->n; i++)
		s += (double)x->w[i] *
		     hvec_bump(h, x->term[i], a * x->w[i], dn);
	return s;
}

double
hvec_axpy_part(struct hvec *h, double a, const struct svec *x,
    const unsigned char *mask, double *part2, float *after)
{
	double s = 0;
	int dn = a > 0 ? 1 : a < 0 ? -1 : 0;

	for (uint32_t i = 0; i < x->n; i++) {
		double d = a * x->w[i];
		double w = hvec_bump(h, x->term[i], d, dn);
		s += (double)x->w[i] * w;
		if (mask[i])
			*part2 += (w + d) * (w + d) - w * w;
		after[i] = (float)(w + d); /* what hvec_bump stored */
	}
	return s;
}

void
hvec_add(struct hvec *h, const struct hvec *x)
{
	for (uint32_t i = 0; i < x->cap; i++)
		if (x->s[i].term != HVEC_EMPTY)
			hvec_bump(h, x->s[i].term, x->s[i].w, x->s[i].n);
}

float
hvec_get(const struct hvec *h, uint32_t term)
{
	if (!hvec_may_have(h, term))
		return 0;
	const struct hvec_slot *e = &h->s[hvec_slot(h, term)];
	return e->term == term ? e->w : 0;
}

uint32_t
hvec_count(const struct hvec *h, uint32_t term)
{
	if (!hvec_may_have(h, term))
		return 0;
	const struct hvec_slot *e = &h->s[hvec_slot(h, term)];
	return e->term == term ? e->n : 0;
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
hvec_dot_count(const struct hvec *h, const struct svec *x, uint32_t *cnt)
{
	double s = 0;

	for (uint32_t i = 0; i < x->n; i++) {
		cnt[i] = 0;
		if (!hvec_may_have(h, x->term[i]))
			continue;
		const struct hvec_slot *e = &h->s[hvec_slot(h, x->term[i])];
		if (e->term == x->term[i]) {
			s += (double)x->w[i] * e->w;
			cnt[i] = e->n;
		}
	}
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
		if (a->s[i].term != HVEC_EMPTY)
			s += (double)a->s[i].w * hvec_get(b, a->s[i].term);
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

	v->nwslot = v->npslot = 1024;
	v->words = xcalloc(v->nwslot, sizeof(*v->words));
	v->pairs = xcalloc(v->npslot, sizeof(*v->pairs));
	/* any seed gives the same ids; a per-table one keeps crafted
	 * collisions from being portable */
	v->seed = 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)v;
	buf_init(&v->scratch, 0);
	return v;
}

void
vocab_free(struct vocab *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++) {
		free(v->t[i].key);
		if (v->t[i].votes != NULL) {
			free(v->t[i].votes[0].form);
			free(v->t[i].votes[1].form);
			free(v->t[i].votes);
		}
	}
	free(v->t);
	free(v->words);
	free(v->pairs);
	buf_fini(&v->scratch);
	free(v);
}

static uint32_t
pair_hash(uint32_t a, uint32_t b)
{
	uint64_t h = ((uint64_t)a << 32 | b) * 0x9e3779b97f4a7c15ull;

	return (uint32_t)(h >> 32);
}

/* The slot of a word (key[0..len), hashed h) or of the phrase (a, b). */
static size_t
word_slot(const struct vocab *v, const char *key, size_t len, uint32_t h)
{
	size_t mask = v->nwslot - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		const struct slot *s = &v->words[i];
		if (s->id1 == 0)
			return i;
		if (s->hash != h)
			continue;
		const char *k = v->t[s->id1 - 1].key;
		if (strncmp(k, key, len) == 0 && k[len] == '\0')
			return i;
	}
}

static size_t
pair_slot(const struct vocab *v, uint32_t a, uint32_t b, uint32_t h)
{
	size_t mask = v->npslot - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		const struct slot *s = &v->pairs[i];
		if (s->id1 == 0)
			return i;
		const struct term *t = &v->t[s->id1 - 1];
		if (s->hash == h && t->left == a && t->right == b)
			return i;
	}
}

static void
rehash(struct vocab *v, int pairs)
{
	struct slot *old = pairs ? v->pairs : v->words;
	size_t nold = pairs ? v->npslot : v->nwslot;
	struct slot *nw = xcalloc(2 * nold, sizeof(*nw));
	size_t mask = 2 * nold - 1;

	for (size_t i = 0; i < nold; i++) {
		if (old[i].id1 == 0)
			continue;
		size_t j = old[i].hash & mask;
		while (nw[j].id1 != 0)
			j = (j + 1) & mask;
		nw[j] = old[i];
	}
	free(old);
	if (pairs) {
		v->pairs = nw;
		v->npslot *= 2;
	} else {
		v->words = nw;
		v->nwslot *= 2;
	}
}

static uint32_t
new_term(struct vocab *v)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 256;
		v->t = xreallocarray(v->t, v->cap, sizeof(*v->t));
	}
	uint32_t id = (uint32_t)v->n++;
	memset(&v->t[id], 0, sizeof(v->t[id]));
	v->t[id].left = v->t[id].right = NO_TERM;
	return id;
}

static uint32_t
word_hash(const struct vocab *v, const char *term, size_t len)
{
	return (uint32_t)util_hash(term, len, v->seed);
}

uint32_t
vocab_lookup(const struct vocab *v, const char *term, size_t len)
{
	uint32_t h = word_hash(v, term, len);
	uint32_t id1 = v->words[word_slot(v, term, len, h)].id1;

	return id1 == 0 ? UINT32_MAX : id1 - 1;
}

uint32_t
vocab_intern(struct vocab *v, const char *term, size_t len)
{
	uint32_t h = word_hash(v, term, len);
	size_t s = word_slot(v, term, len, h);

	if (v->words[s].id1 != 0)
		return v->words[s].id1 - 1;
	uint32_t id = new_term(v);
	struct term *t = &v->t[id];
	t->key = xstrndup(term, len);
	t->bg = background_df(term, len);
	t->bg_idf = (float)-log((t->bg + 0.5) / (background_docs() + 1.0));
	v->words[s] = (struct slot){id + 1, h};
	if (2 * ++v->nwords > v->nwslot)
		rehash(v, 0);
	return id;
}

uint32_t
vocab_intern_pair(struct vocab *v, uint32_t a, uint32_t b)
{
	uint32_t h = pair_hash(a, b);
	size_t s = pair_slot(v, a, b, h);

	if (v->pairs[s].id1 != 0)
		return v->pairs[s].id1 - 1;
	uint32_t id = new_term(v);
	struct term *t = &v->t[id];
	t->left = a;
	t->right = b;
	/* a phrase the background holds has both its words there */
	if (v->t[a].bg > 0 && v->t[b].bg > 0) {
		buf_reset(&v->scratch);
		buf_puts(&v->scratch, v->t[a].key);
		buf_putc(&v->scratch, ' ');
		buf_puts(&v->scratch, v->t[b].key);
		t->bg = background_df(v->scratch.p, v->scratch.len);
	}
	t->bg_idf = (float)-log((t->bg + 0.5) / (background_docs() + 1.0));
	v->pairs[s] = (struct slot){id + 1, h};
	if (2 * ++v->npairs > v->npslot)
		rehash(v, 1);
	return id;
}

int
vocab_pair(const struct vocab *v, uint32_t id, uint32_t *a, uint32_t *b)
{
	if (v->t[id].left == NO_TERM)
		return 0;
	*a = v->t[id].left;
	*b = v->t[id].right;
	return 1;
}

size_t
vocab_size(const struct vocab *v)
{
	return v->n;
}

const char *
vocab_term(const struct vocab *v, uint32_t id)
{
	const struct term *t = &v->t[id];

	if (t->key != NULL)
		return t->key;
	/* a phrase's key is made when asked for */
	struct buf *b = (struct buf *)(uintptr_t)&v->scratch;
	buf_reset(b);
	buf_appendf(b, "%s %s", v->t[t->left].key, v->t[t->right].key);
	return b->p;
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
	struct term *t = &v->t[id];

	if (evidence > 0)
		t->names++;
	else if (evidence < 0)
		t->plains++;
	if (surface == NULL || len == 0 || t->key == NULL)
		return;
	if (t->votes == NULL)
		t->votes = xcalloc(2, sizeof(*t->votes));
	if (evidence != 0)
		vote(&t->votes[0], surface, len);
	vote(&t->votes[1], surface, len);
}

const char *
vocab_display(const struct vocab *v, uint32_t id)
{
	const struct term *t = &v->t[id];

	if (t->votes != NULL && t->votes[0].form != NULL)
		return t->votes[0].form;
	if (t->votes != NULL && t->votes[1].form != NULL)
		return t->votes[1].form;
	return vocab_term(v, id);
}

static double
word_nameness(const struct vocab *v, uint32_t id)
{
	const struct term *t = &v->t[id];

	return (t->names + NAME_PRIOR * NAME_PSEUDO) /
	       (t->names + t->plains + NAME_PSEUDO);
}

double
vocab_nameness(const struct vocab *v, uint32_t id)
{
	const struct term *t = &v->t[id];

	if (t->left == NO_TERM)
		return word_nameness(v, id);
	double a = word_nameness(v, t->left);
	double b = word_nameness(v, t->right);
	return a < b ? a : b;
}

static uint64_t
fnv64(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

uint64_t
vocab_canon(const struct vocab *v, uint32_t id)
{
	const struct term *t = &v->t[id];

	if (t->key != NULL)
		return fnv64(t->key);
	uint64_t a = fnv64(v->t[t->left].key), b = fnv64(v->t[t->right].key);
	return (a * 0x9e3779b97f4a7c15ull) ^ (b + 0x632be59bd9b4e019ull);
}

int
vocab_compare(const struct vocab *v, uint32_t a, uint32_t b)
{
	uint64_t x = vocab_canon(v, a), y = vocab_canon(v, b);

	if (x != y)
		return x < y ? -1 : 1;
	const struct term *s = &v->t[a], *t = &v->t[b];
	if ((s->key != NULL) != (t->key != NULL))
		return s->key != NULL ? -1 : 1;
	if (s->key != NULL)
		return strcmp(s->key, t->key);
	int c = strcmp(v->t[s->left].key, v->t[t->left].key);
	return c ? c : strcmp(v->t[s->right].key, v->t[t->right].key);
}

void
vocab_renumber(struct vocab *v, const uint32_t *perm)
{
	/* in place, cycle by cycle: a vocabulary of millions of phrases is
	 * not held twice; a done mark (left's top bit would do, but ids may
	 * use every bit) lives in a byte array */
	unsigned char *done = xcalloc(v->n ? v->n : 1, 1);
	for (size_t i = 0; i < v->n; i++) {
		if (done[i])
			continue;
		struct term carry = v->t[i];
		size_t at = i;
		for (;;) {
			size_t to = perm[at];
			struct term next = v->t[to];
			v->t[to] = carry;
			done[to] = 1;
			if (to == i)
				break;
			carry = next;
			at = to;
		}
	}
	free(done);
	for (size_t i = 0; i < v->n; i++) {
		struct term *d = &v->t[i];
		if (d->left != NO_TERM) {
			d->left = perm[d->left];
			d->right = perm[d->right];
		}
	}
	/* the words' table hashes the words: only the ids move */
	for (size_t i = 0; i < v->nwslot; i++)
		if (v->words[i].id1 != 0)
			v->words[i].id1 = perm[v->words[i].id1 - 1] + 1;
	/* the phrases' hashes the ids: built anew */
	memset(v->pairs, 0, v->npslot * sizeof(*v->pairs));
	size_t mask = v->npslot - 1;
	for (size_t id = 0; id < v->n; id++) {
		const struct term *p = &v->t[id];
		if (p->left == NO_TERM)
			continue;
		uint32_t h = pair_hash(p->left, p->right);
		size_t j = h & mask;
		while (v->pairs[j].id1 != 0)
			j = (j + 1) & mask;
		v->pairs[j] = (struct slot){(uint32_t)id + 1, h};
	}
}

void
vocab_uncount(struct vocab *v)
{
	for (size_t i = 0; i < v->n; i++) {
		v->t[i].df = 0;
		v->t[i].vfeed = v->t[i].vcount = 0;
	}
	v->docs = 0;
}

void
vocab_cache_idf(struct vocab *v)
{
	for (size_t i = 0; i < v->n; i++)
		(void)vocab_idf(v, (uint32_t)i);
}

void
vocab_add_doc(struct vocab *v, const struct svec *doc, uint32_t feed)
{
	for (uint32_t i = 0; i < doc->n; i++) {
		struct term *t = &v->t[doc->term[i]];
		t->df++;
		if (t->vfeed == feed)
			t->vcount++;
		else if (t->vcount > 0)
			t->vcount--;
		else {
			t->vfeed = feed;
			t->vcount = 1;
		}
	}
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
	return v->t[id].df;
}

uint32_t
vocab_bg_df(const struct vocab *v, uint32_t id)
{
	return v->t[id].bg;
}

static double
share(const struct vocab *v, uint32_t id)
{
	const struct term *t = &v->t[id];
	double bg = (t->bg + 0.5) / (background_docs() + 1.0);

	return (t->df + VOCAB_PRIOR_DOCS * bg) / (v->docs + VOCAB_PRIOR_DOCS);
}

double
vocab_idf(const struct vocab *v, uint32_t id)
{
	/* A cache, not state: the counts it was made from are its key, so
	 * it may be refreshed behind a const handle.  Once a batch has been
	 * counted, every item of it is weighed without a logarithm. */
	struct term *t = (struct term *)(uintptr_t)&v->t[id];

	if (t->cdocs != v->docs || t->cdf != t->df || t->cdocs == 0) {
		t->idf = (float)-log(share(v, id));
		t->cdocs = v->docs;
		t->cdf = t->df;
	}
	return t->idf;
}

double
vocab_bg_idf(const struct vocab *v, uint32_t id)
{
	return v->t[id].bg_idf;
}

double
vocab_feed_idf(
    const struct vocab *v, uint32_t id, uint32_t feed, uint32_t feed_docs)
{
	const struct term *t = &v->t[id];

	/* The vote's count undercounts a feed's share, never overcounts
	 * it, so only a feed that really puts the term in most of its items
	 * is caught; squaring leaves a feed's ordinary story words alone. */
	if (feed_docs >= FEED_MIN_DOCS && t->vfeed == feed) {
		double f = (double)t->vcount / feed_docs;
		double p = share(v, id);
		if (f * f > p)
			return -log(f * f);
	}
	return vocab_idf(v, id);
}

void
tfidf_weigh(const struct vocab *v, const struct svec *tf, double name_boost,
    uint32_t feed, uint32_t feed_docs, struct svec *out)
{
	svec_copy(out, tf);
	for (uint32_t i = 0; i < out->n; i++) {
		uint32_t t = out->term[i];
		double g = vocab_feed_idf(v, t, feed, feed_docs);
		if (name_boost > 0 && vocab_idf(v, t) >= TFIDF_NAME_MIN_IDF)
			g *= 1.0 + name_boost * vocab_nameness(v, t);
		out->w[i] = (float)(out->w[i] * g);
	}
	svec_normalize(out);
}
