/* cluster: online story clustering.
 *
 * Items arrive one by one (in canonical order for --dump, as feeds answer
 * in live mode) and each is placed at once, so the dashboard never waits
 * for a batch job.  What a reporter needs is the error profile of an
 * editor: a panel that mixes two stories is worse than two panels of one
 * story, and a topic ("Covid-19", "US", "George Floyd") is not a story.
 *
 * An item becomes a unit tf-idf vector (tfidf.h) over its headline, the
 * first CLUSTER_SUMMARY_BYTES of its summary, and the phrases of two words its
 * text wrote side by side ("santa monica", "circuit breaker").  Document
 * frequencies know the news: the counted ones are blended with the
 * built-in background of real headlines (background.h), so that a word
 * every day's news uses weighs little even in a short window, and a term
 * that one feed puts in most of its items (its boilerplate) weighs little
 * in that feed's items.  The caller may count a whole batch first
 * (cluster_count) so that every item of it is weighed alike.
 *
 * An item joins the open cluster whose centroid is most similar, when two
 * things hold: the cosine reaches the threshold (higher when the cluster
 * holds only items of the item's own feed: an outlet's items on one beat
 * are not one story by that alone), and the item shares enough evidence
 * with the cluster's core (evidence): terms that are rare in the news at
 * large and that a good share of the cluster's members use, a specific
 * phrase counting double.  One shared word is never enough, and a story
 * cannot drift into a topic as it grows, since the core is what most of
 * its members share, not what any one of them said.  Otherwise the item
 * starts a cluster of its own.
 *
 * Single-pass clustering depends on the order items come in: the first
 * items of a story may start separate clusters.  When an item could have
 * joined two clusters, the two are compared as wholes (centroid cosine
 * and shared core evidence) and merge if they agree, the lower id
 * surviving.
 *
 * Cost per item is kept independent of how many items were ever stored:
 * candidates come from an inverted index term -> open clusters in which
 * only each centroid's top-k terms are posted, and a cluster leaves the
 * index when it closes, that is when its newest item falls more than the
 * window behind the frontier (the median date of the last RECENT items,
 * so one feed with a broken clock cannot close everything).  A centroid
 * is a hashed vector, so adding an item and comparing one with it cost
 * the item's length, whatever the cluster's size; a posting carries the
 * centroid's weight on its term, so the scan of the lists bounds every
 * candidate's cosine from above and only candidates whose bound reaches
 * the threshold are compared in full; two clusters an item could join
 * are compared as wholes only when their posted terms bound their
 * cosine above the merge bar (centroid_bound).  Item vectors are
 * weighed once, at insertion; nothing is re-weighed.  Time is only ever
 * item time: nothing here reads a clock.
 *
 * Tuning: docs/clustering.md gives the figures and how they were found
 * (a real news day labelled by story, the UCI headlines, the realistic
 * items of tests/data/cluster).
 *
 * Invariants: a live cluster's members are sorted by (time, arrival) and
 * ids holds their item ids in the same order; an item's cluster field
 * names a live cluster or is 0 for an item only counted; an open
 * cluster's posted terms are exactly the top-k of its centroid (heaviest
 * first, ties to the lower term), and the postings hold exactly the
 * posted terms of the open clusters, each with the centroid's weight
 * there, at the place `at` records; a closed cluster never reopens and
 * has no vectors left. */
#include "cluster.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "tfidf.h"
#include "token.h"
#include "util.h"

#define DEFAULT_THRESHOLD 0.28
#define DEFAULT_MERGE 0.22
#define DEFAULT_NAME_BOOST 0.5
#define SAME_FEED_MARGIN 0.04 /* more cosine a one-outlet cluster needs
                               * from an item of that outlet */
#define WITNESSES 4    /* outlets beyond which a story's bar falls */
#define WITNESS_DROP 0.1 /* by this much per doubling of them */
#define FLOOR 0.1        /* the lowest bar */
#define PHRASE_WEIGHT 0.5 /* of a two-word phrase, against a word */
#define EVIDENCE 2.0      /* units an item needs to join */
#define EVIDENCE_WORDS 10 /* salient words below which one unit will do */
#define MERGE_EVIDENCE 1.0 /* units two clusters need to merge */
#define SALIENT_BG 4.0   /* background idf of a salient term */
#define SALIENT_LIVE 1.0 /* counted idf of one: in fewer than 37% of the
                          * items counted, not the day's topic */
#define CORE_SHARE 0.3   /* of a cluster's members using a core term */
#define DEFAULT_WINDOW (48 * 3600)
#define DEFAULT_TOPK 64
#define TOPK_MAX 64
#define VIEW_TERMS 5
#define LABEL_SCAN 64 /* newest members a label is chosen from */
#define RECENT 16 /* items whose median date moves the frontier */

struct item {
	uint32_t id, feed;
	uint32_t cluster; /* index + 1; 0 while only counted */
	uint32_t outlet;  /* cluster_item_outlet's, else 0: the feed's */
	int64_t time;
	struct svec title; /* weighted headline terms, while open and among
	                    * its cluster's LABEL_SCAN newest */
	/* between cluster_count and cluster_add: the raw counts, all and of
	 * the headline (pack) */
	unsigned char *raw;
	uint64_t watch; /* the watch terms it matched */
};


struct cluster {
	/* what a posting scan reads of every candidate (choices), first,
	 * so that it lies in one or two cache lines */
	uint32_t merged_into; /* id of the survivor, 0 while live */
	int open;
	double norm;
	int64_t first, newest;
	double drop; /* of the bar, for its outlets beyond WITNESSES (needed) */
	double rest; /* length of the centroid outside the posted terms */
	double ns2;  /* squared length of its terms that are not salient in
	              * the background (bg_salient) */
	double ns;   /* its root */
	float wmin;  /* the lightest posted weight when k are posted, else 0 */
	uint32_t feed0; /* feeds[0].feed: the outlet, while only one */
	size_t nfeeds;
	/* the rest */
	int dirty;
	struct hvec sum; /* sum of the members' unit vectors */
	uint32_t *members; /* item indexes */
	uint32_t *ids;     /* their item ids, for the view */
	size_t nmembers, capm;
	struct cluster_source *feeds; /* sorted by feed, distinct */
	size_t capf;
	/* while open: the centroid's top-k terms, their weights and where
	 * each is in its posting list; k entries each */
	uint32_t *posted;
	float *pw;
	uint32_t *at;
	uint32_t nposted;
	uint32_t top[VIEW_TERMS]; /* key term ids */
	uint32_t ntop;
	uint32_t label; /* item index */
	uint64_t watch; /* of its members, or'ed */
	const char *termv[VIEW_TERMS];
	struct cluster_view view;
};

/* A cluster posted on a term, with its centroid's weight there. */
struct posting {
	uint32_t id;
	float w;
};

struct plist {
	struct posting *e;
	uint32_t n, cap;
};

/* What a posting scan learns of a candidate: over the terms it is posted
 * on among the query's, the sum of the products of the weights, and of
 * the squared weights and the weights of the query's side, and how many
 * terms.  Floats, so that four fit a cache line: the scan only bounds,
 * and the bound allows for their rounding (choices).  All zero but
 * during a scan. */
struct shared {
	float dot, q2, q1; /* q1: the sum of the query's weights */
	uint32_t hits;
};

/* What an item's term is, by flags: posted if it is in a centroid
 * (TERM_BG: rare in the news at large), evidence of a story (TERM_SAL),
 * a phrase (TERM_PAIR).  An item's flags, one a term, in a vector's order. */
enum { TERM_BG = 1, TERM_SAL = 2, TERM_PAIR = 4 };

struct tflags {
	unsigned char *f;
	uint32_t cap;
};

struct lang_tok {
	char *tag;
	struct tokenizer *tok; /* shared by the tags of one language */
	int owner;             /* the first of them, which frees it */
	struct compiled *comp; /* the watch terms in its stems */
};

/* A watch term as given. */
struct watch {
	char *phrase;
};

/* The watch terms as one tokenizer reads them: each a run of term ids
 * and how much of it the current text has matched in a row. */
struct pattern {
	uint32_t *ids, *alt; /* alt: the agent noun's stem, "hacker" for
	                      * "hack", which Snowball keeps apart */
	unsigned *gap;       /* words from the one before (stop words
	                      * count): "Bank of England" has 2 */
	size_t n, at;
	unsigned last;       /* the place of the text's last word matched */
};

struct compiled {
	struct pattern *p;
	size_t n; /* == the watch terms at compile time */
};

static void compiled_free(struct compiled *cp);

struct clusterer {
	struct cluster_opts o;
	double same_threshold;
	struct vocab *vocab;
	struct lang_tok *toks;
	size_t ntoks;
	struct item *items;
	size_t nitems, capi;
	uint32_t *map; /* item id -> index + 1, open addressing */
	size_t nmap;
	uint32_t *feed_docs; /* documents counted per feed id */
	size_t nfeed_docs;
	struct cluster **cl; /* id = index + 1 */
	size_t ncl, capc;
	struct plist *post; /* by term id */
	size_t npost;
	uint32_t *open; /* ids of open clusters, ascending */
	size_t nopen, capo;
	size_t nadded; /* items given a cluster */
	int64_t tmax;  /* the frontier: dates newer than this are rare */
	int64_t recent_t[RECENT]; /* dates of the last RECENT items, a ring */
	uint64_t gen;
	/* candidates of a posting scan: their ids in cand, and by cluster id
	 * what they share with the query (struct shared) */
	uint32_t *cand;
	struct shared *sh;
	uint32_t *xcnt; /* the query's terms' counts in a candidate (cosine) */
	size_t capxcnt;
	struct tflags xfl; /* c->x's term flags (cluster_add) */
	size_t ncand_cap;
	size_t since_sweep;
	/* by term: whether it is salient in the background (bg_salient),
	 * for every term interned so far */
	unsigned char *bgsal;
	size_t nbgsal, capbgsal;
	/* term marks for post_set: mark[t] == a stamp, mpos[t] a place */
	uint32_t *mark, *mpos;
	size_t nmark;
	uint32_t mstamp;
	uint32_t tf_stamp; /* the marks of c->tf's terms (tf_add) */
	/* the item being tokenised: its raw term counts, headline counts,
	 * and the term before, for phrases */
	struct svec tf, ttf, x, tx;
	/* the last cluster_settle's renumbering, old id to new, for the raw
	 * counts of the nsettled items there were then: they keep the old
	 * ids until they are added */
	uint32_t *perm;
	size_t nsettled;
	uint32_t prev_term;
	int have_prev;
	/* watch terms: the phrases, each compiled to its stems' ids for
	 * the tokenizer of a language when one first meets it; the match
	 * state of the item being tokenized; per feed the bits it may match */
	struct watch *watch;
	size_t nwatch;
	struct compiled *comp; /* the patterns for tokenizer cur_tok */
	const struct tokenizer *cur_tok;
	uint64_t item_watch;
	uint64_t *feed_watch; /* by feed id; nfeed_watch of them */
	unsigned char *feed_watch_set;
	size_t nfeed_watch;
	/* by feed id, the outlet's feed id + 1 (cluster_set_outlet); 0, or
	 * past noutlet: the feed is its own outlet */
	uint32_t *outlet;
	size_t noutlet;
	/* the last cluster_rank's order, for rank_gen and rank_now: the
	 * board and the alerts rank the same clusters at the same moment */
	uint32_t *rank;
	size_t nrank, caprank;
	uint64_t rank_gen;
	int64_t rank_now;
	int rank_valid;
};

