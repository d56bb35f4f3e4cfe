/* store: the live items and feeds, owned in memory; the SQLite journal
 * (db.c) only mirrors them.
 *
 * Why this way: every view and the clusterer read items many times per
 * second, so reads must be plain memory lookups by id.  Items live in a
 * dense array indexed by id (1..max; a pruned slot is NULL), and each item
 * is a single allocation holding the public struct item, a little private
 * bookkeeping and its strings.  An item is immutable apart from its
 * read/fresh flags: a changed title or summary builds a new record under
 * the same id, which is why item pointers are borrowed only until the
 * next store_merge or store_prune.
 *
 * Deduplication goes through an open-addressing hash of item ids keyed by
 * (feed id, identity key).  Keys come from the network, so the hash is
 * seeded per store from /dev/urandom: nobody can precompute keys that
 * collide.
 *
 * The journal is write-through: each change goes to the database as it
 * happens, one transaction per merge or prune.  When a write fails (full
 * disk, read-only file, a second wiredesk holding the lock past the busy
 * timeout) the store rolls that transaction back, keeps one warning for
 * the caller, drops the journal and goes on in memory: the file keeps
 * everything committed before, and nothing is ever deleted because of an
 * error.  Memory and disk ids differ: memory ids are dense and handed out
 * per session, the rowids stay in the private records.
 *
 * Retention counts from first_seen, when wiredesk first saw an item, not
 * from the date the feed gives it: an archive or a replayed feed is kept
 * as long as a live one, and a wrong date in a feed cannot hide an item.
 * Pruned items are remembered per feed (by key hash, with the key) for as
 * long as the feed still carries them, so a feed with more items than the
 * cap does not bring them back as new on every fetch.  The journal keeps
 * those keys too (the hashes are seeded per store, so the keys are what
 * is stored), written in the same transaction as the prune that drops the
 * items and forgotten in the merge that finds the feed no longer carries
 * them: a restart does not bring pruned items back either.  Items stored
 * but first seen before store_open_since's since count as pruned: they
 * are moved to the pruned keys at open, so they stay out as well.
 *
 * Alerts are kept here too, as data the reporter must find again after a
 * restart: each item's alerted bits (written through like its read flag)
 * and the log of alerts, which names its story's label item by memory id
 * (the journal by rowid, and by feed and key when loading).  What fires
 * an alert is alert.c's business; the store only remembers.
 *
 * Invariants:
 * - items[id] is NULL or a record whose item.id == id; count is the number
 *   of non-NULL slots; feeds[i]->info.nitems counts that feed's items.
 * - every live item is in the hash exactly once; deleted slots are
 *   tombstones until the next rebuild.
 * - with a journal, every item and feed has its rowid.
 * - generation moves on every change a view could show.
 */
#include "store.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "outlet.h"

/* Private part of an item: the public struct first, so a const struct
 * item * handed out converts back with a cast of the same address. */
struct rec {
	struct item it;
	uint64_t hash; /* of (feed id, key) with the store's seed */
	uint64_t mark; /* the last merge that met this key */
	int64_t rowid; /* in the journal; 0 without one */
	char data[];   /* the strings, NUL-separated */
};

/* A pruned key the feed may still carry. */
struct gone {
	uint64_t hash; /* as rec.hash */
	char *key;
};

struct feed {
	struct feed_info info;
	int64_t rowid;
	unsigned from_file : 1; /* the title came from the feeds file */
	char *outlet_key;       /* outlet_key of the url; may be NULL */
	struct gone *gone;	/* pruned keys, sorted by hash, no repeats */
	size_t ngone;
};

/* A named outlet id and the outlet it witnesses (store_witness). */
struct witness_memo {
	uint32_t named; /* 0: free */
	uint32_t witness;
};

struct store {
	struct rec **items; /* index = id; [0] unused */
	uint32_t max;	    /* highest id handed out */
	size_t cap;	    /* slots allocated in items */
	size_t count;	    /* live items */

	uint32_t *tab;	/* 0 empty, TOMB deleted, else an item id */
	size_t tabcap;	/* power of two */
	size_t tabused; /* live + tombstones */
	uint64_t seed;

	struct feed **feeds; /* index = id - 1 */
	uint32_t nfeeds, capfeeds;
	uint32_t *urltab; /* feed ids by url, open addressing; 0 empty */
	uint32_t *keytab; /* the first feed id of each outlet key, alike */
	size_t urlcap;    /* power of two, at least twice nfeeds; of both */

	struct store_alert *alerts; /* the log, oldest first */
	size_t nalerts, capalerts;

	uint64_t gen;
	uint64_t merges; /* store_merge calls, for rec.mark */

	struct db *db;	   /* NULL: memory only */
	char *path;	   /* of the journal, for messages */
	char *warning;	   /* kept for store_take_warning */
	size_t lean; /* store_set_lean: summary bytes kept, 0 all */
	struct leads **leadof; /* lean: by id, where its lead is kept */
	size_t capleadof;
	/* the feeds by their shown names, folded (store_witness): feed
	 * ids, open addressing, 0 empty; rebuilt when a name changed */
	uint32_t *nametab;
	size_t namecap;
	/* store_witness's answers by named outlet id, until a name changes:
	 * the cleaning of a name (outlet_name) is done once, not on every
	 * draw of a panel */
	struct witness_memo *memo;
	size_t memocap, nmemo;
	unsigned names_stale : 1;
	unsigned db_lost : 1;
	unsigned txn : 1; /* the open batch's transaction has begun */
	unsigned depth;   /* batches open (a merge, a prune, a store_group):
	                   * their writes share one transaction */
};

#define TOMB UINT32_MAX

/* A lean store's leads of one merge in one allocation, freed once every
 * item of it has forgotten its own: records stay exactly their size, and
 * the leads of a feed leave one hole, not one between every two
 * records. */
struct leads {
	size_t live, used;
	char text[];
};

static void
lead_release(struct store *s, uint32_t id)
{
	struct leads *l = id < s->capleadof ? s->leadof[id] : NULL;

	if (!l)
		return;
	s->leadof[id] = NULL;
	if (--l->live == 0)
		free(l);
}

/* Record r (item id) takes the first n bytes of text as its summary,
 * kept in l. */
