/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_TFIDF_H
#define WIREDESK_TFIDF_H

#include <stddef.h>
#include <stdint.h>

/* How much more a term counts in a title than in a summary. */
#define TFIDF_TITLE_WEIGHT 2.0f

/* How many documents the background shares weigh against the counted
 * ones (vocab_idf). */
#define VOCAB_PRIOR_DOCS 100.0

/* A name that this many nats of idf or fewer make common among the items
 * counted is the day's topic ("Floyd", "Trump"), not a story's: it gets
 * no name boost. */
#define TFIDF_NAME_MIN_IDF 2.5

/* A sparse vector: n entries sorted by strictly increasing term.  Embed it
 * and pair svec_init/svec_fini; the arrays belong to the vector. */
struct svec {
	uint32_t *term;
	float *w;
	uint32_t n, cap;
};

void svec_init(struct svec *x);
void svec_fini(struct svec *x);
/* Empties x, keeping its memory. */
void svec_clear(struct svec *x);
/* Appends an entry without keeping the order; call svec_build after the
 * last one. */
void svec_push(struct svec *x, uint32_t term, float w);
/* Sorts the entries by term and sums duplicates (in the order they were
 * pushed). */
void svec_build(struct svec *x);
/* dst becomes a copy of src. */
void svec_copy(struct svec *dst, const struct svec *src);
/* Euclidean length. */
double svec_norm(const struct svec *x);
/* Scales x to length 1 (a zero vector stays zero). */
void svec_normalize(struct svec *x);
/* Inner product; cost O(min * log max) of the two lengths. */
double svec_dot(const struct svec *a, const struct svec *b);
/* y += a * x. */
void svec_axpy(struct svec *y, double a, const struct svec *x);
/* The weight of term in x, 0 if absent. */
float svec_get(const struct svec *x, uint32_t term);

/* A sparse vector hashed by term, for a sum that grows one document at a
 * time (a cluster's centroid): adding a document, reading a weight and a
 * dot product with a short vector cost O(1) per entry of the short
 * operand, however many terms the sum holds, and the length is kept as
 * weights change.  Each entry also counts the documents added with that
 * term (hvec_axpy with a > 0 adds one, with a < 0 takes one away).  Slots
 * whose term is HVEC_EMPTY are free; the others are the entries, in no
 * order.  Embed it and pair hvec_init/hvec_fini. */
#define HVEC_EMPTY UINT32_MAX

struct hvec_slot {
	uint32_t term;
	uint32_t n; /* documents with the term */
	float w;
};

struct hvec {
	struct hvec_slot *s; /* cap slots */
	uint64_t *sig;       /* 8 * cap bits, one set by every term put in
	                      * the table: a clear bit says a term is not */
	uint32_t n, cap;     /* entries; slots, 0 or a power of two */
	unsigned shift;      /* 32 - log2(cap) */
	double norm2;        /* squared length */
};

void hvec_init(struct hvec *h);
void hvec_fini(struct hvec *h);
/* Empties h and sizes its table for about n entries. */
void hvec_reset(struct hvec *h, uint32_t n);
/* h += a * x; returns the inner product of x with h as it was before. */
double hvec_axpy(struct hvec *h, double a, const struct svec *x);
/* The same, adding to *part2 how much the sum of the squared weights of
 * the entries of x whose flag in mask is set changed; after[i] becomes
 * the weight of x's term i in h as it is now (hvec_get's answer). */
double hvec_axpy_part(struct hvec *h, double a, const struct svec *x,
    const unsigned char *mask, double *part2, float *after);
/* h += x, counts included. */
void hvec_add(struct hvec *h, const struct hvec *x);
/* The weight of term in h, 0 if absent. */
float hvec_get(const struct hvec *h, uint32_t term);
/* The hash whose top bits choose term's slot (and its filter bit). */
static inline uint32_t
hvec_hash(uint32_t term)
{
	return term * 0x9e3779b1u;
}
/* term's bit in the filter of h (cap > 0): the slot's, refined by the
 * three bits of the hash below the ones that choose the slot. */
static inline uint32_t
hvec_bit(const struct hvec *h, uint32_t term)
{
	return hvec_hash(term) >> (h->shift - 3);
}
/* 0 if term is surely not in h; 1 if it may be (a filter, with false
 * positives: about one in eight of the absent terms when h is full).
 * Costs one load, from a table a twelfth the size of h's slots. */
static inline int
hvec_may_have(const struct hvec *h, uint32_t term)
{
	if (h->cap == 0)
		return 0;
	uint32_t b = hvec_bit(h, term);
	return (int)(h->sig[b >> 6] >> (b & 63) & 1);
}
/* The documents counted with term, 0 if absent. */
uint32_t hvec_count(const struct hvec *h, uint32_t term);
/* Inner products: cost O(x->n), and O of the smaller table. */
double hvec_dot(const struct hvec *h, const struct svec *x);
/* hvec_dot, also writing the count of each of x's terms in h to cnt[i]
 * (x->n of them): one lookup serves both. */
double hvec_dot_count(
    const struct hvec *h, const struct svec *x, uint32_t *cnt);