struct clusterer *
cluster_new(const struct cluster_opts *opts)
{
	struct clusterer *c = xcalloc(1, sizeof(*c));

	if (opts != NULL)
		c->o = *opts;
	if (c->o.threshold <= 0)
		c->o.threshold = DEFAULT_THRESHOLD;
	if (c->o.merge <= 0)
		c->o.merge = c->o.threshold * (DEFAULT_MERGE / DEFAULT_THRESHOLD);
	if (c->o.window <= 0)
		c->o.window = DEFAULT_WINDOW;
	if (c->o.name_boost == 0)
		c->o.name_boost = DEFAULT_NAME_BOOST;
	else if (c->o.name_boost < 0)
		c->o.name_boost = 0;
	if (c->o.topk == 0)
		c->o.topk = DEFAULT_TOPK;
	if (c->o.topk > TOPK_MAX)
		c->o.topk = TOPK_MAX;
	c->same_threshold = c->o.threshold + SAME_FEED_MARGIN;
	c->vocab = vocab_new();
	c->nmap = 1024;
	c->map = xcalloc(c->nmap, sizeof(*c->map));
	svec_init(&c->tf);
	svec_init(&c->ttf);
	svec_init(&c->x);
	svec_init(&c->tx);
	return c;
}

static void
drop_posted(struct cluster *cl)
{
	free(cl->posted);
	free(cl->pw);
	free(cl->at);
	cl->posted = cl->at = NULL;
	cl->pw = NULL;
}

static void
cluster_release(struct cluster *cl)
{
	drop_posted(cl);
	hvec_fini(&cl->sum);
	free(cl->members);
	free(cl->feeds);
	free(cl->ids);
	free(cl);
}

/* Frees everything c owns but c itself. */
static void
clusterer_fini(struct clusterer *c)
{
	for (size_t i = 0; i < c->ntoks; i++) {
		free(c->toks[i].tag);
		if (c->toks[i].owner)
			token_free(c->toks[i].tok);
		compiled_free(c->toks[i].comp);
	}
	free(c->toks);
	for (size_t i = 0; i < c->nwatch; i++)
		free(c->watch[i].phrase);
	free(c->watch);
	free(c->feed_watch);
	free(c->feed_watch_set);
	free(c->outlet);
	for (size_t i = 0; i < c->nitems; i++) {
		svec_fini(&c->items[i].title);
		free(c->items[i].raw);
	}
	free(c->items);
	free(c->map);
	free(c->feed_docs);
	for (size_t i = 0; i < c->ncl; i++)
		cluster_release(c->cl[i]);
	free(c->cl);
	for (size_t i = 0; i < c->npost; i++)
		free(c->post[i].e);
	free(c->post);
	free(c->cand);
	free(c->mark);
	free(c->mpos);
	free(c->bgsal);
	free(c->sh);
	free(c->xcnt);
	free(c->xfl.f);
	free(c->open);
	free(c->rank);
	svec_fini(&c->tf);
	svec_fini(&c->ttf);
	svec_fini(&c->x);
	svec_fini(&c->tx);
	free(c->perm);
	vocab_free(c->vocab);
}

void
cluster_free(struct clusterer *c)
{
	if (c == NULL)
		return;
	clusterer_fini(c);
	free(c);
}

void
cluster_swap(struct clusterer *live, struct clusterer *fresh)
{
	struct clusterer tmp = *live;
	uint64_t gen = live->gen > fresh->gen ? live->gen : fresh->gen;

	*live = *fresh;
	*fresh = tmp;
	live->gen = gen + 1;
}

uint64_t
cluster_generation(const struct clusterer *c)
{
	return c->gen;
}

/* Item map. */

static size_t
map_slot(
    const uint32_t *map, size_t nmap, const struct item *items, uint32_t id)
{
	size_t mask = nmap - 1;
	size_t i = (size_t)((id * 0x9e3779b97f4a7c15ull) >> 20) & mask;

	while (map[i] != 0 && items[map[i] - 1].id != id)
		i = (i + 1) & mask;
	return i;
}

static uint32_t
find_item(const struct clusterer *c, uint32_t id)
{
	uint32_t v = c->map[map_slot(c->map, c->nmap, c->items, id)];

	return v == 0 ? UINT32_MAX : v - 1;
}

/* Enters every item into the map, which is empty and big enough. */
static void
map_fill(struct clusterer *c)
{
	for (size_t i = 0; i < c->nitems; i++)
		c->map[map_slot(c->map, c->nmap, c->items, c->items[i].id)] =
		    (uint32_t)i + 1;
}

static uint32_t
new_item(struct clusterer *c, uint32_t id)
{
	if (c->nitems == c->capi) {
		c->capi = c->capi ? 2 * c->capi : 256;
		c->items = xreallocarray(c->items, c->capi, sizeof(*c->items));
	}
	uint32_t idx = (uint32_t)c->nitems++;
	memset(&c->items[idx], 0, sizeof(c->items[idx]));
	c->items[idx].id = id;
	svec_init(&c->items[idx].title);
	if (2 * c->nitems > c->nmap) {
		free(c->map);
		c->nmap *= 2;
		c->map = xcalloc(c->nmap, sizeof(*c->map));
		map_fill(c);
	} else {
		c->map[map_slot(c->map, c->nmap, c->items, id)] = idx + 1;
	}
	return idx;
}

/* Raw counts kept between cluster_count and cluster_add, packed in one
 * allocation: the number of terms, then for each (ascending) the gap
 * from the one before and its counts in all the text and in the
 * headline, in halves (every weight a token adds is a multiple of a
 * half; a count beyond 127.5 is kept as that).  The headline's terms
 * are among all the text's.  Gaps are varints: about four bytes a term,
 * for a batch of a hundred thousand items. */
static unsigned char
halves(float w)
{
	float v = w * 2 + 0.25f;

	return (unsigned char)(v >= 255 ? 255 : v);
}