static void
lead_attach(struct store *s, struct rec *r, struct leads *l,
    const char *text, size_t n)
{
	uint32_t id = r->it.id;

	if (id >= s->capleadof) {
		size_t cap = s->capleadof ? s->capleadof : 1024;
		while (cap <= id)
			cap *= 2;
		s->leadof = xreallocarray(s->leadof, cap, sizeof(*s->leadof));
		memset(s->leadof + s->capleadof, 0,
		    (cap - s->capleadof) * sizeof(*s->leadof));
		s->capleadof = cap;
	}
	char *p = l->text + l->used;
	memcpy(p, text, n);
	p[n] = 0;
	l->used += n + 1;
	l->live++;
	r->it.summary = p;
	s->leadof[id] = l;
}

static uint64_t
random_seed(void)
{
	uint64_t seed = 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		if (read(fd, &seed, sizeof(seed)) != (ssize_t)sizeof(seed))
			seed = 0;
		close(fd);
	}
	if (seed == 0) {
		/* No urandom (a chroot): still differ between runs. */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		seed = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^
		    ((uint64_t)getpid() << 40) ^ (uint64_t)(uintptr_t)&ts;
	}
	return seed;
}

static uint64_t
key_hash(const struct store *s, uint32_t feed_id, const char *key)
{
	uint64_t h = util_hash(&feed_id, sizeof(feed_id), s->seed);

	return util_hash(key, strlen(key), h);
}

static uint32_t
tab_find(const struct store *s, uint32_t feed_id, const char *key,
    uint64_t h)
{
	size_t mask = s->tabcap - 1;

	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		uint32_t id = s->tab[i];
		if (id == 0)
			return 0;
		if (id == TOMB)
			continue;
		const struct rec *r = s->items[id];
		if (r->hash == h && r->it.feed_id == feed_id &&
		    strcmp(r->it.key, key) == 0)
			return id;
	}
}

/* Rebuilds the table for the live items, sized for at least need. */
static void
tab_rebuild(struct store *s, size_t need)
{
	size_t cap = 64;

	while (cap / 4 * 3 <= need)
		cap *= 2;
	uint32_t *tab = xcalloc(cap, sizeof(*tab));
	for (uint32_t id = 1; id <= s->max; id++) {
		if (!s->items[id])
			continue;
		size_t i = (size_t)s->items[id]->hash & (cap - 1);
		while (tab[i] != 0)
			i = (i + 1) & (cap - 1);
		tab[i] = id;
	}
	free(s->tab);
	s->tab = tab;
	s->tabcap = cap;
	s->tabused = s->count;
}

static void
tab_add(struct store *s, const struct rec *r)
{
	if (s->tabused + 1 >= s->tabcap / 4 * 3)
		tab_rebuild(s, s->count * 2 + 1);
	size_t mask = s->tabcap - 1;
	size_t i = (size_t)r->hash & mask;
	while (s->tab[i] != 0 && s->tab[i] != TOMB)
		i = (i + 1) & mask;
	if (s->tab[i] == 0)
		s->tabused++;
	s->tab[i] = r->it.id;
}

static void
tab_del(struct store *s, const struct rec *r)
{
	size_t mask = s->tabcap - 1;

	for (size_t i = (size_t)r->hash & mask;; i = (i + 1) & mask) {
		if (s->tab[i] == r->it.id) {
			s->tab[i] = TOMB;
			return;
		}
	}
}

/* The strings of a record, in the order they are packed. */
struct fields {
	const char *key, *title, *link, *summary, *content, *author, *outlet;
};

static size_t
slen(const char *p)
{
	return p ? strlen(p) + 1 : 0;
}

static char *
pack(char **dst, const char *src)
{
	if (!src)
		return NULL;
	size_t n = strlen(src) + 1;
	char *p = *dst;
	memcpy(p, src, n);
	*dst += n;
	return p;
}

/* One allocation: struct rec followed by the strings.  A key that is
 * the link (most feeds' guid is their permalink) is kept once. */
static struct rec *
rec_new(const struct fields *f)
{
	int same = f->key && f->link && strcmp(f->key, f->link) == 0;
	size_t n = (same ? 0 : slen(f->key)) + slen(f->title) + slen(f->link) +
	           slen(f->summary) + slen(f->content) + slen(f->author) +
	           slen(f->outlet);
	struct rec *r = xcalloc(1, sizeof(*r) + n);
	char *p = r->data;

	r->it.key = same ? NULL : pack(&p, f->key);
	r->it.title = pack(&p, f->title);
	r->it.link = pack(&p, f->link);
	if (same)
		r->it.key = r->it.link;
	r->it.summary = pack(&p, f->summary);
	r->it.content = pack(&p, f->content);
	r->it.author = pack(&p, f->author);
	r->it.outlet = pack(&p, f->outlet);
	return r;
}

static struct feed *
feed_get(const struct store *s, uint32_t id)
{
	if (id == 0 || id > s->nfeeds)
		return NULL;
	return s->feeds[id - 1];
}

/* s folded to ASCII lower case into out (of size n), cut to fit. */
static void
fold_name(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; *s != '\0' && k + 1 < n; s++)
		out[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
	out[k] = '\0';
}

/* The outlet whose witness r is: the one an aggregator names for it,
 * by its name folded to lower case (outlet ids above every feed id's),
 * else its feed's. */
static void
set_witness(const struct store *s, struct rec *r)
{
	const struct feed *f = feed_get(s, r->it.feed_id);

	r->it.outlet_id = f != NULL ? f->info.outlet_id : r->it.feed_id;
	if (r->it.outlet == NULL || r->it.outlet[0] == '\0')
		return;
	char low[257];
	fold_name(r->it.outlet, low, sizeof(low));
	r->it.outlet_id =
	    STORE_OUTLET_NAMED |
	    (uint32_t)(util_hash(low, strlen(low), 0) & 0x7fffffff);
}

static int
str_differs(const char *a, const char *b)
{
	if (!a || !b)
		return a != b;
	return strcmp(a, b) != 0;
}

static void
set_str(char **dst, const char *src)
{
	if (!str_differs(*dst, src))
		return;
	free(*dst);
	*dst = src ? xstrdup(src) : NULL;
}

/* The journal failed: keep one warning, roll back, go on in memory. */
static void
db_lost(struct store *s, const char *why)
{
	if (!s->db)
		return;
	db_rollback(s->db);
	db_close(s->db);
	s->db = NULL;
	s->txn = 0;
	if (!s->db_lost) {
		s->db_lost = 1;
		free(s->warning);
		s->warning = xasprintf("%s: %s; from now on changes are kept "
				       "in memory only",
		    s->path, why);
	}
}

