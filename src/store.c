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
 * Invariants:
 * - items[id] is NULL or a record whose item.id == id; count is the number
 *   of non-NULL slots; feeds[i]->info.nitems counts that feed's items.
 * - every live item is in the hash exactly once; deleted slots are
 *   tombstones until the next rebuild.
 * - generation moves on every change a view could show.
 */
#include "store.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Private part of an item: the public struct first, so a const struct
 * item * handed out converts back with a cast of the same address. */
struct rec {
	struct item it;
	uint64_t hash; /* of (feed id, key) with the store's seed */
	uint64_t mark; /* the last merge that met this key */
	char data[];   /* the strings, NUL-separated */
};

struct feed {
	struct feed_info info;
	unsigned from_file : 1; /* the title came from the feeds file */
};

struct store {
	struct rec **items; /* index = id; [0] unused */
	uint32_t max;	    /* highest id handed out */
	size_t cap;	    /* slots allocated in items */
	size_t count;	    /* live items */

	uint32_t *tab; /* hash slots: 0 empty, TOMB deleted, else item id */
	size_t tabcap; /* power of two */
	size_t tabused; /* live + tombstones */
	uint64_t seed;

	struct feed **feeds; /* index = id - 1 */
	uint32_t nfeeds;

	uint64_t gen;
	uint64_t merges; /* store_merge calls, for rec.mark */
};

#define TOMB UINT32_MAX

/* A dedup key for an item: its guid, else its link, else its title plus
 * its date (DESIGN.md).  Kept here until parse.h exports the same rule as
 * parse_item_key; then that one serves both.  NULL when the item has none of them (it cannot be told apart
 * from its neighbours, so it is not stored).  Caller frees. */