static size_t
put_varint(unsigned char *p, uint32_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

static uint32_t
get_varint(const unsigned char **p)
{
	uint32_t v = 0;
	unsigned shift = 0;

	while (**p & 0x80) {
		v |= (uint32_t)(**p & 0x7f) << shift;
		shift += 7;
		(*p)++;
	}
	v |= (uint32_t)**p << shift;
	(*p)++;
	return v;
}

static size_t
varint_len(uint32_t v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

static unsigned char *
pack(const struct svec *all, const struct svec *head)
{
	size_t len = varint_len(all->n) + 2 * (size_t)all->n;
	for (uint32_t i = 0, prev = 0; i < all->n; i++) {
		len += varint_len(all->term[i] - prev);
		prev = all->term[i];
	}
	unsigned char *p = xmalloc(len);
	size_t o = put_varint(p, all->n);
	uint32_t prev = 0;

	for (uint32_t i = 0, j = 0; i < all->n; i++) {
		uint32_t t = all->term[i];
		while (j < head->n && head->term[j] < t)
			j++;
		o += put_varint(p + o, t - prev);
		prev = t;
		p[o++] = halves(all->w[i]);
		p[o++] = j < head->n && head->term[j] == t
		             ? halves(head->w[j])
		             : 0;
	}
	return p;
}

static void
unpack(const unsigned char *p, struct svec *all, struct svec *head)
{
	uint32_t n = get_varint(&p), t = 0;

	svec_clear(all);
	svec_clear(head);
	for (uint32_t i = 0; i < n; i++) {
		t += get_varint(&p);
		svec_push(all, t, p[0] * 0.5f);
		if (p[1] != 0)
			svec_push(head, t, p[1] * 0.5f);
		p += 2;
	}
}

/* Tokens to raw term counts. */

static struct lang_tok *
tokenizer_for(struct clusterer *c, const char *lang)
{
	if (lang == NULL)
		lang = "";
	for (size_t i = 0; i < c->ntoks; i++)
		if (strcmp(c->toks[i].tag, lang) == 0)
			return &c->toks[i];
	/* "en", "en-US" and none split and stem alike: one tokenizer (and
	 * one cache of the words it has seen) serves them all */
	struct tokenizer *t = token_new(lang);
	int owner = 1;
	for (size_t i = 0; i < c->ntoks && owner; i++)
		if (strcmp(token_language(c->toks[i].tok), token_language(t)) ==
		    0) {
			token_free(t);
			t = c->toks[i].tok;
			owner = 0;
		}
	c->toks = xreallocarray(c->toks, c->ntoks + 1, sizeof(*c->toks));
	c->toks[c->ntoks] = (struct lang_tok){xstrdup(lang), t, owner, NULL};
	return &c->toks[c->ntoks++];
}

/* Watch terms. */

static void
compiled_free(struct compiled *cp)
{
	if (cp == NULL)
		return;
	for (size_t i = 0; i < cp->n; i++) {
		free(cp->p[i].ids);
		free(cp->p[i].alt);
		free(cp->p[i].gap);
	}
	free(cp->p);
	free(cp);
}

struct collect {
	struct clusterer *c;
	struct pattern *p;
};

static void
on_pattern_token(const struct token *tok, void *ctx)
{
	struct collect *k = ctx;

	struct pattern *p = k->p;
	p->ids = xreallocarray(p->ids, p->n + 1, sizeof(*p->ids));
	p->alt = xreallocarray(p->alt, p->n + 1, sizeof(*p->alt));
	p->gap = xreallocarray(p->gap, p->n + 1, sizeof(*p->gap));
	p->gap[p->n] = p->n ? tok->pos - p->last : 0;
	p->last = tok->pos;
	p->ids[p->n] = vocab_intern(k->c->vocab, tok->term, tok->len);
	p->alt[p->n] = p->ids[p->n];
	if (tok->len >= 3 && !(tok->flags & TOKEN_NUMBER)) {
		char *er = xasprintf("%.*ser", (int)tok->len, tok->term);
		p->alt[p->n] = vocab_intern(k->c->vocab, er, strlen(er));
		free(er);
	}
	p->n++;
}

/* The watch terms in lt's stems, made when first needed (and again once
 * terms were added). */
static struct compiled *
compiled_for(struct clusterer *c, struct lang_tok *lt)
{
	if (lt->comp != NULL && lt->comp->n == c->nwatch)
		return lt->comp;
	compiled_free(lt->comp);
	struct compiled *cp = xcalloc(1, sizeof(*cp));
	cp->p = xcalloc(c->nwatch ? c->nwatch : 1, sizeof(*cp->p));
	cp->n = c->nwatch;
	for (size_t i = 0; i < c->nwatch; i++) {
		struct collect k = {c, &cp->p[i]};
		token_run(lt->tok, c->watch[i].phrase, TOKEN_SUMMARY,
		    on_pattern_token, &k);
	}
	lt->comp = cp;
	return cp;
}

static void
watch_reset(struct clusterer *c)
{
	for (size_t i = 0; c->comp && i < c->comp->n; i++)
		c->comp->p[i].at = 0;
}

/* The next token of the text (its word's place pos): every phrase that
 * it completes (its words in a row, as far apart as in the phrase) is
 * matched. */
static void
watch_step(struct clusterer *c, uint32_t id, unsigned pos)
{
	for (size_t i = 0; c->comp && i < c->comp->n; i++) {
		struct pattern *p = &c->comp->p[i];
		if (p->n == 0)
			continue;
		if ((p->ids[p->at] == id || p->alt[p->at] == id) &&
		    (p->at == 0 || pos - p->last == p->gap[p->at]))
			p->at++;
		else
			p->at = p->ids[0] == id || p->alt[0] == id ? 1 : 0;
		p->last = pos;
		if (p->at == p->n) {
			c->item_watch |= (uint64_t)1 << i;
			p->at = 0;
		}
	}
}

static uint64_t
feed_watch(const struct clusterer *c, uint32_t feed)
{
	return feed < c->nfeed_watch && c->feed_watch_set[feed]
	           ? c->feed_watch[feed]
	           : ~(uint64_t)0;
}

int
cluster_watch(struct clusterer *c, const char *phrase)
{
	if (c->nwatch >= CLUSTER_WATCH_MAX || phrase == NULL)
		return -1;
	struct lang_tok *lt = tokenizer_for(c, NULL);
	struct pattern p = {0};
	struct collect k = {c, &p};
	token_run(lt->tok, phrase, TOKEN_SUMMARY, on_pattern_token, &k);
	free(p.ids);
	free(p.alt);
	free(p.gap);
	if (p.n == 0)
		return -1;
	c->watch = xreallocarray(c->watch, c->nwatch + 1, sizeof(*c->watch));
	c->watch[c->nwatch].phrase = xstrdup(phrase);
	return (int)c->nwatch++;
}

/* arr, an array of *n elements of size bytes indexed by feed id, grown
 * to hold feed, the new elements zero; *n becomes its length. */
static void *
feed_array(void *arr, size_t *n, size_t size, uint32_t feed)
{
	if (feed < *n)
		return arr;
	size_t m = *n ? *n : 64;
	while (m <= feed)
		m *= 2;
	arr = xreallocarray(arr, m, size);
	memset((char *)arr + *n * size, 0, (m - *n) * size);
	*n = m;
	return arr;
}

void
cluster_watch_feed(struct clusterer *c, uint32_t feed, uint64_t mask)
{
	size_t n = c->nfeed_watch;
	c->feed_watch =
	    feed_array(c->feed_watch, &n, sizeof(*c->feed_watch), feed);
	c->feed_watch_set = feed_array(c->feed_watch_set, &c->nfeed_watch,
	    sizeof(*c->feed_watch_set), feed);
	c->feed_watch[feed] = mask;
	c->feed_watch_set[feed] = 1;
}

void
cluster_set_outlet(struct clusterer *c, uint32_t feed, uint32_t outlet)
{
	c->outlet =
	    feed_array(c->outlet, &c->noutlet, sizeof(*c->outlet), feed);
	c->outlet[feed] = outlet + 1;
}

/* The outlet whose witness an item of feed is. */
static uint32_t
outlet_of(const struct clusterer *c, uint32_t feed)
{
	return feed < c->noutlet && c->outlet[feed] != 0 ? c->outlet[feed] - 1
	                                                 : feed;
}

void
cluster_item_outlet(struct clusterer *c, uint32_t item_id, uint32_t outlet)
{
	uint32_t idx = find_item(c, item_id);

	if (idx != UINT32_MAX && c->items[idx].cluster == 0)
		c->items[idx].outlet = outlet;
}

uint64_t
cluster_item_watch(const struct clusterer *c, uint32_t item_id)
{
	uint32_t idx = find_item(c, item_id);

	return idx == UINT32_MAX ? 0 : c->items[idx].watch;
}

/* Notes the background salience of the terms interned since last. */
static void
note_terms(struct clusterer *c)
{
	size_t nv = vocab_size(c->vocab);

	if (nv > c->capbgsal) {
		size_t n = c->capbgsal ? c->capbgsal : 1024;
		while (n < nv)
			n *= 2;
		c->bgsal = xreallocarray(c->bgsal, n, sizeof(*c->bgsal));
		c->capbgsal = n;
	}
	for (; c->nbgsal < nv; c->nbgsal++)
		c->bgsal[c->nbgsal] = vocab_bg_idf(c->vocab,
		                          (uint32_t)c->nbgsal) >= SALIENT_BG;
}

/* Sizes the term marks for every term the vocabulary holds. */
static void
marks_fit(struct clusterer *c)
{
	size_t nv = vocab_size(c->vocab);

	if (nv <= c->nmark)
		return;
	size_t n = c->nmark ? c->nmark : 1024;
	while (n < nv)
		n *= 2;
	c->mark = xreallocarray(c->mark, n, sizeof(*c->mark));
	c->mpos = xreallocarray(c->mpos, n, sizeof(*c->mpos));
	memset(c->mark + c->nmark, 0, (n - c->nmark) * sizeof(*c->mark));
	c->nmark = n;
}

/* A new stamp for term marks (c->mark), sized for every term, the marks
 * cleared when the stamps run out: take the stamps a pass needs before
 * it marks anything. */
static uint32_t
mark_stamp(struct clusterer *c)
{
	marks_fit(c);
	if (c->mstamp > UINT32_MAX - 4) {
		memset(c->mark, 0, c->nmark * sizeof(*c->mark));
		c->mstamp = 0;
	}
	return ++c->mstamp;
}

/* Adds w to term id's count in c->tf, which holds each term once (the
 * marks of stamp tf_stamp say where), so that building it sorts the
 * item's distinct terms only. */
static void
tf_add(struct clusterer *c, uint32_t id, float w)
{
	if (id >= c->nmark)
		marks_fit(c);
	if (c->mark[id] == c->tf_stamp) {
		c->tf.w[c->mpos[id]] += w;
		return;
	}
	c->mark[id] = c->tf_stamp;
	c->mpos[id] = c->tf.n;
	svec_push(&c->tf, id, w);
}

static void
on_token(const struct token *tok, void *ctx)
{
	struct clusterer *c = ctx;
	uint32_t id;
	if (tok->tag != NULL && *tok->tag != 0) {
		id = *tok->tag - 1;
	} else {
		id = vocab_intern(c->vocab, tok->term, tok->len);
		if (tok->tag != NULL)
			*tok->tag = id + 1;
	}
	int evidence = 0;
	float w = tok->field == TOKEN_TITLE ? TFIDF_TITLE_WEIGHT : 1.0f;

	if (tok->flags & TOKEN_NAME)
		evidence = 1;
	else if (tok->flags & TOKEN_PLAIN)
		evidence = -1;
	/* case counts from every word; the form to show from headlines,
	 * which say it in fewer words than a summary repeats it */
	vocab_note(c->vocab, id, evidence,
	    tok->field == TOKEN_TITLE ? tok->surface : NULL, tok->surface_len);
	if (c->comp != NULL)
		watch_step(c, id, tok->pos);
	tf_add(c, id, w);
	if (tok->field == TOKEN_TITLE)
		svec_push(&c->ttf, id, w);
	/* a phrase of two everyday words ("last week") says nothing a
	 * headline's phrases do not */
	if (c->have_prev && (tok->flags & TOKEN_JOINED) &&
	    (tok->field == TOKEN_TITLE ||
	        vocab_bg_idf(c->vocab, id) >= SALIENT_BG ||
	        vocab_bg_idf(c->vocab, c->prev_term) >= SALIENT_BG)) {
		uint32_t p = vocab_intern_pair(c->vocab, c->prev_term, id);
		tf_add(c, p, w * PHRASE_WEIGHT);
		if (tok->field == TOKEN_TITLE)
			svec_push(&c->ttf, p, w * PHRASE_WEIGHT);
	}
	c->prev_term = id;
	c->have_prev = 1;
}

/* The summary's first CLUSTER_SUMMARY_BYTES, cut after a whole word: the lead
 * says what the story is; the rest of a long summary adds more noise
 * than evidence, and costs.  Caller frees. */
static char *
summary_lead(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n > CLUSTER_SUMMARY_BYTES) {
		n = CLUSTER_SUMMARY_BYTES;
		while (n > 0 && s[n] != ' ')
			n--;
	}
	return xstrndup(s != NULL ? s : "", n);
}

/* c->tf and c->ttf become the item's raw term counts, built. */
static void
tokenize(struct clusterer *c, const char *lang, const char *title,
    const char *summary)
{
	struct lang_tok *lt = tokenizer_for(c, lang);
	struct tokenizer *tok = lt->tok;
	char *lead = summary_lead(summary);

	c->comp = c->nwatch ? compiled_for(c, lt) : NULL;
	c->item_watch = 0;
	svec_clear(&c->tf);
	svec_clear(&c->ttf);
	c->tf_stamp = mark_stamp(c);
	c->have_prev = 0;
	watch_reset(c);
	token_run(tok, title, TOKEN_TITLE, on_token, c);
	c->have_prev = 0;
	watch_reset(c);
	token_run(tok, lead, TOKEN_SUMMARY, on_token, c);
	free(lead);
	svec_build(&c->tf);
	svec_build(&c->ttf);
	note_terms(c);
}

static uint32_t *
feed_docs(struct clusterer *c, uint32_t feed)
{
	c->feed_docs = feed_array(
	    c->feed_docs, &c->nfeed_docs, sizeof(*c->feed_docs), feed);
	return &c->feed_docs[feed];
}

static void
count_doc(struct clusterer *c, uint32_t feed)
{
	vocab_add_doc(c->vocab, &c->tf, feed);
	(*feed_docs(c, feed))++;
}

void
cluster_count(struct clusterer *c, uint32_t item_id, uint32_t feed_id,
    const char *lang, const char *title, const char *summary)
{
	if (find_item(c, item_id) != UINT32_MAX)
		return;
	tokenize(c, lang, title, summary);
	count_doc(c, feed_id);
	uint32_t idx = new_item(c, item_id);
	struct item *it = &c->items[idx];
	it->feed = feed_id;
	/* kept, so that cluster_add need not tokenize again */
	it->raw = pack(&c->tf, &c->ttf);
	it->watch = c->item_watch & feed_watch(c, feed_id);
}

struct canon {
	uint64_t key;
	uint32_t id;
};

static int
cmp_canon(const void *a, const void *b)
{
	const struct canon *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

/* The raw counts of item idx, unpacked into tf and ttf (built), in the
 * vocabulary's numbering of now. */
static void
raw_counts(const struct clusterer *c, uint32_t idx, struct svec *tf,
    struct svec *ttf)
{
	unpack(c->items[idx].raw, tf, ttf);
	if (idx >= c->nsettled)
		return;
	for (uint32_t j = 0; j < tf->n; j++)
		tf->term[j] = c->perm[tf->term[j]];
	for (uint32_t j = 0; j < ttf->n; j++)
		ttf->term[j] = c->perm[ttf->term[j]];
	svec_build(tf);
	svec_build(ttf);
}

/* The canonical order of the vocabulary's nv terms (vocab_canon, then
 * the words), made on a thread of its own while the counts are made
 * again: it reads the terms' keys only, which the recount leaves
 * alone. */
struct canon_job {
	const struct vocab *v;
	size_t nv;
	struct canon *order;
};

static void *
canon_order(void *arg)
{
	struct canon_job *j = arg;
	struct canon *order = j->order;

	for (size_t i = 0; i < j->nv; i++)
		order[i] =
		    (struct canon){vocab_canon(j->v, (uint32_t)i), (uint32_t)i};
	qsort(order, j->nv, sizeof(*order), cmp_canon);
	/* equal hashes (all but never): by the words themselves */
	for (size_t i = 1; i < j->nv; i++) {
		struct canon e = order[i];
		size_t k = i;
		while (k > 0 && order[k - 1].key == e.key &&
		       vocab_compare(j->v, order[k - 1].id, e.id) > 0) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = e;
	}
	return NULL;
}

/* The batch's items take the first indices, in the batch's order, and
 * items counted but not in it follow as they were: an item's index breaks
 * the tie between members of one date (member_before), and counting goes
 * in the order feeds answer, which the batch's order does not. */
static void
renumber_items(struct clusterer *c, const uint32_t *ids, size_t n)
{
	if (c->nitems < 2)
		return;
	uint32_t *to = xreallocarray(NULL, c->nitems, sizeof(*to));
	memset(to, 0xff, c->nitems * sizeof(*to));
	uint32_t k = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t idx = find_item(c, ids[i]);
		if (idx != UINT32_MAX && to[idx] == UINT32_MAX)
			to[idx] = k++;
	}
	for (size_t i = 0; i < c->nitems; i++)
		if (to[i] == UINT32_MAX)
			to[i] = k++;
	/* in place, a cycle at a time: item i goes to to[i] */
	for (uint32_t i = 0; i < c->nitems; i++) {
		while (to[i] != i) {
			uint32_t j = to[i];
			struct item t = c->items[j];
			c->items[j] = c->items[i];
			c->items[i] = t;
			to[i] = to[j];
			to[j] = j;
		}
	}
	free(to);
	memset(c->map, 0, c->nmap * sizeof(*c->map));
	map_fill(c);
}

/* Term ids are handed out in the order terms are first seen, and they
 * break ties (the heaviest terms, the order of sums); so a batch counted
 * in arrival order is renumbered by what the terms are, and its counts
 * that depend on order (the feeds' votes) are made again in the batch's
 * own order.  Nothing else the counting made depends on order: document
 * counts and case evidence are sums.  The items' raw counts keep their
 * old ids until each is added (raw_counts): that is one pass over them
 * fewer, and the adding can map them on a second thread. */
void
cluster_settle(struct clusterer *c, const uint32_t *ids, size_t n)
{
	if (c->nadded > 0)
		return;
	if (c->perm != NULL) { /* settled before: those counts first */
		for (size_t i = 0; i < c->nitems && i < c->nsettled; i++) {
			struct item *it = &c->items[i];
			if (it->raw == NULL)
				continue;
			raw_counts(c, (uint32_t)i, &c->tf, &c->ttf);
			free(it->raw);
			it->raw = pack(&c->tf, &c->ttf);
		}
		free(c->perm);
		c->perm = NULL;
		c->nsettled = 0;
	}
	renumber_items(c, ids, n);
	size_t nv = vocab_size(c->vocab);
	struct canon_job job = {
	    c->vocab, nv, xreallocarray(NULL, nv ? nv : 1, sizeof(*job.order))};
	pthread_t th;
	int threaded = nv > 0 && util_cores() > 1 &&
	               pthread_create(&th, NULL, canon_order, &job) == 0;
	/* the counts again, in the batch's order */
	vocab_uncount(c->vocab);
	if (c->nfeed_docs) /* none yet: feed_docs is NULL */
		memset(c->feed_docs, 0, c->nfeed_docs * sizeof(*c->feed_docs));
	for (size_t k = 0; k < n; k++) {
		uint32_t idx = find_item(c, ids[k]);
		if (idx == UINT32_MAX)
			continue;
		struct item *it = &c->items[idx];
		if (it->raw == NULL)
			continue;
		unpack(it->raw, &c->tf, &c->ttf);
		vocab_add_doc(c->vocab, &c->tf, it->feed);
		(*feed_docs(c, it->feed))++;
	}
	if (threaded)
		pthread_join(th, NULL);
	else
		(void)canon_order(&job);
	uint32_t *perm = xreallocarray(NULL, nv ? nv : 1, sizeof(*perm));
	for (size_t i = 0; i < nv; i++)
		perm[job.order[i].id] = (uint32_t)i;
	free(job.order);
	vocab_renumber(c->vocab, perm);
	/* the tokenizers' tags and compiled watch terms hold the old ids */
	for (size_t i = 0; i < c->ntoks; i++) {
		token_forget(c->toks[i].tok);
		compiled_free(c->toks[i].comp);
		c->toks[i].comp = NULL;
	}
	c->comp = NULL;
	c->perm = perm;
	c->nsettled = c->nitems;
	c->nbgsal = 0;
	note_terms(c);
}

/* Postings. */

static struct cluster *
get(const struct clusterer *c, uint32_t id)
{
	return c->cl[id - 1];
}

/* Adds cluster id to term's list; returns where. */
static uint32_t
post_add(struct clusterer *c, uint32_t term, uint32_t id, float w)
{
	if (term >= c->npost) {
		size_t n = c->npost ? c->npost : 1024;
		while (n <= term)
			n *= 2;
		c->post = xreallocarray(c->post, n, sizeof(*c->post));
		memset(
		    c->post + c->npost, 0, (n - c->npost) * sizeof(*c->post));
		c->npost = n;
	}
	struct plist *p = &c->post[term];
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 4;
		p->e = xreallocarray(p->e, p->cap, sizeof(*p->e));
	}
	p->e[p->n] = (struct posting){id, w};
	return p->n++;
}