/* 1 when a write may go to the journal now.  Inside a batch the
 * transaction begins with the first write, so a merge that changes
 * nothing takes no lock at all. */
static int
ready(struct store *s)
{
	char err[256];

	if (!s->db)
		return 0;
	if (s->depth > 0 && !s->txn) {
		if (db_begin(s->db, err, sizeof(err)) != 0) {
			db_lost(s, err);
			return 0;
		}
		s->txn = 1;
	}
	return 1;
}

static void
db_feed_of(struct db_feed *d, const struct feed *f)
{
	d->rowid = f->rowid;
	d->url = f->info.url;
	d->title = f->info.title;
	d->language = f->info.language;
	d->etag = f->info.etag;
	d->last_modified = f->info.last_modified;
	d->error = f->info.error;
	d->last_fetch = f->info.last_fetch;
	d->status = f->info.status;
	d->failures = f->info.failures;
}

/* Writes a feed row (on its own, or inside the caller's transaction). */
static int
save_feed(struct store *s, struct feed *f)
{
	char err[256];
	struct db_feed d;

	if (!ready(s))
		return 0;
	db_feed_of(&d, f);
	if (db_put_feed(s->db, &d, err, sizeof(err)) != 0) {
		db_lost(s, err);
		return -1;
	}
	f->rowid = d.rowid;
	return 0;
}

static int
save_item(struct store *s, struct rec *r)
{
	char err[256];
	const struct feed *f = s->feeds[r->it.feed_id - 1];
	struct db_item d = {
	    .rowid = r->rowid,
	    .feed = f->rowid,
	    .key = r->it.key,
	    .title = r->it.title,
	    .link = r->it.link,
	    .summary = r->it.summary,
	    .content = r->it.content,
	    .author = r->it.author,
	    .published =
	        r->it.published == PARSE_NO_DATE ? DB_NO_DATE : r->it.published,
	    .first_seen = r->it.first_seen,
	    .read = r->it.read,
	    .updated = r->it.updated,
	    .outlet = r->it.outlet,
	};

	if (!ready(s))
		return 0;
	if (db_put_item(s->db, &d, err, sizeof(err)) != 0) {
		db_lost(s, err);
		return -1;
	}
	r->rowid = d.rowid;
	return 0;
}

/* A batch of writes: batches nest, and the outermost one's end commits
 * them all. */
static void
begin(struct store *s)
{
	s->depth++;
}

static void
commit(struct store *s)
{
	char err[256];

	if (s->depth > 0 && --s->depth > 0)
		return;
	if (s->db && s->txn && db_commit(s->db, err, sizeof(err)) != 0)
		db_lost(s, err);
	s->txn = 0;
}

void
store_group(struct store *s, int on)
{
	if (on)
		begin(s);
	else
		commit(s);
}

/* Where key's feed id is in the url table (by_key 0: key is a url) or
 * the outlet key table (1), or the free slot where it would go. */