static char *
item_key(const struct parsed_item *pi)
{
	if (pi->id && *pi->id)
		return xstrdup(pi->id);
	if (pi->link && *pi->link)
		return xstrdup(pi->link);
	if (pi->title && *pi->title) {
		if (pi->published == PARSE_NO_DATE)
			return xstrdup(pi->title);
		return xasprintf("%s\x1f%lld", pi->title,
		    (long long)pi->published);
	}
	return NULL;
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
	if (s->tabcap == 0)
		return 0;
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

static void
tab_put_raw(uint32_t *tab, size_t tabcap, uint64_t h, uint32_t id)
{
	size_t mask = tabcap - 1;
	size_t i = (size_t)h & mask;

	while (tab[i] != 0 && tab[i] != TOMB)
		i = (i + 1) & mask;
	tab[i] = id;
}

/* Rebuilds the table for the live items, sized for at least need. */
static void
tab_rebuild(struct store *s, size_t need)
{
	size_t cap = 64;

	while (cap / 4 * 3 <= need)
		cap *= 2;
	uint32_t *tab = xcalloc(cap, sizeof(*tab));
	for (uint32_t id = 1; id <= s->max; id++)
		if (s->items[id])
			tab_put_raw(tab, cap, s->items[id]->hash, id);
	free(s->tab);
	s->tab = tab;
	s->tabcap = cap;
	s->tabused = s->count;
}

static void
tab_add(struct store *s, const struct rec *r)
{
	if ((s->tabused + 1) >= s->tabcap / 4 * 3)
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
	const char *key, *title, *link, *summary, *content, *author;
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

/* One allocation: struct rec followed by the strings. */
static struct rec *
rec_new(const struct fields *f)
{
	size_t n = slen(f->key) + slen(f->title) + slen(f->link) +
	    slen(f->summary) + slen(f->content) + slen(f->author);
	struct rec *r = xcalloc(1, sizeof(*r) + n);
	char *p = r->data;

	r->it.key = pack(&p, f->key);
	r->it.title = pack(&p, f->title);
	r->it.link = pack(&p, f->link);
	r->it.summary = pack(&p, f->summary);
	r->it.content = pack(&p, f->content);
	r->it.author = pack(&p, f->author);
	return r;
}

static struct feed *
feed_get(const struct store *s, uint32_t id)
{
	if (id == 0 || id > s->nfeeds)
		return NULL;
	return s->feeds[id - 1];
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

struct store *
store_open(const char *dbpath, char **warn, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	if (warn)
		*warn = NULL;
	struct store *s = xcalloc(1, sizeof(*s));
	s->seed = random_seed();
	s->cap = 64;
	s->items = xcalloc(s->cap, sizeof(*s->items));
	tab_rebuild(s, 0);
	s->gen = 1;
	if (dbpath && warn)
		*warn = xasprintf("%s: the database journal is not available "
				  "yet; this session keeps items in memory only",
		    dbpath);
	return s;
}

void
store_close(struct store *s)
{
	if (!s)
		return;
	for (uint32_t id = 1; id <= s->max; id++)
		free(s->items[id]);
	free(s->items);
	free(s->tab);
	for (uint32_t i = 0; i < s->nfeeds; i++) {
		struct feed_info *fi = &s->feeds[i]->info;
		free(fi->url);
		free(fi->title);
		free(fi->language);
		free(fi->etag);
		free(fi->last_modified);
		free(fi->error);
		free(s->feeds[i]);
	}
	free(s->feeds);
	free(s);
}

uint32_t
store_feed_find(const struct store *s, const char *url)
{
	for (uint32_t i = 0; i < s->nfeeds; i++)
		if (strcmp(s->feeds[i]->info.url, url) == 0)
			return i + 1;
	return 0;
}

uint32_t
store_feed_add(struct store *s, const char *url, const char *title)
{
	uint32_t id = store_feed_find(s, url);

	if (id) {
		struct feed *f = s->feeds[id - 1];
		if (title) {
			if (str_differs(f->info.title, title))
				s->gen++;
			set_str(&f->info.title, title);
			f->from_file = 1;
		}
		return id;
	}
	struct feed *f = xcalloc(1, sizeof(*f));
	s->feeds = xreallocarray(s->feeds, (size_t)s->nfeeds + 1,
	    sizeof(*s->feeds));
	s->feeds[s->nfeeds++] = f;
	f->info.id = s->nfeeds;
	f->info.url = xstrdup(url);
	f->info.title = title ? xstrdup(title) : NULL;
	f->from_file = title != NULL;
	s->gen++;
	return f->info.id;
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
	struct feed *f = feed_get(s, r->it.feed_id);
	if (f)
		f->info.nitems++;
	return r->it.id;
}

static void
item_remove(struct store *s, uint32_t id)
{
	struct rec *r = s->items[id];

	tab_del(s, r);
	struct feed *f = feed_get(s, r->it.feed_id);
	if (f && f->info.nitems)
		f->info.nitems--;
	s->items[id] = NULL;
	s->count--;
	free(r);
}

static int
item_cmp(const struct store *s, const struct item *a, const struct item *b)
{
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	if (a->feed_id != b->feed_id) {
		const struct feed *fa = feed_get(s, a->feed_id);
		const struct feed *fb = feed_get(s, b->feed_id);
		int c = strcmp(fa ? fa->info.url : "", fb ? fb->info.url : "");
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
	if (n < 2)
		return;
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
	/* Unknown ids would have no item to compare: they go first, in id
	 * order, so the call stays total. */
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

static void
fields_from_parsed(struct fields *f, const struct parsed_item *pi,
    const char *key)
{
	f->key = key;
	f->title = pi->title;
	f->link = pi->link;
	f->summary = pi->summary;
	f->content = pi->content;
	f->author = pi->author;
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
	int changed = 0;
	if (!f->from_file && pf->title && *pf->title &&
	    str_differs(f->info.title, pf->title)) {
		set_str(&f->info.title, pf->title);
		changed = 1;
	}
	if (pf->language && *pf->language &&
	    str_differs(f->info.language, pf->language))
		set_str(&f->info.language, pf->language);

	uint64_t mark = ++s->merges;
	uint32_t *ids = NULL;
	size_t n = 0;
	for (size_t i = 0; i < pf->nitems; i++) {
		const struct parsed_item *pi = &pf->items[i];
		char *key = item_key(pi);
		if (!key)
			continue;
		uint64_t h = key_hash(s, feed_id, key);
		uint32_t id = tab_find(s, feed_id, key, h);
		struct fields fl;
		fields_from_parsed(&fl, pi, key);
		if (id && s->items[id]->mark == mark) {
			/* the same key twice in one body: the first wins */
		} else if (id) {
			struct rec *old = s->items[id];
			if (str_differs(old->it.title, pi->title) ||
			    str_differs(old->it.summary, pi->summary)) {
				struct rec *r = rec_new(&fl);
				r->hash = h;
				r->it.id = id;
				r->it.feed_id = feed_id;
				r->it.published = old->it.published;
				r->it.first_seen = old->it.first_seen;
				r->it.time = old->it.time;
				r->it.read = old->it.read;
				r->it.fresh = old->it.fresh;
				r->it.updated = 1;
				r->mark = mark;
				s->items[id] = r;
				free(old);
				changed = 1;
			} else {
				old->mark = mark;
			}
		} else {
			struct rec *r = rec_new(&fl);
			r->hash = h;
			r->it.feed_id = feed_id;
			r->it.published = pi->published;
			r->it.first_seen = fetched_at;
			r->it.time = pi->published != PARSE_NO_DATE ?
			    pi->published : fetched_at;
			r->it.fresh = 1;
			r->mark = mark;
			ids = xreallocarray(ids, n + 1, sizeof(*ids));
			ids[n++] = item_insert(s, r);
			changed = 1;
		}
		free(key);
	}
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
	if (!store_item(s, id))
		return;
	struct item *it = &s->items[id]->it;
	if (it->read == (read != 0))
		return;
	it->read = read != 0;
	s->gen++;
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

	if (!f)
		return;
	set_str(&f->info.etag, etag);
	set_str(&f->info.last_modified, last_modified);
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
		set_str(&f->info.error, NULL);
		f->info.failures = 0;
	} else {
		f->info.status = -1;
		set_str(&f->info.error, msg ? msg : "failed");
		f->info.failures++;
	}
	s->gen++;
}

/* Newest first within a feed: the reverse of canonical order. */
static void
reverse(uint32_t *ids, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		uint32_t t = ids[i];
		ids[i] = ids[n - 1 - i];
		ids[n - 1 - i] = t;
	}
}

size_t
store_prune(struct store *s, int64_t now, int64_t max_age, size_t cap)
{
	size_t dropped = 0;

	if (max_age > 0) {
		int64_t cutoff = now - max_age;
		for (uint32_t id = 1; id <= s->max; id++) {
			if (s->items[id] && s->items[id]->it.time < cutoff) {
				item_remove(s, id);
				dropped++;
			}
		}
	}
	if (cap > 0) {
		/* Gather each feed's ids with one counting pass, then keep
		 * the newest cap of each. */
		size_t *start = xcalloc((size_t)s->nfeeds + 2, sizeof(*start));
		uint32_t *ids = xreallocarray(NULL, s->count + 1, sizeof(*ids));
		for (uint32_t id = 1; id <= s->max; id++)
			if (s->items[id] && s->items[id]->it.feed_id <= s->nfeeds)
				start[s->items[id]->it.feed_id + 1]++;
		for (uint32_t i = 1; i <= s->nfeeds + 1; i++)
			start[i] += start[i - 1];
		size_t *pos = xreallocarray(NULL, (size_t)s->nfeeds + 1,
		    sizeof(*pos));
		memcpy(pos, start, ((size_t)s->nfeeds + 1) * sizeof(*pos));
		for (uint32_t id = 1; id <= s->max; id++)
			if (s->items[id] && s->items[id]->it.feed_id <= s->nfeeds)
				ids[pos[s->items[id]->it.feed_id]++] = id;
		for (uint32_t fid = 1; fid <= s->nfeeds; fid++) {
			size_t n = start[fid + 1] - start[fid];
			if (n <= cap)
				continue;
			uint32_t *fi = ids + start[fid];
			store_sort_canonical(s, fi, n);
			reverse(fi, n);
			for (size_t i = cap; i < n; i++) {
				item_remove(s, fi[i]);
				dropped++;
			}
		}
		free(pos);
		free(ids);
		free(start);
	}
	if (dropped) {
		s->gen++;
		if (s->tabused > s->count * 2 + 64)
			tab_rebuild(s, s->count * 2);
	}
	return dropped;
}

uint64_t
store_generation(const struct store *s)
{
	return s->gen;
}