/* Removes entry i of term's list; the last one takes its place, and its
 * cluster learns where it went. */
static void
post_del(struct clusterer *c, uint32_t term, uint32_t i)
{
	struct plist *p = &c->post[term];

	if (i + 1 < p->n) {
		p->e[i] = p->e[p->n - 1];
		struct cluster *o = get(c, p->e[i].id);
		for (uint32_t j = 0; j < o->nposted; j++)
			if (o->posted[j] == term)
				o->at[j] = i;
	}
	p->n--;
}

/* A selection of the k heaviest terms, heaviest first, ties to the lower
 * term. */
struct topk {
	uint32_t t[TOPK_MAX];
	float w[TOPK_MAX];
	uint32_t n, k;
};

static int
heavier(float w, uint32_t t, float w2, uint32_t t2)
{
	return w > w2 || (w == w2 && t < t2);
}

/* Whether term t of weight w would enter the selection. */
static int
topk_wants(const struct topk *s, uint32_t t, float w)
{
	return s->n < s->k ||
	       (s->k > 0 && heavier(w, t, s->w[s->n - 1], s->t[s->n - 1]));
}

static void
topk_offer(struct topk *s, uint32_t t, float w)
{
	if (!topk_wants(s, t, w))
		return;
	uint32_t j = s->n < s->k ? s->n++ : s->k - 1;
	while (j > 0 && heavier(w, t, s->w[j - 1], s->t[j - 1])) {
		s->t[j] = s->t[j - 1];
		s->w[j] = s->w[j - 1];
		j--;
	}
	s->t[j] = t;
	s->w[j] = w;
}

/* Whether term may be posted: rare in the news at large.  Fixed for a
 * term's life, so what a centroid holds outside it (ns2) stays exact. */
static int
bg_salient(const struct clusterer *c, uint32_t term)
{
	return c->bgsal[term];
}

/* The k heaviest terms of the whole of x: the words (for a view) or the
 * salient terms (for the postings). */
static void
top_terms(const struct clusterer *c, const struct hvec *x, uint32_t k,
    int words, struct topk *s)
{
	uint32_t a, b;

	s->n = 0;
	s->k = k;
	for (uint32_t i = 0; i < x->cap; i++) {
		uint32_t t = x->s[i].term;
		float w = x->s[i].w;
		if (t == HVEC_EMPTY)
			continue;
		/* the weight, in hand, settles most terms of a big centroid
		 * before the term's record is looked at */
		if (!topk_wants(s, t, w))
			continue;
		if (words ? vocab_pair(c->vocab, t, &a, &b)
		          : !bg_salient(c, t))
			continue;
		topk_offer(s, t, w);
	}
}

static void
unpost(struct clusterer *c, struct cluster *cl)
{
	for (uint32_t i = 0; i < cl->nposted; i++)
		post_del(c, cl->posted[i], cl->at[i]);
	cl->nposted = 0;
	cl->wmin = 0;
}

static int
has_term(const uint32_t *set, uint32_t n, uint32_t t)
{
	for (uint32_t i = 0; i < n; i++)
		if (set[i] == t)
			return 1;
	return 0;
}

/* The squared length of h over the terms that may not be posted. */
static double
ns_norm2(const struct clusterer *c, const struct hvec *h)
{
	double s = 0;

	for (uint32_t i = 0; i < h->cap; i++)
		if (h->s[i].term != HVEC_EMPTY && !bg_salient(c, h->s[i].term))
			s += (double)h->s[i].w * h->s[i].w;
	return s;
}

/* Makes next the posted terms of cluster id, with their weights. */
static void
post_set(struct clusterer *c, struct cluster *cl, uint32_t id,
    const struct topk *next)
{
	uint32_t at[TOPK_MAX] = {0};

	/* which terms are in next, and where each old one was: marks by
	 * term, so this costs k, not k squared */
	uint32_t sn = mark_stamp(c), so = mark_stamp(c);
	for (uint32_t j = 0; j < next->n; j++)
		c->mark[next->t[j]] = sn;
	for (uint32_t i = 0; i < cl->nposted; i++) {
		uint32_t t = cl->posted[i];
		if (c->mark[t] != sn)
			post_del(c, t, cl->at[i]);
		c->mark[t] = so;
		c->mpos[t] = i;
	}
	for (uint32_t j = 0; j < next->n; j++) {
		uint32_t t = next->t[j];
		if (c->mark[t] != so) {
			at[j] = post_add(c, t, id, next->w[j]);
			continue;
		}
		uint32_t i = c->mpos[t];
		at[j] = cl->at[i];
		if (cl->pw[i] != next->w[j])
			c->post[t].e[at[j]].w = next->w[j];
	}
	memcpy(cl->posted, next->t, next->n * sizeof(*next->t));
	memcpy(cl->pw, next->w, next->n * sizeof(*next->w));
	memcpy(cl->at, at, next->n * sizeof(*at));
	cl->nposted = next->n;
	cl->wmin = next->n < c->o.topk ? 0 : next->w[next->n - 1];
	double top = 0;
	for (uint32_t j = 0; j < next->n; j++)
		top += (double)next->w[j] * next->w[j];
	cl->rest = cl->sum.norm2 > top ? sqrt(cl->sum.norm2 - top) : 0;
}

/* Posts the top-k salient terms of cluster id's centroid after x was
 * added to it, looking only at the posted terms and x's: adding x raises
 * x's weights and no other, so a term neither posted nor in x still has
 * at least k heavier ones.  after, if not NULL, holds the centroid's
 * weights of x's terms (hvec_axpy_part), which are then not looked up. */