static size_t
feed_slot(const struct store *s, int by_key, const char *key)
{
	const uint32_t *tab = by_key ? s->keytab : s->urltab;
	size_t mask = s->urlcap - 1;
	size_t i = (size_t)util_hash(key, strlen(key), s->seed) & mask;

	while (tab[i] != 0) {
		const struct feed *f = s->feeds[tab[i] - 1];
		if (strcmp(by_key ? f->outlet_key : f->info.url, key) == 0)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* Files feed f in both tables: the first feed of a url or an outlet key
 * is the one found. */
static void
feed_file(struct store *s, const struct feed *f)
{
	size_t at = feed_slot(s, 0, f->info.url);
	if (s->urltab[at] == 0)
		s->urltab[at] = f->info.id;
	if (f->outlet_key != NULL) {
		at = feed_slot(s, 1, f->outlet_key);
		if (s->keytab[at] == 0)
			s->keytab[at] = f->info.id;
	}
}

static struct feed *
feed_new(struct store *s, const char *url)
{
	struct feed *f = xcalloc(1, sizeof(*f));

	if (s->nfeeds == s->capfeeds) {
		s->capfeeds = s->capfeeds ? 2 * s->capfeeds : 16;
		s->feeds =
		    xreallocarray(s->feeds, s->capfeeds, sizeof(*s->feeds));
	}
	s->feeds[s->nfeeds++] = f;
	f->info.id = s->nfeeds;
	f->info.url = xstrdup(url);
	f->outlet_key = outlet_key(url);
	/* a thousand feeds are found by url as often as they are listed:
	 * not by a scan of them all */
	if (2 * (size_t)s->nfeeds > s->urlcap) {
		free(s->urltab);
		free(s->keytab);
		s->urlcap = s->urlcap ? 2 * s->urlcap : 64;
		s->urltab = xcalloc(s->urlcap, sizeof(*s->urltab));
		s->keytab = xcalloc(s->urlcap, sizeof(*s->keytab));
		for (uint32_t i = 0; i + 1 < s->nfeeds; i++)
			feed_file(s, s->feeds[i]);
	}
	feed_file(s, f);
	/* one outlet's feeds (its sections, its editions) are one witness
	 * of a story: the first of them stands for all */
	f->info.outlet_id = f->outlet_key != NULL
	                        ? s->keytab[feed_slot(s, 1, f->outlet_key)]
	                        : f->info.id;
	return f;
}

/* Installs r under a new id. */
static uint32_t
item_insert(struct store *s, struct rec *r)
{
	if ((size_t)s->max + 1 >= s->cap) {
		size_t ncap = s->cap * 2;
		s->items = xreallocarray(s->items, ncap, sizeof(*s->items));
		memset(s->items + s->cap, 0,
		    (ncap - s->cap) * sizeof(*s->items));
		s->cap = ncap;
	}
	r->it.id = ++s->max;
	s->items[r->it.id] = r;
	s->count++;
	tab_add(s, r);
	s->feeds[r->it.feed_id - 1]->info.nitems++;
	return r->it.id;
}

static int
cmp_gone(const void *a, const void *b)
{
	uint64_t x = ((const struct gone *)a)->hash;
	uint64_t y = ((const struct gone *)b)->hash;

	return x < y ? -1 : x > y;
}

static void
gone_add(struct feed *f, uint64_t hash, const char *key)
{
	f->gone = xreallocarray(f->gone, f->ngone + 1, sizeof(*f->gone));
	f->gone[f->ngone].hash = hash;
	f->gone[f->ngone].key = xstrdup(key);
	f->ngone++;
}

/* Sorts the gone keys of every feed and drops repeats. */
static void
gone_sort(struct store *s)
{
	for (uint32_t i = 0; i < s->nfeeds; i++) {
		struct feed *f = s->feeds[i];
		if (f->ngone < 2)
			continue;
		qsort(f->gone, f->ngone, sizeof(*f->gone), cmp_gone);
		size_t k = 1;
		for (size_t j = 1; j < f->ngone; j++) {
			if (f->gone[j].hash == f->gone[k - 1].hash)
				free(f->gone[j].key);
			else
				f->gone[k++] = f->gone[j];
		}
		f->ngone = k;
	}
}

/* Loading: feeds arrive in rowid order, so a rowid finds its feed by
 * binary search.  Returns the feed id, 0 for an unknown rowid. */
static uint32_t
feed_by_rowid(const struct store *s, int64_t rowid)
{
	uint32_t lo = 0, hi = s->nfeeds;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (s->feeds[mid]->rowid < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->nfeeds || s->feeds[lo]->rowid != rowid)
		return 0;
	return lo + 1;
}

/* Sets the name shown for f: the feeds file's title as written, else
 * one made from the feed's title and its host (the feed's URL when it is
 * http(s), else the site link it gives, when known).  Returns 1 when the
 * name changed. */
static int
set_outlet(struct store *s, struct feed *f, const char *link)
{
	const char *u = f->info.url;
	int web = strncmp(u, "http://", 7) == 0 ||
	          strncmp(u, "https://", 8) == 0;
	char *name = f->from_file && f->info.title
	                 ? xstrdup(f->info.title)
	                 : outlet_name(f->info.title, web || !link ? u : link);

	if (!str_differs(f->info.outlet, name)) {
		free(name);
		return 0;
	}
	free(f->info.outlet);
	f->info.outlet = name;
	s->names_stale = 1;
	return 1;
}

static void
load_feed(const struct db_feed *d, void *ctx)
{
	struct store *s = ctx;
	struct feed *f = feed_new(s, d->url);

	f->rowid = d->rowid;
	f->info.title = d->title ? xstrdup(d->title) : NULL;
	f->info.language = d->language ? xstrdup(d->language) : NULL;
	f->info.etag = d->etag ? xstrdup(d->etag) : NULL;
	f->info.last_modified = d->last_modified ? xstrdup(d->last_modified) :
						   NULL;
	f->info.error = d->error ? xstrdup(d->error) : NULL;
	f->info.last_fetch = d->last_fetch;
	f->info.status = d->status;
	f->info.failures = d->failures;
	(void)set_outlet(s, f, NULL);
}

static void
load_item(const struct db_item *d, void *ctx)
{
	struct store *s = ctx;
	uint32_t feed_id = feed_by_rowid(s, d->feed);

	if (!feed_id)
		return;
	uint64_t h = key_hash(s, feed_id, d->key);
	if (tab_find(s, feed_id, d->key, h))
		return;
	struct fields fl = {d->key, d->title, d->link, d->summary, d->content,
	    d->author, d->outlet};
	struct rec *r = rec_new(&fl);
	r->hash = h;
	r->rowid = d->rowid;
	r->it.feed_id = feed_id;
	set_witness(s, r);
	r->it.published = d->published == DB_NO_DATE ? PARSE_NO_DATE :
						       d->published;
	r->it.first_seen = d->first_seen;
	r->it.time = r->it.published != PARSE_NO_DATE ? r->it.published :
							r->it.first_seen;
	r->it.read = d->read != 0;
	r->it.updated = d->updated != 0;
	r->it.alerted = d->alerted & 0xf;
	item_insert(s, r);
}

/* Appends a copy of a, with copies of headline and detail. */
static void
alert_push(struct store *s, const struct store_alert *a, const char *headline,
    const char *detail)
{
	if (s->nalerts == s->capalerts) {
		s->capalerts = s->capalerts ? s->capalerts * 2 : 16;
		s->alerts = xreallocarray(s->alerts, s->capalerts,
		    sizeof(*s->alerts));
	}
	struct store_alert *c = &s->alerts[s->nalerts++];
	*c = *a;
	c->headline = xstrdup(headline ? headline : "");
	c->detail = detail ? xstrdup(detail) : NULL;
}

static void
load_alert(const struct db_alert *d, void *ctx)
{
	struct store *s = ctx;
	uint32_t feed_id = d->item_key ? feed_by_rowid(s, d->item_feed) : 0;
	struct store_alert a = {
		.fired = d->fired,
		.reasons = d->reasons,
		.outlets = d->outlets,
		.item = feed_id ? tab_find(s, feed_id, d->item_key,
		    key_hash(s, feed_id, d->item_key)) : 0,
	};

	alert_push(s, &a, d->headline, d->detail);
}

static void
load_pruned(int64_t feed, const char *key, void *ctx)
{
	struct store *s = ctx;
	uint32_t feed_id = feed_by_rowid(s, feed);

	if (feed_id)
		gone_add(s->feeds[feed_id - 1], key_hash(s, feed_id, key), key);
}

static int
load(struct store *s, struct db *db, int64_t since, char *err,
    size_t errlen)
{
	if (db_load_feeds(db, load_feed, s, err, errlen) != 0 ||
	    db_load_recent(db, since, load_item, s, err, errlen) != 0 ||
	    db_load_pruned(db, since, load_pruned, s, err, errlen) != 0 ||
	    db_load_alerts(db, since, load_alert, s, err, errlen) != 0)
		return -1;
	gone_sort(s);
	return 0;
}

static void
add_warn(char **warn, char *msg)
{
	if (*warn) {
		char *w = xasprintf("%s; %s", *warn, msg);
		free(*warn);
		free(msg);
		msg = w;
	}
	*warn = msg;
}

/* An empty store's memory. */
static void
contents_init(struct store *s)
{
	s->seed = random_seed();
	s->cap = 64;
	s->items = xcalloc(s->cap, sizeof(*s->items));
	tab_rebuild(s, 0);
	s->gen = 1;
}

/* Frees the items, feeds and alerts s holds, not s itself. */
static void
contents_free(struct store *s)
{
	for (uint32_t id = 1; id <= s->max; id++) {
		lead_release(s, id);
		free(s->items[id]);
	}
	free(s->leadof);
	free(s->items);
	free(s->tab);
	for (uint32_t i = 0; i < s->nfeeds; i++) {
		struct feed_info *fi = &s->feeds[i]->info;
		free(fi->url);
		free(fi->title);
		free(fi->outlet);
		free(fi->language);
		free(fi->etag);
		free(fi->last_modified);
		free(fi->error);
		for (size_t j = 0; j < s->feeds[i]->ngone; j++)
			free(s->feeds[i]->gone[j].key);
		free(s->feeds[i]->gone);
		free(s->feeds[i]->outlet_key);
		free(s->feeds[i]);
	}
	free(s->feeds);
	free(s->urltab);
	free(s->keytab);
	free(s->nametab);
	free(s->memo);
	for (size_t i = 0; i < s->nalerts; i++) {
		free(s->alerts[i].headline);
		free(s->alerts[i].detail);
	}
	free(s->alerts);
}

/* The load of a store as its database opens. */
struct opening {
	struct store *s;
	int64_t since;
};

static int
load_opening(struct db *db, void *ctx, char *err, size_t errlen)
{
	struct opening *o = ctx;

	return load(o->s, db, o->since, err, errlen);
}

/* Back to an empty store: what was loaded came from a bad file. */
static void
reset_opening(void *ctx)
{
	struct store *s = ((struct opening *)ctx)->s;
	char *path = s->path;

	contents_free(s);
	memset(s, 0, sizeof(*s));
	s->path = path;
	contents_init(s);
}

struct store *
store_open_since(const char *dbpath, int64_t since, char **warn, char *err,
    size_t errlen)
{
	char *w = NULL;

	(void)err;
	(void)errlen;
	struct store *s = xcalloc(1, sizeof(*s));
	contents_init(s);
	if (dbpath) {
		char e[512];
		struct opening o = {s, since};
		struct db_loader ld = {
		    .load = load_opening, .reset = reset_opening, .ctx = &o};
		s->path = xstrdup(dbpath);
		if (db_open_load(dbpath, &ld, &s->db, &w, e, sizeof(e)) != 0) {
			/* Show what the file holds even if we cannot write
			 * to it; nothing is written back. */
			struct db *ro = NULL;
			char e2[512];
			int shown = db_open_readonly(dbpath, &ro, e2,
					sizeof(e2)) == 0 &&
			    load(s, ro, since, e2, sizeof(e2)) == 0;
			db_close(ro);
			add_warn(&w, xasprintf("%s; %s", e,
			    shown ? "stored items are shown, but this session "
				    "keeps its changes in memory only" :
				    "this session keeps items in memory only"));
			s->db_lost = 1;
		} else if (ld.rc != 0) {
			add_warn(&w, xasprintf("%s: %s; this session keeps "
			                       "items in memory only",
			                 dbpath, ld.err));
			db_close(s->db);
			s->db = NULL;
			s->db_lost = 1;
		} else if (since != INT64_MIN) {
			/* What was not loaded is gone already in memory;
			 * the journal says so too. */
			begin(s);
			if (ready(s) && (db_prune_older(s->db, since, e,
					     sizeof(e)) != 0 ||
					    db_prune_alerts(s->db, since, e,
						sizeof(e)) != 0))
				db_lost(s, e);
			commit(s);
		}
	}
	if (warn)
		*warn = w;
	else
		free(w);
	return s;
}

struct store *
store_open(const char *dbpath, char **warn, char *err, size_t errlen)
{
	return store_open_since(dbpath, INT64_MIN, warn, err, errlen);
}

void
store_close(struct store *s)
{
	if (!s)
		return;
	s->depth = 0; /* a group left open is kept */
	commit(s);
	db_close(s->db);
	contents_free(s);
	free(s->path);
	free(s->warning);
	free(s);
}

char *
store_take_warning(struct store *s)
{
	char *w = s->warning;

	s->warning = NULL;
	return w;
}

int
store_persistent(const struct store *s)
{
	return s->db != NULL;
}

uint32_t
store_feed_find(const struct store *s, const char *url)
{
	return s->urlcap ? s->urltab[feed_slot(s, 0, url)] : 0;
}

uint32_t
store_feed_add(struct store *s, const char *url, const char *title)
{
	uint32_t id = store_feed_find(s, url);
	struct feed *f;

	if (id) {
		f = s->feeds[id - 1];
		if (!f->info.listed)
			s->gen++;
		f->info.listed = 1;
		if (!title)
			return id;
		f->from_file = 1;
		if (!str_differs(f->info.title, title)) {
			(void)set_outlet(s, f, NULL);
			return id;
		}
		set_str(&f->info.title, title);
	} else {
		f = feed_new(s, url);
		f->info.title = title ? xstrdup(title) : NULL;
		f->info.listed = 1;
		f->from_file = title != NULL;
	}
	(void)set_outlet(s, f, NULL);
	s->gen++;
	(void)save_feed(s, f);
	return f->info.id;
}

void
store_feed_unlist(struct store *s, uint32_t id)
{
	struct feed *f = feed_get(s, id);

	if (f == NULL || !f->info.listed)
		return;
	f->info.listed = 0;
	s->gen++;
}

const struct feed_info *
store_feed(const struct store *s, uint32_t id)
{
	const struct feed *f = feed_get(s, id);

	return f ? &f->info : NULL;
}

uint32_t
store_feed_count(const struct store *s)
{
	return s->nfeeds;
}

/* The name table's slot for a folded name: the feed of that name, or
 * the free slot where one goes. */
static size_t
name_slot(const struct store *s, const char *folded)
{
	char b[256];
	size_t i = (size_t)util_hash(folded, strlen(folded), s->seed) &
	           (s->namecap - 1);

	for (; s->nametab[i] != 0; i = (i + 1) & (s->namecap - 1)) {
		fold_name(
		    s->feeds[s->nametab[i] - 1]->info.outlet, b, sizeof(b));
		if (strcmp(folded, b) == 0)
			break;
	}
	return i;
}

/* The feeds by shown name, one of each name. */
static void
names_rebuild(struct store *s)
{
	size_t cap = 16;
	char a[256];

	while (cap < 2 * (size_t)s->nfeeds)
		cap *= 2;
	free(s->nametab);
	s->nametab = xcalloc(cap, sizeof(*s->nametab));
	s->namecap = cap;
	for (uint32_t id = 1; id <= s->nfeeds; id++) {
		const char *name = s->feeds[id - 1]->info.outlet;
		if (name == NULL || *name == '\0')
			continue;
		fold_name(name, a, sizeof(a));
		size_t i = name_slot(s, a);
		/* of feeds with one name, the one of the first URL: the
		 * same whatever order they were listed in */
		if (s->nametab[i] == 0 ||
		    strcmp(s->feeds[id - 1]->info.url,
		        s->feeds[s->nametab[i] - 1]->info.url) < 0)
			s->nametab[i] = id;
	}
	s->names_stale = 0;
	s->nmemo = 0;
	if (s->memo != NULL)
		memset(s->memo, 0, s->memocap * sizeof(*s->memo));
}

/* The memo's slot for named outlet id o: its entry, or the free slot
 * where it goes. */
static struct witness_memo *
memo_slot(const struct store *s, uint32_t o)
{
	size_t i = ((size_t)o * 0x9e3779b9u) & (s->memocap - 1);

	while (s->memo[i].named != 0 && s->memo[i].named != o)
		i = (i + 1) & (s->memocap - 1);
	return &s->memo[i];
}

static void
memo_put(struct store *s, uint32_t o, uint32_t w)
{
	if (2 * (s->nmemo + 1) > s->memocap) {
		struct witness_memo *old = s->memo;
		size_t ocap = s->memocap;
		s->memocap = ocap ? 2 * ocap : 64;
		s->memo = xcalloc(s->memocap, sizeof(*s->memo));
		for (size_t i = 0; i < ocap; i++)
			if (old[i].named != 0)
				*memo_slot(s, old[i].named) = old[i];
		free(old);
	}
	*memo_slot(s, o) = (struct witness_memo){o, w};
	s->nmemo++;
}

uint32_t
store_witness(struct store *s, const struct item *it)
{
	if (!(it->outlet_id & STORE_OUTLET_NAMED) || it->outlet == NULL)
		return it->outlet_id;
	if (s->names_stale || s->nametab == NULL)
		names_rebuild(s);
	if (s->memo != NULL) {
		const struct witness_memo *m = memo_slot(s, it->outlet_id);
		if (m->named != 0)
			return m->witness;
	}
	/* the name as a feed's title would give it: "BBC News" is "BBC" */
	char *clean = outlet_name(it->outlet, NULL);
	char a[256];
	fold_name(clean != NULL ? clean : it->outlet, a, sizeof(a));
	free(clean);
	size_t i = name_slot(s, a);
	uint32_t w = s->nametab[i] != 0
	                 ? s->feeds[s->nametab[i] - 1]->info.outlet_id
	                 : it->outlet_id;
	memo_put(s, it->outlet_id, w);
	return w;
}

const struct item *
store_item(const struct store *s, uint32_t id)
{
	if (id == 0 || id > s->max || !s->items[id])
		return NULL;
	return &s->items[id]->it;
}

uint32_t
store_item_max(const struct store *s)
{
	return s->max;
}

size_t
store_item_count(const struct store *s)
{
	return s->count;
}

/* Takes item id out of memory, remembering its key as gone. */
static void
item_remove(struct store *s, uint32_t id)
{
	struct rec *r = s->items[id];
	struct feed *f = s->feeds[r->it.feed_id - 1];

	tab_del(s, r);
	f->info.nitems--;
	gone_add(f, r->hash, r->it.key);
	s->items[id] = NULL;
	s->count--;
	lead_release(s, id);
	free(r);
}

static int
item_cmp(const struct store *s, const struct item *a, const struct item *b)
{
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	if (a->feed_id != b->feed_id) {
		int c = strcmp(s->feeds[a->feed_id - 1]->info.url,
		    s->feeds[b->feed_id - 1]->info.url);
		if (c)
			return c;
	}
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* qsort has no context argument in C11; a merge sort with one keeps the
 * store free of globals. */
static void
sort_ids(const struct store *s, uint32_t *ids, uint32_t *tmp, size_t n)
{
	if (n <= 8) {
		for (size_t i = 1; i < n; i++) {
			uint32_t v = ids[i];
			size_t j = i;
			while (j > 0 && item_cmp(s, &s->items[ids[j - 1]]->it,
					    &s->items[v]->it) > 0) {
				ids[j] = ids[j - 1];
				j--;
			}
			ids[j] = v;
		}
		return;
	}
	size_t h = n / 2;
	sort_ids(s, ids, tmp, h);
	sort_ids(s, ids + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n) {
		if (item_cmp(s, &s->items[ids[i]]->it,
			&s->items[ids[j]]->it) <= 0)
			tmp[k++] = ids[i++];
		else
			tmp[k++] = ids[j++];
	}
	while (i < h)
		tmp[k++] = ids[i++];
	while (j < n)
		tmp[k++] = ids[j++];
	memcpy(ids, tmp, n * sizeof(*ids));
}

void
store_sort_canonical(const struct store *s, uint32_t *ids, size_t n)
{
	/* Unknown ids have no item to compare: they go first, in id
	 * order, so the order stays total. */
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		if (!store_item(s, ids[i])) {
			uint32_t v = ids[i];
			ids[i] = ids[bad];
			ids[bad++] = v;
		}
	}
	for (size_t i = 1; i < bad; i++) {
		uint32_t v = ids[i];
		size_t j = i;
		while (j > 0 && ids[j - 1] > v) {
			ids[j] = ids[j - 1];
			j--;
		}
		ids[j] = v;
	}
	if (n - bad < 2)
		return;
	uint32_t *tmp = xreallocarray(NULL, n - bad, sizeof(*tmp));
	sort_ids(s, ids + bad, tmp, n - bad);
	free(tmp);
}

/* A rebuilt record for a known item whose text changed. */
static struct rec *
rec_updated(const struct rec *old, const struct fields *fl)
{
	struct rec *r = rec_new(fl);

	r->hash = old->hash;
	r->rowid = old->rowid;
	r->it.id = old->it.id;
	r->it.feed_id = old->it.feed_id;
	r->it.published = old->it.published;
	r->it.first_seen = old->it.first_seen;
	r->it.time = old->it.time;
	r->it.read = old->it.read;
	r->it.fresh = old->it.fresh;
	r->it.alerted = old->it.alerted;
	r->it.updated = 1;
	return r;
}

int
store_merge(struct store *s, uint32_t feed_id, const struct parsed_feed *pf,
    int64_t fetched_at, uint32_t **new_ids, size_t *nnew, char *err,
    size_t errlen)
{
	*new_ids = NULL;
	*nnew = 0;
	struct feed *f = feed_get(s, feed_id);
	if (!f) {
		snprintf(err, errlen, "store_merge: no feed %u",
		    (unsigned)feed_id);
		return -1;
	}
	begin(s);
	int changed = 0, feed_changed = 0;
	if (!f->from_file && pf->title && *pf->title &&
	    str_differs(f->info.title, pf->title)) {
		set_str(&f->info.title, pf->title);
		changed = feed_changed = 1;
	}
	if (pf->language && *pf->language &&
	    str_differs(f->info.language, pf->language)) {
		set_str(&f->info.language, pf->language);
		feed_changed = 1;
	}
	if (set_outlet(s, f, pf->link))
		changed = 1;
	if (feed_changed)
		(void)save_feed(s, f);

	unsigned char *gone_hit = f->ngone ? xcalloc(f->ngone, 1) : NULL;
	uint64_t mark = ++s->merges;
	uint32_t *ids = NULL;
	size_t n = 0, idcap = 0;
	struct leads *leads = NULL;
	if (s->lean) {
		size_t room = 0;
		for (size_t i = 0; i < pf->nitems; i++) {
			const char *sum = pf->items[i].summary;
			size_t sl = sum ? strnlen(sum, s->lean) : 0;
			room += sl + 1;
		}
		leads = xmalloc(sizeof(*leads) + room);
		leads->live = leads->used = 0;
	}
	for (size_t i = 0; i < pf->nitems; i++) {
		const struct parsed_item *pi = &pf->items[i];
		char *key = parse_item_key(pi);
		if (!key)
			continue;
		uint64_t h = key_hash(s, feed_id, key);
		uint32_t id = tab_find(s, feed_id, key, h);
		struct fields fl = {key, pi->title, pi->link, pi->summary,
		    pi->content, pi->author, pi->outlet};
		size_t sl = 0;
		if (s->lean) {
			fl.content = NULL;
			fl.author = NULL;
			fl.summary = NULL;
			sl = pi->summary ? strnlen(pi->summary, s->lean + 1) : 0;
			if (sl > s->lean) {
				/* the lead, cut after a whole word as the
				 * clusterer cuts it */
				sl = s->lean;
				while (sl > 0 && pi->summary[sl] != ' ')
					sl--;
			}
		}
		struct rec *old = id ? s->items[id] : NULL;
		const struct gone *g = NULL;
		if (!old && f->ngone) {
			struct gone want = { h, NULL };
			g = bsearch(&want, f->gone, f->ngone, sizeof(*f->gone),
			    cmp_gone);
		}
		if (old && old->mark == mark) {
			/* the same key twice in one body: the first wins */
		} else if (old && !str_differs(old->it.title, pi->title) &&
		           !str_differs(old->it.summary, pi->summary) &&
		           !str_differs(old->it.outlet, fl.outlet)) {
			old->mark = mark;
		} else if (old) {
			struct rec *r = rec_updated(old, &fl);
			/* a new outlet name alone is no correction */
			if (!str_differs(old->it.title, pi->title) &&
			    !str_differs(old->it.summary, pi->summary))
				r->it.updated = old->it.updated;
			set_witness(s, r);
			r->mark = mark;
			s->items[id] = r;
			lead_release(s, id);
			free(old);
			if (leads && pi->summary)
				lead_attach(s, r, leads, pi->summary, sl);
			(void)save_item(s, r);
			changed = 1;
		} else if (g) {
			/* pruned before and still carried: stays out */
			gone_hit[g - f->gone] = 1;
		} else {
			struct rec *r = rec_new(&fl);
			r->hash = h;
			r->mark = mark;
			r->it.feed_id = feed_id;
			set_witness(s, r);
			/* An item that gives only its updated date (Atom's
			 * required one, dc:date) is dated by it. */
			r->it.published = pi->published != PARSE_NO_DATE ?
			    pi->published :
			    pi->updated;
			r->it.first_seen = fetched_at;
			r->it.time = r->it.published != PARSE_NO_DATE ?
			    r->it.published :
			    fetched_at;
			r->it.fresh = 1;
			if (n == idcap) {
				idcap = idcap ? idcap * 2 : 16;
				ids = xreallocarray(ids, idcap, sizeof(*ids));
			}
			ids[n++] = item_insert(s, r);
			if (leads && pi->summary)
				lead_attach(s, r, leads, pi->summary, sl);
			(void)save_item(s, r);
			changed = 1;
		}
		free(key);
	}
	if (leads && leads->live == 0)
		free(leads);
	/* Forget pruned keys the feed no longer carries. */
	size_t k = 0;
	for (size_t i = 0; i < f->ngone; i++) {
		if (gone_hit[i]) {
			f->gone[k++] = f->gone[i];
			continue;
		}
		char e[256];
		if (ready(s) && db_forget_pruned(s->db, f->rowid,
				    f->gone[i].key, e, sizeof(e)) != 0)
			db_lost(s, e);
		free(f->gone[i].key);
	}
	f->ngone = k;
	free(gone_hit);
	commit(s);

	store_sort_canonical(s, ids, n);
	*new_ids = ids;
	*nnew = n;
	if (changed)
		s->gen++;
	return 0;
}

void
store_set_read(struct store *s, uint32_t id, int read)
{
	char err[256];

	if (!store_item(s, id))
		return;
	struct rec *r = s->items[id];
	if (r->it.read == (read != 0))
		return;
	r->it.read = read != 0;
	s->gen++;
	if (ready(s) && db_set_read(s->db, r->rowid, read, err, sizeof(err)))
		db_lost(s, err);
}

void
store_set_seen(struct store *s, uint32_t id)
{
	if (!store_item(s, id))
		return;
	struct item *it = &s->items[id]->it;
	if (!it->fresh)
		return;
	it->fresh = 0;
	s->gen++;
}

void
store_set_validators(struct store *s, uint32_t feed_id, const char *etag,
    const char *last_modified)
{
	struct feed *f = feed_get(s, feed_id);

	if (!f || (!str_differs(f->info.etag, etag) &&
		      !str_differs(f->info.last_modified, last_modified)))
		return;
	set_str(&f->info.etag, etag);
	set_str(&f->info.last_modified, last_modified);
	(void)save_feed(s, f);
}

void
store_set_status(struct store *s, uint32_t feed_id, int ok, const char *msg,
    int64_t now)
{
	struct feed *f = feed_get(s, feed_id);

	if (!f)
		return;
	f->info.last_fetch = now;
	if (ok) {
		f->info.status = 1;
		set_str(&f->info.error, msg);
		f->info.failures = 0;
	} else {
		f->info.status = -1;
		set_str(&f->info.error, msg ? msg : "failed");
		f->info.failures++;
	}
	s->gen++;
	(void)save_feed(s, f);
}

/* Drops ids[0..n) from memory and, inside the caller's transaction, from
 * the journal, remembering their keys as pruned in both. */
static void
drop(struct store *s, const uint32_t *ids, size_t n)
{
	char err[256];

	for (size_t i = 0; i < n; i++) {
		if (ready(s) && db_prune_item(s->db, s->items[ids[i]]->rowid,
				 err, sizeof(err)) != 0)
			db_lost(s, err);
		item_remove(s, ids[i]);
	}
}

void
store_redate(struct store *s, int64_t placeholder, int64_t when)
{
	for (uint32_t id = 1; id <= s->max; id++) {
		struct rec *r = s->items[id];
		if (!r || r->it.first_seen != placeholder)
			continue;
		r->it.first_seen = when;
		if (r->it.published == PARSE_NO_DATE)
			r->it.time = when;
	}
	s->gen++;
}

void
store_set_lean(struct store *s, size_t summary_max)
{
	s->lean = summary_max;
}

void
store_forget_summary(struct store *s, uint32_t id)
{
	struct rec *r = id <= s->max ? s->items[id] : NULL;

	/* a lean record's summary is its merge's leads' (struct leads) */
	if (!s->lean || !r || id >= s->capleadof || !s->leadof[id])
		return;
	r->it.summary = NULL;
	lead_release(s, id);
}

int64_t
store_newest(const struct store *s)
{
	int64_t t = PARSE_NO_DATE;

	for (uint32_t id = 1; id <= s->max; id++) {
		const struct rec *r = s->items[id];
		if (r && r->it.published != PARSE_NO_DATE &&
		    (t == PARSE_NO_DATE || r->it.published > t))
			t = r->it.published;
	}
	return t;
}

size_t
store_prune(struct store *s, int64_t now, int64_t max_age, size_t cap)
{
	char err[256];
	size_t dropped = 0;
	uint32_t *ids = xreallocarray(NULL, s->count + 1, sizeof(*ids));

	begin(s);
	if (max_age > 0) {
		int64_t cutoff = now - max_age;
		size_t n = 0;
		for (uint32_t id = 1; id <= s->max; id++)
			if (s->items[id] && s->items[id]->it.first_seen < cutoff)
				ids[n++] = id;
		/* One call also drops what was never loaded (none after
		 * store_open_since, which pruned it at open). */
		if (ready(s) &&
		    (db_prune_older(s->db, cutoff, err, sizeof(err)) != 0 ||
			db_prune_alerts(s->db, cutoff, err, sizeof(err)) != 0))
			db_lost(s, err);
		for (size_t i = 0; i < n; i++)
			item_remove(s, ids[i]);
		dropped += n;
		size_t k = 0;
		for (size_t i = 0; i < s->nalerts; i++) {
			if (s->alerts[i].fired >= cutoff) {
				s->alerts[k++] = s->alerts[i];
				continue;
			}
			free(s->alerts[i].headline);
			free(s->alerts[i].detail);
		}
		if (k != s->nalerts)
			s->gen++;
		s->nalerts = k;
	}
	if (cap > 0) {
		/* Group the ids by feed with a counting pass, then keep
		 * the newest cap of each. */
		size_t *start = xcalloc((size_t)s->nfeeds + 2, sizeof(*start));
		size_t n = 0;
		for (uint32_t id = 1; id <= s->max; id++)
			if (s->items[id])
				start[s->items[id]->it.feed_id + 1]++;
		for (uint32_t i = 1; i <= s->nfeeds + 1; i++)
			start[i] += start[i - 1];
		size_t *pos = xreallocarray(NULL, (size_t)s->nfeeds + 1,
		    sizeof(*pos));
		memcpy(pos, start, ((size_t)s->nfeeds + 1) * sizeof(*pos));
		for (uint32_t id = 1; id <= s->max; id++)
			if (s->items[id])
				ids[pos[s->items[id]->it.feed_id]++] = id;
		for (uint32_t fid = 1; fid <= s->nfeeds; fid++) {
			size_t nf = start[fid + 1] - start[fid];
			if (nf <= cap)
				continue;
			store_sort_canonical(s, ids + start[fid], nf);
			/* ascending: the oldest nf - cap come first */
			drop(s, ids + start[fid], nf - cap);
			n += nf - cap;
		}
		dropped += n;
		free(pos);
		free(start);
	}
	commit(s);
	free(ids);
	gone_sort(s);
	if (dropped) {
		s->gen++;
		if (s->tabused > s->count * 2 + 64)
			tab_rebuild(s, s->count * 2);
	}
	return dropped;
}

void
store_alert_add(struct store *s, const struct store_alert *a,
    const uint32_t *members, size_t n)
{
	char err[256];

	begin(s);
	for (size_t i = 0; i < n; i++) {
		struct rec *r = members[i] <= s->max ? s->items[members[i]] :
						       NULL;
		unsigned bits = (a->reasons & 0xf) | (r ? r->it.alerted : 0);
		if (!r || bits == r->it.alerted)
			continue;
		r->it.alerted = bits & 0xf;
		if (ready(s) && db_set_alerted(s->db, r->rowid, bits, err,
				    sizeof(err)) != 0)
			db_lost(s, err);
	}
	const struct rec *label = a->item <= s->max ? s->items[a->item] : NULL;
	struct db_alert d = {
		.fired = a->fired,
		.reasons = a->reasons,
		.outlets = a->outlets,
		.headline = a->headline,
		.detail = a->detail,
		.item = label ? label->rowid : 0,
	};
	if (ready(s) && db_put_alert(s->db, &d, err, sizeof(err)) != 0)
		db_lost(s, err);
	commit(s);
	alert_push(s, a, a->headline, a->detail);
	if (!label)
		s->alerts[s->nalerts - 1].item = 0;
	s->gen++;
}

size_t
store_alert_count(const struct store *s)
{
	return s->nalerts;
}

const struct store_alert *
store_alert_at(const struct store *s, size_t i)
{
	return i < s->nalerts ? &s->alerts[i] : NULL;
}

uint64_t
store_generation(const struct store *s)
{
	return s->gen;
}