double hvec_dot_hvec(const struct hvec *a, const struct hvec *b);
/* Euclidean length. */
double hvec_norm(const struct hvec *h);

/* The vocabulary: terms interned to dense ids 0, 1, 2, ... in order of
 * first sight, with their document frequencies (the ones counted here and
 * the built-in background ones of background.h), the feed that uses each
 * most, the case evidence that tells names from words, and a form to
 * show a person.  A term is a stem, or a phrase of two stems (two words
 * the text wrote side by side, "santa monica"). */
struct vocab;

struct vocab *vocab_new(void);
void vocab_free(struct vocab *v);
/* The id of term[0..len), added if new. */
uint32_t vocab_intern(struct vocab *v, const char *term, size_t len);
/* The id of the phrase of terms a and b, in that order, added if new. */
uint32_t vocab_intern_pair(struct vocab *v, uint32_t a, uint32_t b);
/* Whether id is a phrase; if so its two terms go to *a and *b. */
int vocab_pair(const struct vocab *v, uint32_t id, uint32_t *a, uint32_t *b);
/* The id of term[0..len), or UINT32_MAX if it was never interned. */
uint32_t vocab_lookup(const struct vocab *v, const char *term, size_t len);
size_t vocab_size(const struct vocab *v);
/* The interned key (a stem, or two joined by a space).  Borrowed until
 * vocab_free. */
const char *vocab_term(const struct vocab *v, uint32_t id);

/* Records one occurrence of id: evidence is +1 where the text wrote it as
 * a name, -1 where it wrote it in lower case, 0 where case says nothing;
 * surface is the word as written, a candidate display form. */
void vocab_note(struct vocab *v, uint32_t id, int evidence, const char *surface,
    size_t len);
/* The form to show for id: the one written most often where case was
 * evidence, else the one written most often.  Borrowed until the next
 * vocab_note. */
const char *vocab_display(const struct vocab *v, uint32_t id);
/* How sure the evidence is that id is a name, in [0, 1]; a term without
 * evidence gets the prior 0.25.  A phrase is as much a name as the less
 * sure of its words. */
double vocab_nameness(const struct vocab *v, uint32_t id);

/* A key for ordering terms by what they are, not by when they were
 * first seen: a hash of the word (of both words for a phrase) with no
 * seed, equal only for equal keys but for collisions, which
 * vocab_compare breaks by the words themselves. */
uint64_t vocab_canon(const struct vocab *v, uint32_t id);
/* Orders two terms by vocab_canon, then by their words. */
int vocab_compare(const struct vocab *v, uint32_t a, uint32_t b);
/* Gives every term a new id: term i becomes perm[i], perm being a
 * permutation of 0..size-1.  Everything the vocabulary holds follows;
 * vectors the caller holds must be remapped by the caller. */
void vocab_renumber(struct vocab *v, const uint32_t *perm);
/* Forgets the documents counted (and the feeds' votes), keeping the
 * terms, their background counts and their case evidence: for counting
 * the same documents again in another order. */
void vocab_uncount(struct vocab *v);

/* Works out every term's idf now, so that weighing (vocab_idf,
 * vocab_feed_idf, tfidf_weigh) only reads the vocabulary until the
 * counts change: several threads may then weigh at once. */
void vocab_cache_idf(struct vocab *v);

/* Counts one document of feed: every term in doc (built) gains a
 * document, and the feed a vote as the one that uses the term most. */
void vocab_add_doc(struct vocab *v, const struct svec *doc, uint32_t feed);
uint32_t vocab_docs(const struct vocab *v);
uint32_t vocab_df(const struct vocab *v, uint32_t id);
/* The background headlines using id (background_df). */
uint32_t vocab_bg_df(const struct vocab *v, uint32_t id);
/* Inverse document frequency, -ln p, where p is the share of documents
 * using the term: the counted share, pulled towards the background share
 * by VOCAB_PRIOR_DOCS pseudo-documents, so that a term is as common as
 * the news at large says until enough documents have been counted to
 * tell otherwise. */
double vocab_idf(const struct vocab *v, uint32_t id);
/* The same from the background alone: how rare the term is in the news
 * at large, whatever today's items say. */
double vocab_bg_idf(const struct vocab *v, uint32_t id);
/* The idf of id in a document of feed, which has feed_docs documents
 * counted: a term that this one feed puts in most of its items ("Start
 * your day with Breakfast", a dateline) is its boilerplate, and weighs as
 * little as a word that most documents use. */
double vocab_feed_idf(
    const struct vocab *v, uint32_t id, uint32_t feed, uint32_t feed_docs);

/* out = tf weighted by vocab_feed_idf and, for a term whose idf is at
 * least TFIDF_NAME_MIN_IDF, by 1 + name_boost * nameness, then scaled to
 * length 1.  tf holds term counts (a title occurrence
 * counting TFIDF_TITLE_WEIGHT) and must be built. */
void tfidf_weigh(const struct vocab *v, const struct svec *tf,
    double name_boost, uint32_t feed, uint32_t feed_docs, struct svec *out);

#endif