static void
repost_add(struct clusterer *c, struct cluster *cl, uint32_t id,
    const struct svec *x, const float *after)
{
	struct topk next = {.k = c->o.topk};

	/* marks: x's terms (and where each is in x), then which of them
	 * are posted */
	uint32_t inx = mark_stamp(c), posted = mark_stamp(c);
	for (uint32_t i = 0; i < x->n; i++) {
		c->mark[x->term[i]] = inx;
		c->mpos[x->term[i]] = i;
	}
	for (uint32_t i = 0; i < cl->nposted; i++) {
		uint32_t t = cl->posted[i];
		float w = cl->pw[i];
		/* only x's terms changed weight */
		if (c->mark[t] == inx)
			w = after ? after[c->mpos[t]] : hvec_get(&cl->sum, t);
		topk_offer(&next, t, w);
		c->mark[t] = posted;
	}
	for (uint32_t i = 0; i < x->n; i++) {
		uint32_t t = x->term[i];
		if (c->mark[t] != posted && bg_salient(c, t))
			topk_offer(
			    &next, t, after ? after[i] : hvec_get(&cl->sum, t));
	}
	post_set(c, cl, id, &next);
}

/* Clusters. */

static int
member_before(const struct clusterer *c, uint32_t a, uint32_t b)
{
	const struct item *x = &c->items[a], *y = &c->items[b];

	return x->time < y->time || (x->time == y->time && a < b);
}

static void
add_feed(struct cluster *cl, uint32_t feed, int64_t t)
{
	size_t i = 0, hi = cl->nfeeds;

	while (i < hi) {
		size_t mid = i + (hi - i) / 2;
		if (cl->feeds[mid].feed < feed)
			i = mid + 1;
		else
			hi = mid;
	}
	if (i < cl->nfeeds && cl->feeds[i].feed == feed) {
		if (t < cl->feeds[i].joined)
			cl->feeds[i].joined = t;
		return;
	}
	if (cl->nfeeds == cl->capf) {
		cl->capf = cl->capf ? 2 * cl->capf : 4;
		cl->feeds =
		    xreallocarray(cl->feeds, cl->capf, sizeof(*cl->feeds));
	}
	memmove(cl->feeds + i + 1, cl->feeds + i,
	    (cl->nfeeds - i) * sizeof(*cl->feeds));
	cl->feeds[i] = (struct cluster_source){feed, t};
	cl->feed0 = cl->feeds[0].feed;
	cl->nfeeds++;
	if (cl->nfeeds > WITNESSES)
		cl->drop = WITNESS_DROP * log2((double)cl->nfeeds / WITNESSES);
}

static void
add_member(
    struct clusterer *c, struct cluster *cl, uint32_t idx, uint32_t outlet)
{
	const struct item *it = &c->items[idx];

	if (cl->nmembers == cl->capm) {
		cl->capm = cl->capm ? 2 * cl->capm : 4;
		cl->members =
		    xreallocarray(cl->members, cl->capm, sizeof(*cl->members));
		cl->ids = xreallocarray(cl->ids, cl->capm, sizeof(*cl->ids));
	}
	/* items mostly come in date order: the place is near the end */
	size_t i = cl->nmembers;
	while (i > 0 && member_before(c, idx, cl->members[i - 1]))
		i--;
	memmove(cl->members + i + 1, cl->members + i,
	    (cl->nmembers - i) * sizeof(*cl->members));
	memmove(cl->ids + i + 1, cl->ids + i,
	    (cl->nmembers - i) * sizeof(*cl->ids));
	cl->members[i] = idx;
	cl->ids[i] = it->id;
	/* a member out of the LABEL_SCAN newest never enters them again
	 * (members only join), so its headline terms are not needed */
	if (cl->nmembers + 1 > LABEL_SCAN) {
		size_t out = cl->nmembers - LABEL_SCAN;
		svec_fini(&c->items[cl->members[out]].title);
		if (i < out)
			svec_fini(&c->items[idx].title);
	}
	if (cl->nmembers == 0 || it->time < cl->first)
		cl->first = it->time;
	if (cl->nmembers == 0 || it->time > cl->newest)
		cl->newest = it->time;
	cl->nmembers++;
	add_feed(cl, outlet, it->time);
	cl->dirty = 1;
}

static uint32_t
new_cluster(struct clusterer *c)
{
	if (c->ncl == c->capc) {
		c->capc = c->capc ? 2 * c->capc : 256;
		c->cl = xreallocarray(c->cl, c->capc, sizeof(*c->cl));
		/* the scan arrays are indexed by id, 1 to capc */
		size_t n = c->capc + 1;
		c->cand = xreallocarray(c->cand, n, sizeof(*c->cand));
		c->sh = xreallocarray(c->sh, n, sizeof(*c->sh));
		memset(c->sh + c->ncand_cap, 0,
		    (n - c->ncand_cap) * sizeof(*c->sh));
		c->ncand_cap = n;
	}
	struct cluster *cl = xcalloc(1, sizeof(*cl));
	hvec_init(&cl->sum);
	cl->posted = xreallocarray(NULL, c->o.topk, sizeof(*cl->posted));
	cl->pw = xreallocarray(NULL, c->o.topk, sizeof(*cl->pw));
	cl->at = xreallocarray(NULL, c->o.topk, sizeof(*cl->at));
	cl->open = 1;
	c->cl[c->ncl++] = cl;
	uint32_t id = (uint32_t)c->ncl;
	if (c->nopen == c->capo) {
		c->capo = c->capo ? 2 * c->capo : 256;
		c->open = xreallocarray(c->open, c->capo, sizeof(*c->open));
	}
	c->open[c->nopen++] = id;
	return id;
}

/* Whether cl may still take an item dated t: it is open (its newest item
 * is within the window of the newest date seen) and t lies within the
 * window of its span. */
static int
takes(const struct clusterer *c, const struct cluster *cl, int64_t t)
{
	int64_t w = c->o.window;

	return cl->open && cl->merged_into == 0 && cl->newest >= c->tmax - w &&
	       t <= cl->newest + w && t >= cl->first - w;
}

/* The cosine of unit vector x and cl's centroid; cnt[i] becomes the
 * count of x's term i there. */
static double
cosine(const struct svec *x, const struct cluster *cl, uint32_t *cnt)
{
	double d = hvec_dot_count(&cl->sum, x, cnt);

	return cl->norm > 0 ? d / cl->norm : 0;
}

/* Whether a cluster of n members counts term, used by cnt of them, as
 * part of its core. */
static int
is_core(uint32_t cnt, size_t n)
{
	return cnt > 0 && (n <= 2 || cnt >= CORE_SHARE * (double)n);
}

/* Whether term is evidence of a story: rare in the news at large, and
 * not a word a good share of the items counted use (the day's topic,
 * "George Floyd" on the day of the protests). */
static int
is_salient(const struct clusterer *c, uint32_t term)
{
	return vocab_bg_idf(c->vocab, term) >= SALIENT_BG &&
	       vocab_idf(c->vocab, term) >= SALIENT_LIVE;
}

/* Fills fl with the flags of x's terms (TERM_*), read from the vocabulary
 * once where x is weighed: on a batch's worker, off the thread that
 * places, whose scans then read no term's record. */
static void
term_flags(const struct clusterer *c, const struct svec *x, struct tflags *fl)
{
	uint32_t a, b;

	if (x->n > fl->cap) {
		fl->cap = x->n;
		fl->f = xrealloc(fl->f, fl->cap);
	}
	for (uint32_t i = 0; i < x->n; i++) {
		uint32_t t = x->term[i];
		unsigned char f = 0;
		if (bg_salient(c, t))
			f = TERM_BG | (is_salient(c, t) ? TERM_SAL : 0);
		if (vocab_pair(c->vocab, t, &a, &b))
			f |= TERM_PAIR;
		fl->f[i] = f;
	}
}

/* The units of evidence of the n terms for which use says yes (shared
 * and salient): a phrase counts one and covers its two words (phrases
 * that share a word are one name), and every other word counts one. */
static double
units(const struct clusterer *c, const uint32_t *term, uint32_t n,
    const unsigned char *use)
{
	uint32_t cover[2 * TOPK_MAX];
	uint32_t ncover = 0, a, b;
	double u = 0;

	for (uint32_t i = 0; i < n; i++) {
		if (!use[i] || !vocab_pair(c->vocab, term[i], &a, &b))
			continue;
		/* phrases sharing a word are one name: "george floyd",
		 * "floyd death" */
		if (!has_term(cover, ncover, a) && !has_term(cover, ncover, b))
			u += 1;
		if (ncover + 2 <= ARRAY_LEN(cover)) {
			cover[ncover++] = a;
			cover[ncover++] = b;
		}
	}
	for (uint32_t i = 0; i < n; i++)
		if (use[i] && !vocab_pair(c->vocab, term[i], &a, &b) &&
		    !has_term(cover, ncover, term[i]))
			u++;
	return u;
}

/* The evidence item x (its term flags fl) brings for joining cl: its
 * salient terms that are core terms of cl, whose counts there cosine
 * gave in cnt. */
static double
evidence(struct clusterer *c, const struct svec *x, const unsigned char *fl,
    const uint32_t *cnt, const struct cluster *cl)
{
	unsigned char use[256];
	uint32_t n = x->n < sizeof(use) ? x->n : sizeof(use);

	for (uint32_t i = 0; i < n; i++)
		use[i] = (unsigned char)((fl[i] & TERM_SAL) &&
		                         is_core(cnt[i], cl->nmembers));
	return units(c, x->term, n, use);
}

/* The evidence two clusters share: terms core to both, found from the
 * smaller one's centroid. */
static double
evidence2(struct clusterer *c, const struct cluster *a, const struct cluster *b)
{
	if (a->sum.n > b->sum.n) {
		const struct cluster *t = a;
		a = b;
		b = t;
	}
	uint32_t term[256];
	unsigned char shared[256];
	uint32_t n = 0;
	for (uint32_t i = 0; i < a->sum.cap && n < ARRAY_LEN(term); i++) {
		const struct hvec_slot *s = &a->sum.s[i];
		if (s->term == HVEC_EMPTY || !is_core(s->n, a->nmembers) ||
		    !is_core(hvec_count(&b->sum, s->term), b->nmembers) ||
		    !is_salient(c, s->term))
			continue;
		term[n] = s->term;
		shared[n++] = 1;
	}
	return units(c, term, n, shared);
}

/* An upper bound of the cosine of two centroids that reads their posted
 * terms only, not all of the smaller one: exact over the terms either
 * posts (a posted weight is the centroid's weight there), and for the
 * terms neither posts at most the product of their lengths outside
 * their posted terms (Cauchy-Schwarz). */
static double
centroid_bound(struct clusterer *c, const struct cluster *a,
    const struct cluster *b)
{
	uint32_t ina = mark_stamp(c);
	double dot = 0;

	for (uint32_t i = 0; i < a->nposted; i++) {
		c->mark[a->posted[i]] = ina;
		dot += (double)a->pw[i] * hvec_get(&b->sum, a->posted[i]);
	}
	for (uint32_t i = 0; i < b->nposted; i++)
		if (c->mark[b->posted[i]] != ina)
			dot += (double)b->pw[i] * hvec_get(&a->sum, b->posted[i]);
	return (dot + a->rest * b->rest) / (a->norm * b->norm);
}

/* The cosine an item, the witness of outlet, needs to join cl: more when
 * cl holds only that outlet's items (one outlet's items on a beat are not one
 * story by that alone), less as more outlets carry it beyond WITNESSES (outlets
 * are independent witnesses: a story many of them carry has shown what it is
 * about). */
static double
needed(const struct clusterer *c, const struct cluster *cl, uint32_t outlet)
{
	if (cl->nfeeds == 1 && cl->feed0 == outlet)
		return c->same_threshold;
	double t = c->o.threshold - cl->drop;
	return t > FLOOR ? t : FLOOR;
}

/* Refreshes the label and key terms.  The label is the headline nearest
 * the centroid among the LABEL_SCAN newest members: the most
 * representative headline, and a view then costs the same for a story of
 * five items and of five thousand.  The key terms are the heaviest
 * words. */
static void
refresh(const struct clusterer *c, struct cluster *cl)
{
	if (cl->open) {
		double best = -1;
		size_t from = 0;
		if (cl->nmembers > LABEL_SCAN)
			from = cl->nmembers - LABEL_SCAN;
		cl->label = cl->members[from];
		for (size_t i = from; i < cl->nmembers; i++) {
			const struct item *it = &c->items[cl->members[i]];
			double d = hvec_dot(&cl->sum, &it->title);
			if (d > best + 1e-9) {
				best = d;
				cl->label = cl->members[i];
			}
		}
		struct topk top;
		top_terms(c, &cl->sum, VIEW_TERMS, 1, &top);
		cl->ntop = top.n;
		memcpy(cl->top, top.t, top.n * sizeof(*top.t));
	}
	cl->dirty = 0;
}

static void
close_cluster(struct clusterer *c, struct cluster *cl)
{
	if (cl->dirty)
		refresh(c, cl);
	unpost(c, cl);
	drop_posted(cl);
	for (size_t i = 0; i < cl->nmembers; i++)
		svec_fini(&c->items[cl->members[i]].title);
	hvec_fini(&cl->sum);
	cl->open = 0;
}

/* Closes what fell out of the window and drops merged clusters from the
 * open list. */
static void
sweep(struct clusterer *c)
{
	size_t o = 0;

	for (size_t i = 0; i < c->nopen; i++) {
		uint32_t id = c->open[i];
		struct cluster *cl = get(c, id);
		if (cl->merged_into != 0)
			continue;
		if (cl->newest < c->tmax - c->o.window) {
			close_cluster(c, cl);
			continue;
		}
		c->open[o++] = id;
	}
	c->nopen = o;
	c->since_sweep = 0;
}

void
cluster_rebuild(struct clusterer *c)
{
	sweep(c);
	c->gen++;
}

/* Moves everything of cluster b into cluster a (a < b). */
static void
merge(struct clusterer *c, uint32_t a, uint32_t b)
{
	struct cluster *ca = get(c, a), *cb = get(c, b);
	size_t n = ca->nmembers + cb->nmembers;

	/* The smaller centroid is added into the larger, and all that
	 * follows costs the smaller one's size: the larger one's posted
	 * terms are its heaviest salient ones, and adding raises only the
	 * smaller one's terms, so the new top k is among the two. */
	int swap = cb->sum.cap > ca->sum.cap;
	const struct cluster *big = swap ? cb : ca;
	const struct hvec *small = swap ? &ca->sum : &cb->sum;
	struct topk next = {.k = c->o.topk};
	uint32_t bigposted[TOPK_MAX], nbig = big->nposted;
	memcpy(bigposted, big->posted, nbig * sizeof(*bigposted));
	double ns2 = big->ns2;
	for (uint32_t i = 0; i < small->cap; i++) {
		const struct hvec_slot *e = &small->s[i];
		if (e->term == HVEC_EMPTY || bg_salient(c, e->term))
			continue;
		double wb = hvec_get(&big->sum, e->term);
		ns2 += 2 * wb * e->w + (double)e->w * e->w;
	}
	unpost(c, cb);
	drop_posted(cb);
	/* only each side's LABEL_SCAN newest may still hold a headline
	 * vector: those the merged newest leave behind drop it */
	uint32_t held[2 * LABEL_SCAN];
	size_t nheld = 0;
	const struct cluster *side[2] = {ca, cb};
	for (int k = 0; k < 2; k++) {
		const struct cluster *sc = side[k];
		size_t from =
		    sc->nmembers > LABEL_SCAN ? sc->nmembers - LABEL_SCAN : 0;
		for (size_t i = from; i < sc->nmembers; i++)
			held[nheld++] = sc->members[i];
	}
	/* cb's members go into ca's lists from the back: the newer story
	 * mostly lies after the older one, so this costs cb's size and the
	 * few of ca's that are newer than cb's oldest */
	if (n > ca->capm) {
		size_t cap = ca->capm ? ca->capm : 4;
		while (cap < n)
			cap *= 2;
		ca->members =
		    xreallocarray(ca->members, cap, sizeof(*ca->members));
		ca->ids = xreallocarray(ca->ids, cap, sizeof(*ca->ids));
		ca->capm = cap;
	}
	for (size_t i = ca->nmembers, j = cb->nmembers, o = n; j > 0;) {
		o--;
		if (i > 0 && member_before(c, cb->members[j - 1],
		                 ca->members[i - 1])) {
			i--;
			ca->members[o] = ca->members[i];
			ca->ids[o] = ca->ids[i];
		} else {
			j--;
			c->items[cb->members[j]].cluster = a;
			ca->members[o] = cb->members[j];
			ca->ids[o] = cb->ids[j];
		}
	}
	ca->nmembers = n;
	if (n > LABEL_SCAN)
		for (size_t i = 0; i < nheld; i++)
			if (member_before(c, held[i], ca->members[n - LABEL_SCAN]))
				svec_fini(&c->items[held[i]].title);
	for (size_t i = 0; i < cb->nfeeds; i++)
		add_feed(ca, cb->feeds[i].feed, cb->feeds[i].joined);
	ca->watch |= cb->watch;
	if (cb->first < ca->first)
		ca->first = cb->first;
	if (cb->newest > ca->newest)
		ca->newest = cb->newest;
	ca->dirty = 1;
	if (swap) {
		struct hvec t = ca->sum;
		ca->sum = cb->sum;
		cb->sum = t;
	}
	hvec_add(&ca->sum, &cb->sum);
	ca->norm = hvec_norm(&ca->sum);
	ca->ns2 = ns2 > 0 ? ns2 : 0;
	ca->ns = sqrt(ca->ns2);
	for (uint32_t i = 0; i < nbig; i++)
		topk_offer(&next, bigposted[i],
		    hvec_get(&ca->sum, bigposted[i]));
	for (uint32_t i = 0; i < cb->sum.cap; i++) {
		uint32_t t = cb->sum.s[i].term;
		if (t != HVEC_EMPTY && bg_salient(c, t) &&
		    !has_term(bigposted, nbig, t))
			topk_offer(&next, t, hvec_get(&ca->sum, t));
	}
	post_set(c, ca, a, &next);
	hvec_fini(&cb->sum);
	free(cb->members);
	free(cb->feeds);
	free(cb->ids);
	cb->members = cb->ids = NULL;
	cb->feeds = NULL;
	cb->nmembers = cb->nfeeds = 0;
	cb->merged_into = a;
	cb->open = 0;
}

/* Lists in c->cand every cluster posted on one of x's terms whose flag in
 * scan is set, with what they share in c->sh; returns how many.  The scan
 * costs the lists' length, reads nothing but them and the dense arrays by
 * id, and does not branch on what it reads.  The caller clears c->sh
 * (gather_end). */
static size_t
gather(struct clusterer *c, const struct svec *x, const unsigned char *scan)
{
	size_t nc = 0;

	/* the lists' heads and then their entries are far apart in memory:
	 * asked for ahead, they arrive while the lists before are summed */
	for (uint32_t i = 0; i < x->n; i++)
		if (scan[i] && x->term[i] < c->npost)
			__builtin_prefetch(&c->post[x->term[i]]);
	for (uint32_t i = 0; i < x->n; i++)
		if (scan[i] && x->term[i] < c->npost)
			__builtin_prefetch(c->post[x->term[i]].e);
	for (uint32_t i = 0; i < x->n; i++) {
		if (!scan[i] || x->term[i] >= c->npost)
			continue;
		const struct plist *p = &c->post[x->term[i]];
		float q = x->w[i], qq = q * q;
		for (uint32_t j = 0; j < p->n; j++) {
			uint32_t o = p->e[j].id;
			struct shared *sh = &c->sh[o];
			c->cand[nc] = o;
			nc += sh->hits == 0;
			sh->dot += q * p->e[j].w;
			sh->q2 += qq;
			sh->q1 += q;
			sh->hits++;
		}
	}
	return nc;
}

/* Clears what gather left of its nc candidates. */
static void
gather_end(struct clusterer *c, size_t nc)
{
	for (size_t k = 0; k < nc; k++)
		c->sh[c->cand[k]] = (struct shared){0, 0, 0, 0};
}

static double
root(double x)
{
	return x > 0 ? sqrt(x) : 0;
}

/* A candidate an item could join. */
struct choice {
	uint32_t id;
	double cos;
};

static int
cmp_choice(const void *a, const void *b)
{
	const struct choice *x = a, *y = b;

	if (x->cos != y->cos)
		return x->cos > y->cos ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* Fills ch with up to max open clusters that item x (a unit vector, the
 * witness of outlet, dated t) may join, best first (ties to the lower id), and
 * returns how many: their cosine reaches what they need and x shares enough
 * evidence with their core.  Only clusters posted on one of x's terms are
 * candidates.  The posting scan bounds each cosine from above (exact over
 * the terms x shares with the posted ones, by Cauchy-Schwarz over x's
 * others), so only a candidate whose bound reaches the threshold is
 * compared in full. */
static size_t
choices(struct clusterer *c, const struct svec *x, const unsigned char *fl,
    uint32_t outlet, int64_t t, struct choice *ch, size_t max)
{
	/* Only x's salient terms lead to candidates: a cluster that shares
	 * none with x cannot give it the evidence it needs.  The lists of
	 * its terms that only the day has made common (posted, as they are
	 * rare in the background, but no evidence) are long, and are not
	 * read; what they could add to a cosine is at most their weight in
	 * x (skip), as no centroid weighs more than its length. */
	double x2 = 0, s1 = 0, xns2 = 0, skip = 0, skip2 = 0;
	unsigned char scan[512];
	uint32_t nsal = 0;
	uint32_t nx = x->n < sizeof(scan) ? x->n : (uint32_t)sizeof(scan);
	for (uint32_t i = 0; i < x->n; i++) {
		double w = x->w[i];
		int bg = (fl[i] & TERM_BG) != 0;
		int sal = (fl[i] & TERM_SAL) != 0;
		x2 += w * w;
		if (i < nx)
			scan[i] = (unsigned char)sal;
		if (sal && i < nx) {
			s1 += w;
		} else if (bg) {
			skip += w;
			skip2 += w * w;
		} else {
			xns2 += w * w;
		}
		/* an item that says more must share more */
		nsal += sal && !(fl[i] & TERM_PAIR);
	}
	double need = nsal >= EVIDENCE_WORDS ? EVIDENCE : 1, xns = root(xns2);
	struct svec head = *x;
	head.n = nx;
	size_t nc = gather(c, &head, scan), n = 0;
	for (size_t k = 0; k < nc; k++) {
		uint32_t o = c->cand[k];
		const struct shared *sh = &c->sh[o];
		/* the evidence a story's core gives is among its heaviest
		 * salient terms, the posted ones: a story that shares fewer
		 * of them with x than x needs is not read further */
		if (sh->hits < need)
			continue;
		const struct cluster *co = get(c, o);
		if (co->norm == 0 || !takes(c, co, t))
			continue;
		/* x's posted terms give their exact part; the rest of x's
		 * salient terms are at most co's lightest posted weight there
		 * (the posted terms are its heaviest salient ones, all of
		 * them if fewer than k); its other terms, by Cauchy-Schwarz.
		 * The scan's sums are of positive floats, each within hits + 1
		 * roundings of its size: taken on the side that keeps the
		 * bound a bound */
		double rel = 1.2e-7 * (sh->hits + 2);
		double dot = sh->dot * (1 + rel), q1 = sh->q1 * (1 - rel),
		       q2 = sh->q2 * (1 - rel);
		double b1 = dot + co->wmin * (s1 - q1) + xns * co->ns;
		double b2 = dot + root(x2 - q2 - skip2) * co->rest;
		/* the bound, (b1 or b2) / norm + skip + 1e-6, against the
		 * bar, without a division */
		double bar = needed(c, co, outlet);
		double lim = (bar - skip - 1e-6) * co->norm;
		if ((b1 < b2 ? b1 : b2) < lim)
			continue;
		/* most of x's salient terms that co does not post are not in
		 * co at all, and add nothing: its filter tells which may be */
		if (co->wmin > 0) {
			double sp = 0;
			for (uint32_t i = 0; i < nx; i++)
				if (scan[i] &&
				    hvec_may_have(&co->sum, x->term[i]))
					sp += x->w[i];
			double un = sp - q1 > 0 ? sp - q1 : 0;
			if (dot + co->wmin * un + xns * co->ns < lim)
				continue;
		}
		if (x->n > c->capxcnt) {
			c->capxcnt = x->n;
			c->xcnt =
			    xreallocarray(c->xcnt, x->n, sizeof(*c->xcnt));
		}
		double s = cosine(x, co, c->xcnt);
		if (s < bar || evidence(c, x, fl, c->xcnt, co) < need)
			continue;
		struct choice e = {o, s};
		/* kept best first: e goes where it belongs among the few */
		size_t j = n < max ? n++ : max;
		while (j > 0 && cmp_choice(&e, &ch[j - 1]) < 0) {
			if (j < max)
				ch[j] = ch[j - 1];
			j--;
		}
		if (j < max)
			ch[j] = e;
	}
	gather_end(c, nc);
	return n;
}

/* Moves the frontier to the median date of the last RECENT items when
 * that is later.  The median, not the newest, so that one item with a
 * date years ahead (a feed's broken clock) cannot close every cluster. */
static void
advance(struct clusterer *c, int64_t t)
{
	int64_t m[RECENT];

	c->nadded++;
	size_t n = c->nadded < RECENT ? c->nadded : RECENT;
	c->recent_t[(c->nadded - 1) % RECENT] = t;
	for (size_t i = 0; i < n; i++) { /* a few: insertion sort */
		int64_t v = c->recent_t[i];
		size_t j = i;
		while (j > 0 && m[j - 1] > v) {
			m[j] = m[j - 1];
			j--;
		}
		m[j] = v;
	}
	if (c->nadded == 1 || m[(n - 1) / 2] > c->tmax)
		c->tmax = m[(n - 1) / 2];
}

#define CHOICES 4

/* Item vectors x and tx of raw counts tf and ttf, of an item of feed.
 * Reads the clusterer only (a batch's worker runs it). */
static void
weigh(const struct clusterer *c, uint32_t feed, const struct svec *tf,
    const struct svec *ttf, struct svec *x, struct svec *tx)
{
	uint32_t fd = feed < c->nfeed_docs ? c->feed_docs[feed] : 0;

	tfidf_weigh(c->vocab, tf, c->o.name_boost, feed, fd, x);
	tfidf_weigh(c->vocab, ttf, c->o.name_boost, feed, fd, tx);
}

/* Places item idx (weighed: x, its term flags fl, and tx of its
 * headline) of feed, dated time, in a cluster; returns the cluster's id. */
static uint32_t
place(struct clusterer *c, uint32_t idx, uint32_t feed_id, int64_t time,
    const struct svec *x, const unsigned char *fl, const struct svec *tx)
{
	struct item *it = &c->items[idx];
	it->feed = feed_id;
	it->time = time;
	svec_copy(&it->title, tx);
	uint32_t outlet = it->outlet != 0 ? it->outlet : outlet_of(c, feed_id);

	advance(c, time);
	if (++c->since_sweep >= 64 && c->since_sweep >= c->nopen / 8)
		sweep(c);

	struct choice ch[CHOICES];
	size_t nch = choices(c, x, fl, outlet, time, ch, CHOICES);
	uint32_t id = nch > 0 ? ch[0].id : new_cluster(c);
	struct cluster *cl = get(c, id);
	c->items[idx].cluster = id;
	add_member(c, cl, idx, outlet);
	cl->watch |= c->items[idx].watch;
	unsigned char ns[512];
	float after[512];
	uint32_t nx = x->n < sizeof(ns) ? x->n : (uint32_t)sizeof(ns);
	for (uint32_t i = 0; i < nx; i++)
		ns[i] = (unsigned char)!(fl[i] & TERM_BG);
	if (nx == x->n) {
		hvec_axpy_part(&cl->sum, 1.0, x, ns, &cl->ns2, after);
	} else {
		hvec_axpy(&cl->sum, 1.0, x);
		cl->ns2 = ns_norm2(c, &cl->sum);
	}
	cl->ns = root(cl->ns2);
	cl->norm = hvec_norm(&cl->sum);
	repost_add(c, cl, id, x, nx == x->n ? after : NULL);
	/* The item could have joined others too: where those agree with
	 * this one as wholes, they are one story. */
	for (size_t k = 1; k < nch; k++) {
		uint32_t o = ch[k].id;
		while (get(c, o)->merged_into != 0)
			o = get(c, o)->merged_into;
		if (o == id)
			continue;
		struct cluster *a = get(c, id), *b = get(c, o);
		if (a->norm == 0 || b->norm == 0)
			continue;
		if (centroid_bound(c, a, b) + 1e-3 < c->o.merge)
			continue;
		double s = hvec_dot_hvec(&a->sum, &b->sum) / (a->norm * b->norm);
		if (s < c->o.merge || evidence2(c, a, b) < MERGE_EVIDENCE)
			continue;
		uint32_t lo = id < o ? id : o, hi = id < o ? o : id;
		merge(c, lo, hi);
		id = lo;
	}
	c->gen++;
	return id;
}


uint32_t
cluster_add(struct clusterer *c, uint32_t item_id, uint32_t feed_id,
    const char *lang, const char *title, const char *summary, int64_t time)
{
	uint32_t idx = find_item(c, item_id);

	if (idx != UINT32_MAX && c->items[idx].cluster != 0)
		return c->items[idx].cluster;
	if (idx == UINT32_MAX) {
		tokenize(c, lang, title, summary);
		count_doc(c, feed_id);
		idx = new_item(c, item_id);
		c->items[idx].watch = c->item_watch & feed_watch(c, feed_id);
	} else if (c->items[idx].raw != NULL) {
		/* counted: its counts were kept */
		raw_counts(c, idx, &c->tf, &c->ttf);
		free(c->items[idx].raw);
		c->items[idx].raw = NULL;
	}
	weigh(c, feed_id, &c->tf, &c->ttf, &c->x, &c->tx);
	term_flags(c, &c->x, &c->xfl);
	return place(c, idx, feed_id, time, &c->x, c->xfl.f, &c->tx);
}

/* A batch of counted items: the worker weighs chunk j (into buf[j % 2])
 * while the caller's thread places chunk j - 1.  The worker reads the
 * clusterer's vocabulary, feed counts and renumbering, which placing
 * never writes, and frees the raw counts it unpacks, which placing
 * never reads. */
#define BATCH_CHUNK 256

struct weighed {
	uint32_t idx[BATCH_CHUNK]; /* item index, UINT32_MAX: skip */
	struct svec x[BATCH_CHUNK], tx[BATCH_CHUNK];
	struct tflags fl[BATCH_CHUNK];
};

struct batch {
	struct clusterer *c;
	const struct cluster_entry *e;
	uint32_t *idx; /* per entry: the item to add, or UINT32_MAX */
	size_t n, nchunks;
	struct weighed *buf[2];
	struct svec tf, ttf; /* the worker's room */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t made, placed; /* chunks */
};

static void
weigh_chunk(struct batch *b, size_t j, struct svec *tf, struct svec *ttf)
{
	struct weighed *w = b->buf[j % 2];
	size_t from = j * BATCH_CHUNK;
	size_t to = from + BATCH_CHUNK < b->n ? from + BATCH_CHUNK : b->n;

	for (size_t k = from; k < to; k++) {
		uint32_t idx = b->idx[k];
		w->idx[k - from] = idx;
		if (idx == UINT32_MAX)
			continue;
		struct item *it = &b->c->items[idx];
		raw_counts(b->c, idx, tf, ttf);
		free(it->raw);
		it->raw = NULL;
		weigh(b->c, b->e[k].feed, tf, ttf, &w->x[k - from],
		    &w->tx[k - from]);
		term_flags(b->c, &w->x[k - from], &w->fl[k - from]);
	}
}

static void *
batch_worker(void *arg)
{
	struct batch *b = arg;

	for (size_t j = 0; j < b->nchunks; j++) {
		pthread_mutex_lock(&b->mu);
		while (j >= b->placed + 2) /* both buffers still in use */
			pthread_cond_wait(&b->cv, &b->mu);
		pthread_mutex_unlock(&b->mu);
		weigh_chunk(b, j, &b->tf, &b->ttf);
		pthread_mutex_lock(&b->mu);
		b->made = j + 1;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
	}
	return NULL;
}

void
cluster_add_counted(
    struct clusterer *c, const struct cluster_entry *e, size_t n)
{
	struct batch b = {.c = c, .e = e, .n = n};

	if (n == 0)
		return;
	/* which entries to add, decided before any is: an item listed twice
	 * is added where it is first */
	b.idx = xreallocarray(NULL, n, sizeof(*b.idx));
	for (size_t k = 0; k < n; k++) {
		uint32_t idx = find_item(c, e[k].item);
		b.idx[k] = UINT32_MAX;
		if (idx == UINT32_MAX || c->items[idx].cluster != 0 ||
		    c->items[idx].raw == NULL)
			continue;
		c->items[idx].cluster = UINT32_MAX; /* taken, for now */
		b.idx[k] = idx;
	}
	for (size_t k = 0; k < n; k++)
		if (b.idx[k] != UINT32_MAX)
			c->items[b.idx[k]].cluster = 0;
	vocab_cache_idf(c->vocab);
	b.nchunks = (n + BATCH_CHUNK - 1) / BATCH_CHUNK;
	for (int i = 0; i < 2; i++) {
		b.buf[i] = xcalloc(1, sizeof(*b.buf[i]));
		for (size_t k = 0; k < BATCH_CHUNK; k++) {
			svec_init(&b.buf[i]->x[k]);
			svec_init(&b.buf[i]->tx[k]);
		}
	}
	svec_init(&b.tf);
	svec_init(&b.ttf);
	pthread_t th;
	int threaded = b.nchunks > 1 && util_cores() > 1;
	if (threaded) {
		pthread_mutex_init(&b.mu, NULL);
		pthread_cond_init(&b.cv, NULL);
		threaded = pthread_create(&th, NULL, batch_worker, &b) == 0;
		if (!threaded) {
			pthread_cond_destroy(&b.cv);
			pthread_mutex_destroy(&b.mu);
		}
	}
	for (size_t j = 0; j < b.nchunks; j++) {
		if (threaded) {
			pthread_mutex_lock(&b.mu);
			while (b.made <= j)
				pthread_cond_wait(&b.cv, &b.mu);
			pthread_mutex_unlock(&b.mu);
		} else {
			weigh_chunk(&b, j, &c->tf, &c->ttf);
		}
		struct weighed *w = b.buf[j % 2];
		size_t from = j * BATCH_CHUNK;
		size_t to = from + BATCH_CHUNK < n ? from + BATCH_CHUNK : n;
		for (size_t k = from; k < to; k++)
			if (w->idx[k - from] != UINT32_MAX)
				place(c, w->idx[k - from], e[k].feed, e[k].time,
				    &w->x[k - from], w->fl[k - from].f,
				    &w->tx[k - from]);
		if (threaded) {
			pthread_mutex_lock(&b.mu);
			b.placed = j + 1;
			pthread_cond_broadcast(&b.cv);
			pthread_mutex_unlock(&b.mu);
		}
	}
	if (threaded) {
		pthread_join(th, NULL);
		pthread_cond_destroy(&b.cv);
		pthread_mutex_destroy(&b.mu);
	}
	for (int i = 0; i < 2; i++) {
		for (size_t k = 0; k < BATCH_CHUNK; k++) {
			svec_fini(&b.buf[i]->x[k]);
			svec_fini(&b.buf[i]->tx[k]);
			free(b.buf[i]->fl[k].f);
		}
		free(b.buf[i]);
	}
	svec_fini(&b.tf);
	svec_fini(&b.ttf);
	free(b.idx);
}

/* Counting on a thread of its own.  The caller fills a batch of items
 * (their texts copied, so that it may free or move its own at once) and
 * hands it over whole; the thread counts the batches in the order they
 * came. */
#define COUNTER_BATCH 64 /* items a hand-over at most */

struct cbatch {
	struct cbatch *next;
	struct cbentry {
		uint32_t item, feed;
		size_t lang, title, summary; /* offsets in text; lang
		                              * SIZE_MAX for none */
	} e[COUNTER_BATCH];
	size_t n;
	struct buf text; /* the strings, NUL-separated */
};

struct cluster_counter {
	struct clusterer *c;
	struct cbatch *fill;        /* the caller's */
	struct cbatch *head, *tail; /* handed over, not counted yet */
	int threaded, done;
	int64_t busy_us; /* the thread's, read after the join */
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* Appends s[0..n) and a NUL to the batch's text; returns where. */
static size_t
cbatch_text(struct cbatch *b, const char *s, size_t n)
{
	size_t at = b->text.len;

	(void)buf_append(&b->text, s, n);
	(void)buf_putc(&b->text, '\0');
	return at;
}

static void
cbatch_count(struct clusterer *c, struct cbatch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct cbentry *e = &b->e[i];
		const char *t = b->text.p;
		cluster_count(c, e->item, e->feed,
		    e->lang == SIZE_MAX ? NULL : t + e->lang, t + e->title,
		    t + e->summary);
	}
}

static void
cbatch_free(struct cbatch *b)
{
	if (b) {
		buf_fini(&b->text);
		free(b);
	}
}

static void *
counter_main(void *arg)
{
	struct cluster_counter *k = arg;

	pthread_mutex_lock(&k->mu);
	for (;;) {
		while (k->head == NULL && !k->done)
			pthread_cond_wait(&k->cv, &k->mu);
		struct cbatch *b = k->head;
		if (b == NULL)
			break; /* done, and nothing left */
		k->head = NULL;
		k->tail = NULL;
		pthread_mutex_unlock(&k->mu);
		int64_t t0 = util_now_us();
		while (b != NULL) {
			struct cbatch *next = b->next;
			cbatch_count(k->c, b);
			cbatch_free(b);
			b = next;
		}
		k->busy_us += util_now_us() - t0;
		pthread_mutex_lock(&k->mu);
	}
	pthread_mutex_unlock(&k->mu);
	return NULL;
}

struct cluster_counter *
cluster_counter_start(struct clusterer *c)
{
	struct cluster_counter *k = xcalloc(1, sizeof(*k));

	k->c = c;
	if (util_cores() > 1) {
		pthread_mutex_init(&k->mu, NULL);
		pthread_cond_init(&k->cv, NULL);
		k->threaded =
		    pthread_create(&k->th, NULL, counter_main, k) == 0;
		if (!k->threaded) {
			pthread_cond_destroy(&k->cv);
			pthread_mutex_destroy(&k->mu);
		}
	}
	return k;
}

void
cluster_counter_flush(struct cluster_counter *k)
{
	struct cbatch *b = k->fill;

	if (b == NULL || b->n == 0)
		return;
	k->fill = NULL;
	if (!k->threaded) {
		int64_t t0 = util_now_us();
		cbatch_count(k->c, b);
		k->busy_us += util_now_us() - t0;
		cbatch_free(b);
		return;
	}
	pthread_mutex_lock(&k->mu);
	if (k->tail)
		k->tail->next = b;
	else
		k->head = b;
	k->tail = b;
	pthread_cond_signal(&k->cv);
	pthread_mutex_unlock(&k->mu);
}

void
cluster_counter_put(struct cluster_counter *k, uint32_t item_id,
    uint32_t feed_id, const char *lang, const char *title, const char *summary)
{
	struct cbatch *b = k->fill;

	if (b == NULL) {
		b = k->fill = xcalloc(1, sizeof(*b));
		buf_init(&b->text, 0);
	}
	title = title ? title : "";
	summary = summary ? summary : "";
	struct cbentry *e = &b->e[b->n++];
	e->item = item_id;
	e->feed = feed_id;
	e->lang = lang ? cbatch_text(b, lang, strlen(lang)) : SIZE_MAX;
	e->title = cbatch_text(b, title, strlen(title));
	/* of the summary, what the lead is cut from (summary_lead): a
	 * byte past CLUSTER_SUMMARY_BYTES says there is more */
	e->summary = cbatch_text(
	    b, summary, strnlen(summary, CLUSTER_SUMMARY_BYTES + 1));
	if (b->n == COUNTER_BATCH)
		cluster_counter_flush(k);
}

int64_t
cluster_counter_end(struct cluster_counter *k)
{
	cluster_counter_flush(k);
	if (k->threaded) {
		pthread_mutex_lock(&k->mu);
		k->done = 1;
		pthread_cond_signal(&k->cv);
		pthread_mutex_unlock(&k->mu);
		pthread_join(k->th, NULL);
		pthread_cond_destroy(&k->cv);
		pthread_mutex_destroy(&k->mu);
	}
	int64_t busy = k->busy_us;
	free(k);
	return busy;
}

uint32_t
cluster_of(const struct clusterer *c, uint32_t item_id)
{
	uint32_t idx = find_item(c, item_id);

	return idx == UINT32_MAX ? 0 : c->items[idx].cluster;
}

/* Hotness: how many outlets carry the story and how recently each
 * joined it.  Every outlet counts one, halved for every half-life
 * between its first item in the story and now; the sum is kept as a
 * base-2 logarithm (log2 of a sum of powers of two, taken around the
 * largest), so stories days or years old still rank among themselves
 * instead of all underflowing to zero. */
static double
outlet_weight_log2(const struct cluster_source *o, int64_t now)
{
	int64_t age = now > o->joined ? now - o->joined : 0;

	return -(double)age / CLUSTER_HOT_HALF_LIFE;
}

static double
hotness(const struct cluster *cl, int64_t now)
{
	double top = -INFINITY, sum = 0;

	for (size_t i = 0; i < cl->nfeeds; i++) {
		double e = outlet_weight_log2(&cl->feeds[i], now);
		if (e > top)
			top = e;
	}
	for (size_t i = 0; i < cl->nfeeds; i++)
		sum += exp2(outlet_weight_log2(&cl->feeds[i], now) - top);
	return cl->nfeeds > 0 ? top + log2(sum) : -INFINITY;
}

struct ranked {
	double hot;
	size_t size;
	int64_t newest;
	uint32_t id;
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->hot != y->hot)
		return x->hot > y->hot ? -1 : 1;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	if (x->newest != y->newest)
		return x->newest > y->newest ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

size_t
cluster_rank(struct clusterer *c, int64_t now, uint32_t *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < c->ncl; i++)
		n += c->cl[i]->merged_into == 0;
	if (max == 0)
		return n;
	if (c->rank_valid && c->rank_gen == c->gen && c->rank_now == now) {
		/* nothing changed since: the hotness the views hold is this
		 * moment's too */
		n = c->nrank < max ? c->nrank : max;
		memcpy(out, c->rank, n * sizeof(*out));
		return n;
	}
	struct ranked *r = xreallocarray(NULL, n ? n : 1, sizeof(*r));
	n = 0;
	for (size_t i = 0; i < c->ncl; i++) {
		struct cluster *cl = c->cl[i];
		if (cl->merged_into != 0)
			continue;
		cl->view.hotness = hotness(cl, now);
		r[n++] = (struct ranked){cl->view.hotness, cl->nmembers,
		    cl->newest, (uint32_t)i + 1};
	}
	qsort(r, n, sizeof(*r), cmp_ranked);
	if (n > c->caprank) {
		c->caprank = n;
		c->rank = xreallocarray(c->rank, n, sizeof(*c->rank));
	}
	for (size_t i = 0; i < n; i++)
		c->rank[i] = r[i].id;
	free(r);
	c->nrank = n;
	c->rank_gen = c->gen;
	c->rank_now = now;
	c->rank_valid = 1;
	if (n > max)
		n = max;
	memcpy(out, c->rank, n * sizeof(*out));
	return n;
}

const struct cluster_view *
cluster_view(const struct clusterer *c, uint32_t id)
{
	if (id == 0 || id > c->ncl)
		return NULL;
	/* The view is a cache of what the members imply; filling it does not
	 * change the clustering, so it may happen behind a const handle. */
	struct cluster *cl = c->cl[id - 1];
	if (cl->merged_into != 0)
		return NULL;
	if (cl->dirty)
		refresh(c, cl);
	for (uint32_t i = 0; i < cl->ntop; i++)
		cl->termv[i] = vocab_display(c->vocab, cl->top[i]);
	cl->view.id = id;
	cl->view.label_item = c->items[cl->label].id;
	cl->view.terms = cl->termv;
	cl->view.nterms = cl->ntop;
	cl->view.members = cl->ids;
	cl->view.nmembers = cl->nmembers;
	cl->view.sources = cl->nfeeds;
	cl->view.outlets = cl->feeds;
	cl->view.watch = cl->watch;
	cl->view.first = cl->first;
	cl->view.newest = cl->newest;
	return &cl->view;
}
