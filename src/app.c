/* app: the glue.  It owns the feed list and the settings, wires feedlist
 * -> fetch -> parse -> store -> cluster -> ui, and runs the one event loop
 * of the dashboard (ARCHITECTURE.md §3.7).
 *
 * Every mode shares the same steps: load settings and the feeds file,
 * register the feeds with the store, fetch, parse, merge, cluster.  What
 * differs is when clustering happens and where the result goes:
 *   --dump      fetches everything once, then merges the feeds in URL order
 *               and clusters all items in canonical order, so the JSON
 *               depends only on the feeds' contents (DESIGN.md);
 *   dashboard   merges and clusters each feed as it arrives, within a time
 *               budget per loop turn so keys never wait behind a burst,
 *               and, whenever the loop has caught up and the clusters or
 *               the minute changed, asks alert.c which stories alert now
 *               and carries that out: the store's log and marks, the
 *               status line and the bell, the alert command.
 *
 * Every clusterer made (--dump's, the live one, each rebuild's) is made
 * by new_clusterer, which registers the config's watch terms and each
 * feed's watch bits before any item goes in, so term i is bit i in all.
 *
 * Signals only write their number to a self-pipe; the loop reads it.  The
 * self-pipe and the quit flag are the only globals (STYLE.md, 9). */
#include "app.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alert.h"
#include "buf.h"
#include "cluster.h"
#include "date.h"
#include "feedlist.h"
#include "fetch.h"
#include "json.h"
#include "launch.h"
#include "log.h"
#include "parse.h"
#include "pool.h"
#include "sched.h"
#include "settings.h"
#include "store.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define PARSE_FILE_MAX ((size_t)256 << 20) /* --parse reads files this big */
#define BUDGET_MS 20			   /* finished work per loop turn */
#define PRUNE_EVERY 3600		   /* seconds between retention runs */
#define STARTUP_ITEMS 6000 /* clustered before the first frame, at most */
#define ALERT_COMMANDS_MAX 5 /* alert commands run per check, at most */
#define FEEDS_CHECK_MS 5000  /* the feeds file is looked at this often */
#define FEEDS_SETTLE_S 1     /* changed this recently, it may be half written */

static int sigpipe[2] = {-1, -1};
static volatile sig_atomic_t quit_flag;

/* What stat says of a file, to tell when it changed. */
struct file_sig {
	int exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

/* State shared by every mode that fetches. */
struct run {
	struct settings set;
	struct alert_watch watch; /* the config's watch terms */
	struct alert_rule rule;   /* when a story is breaking */
	struct feedlist list;
	char *feeds_file;          /* where list was read from */
	struct file_sig feeds_sig; /* and what it was then */
	struct store *store;
	struct clusterer *clusters;
	struct fetcher *fetcher;
	struct pool *pool;  /* parses finished transfers */
	uint32_t *feed_ids; /* list.feeds[i] -> store feed id */
	const struct feed_src **src_of; /* store feed id -> its feed_src */
	uint32_t nsrc;
	unsigned nfailed;   /* feeds whose last fetch failed */
};

static void
report_stderr(const char *msg, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "wiredesk: %s\n", msg);
}

static void
report_deferred(const char *msg, void *ctx)
{
	unsigned *count = ctx;

	log_msg(LOG_WARN, "%s", msg);
	log_defer("wiredesk: %s", msg);
	if (count)
		(*count)++;
}

static int64_t
wall_now(void)
{
	return (int64_t)time(NULL);
}

/* The feeds file: -f, else the XDG default.  NULL (after saying why) when
 * neither is known.  Caller frees. */
static char *
feeds_path(const struct app_opts *o)
{
	char *p = o->feeds_path ? xstrdup(o->feeds_path) :
				  settings_config_path("feeds");

	if (!p)
		fputs("wiredesk: no feeds file: give -f FILE or set HOME\n",
		    stderr);
	return p;
}

static void
file_sig(const char *path, struct file_sig *sig)
{
	struct stat st;

	memset(sig, 0, sizeof(*sig));
	if (stat(path, &st) < 0)
		return;
	sig->exists = 1;
	sig->dev = st.st_dev;
	sig->ino = st.st_ino;
	sig->size = st.st_size;
	sig->mtime = st.st_mtim;
}

static int
same_sig(const struct file_sig *a, const struct file_sig *b)
{
	return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
	       a->mtime.tv_nsec == b->mtime.tv_nsec;
}

/* Loads settings and the feeds file.  Returns 0 or the exit status 2. */
static int
load_config(struct run *r, const struct app_opts *o, feedlist_report_fn rep,
    void *ctx)
{
	char err[512];

	settings_defaults(&r->set);
	char *cfg = o->config_path ? xstrdup(o->config_path) :
				     settings_config_path("config");
	if (cfg && settings_load(cfg, &r->set, rep, ctx, err, sizeof(err)) < 0) {
		fprintf(stderr, "wiredesk: %s\n", err);
		free(cfg);
		return 2;
	}
	free(cfg);
	alert_watch_init(&r->watch, r->set.watches, r->set.nwatches, rep, ctx);
	alert_rule_init(&r->rule, &r->set);
	r->feeds_file = feeds_path(o);
	if (!r->feeds_file)
		return 2;
	/* looked at before it is read: a change in between is seen later */
	file_sig(r->feeds_file, &r->feeds_sig);
	if (feedlist_load(r->feeds_file, &r->list, rep, ctx, err, sizeof(err)) <
	    0) {
		fprintf(stderr, "wiredesk: %s\n", err);
		return 2;
	}
	return 0;
}

static struct fetcher *
new_fetcher(const struct settings *s)
{
	struct fetch_opts fo = {
		.max_connections = s->max_connections,
		.max_host_connections = s->max_host_connections,
		.connect_timeout = s->connect_timeout,
		.timeout = s->timeout,
		.low_speed_limit = s->low_speed_limit,
		.low_speed_time = s->low_speed_time,
		.max_body = s->max_body,
		.user_agent = s->user_agent,
	};

	return fetch_new(&fo);
}

static void
run_fini(struct run *r)
{
	pool_free(r->pool);
	fetch_free(r->fetcher);
	cluster_free(r->clusters);
	store_close(r->store);
	feedlist_fini(&r->list);
	free(r->feeds_file);
	alert_watch_fini(&r->watch);
	settings_fini(&r->set);
	free(r->feed_ids);
	free(r->src_of);
}

/* Records a feed's status (msg NULL: success) and keeps the count of
 * failed feeds. */
static void
record_status(struct run *r, uint32_t feed_id, const char *msg,
    const char *warning, int64_t now)
{
	const struct feed_info *fi = store_feed(r->store, feed_id);
	int was_failed = fi && fi->status < 0;

	store_set_status(
	    r->store, feed_id, msg == NULL, msg ? msg : warning, now);
	if (msg && !was_failed)
		r->nfailed++;
	else if (!msg && was_failed && r->nfailed)
		r->nfailed--;
}

/* Records a transfer's outcome: validators, status, failure count, and
 * for a feed that still parsed, what its parser survived (warning: a
 * document cut short, items dropped).  Returns 1 when the feed counts as
 * failed. */
static int
note_outcome(struct run *r, uint32_t feed_id, const struct fetch_result *res,
    const char *parse_err, const char *warning, int64_t now)
{
	const char *msg = NULL;

	if (res->status == FETCH_HTTP_ERROR || res->status == FETCH_ERROR)
		msg = res->err[0] ? res->err : "fetch failed";
	else if (parse_err)
		msg = parse_err;
	if (!msg && (res->etag || res->last_modified))
		store_set_validators(r->store, feed_id, res->etag,
		    res->last_modified);
	/* a 304 means the document parsed last time, and so what its
	 * parser survived then still holds */
	if (!msg && !warning && res->status == FETCH_NOT_MODIFIED) {
		const struct feed_info *fi = store_feed(r->store, feed_id);
		if (fi && fi->status > 0)
			warning = fi->error;
	}
	record_status(r, feed_id, msg, warning, now);
	return msg != NULL;
}

/* --parse: one JSON line per file. */
static int
run_parse(const struct app_opts *o)
{
	struct buf out;
	int status = 0;

	buf_init(&out, 0);
	for (int i = 0; i < o->nfiles; i++) {
		const char *path = o->files[i];
		char err[512];
		size_t len;
		char *data = util_read_file(path, PARSE_FILE_MAX, &len, err,
		    sizeof(err));
		buf_reset(&out);
		if (!data) {
			/* util_read_file prefixes the path; the JSON names
			 * the source already. */
			const char *reason = strstr(err, ": ");
			parse_write_json_error(path,
			    reason ? reason + 2 : err, &out);
			status = 1;
		} else {
			struct parsed_feed pf;
			if (parse_feed(data, len, NULL, NULL, &pf, err,
				sizeof(err)) < 0) {
				parse_write_json_error(path, err, &out);
				status = 1;
			} else {
				parse_write_json(path, &pf, &out);
			}
			parsed_feed_fini(&pf);
			free(data);
		}
		fwrite(out.p, 1, out.len, stdout);
	}
	buf_fini(&out);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "wiredesk: writing output: %s\n",
		    strerror(errno));
		return 2;
	}
	return status;
}

static int
cmp_src_url(const void *a, const void *b)
{
	const struct feed_src *const *x = a, *const *y = b;

	return strcmp((*x)->url, (*y)->url);
}

/* Fills order with the indexes of the feed list sorted by URL (URLs are
 * unique: feedlist merges duplicates). */
static void
sort_by_url(const struct feedlist *list, size_t *order)
{
	const struct feed_src **p = xcalloc(list->n ? list->n : 1,
	    sizeof(*p));

	for (size_t i = 0; i < list->n; i++)
		p[i] = &list->feeds[i];
	qsort(p, list->n, sizeof(*p), cmp_src_url);
	for (size_t i = 0; i < list->n; i++)
		order[i] = (size_t)(p[i] - list->feeds);
	free(p);
}

/* Registers the feeds with the store in URL order, so feed and item ids
 * never depend on the order of the feeds file, and indexes them both
 * ways.  order (list.n long) receives that order. */
static void
register_feeds(struct run *r, size_t *order)
{
	sort_by_url(&r->list, order);
	free(r->feed_ids);
	free(r->src_of);
	r->feed_ids = xcalloc(r->list.n ? r->list.n : 1, sizeof(*r->feed_ids));
	for (size_t k = 0; k < r->list.n; k++) {
		const struct feed_src *fs = &r->list.feeds[order[k]];
		r->feed_ids[order[k]] = store_feed_add(r->store, fs->url,
		    fs->title);
	}
	/* The store may know more feeds (from earlier sessions) than the
	 * file lists: index by id over all of them. */
	r->nsrc = store_feed_count(r->store);
	r->src_of = xcalloc((size_t)r->nsrc + 1, sizeof(*r->src_of));
	for (size_t i = 0; i < r->list.n; i++)
		r->src_of[r->feed_ids[i]] = &r->list.feeds[i];
}

/* The feeds file's entry of a store feed id; NULL for a feed the file
 * does not list. */
static const struct feed_src *
feed_src_of(const struct run *r, uint32_t feed_id)
{
	return feed_id <= r->nsrc ? r->src_of[feed_id] : NULL;
}

/* Tells c, before any item of it goes in, feed id's outlet and, when some
 * terms are watched in tagged feeds only, the watch bits its tags allow. */
static void
clusterer_feed(const struct run *r, struct clusterer *c, uint32_t id)
{
	const struct feed_info *fi = store_feed(r->store, id);
	const struct feed_src *fs = feed_src_of(r, id);

	if (fi != NULL && fi->outlet_id != id)
		cluster_set_outlet(c, id, fi->outlet_id);
	if (alert_watch_restricted(&r->watch))
		cluster_watch_feed(c, id,
		    alert_watch_mask(
		        &r->watch, fs ? fs->tags : NULL, fs ? fs->ntags : 0));
}

/* A clusterer with the settings' options, the feeds' outlets and the
 * watch terms: every term everywhere, or, when some are watched in tagged
 * feeds only, each feed (of the file; a feed known only from the database
 * has no tags) with the bits its tags allow. */
static struct clusterer *
new_clusterer(const struct run *r)
{
	struct cluster_opts co = {
		.threshold = r->set.cluster_threshold,
		.window = r->set.cluster_window,
	};
	struct clusterer *c = cluster_new(&co);

	alert_watch_register(&r->watch, c);
	for (uint32_t id = 1; id <= r->nsrc; id++)
		clusterer_feed(r, c, id);
	return c;
}

/* Every live item id, in canonical order; caller frees. */
static uint32_t *
all_items(const struct store *s, size_t *n)
{
	uint32_t max = store_item_max(s);
	uint32_t *ids = xcalloc(max ? max : 1, sizeof(*ids));

	*n = 0;
	for (uint32_t id = 1; id <= max; id++)
		if (store_item(s, id))
			ids[(*n)++] = id;
	store_sort_canonical(s, ids, *n);
	return ids;
}

static void
cluster_into(const struct run *r, struct clusterer *c, uint32_t id)
{
	const struct item *it = store_item(r->store, id);
	if (!it)
		return;
	const struct feed_info *fi = store_feed(r->store, it->feed_id);
	const char *lang = fi ? fi->language : NULL;
	const char *title = it->title ? it->title : "";
	const char *summary = it->summary ? it->summary : "";
	if (it->outlet_id & STORE_OUTLET_NAMED) {
		/* an aggregator's item: counted, told its outlet, placed */
		cluster_count(c, id, it->feed_id, lang, title, summary);
		cluster_item_outlet(c, id, store_witness(r->store, it));
	}
	cluster_add(c, id, it->feed_id, lang, title, summary, it->time);
}

/* Counts item id's terms into c's document frequencies (cluster_count),
 * ahead of cluster_into for a whole batch; or, given a counter k, hands
 * the item to it to be counted on its thread. */
static void
count_into(const struct run *r, struct clusterer *c, struct cluster_counter *k,
    uint32_t id)
{
	const struct item *it = store_item(r->store, id);
	if (!it)
		return;
	const struct feed_info *fi = store_feed(r->store, it->feed_id);
	const char *lang = fi ? fi->language : NULL;
	const char *title = it->title ? it->title : "";
	const char *summary = it->summary ? it->summary : "";
	if (k)
		cluster_counter_put(k, id, it->feed_id, lang, title, summary);
	else
		cluster_count(c, id, it->feed_id, lang, title, summary);
}

/* Clusters a batch of items in the given order, every one counted into
 * the document frequencies first, so the first is weighed as the last. */
static void
cluster_batch(const struct run *r, struct clusterer *c, const uint32_t *ids,
    size_t n, int64_t *count_ms, int64_t *add_ms)
{
	int64_t t0 = util_now_ms();
	for (size_t i = 0; i < n; i++) {
		count_into(r, c, NULL, ids[i]);
		/* a lean store (--dump's) needs the lead no more */
		store_forget_summary(r->store, ids[i]);
	}
	/* items counted before the batch, in another order, are weighed
	 * as if counted in this one */
	cluster_settle(c, ids, n);
	/* the counting's scratch (the tokenizers' memory of words, freed by
	 * the settling) lives in the counter thread's arena, which the adding
	 * on this thread cannot reuse */
	util_trim_heap();
	int64_t t1 = util_now_ms();
	struct cluster_entry *e = xreallocarray(NULL, n ? n : 1, sizeof(*e));
	size_t ne = 0;
	for (size_t i = 0; i < n; i++) {
		const struct item *it = store_item(r->store, ids[i]);
		if (it == NULL)
			continue;
		e[ne++] = (struct cluster_entry){ids[i], it->feed_id, it->time};
		if (it->outlet_id & STORE_OUTLET_NAMED)
			cluster_item_outlet(
			    c, ids[i], store_witness(r->store, it));
	}
	cluster_add_counted(c, e, ne);
	free(e);
	*count_ms = t1 - t0;
	*add_ms = util_now_ms() - t1;
}

/* --dump: the JSON document of DESIGN.md; order is the feed list in URL
 * order, as register_feeds left it.  It goes out to FP in pieces of about
 * DUMP_FLUSH, so a big board is never held whole in memory. */
#define DUMP_FLUSH ((size_t)64 << 10)

/* Writes out what out holds once it is DUMP_FLUSH long: a story of
 * thousands of items is not held whole either. */
static void
dump_flush(struct buf *out, FILE *fp)
{
	if (out->len >= DUMP_FLUSH) {
		fwrite(out->p, 1, out->len, fp);
		buf_reset(out);
	}
}

static void
write_dump(struct run *r, const size_t *order, struct buf *out, FILE *fp)
{
	struct json j;
	size_t n = r->list.n;

	json_init(&j, out);
	json_begin_obj(&j);
	json_key(&j, "feeds");
	json_begin_arr(&j);
	for (size_t k = 0; k < n; k++) {
		const struct feed_info *fi = store_feed(r->store,
		    r->feed_ids[order[k]]);
		json_begin_obj(&j);
		json_kv_str(&j, "url", fi->url);
		json_kv_str(&j, "title", fi->title);
		json_kv_str(&j, "status", fi->status < 0 ? "error" : "ok");
		json_kv_str(&j, "error", fi->status < 0 ? fi->error : NULL);
		json_kv_int(&j, "items", (int64_t)fi->nitems);
		json_end(&j);
	}
	json_end(&j);

	/* Hotness is measured at the newest item's own date, never the wall
	 * clock. */
	int64_t now = 0;
	for (uint32_t id = 1; id <= store_item_max(r->store); id++) {
		const struct item *it = store_item(r->store, id);
		if (it && it->time > now)
			now = it->time;
	}
	size_t nc = cluster_rank(r->clusters, now, NULL, 0);
	uint32_t *cids = xcalloc(nc ? nc : 1, sizeof(*cids));
	nc = cluster_rank(r->clusters, now, cids, nc);
	/* breaking first, as on the board, judged at the same moment */
	(void)alert_order(r->clusters, cids, nc, now, &r->rule);
	json_key(&j, "clusters");
	json_begin_arr(&j);
	for (size_t k = 0; k < nc; k++) {
		const struct cluster_view *v = cluster_view(r->clusters,
		    cids[k]);
		if (!v)
			continue;
		const struct item *label = store_item(r->store, v->label_item);
		json_begin_obj(&j);
		json_kv_int(&j, "id", (int64_t)k + 1);
		/* an untitled story is labelled by its link (the lead may be
		 * gone: a lean store forgets it once counted) */
		char lb[TEXT_LABEL_SIZE];
		json_kv_str(&j, "label",
		    label ? text_item_label(
		                label->title, NULL, label->link, NULL, lb)
		          : "");
		json_kv_bool(&j, "breaking",
		    alert_breaking(v, now, &r->rule, NULL) != ALERT_CALM);
		json_key(&j, "watch");
		json_begin_arr(&j);
		for (size_t t = 0; t < r->watch.n; t++)
			if (v->watch & ((uint64_t)1 << t))
				json_str(&j, r->watch.term[t].term);
		json_end(&j);
		json_key(&j, "items");
		json_begin_arr(&j);
		for (size_t m = 0; m < v->nmembers; m++) {
			const struct item *it = store_item(r->store,
			    v->members[m]);
			if (!it)
				continue;
			const struct feed_info *fi = store_feed(r->store,
			    it->feed_id);
			char date[32];
			json_begin_obj(&j);
			json_kv_str(&j, "feed", fi ? fi->url : "");
			json_kv_str(&j, "title", it->title ? it->title : "");
			json_kv_str(&j, "link", it->link);
			if (it->published == PARSE_NO_DATE) {
				json_kv_str(&j, "published", NULL);
			} else {
				date_format_iso(it->published, date);
				json_kv_str(&j, "published", date);
			}
			json_end(&j);
			dump_flush(out, fp);
		}
		json_end(&j);
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
	(void)buf_putc(out, '\n');
	fwrite(out->p, 1, out->len, fp);
	buf_reset(out);
	free(cids);
}

/* --dump merges every feed as it is parsed, in whatever order feeds
 * answer; an undated item is taken as seen at the newest date of the
 * whole fetch, known only at its end, so until then it carries this. */
#define DUMP_UNDATED (INT64_MIN + 1)

static int
run_dump(const struct app_opts *o)
{
	struct run r;
	char err[512];
	int rc;

	memset(&r, 0, sizeof(r));
	if ((rc = load_config(&r, o, report_stderr, NULL)) != 0) {
		run_fini(&r);
		return rc;
	}
	char *dbpath = NULL;
	if (o->use_db)
		dbpath = o->db_path ? xstrdup(o->db_path) :
				      settings_data_path("wiredesk.db");
	char *warn = NULL;
	r.store = store_open(dbpath, &warn, err, sizeof(err));
	free(dbpath);
	if (warn) {
		fprintf(stderr, "wiredesk: %s\n", warn);
		free(warn);
	}
	if (!r.store) {
		fprintf(stderr, "wiredesk: %s\n", err);
		run_fini(&r);
		return 2;
	}
	/* without a database nothing but the dump reads the items: their
	 * leads are all the clusterer reads (cluster.h), so the store keeps
	 * those alone and the pool makes no more of a summary (0: all) */
	size_t lead = o->use_db ? 0 : CLUSTER_SUMMARY_BYTES;
	store_set_lean(r.store, lead);
	size_t *order = xcalloc(r.list.n ? r.list.n : 1, sizeof(*order));
	register_feeds(&r, order);
	r.fetcher = new_fetcher(&r.set);
	r.pool = pool_new(POOL_AUTO);
	pool_set_lead(r.pool, lead);
	r.clusters = new_clusterer(&r);

	/* The output depends only on the feeds' contents: the store keeps
	 * no trace of arrival order that the dump shows (it lists feeds in
	 * URL order and clusters items in canonical order), and the
	 * undated items are dated once every feed is in.  With the database
	 * the real time is recorded instead: that run depends on what
	 * earlier runs stored anyway. */
	size_t n = r.list.n;
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		const struct feed_info *fi = store_feed(r.store, r.feed_ids[i]);
		struct fetch_req req = {
			.feed_id = r.feed_ids[i],
			.url = r.list.feeds[i].url,
			.etag = o->use_db ? fi->etag : NULL,
			.last_modified = o->use_db ? fi->last_modified : NULL,
		};
		if (fetch_start(r.fetcher, &req) < 0)
			record_status(&r, req.feed_id,
			    "could not start the transfer", NULL, wall_now());
	}
	int64_t seen = o->use_db ? wall_now() : DUMP_UNDATED;
	int64_t started = util_now_ms();
	struct pollfd pfd = {.fd = pool_fd(r.pool), .events = POLLIN};
	/* New items are counted for the clusterer on a core of their own
	 * while other feeds are in flight (cluster_settle makes the order
	 * not matter): this loop only copies them over, and is back at
	 * curl at once. */
	struct cluster_counter *counter = cluster_counter_start(r.clusters);
	while (fetch_active(r.fetcher) > 0 || fetch_pending(r.fetcher) > 0 ||
	    pool_pending(r.pool) > 0) {
		fetch_poll(r.fetcher, &pfd, pfd.fd >= 0 ? 1 : 0, 1000);
		struct fetch_result res;
		while (fetch_next(r.fetcher, &res)) {
			const struct feed_src *fs = feed_src_of(&r,
			    res.feed_id);
			pool_submit(r.pool, &res, fs ? fs->url : NULL);
		}
		struct pool_done done;
		/* the feeds this turn finished go to disk together */
		store_group(r.store, 1);
		while (pool_next(r.pool, &done)) {
			uint32_t id = done.res.feed_id;
			if (done.ok) {
				uint32_t *ids = NULL;
				size_t nnew = 0;
				if (store_merge(r.store, id, &done.pf, seen, &ids,
					&nnew, err, sizeof(err)) < 0)
					fprintf(stderr, "wiredesk: %s\n", err);
				/* a feed of known items gives no ids (NULL) */
				for (size_t k = 0; k < nnew; k++) {
					count_into(&r, NULL, counter, ids[k]);
					/* copied, the lead is needed no more */
					store_forget_summary(r.store, ids[k]);
				}
				cluster_counter_flush(counter);
				free(ids);
			}
			note_outcome(&r, id, &done.res,
			    done.err[0] ? done.err : NULL,
			    done.ok ? done.pf.warning : NULL, wall_now());
			pool_done_fini(&done);
		}
		store_group(r.store, 0);
	}
	int64_t fetched = util_now_ms();
	/* every transfer is over: the connections, their buffers and the
	 * parse workers go before the clustering grows the heap */
	pool_free(r.pool);
	r.pool = NULL;
	fetch_free(r.fetcher);
	r.fetcher = NULL;
	/* the counting left when the last feed is in is waited for */
	int64_t busy_ms = cluster_counter_end(counter) / 1000;
	int64_t drain_ms = util_now_ms() - fetched;
	if (!o->use_db) {
		int64_t newest = store_newest(r.store);
		store_redate(r.store, DUMP_UNDATED,
		    newest == PARSE_NO_DATE ? 0 : newest);
	}

	int64_t counting, adding;
	int64_t early_ms = busy_ms > drain_ms ? busy_ms - drain_ms : 0;
	size_t nall;
	uint32_t *all = all_items(r.store, &nall);
	cluster_batch(&r, r.clusters, all, nall, &counting, &adding);
	free(all);
	/* for benchmarks: where the time went */
	if (getenv("WIREDESK_TIMING") != NULL)
		fprintf(stderr,
		    "wiredesk: timing: fetched and parsed %zu feeds in %lld "
		    "ms; clustered %zu items in %lld ms (counting %lld, of "
		    "them %lld while feeds arrived; adding %lld)\n",
		    n, (long long)(fetched - started), nall,
		    (long long)(busy_ms + counting + adding),
		    (long long)(busy_ms + counting), (long long)early_ms,
		    (long long)adding);

	struct buf out;
	buf_init(&out, 0);
	write_dump(&r, order, &out, stdout);
	free(order);
	buf_fini(&out);
	rc = r.nfailed ? 1 : 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "wiredesk: writing output: %s\n",
		    strerror(errno));
		rc = 2;
	}
	run_fini(&r);
	return rc;
}

static int
run_export(const struct app_opts *o)
{
	struct run r;
	int rc;

	memset(&r, 0, sizeof(r));
	if ((rc = load_config(&r, o, report_stderr, NULL)) != 0) {
		run_fini(&r);
		return rc;
	}
	struct buf out;
	buf_init(&out, 0);
	feedlist_write_opml(&r.list, &out);
	fwrite(out.p, 1, out.len, stdout);
	buf_fini(&out);
	run_fini(&r);
	return fflush(stdout) == 0 ? 0 : 2;
}

static int
run_import(const struct app_opts *o)
{
	char err[512];
	char *feeds = feeds_path(o);

	if (!feeds)
		return 2;
	int n = feedlist_import_opml(o->files[0], feeds, report_stderr, NULL,
	    err, sizeof(err));
	if (n < 0) {
		fprintf(stderr, "wiredesk: %s\n", err);
		free(feeds);
		return 2;
	}
	fprintf(stderr, "wiredesk: %d feed%s added to %s\n", n,
	    n == 1 ? "" : "s", feeds);
	free(feeds);
	return 0;
}

/* ---- the dashboard ---- */

static void
on_signal(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;

	if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP)
		quit_flag = 1;
	if (sigpipe[1] >= 0)
		(void)!write(sigpipe[1], &c, 1);
	errno = saved;
}

static int
setup_signals(void)
{
	if (pipe(sigpipe) < 0)
		return -1;
	for (int i = 0; i < 2; i++) {
		fcntl(sigpipe[i], F_SETFL,
		    fcntl(sigpipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(sigpipe[i], F_SETFD, FD_CLOEXEC);
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCHLD};
	for (size_t i = 0; i < ARRAY_LEN(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

static void
teardown_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCHLD};

	for (size_t i = 0; i < ARRAY_LEN(sigs); i++)
		signal(sigs[i], SIG_DFL);
	for (int i = 0; i < 2; i++) {
		if (sigpipe[i] >= 0)
			close(sigpipe[i]);
		sigpipe[i] = -1;
	}
}

/* The live clusters depend on the order feeds answered in.  After each
 * fetch round that brought items, a fresh clusterer is built from every
 * item in canonical order, a slice per loop turn, and swapped in: the
 * board converges on what --dump shows for the same items. */
struct rebuild {
	struct clusterer *fresh; /* NULL: none under way */
	uint32_t *ids;
	size_t n, cap;
	size_t counted, pos; /* ids counted (cluster_count), then added */
};

/* What the alert check needs between loop turns. */
struct alerting {
	uint32_t first_new; /* items from this id on arrived this session */
	uint32_t *watched;  /* such items that matched a watch term, not
			     * judged yet */
	size_t nwatched, capwatched;
	uint64_t gen;	/* the clusters' generation last judged */
	int64_t minute; /* and the minute */
	size_t fired, commands; /* in the current check */
	int64_t now;
};

struct dash {
	struct run r;
	struct alerting al;
	struct sched *sched;
	struct ui *ui;
	unsigned round_total, round_done;
	size_t round_new; /* items the current round brought */
	int64_t last_refresh, last_prune;
	unsigned bad_lines;
	struct rebuild rb;
	int64_t feeds_next; /* when to look at the feeds file again, ms */
};

static void
rebuild_start(struct dash *d)
{
	struct rebuild *rb = &d->rb;

	cluster_free(rb->fresh);
	free(rb->ids);
	rb->ids = all_items(d->r.store, &rb->n);
	rb->cap = rb->n;
	rb->counted = rb->pos = 0;
	rb->fresh = new_clusterer(&d->r);
}

/* Items that arrive while a rebuild runs go to both clusterers. */
static void
rebuild_note(struct dash *d, uint32_t id)
{
	struct rebuild *rb = &d->rb;

	if (!rb->fresh)
		return;
	if (rb->n == rb->cap) {
		rb->cap = rb->cap ? rb->cap * 2 : 64;
		rb->ids = xreallocarray(rb->ids, rb->cap, sizeof(*rb->ids));
	}
	rb->ids[rb->n++] = id;
}

/* Puts every listed feed in the timetable (sched_add: a new one is due at
 * once), with its every:N or the refresh interval. */
static void
schedule_feeds(struct dash *d)
{
	for (size_t i = 0; i < d->r.list.n; i++) {
		int iv = d->r.list.feeds[i].interval;
		sched_add(d->sched, d->r.feed_ids[i],
		    iv ? iv : d->r.set.refresh_interval);
	}
}

/* The problems found in a feeds file read again: how many, and the first
 * for the status line (each goes to the log). */
struct reread_report {
	unsigned n;
	char first[256];
};

static void
report_reread(const char *msg, void *ctx)
{
	struct reread_report *rr = ctx;

	log_msg(LOG_WARN, "%s", msg);
	if (rr->n++ == 0)
		snprintf(rr->first, sizeof(rr->first), "%s", msg);
}

/* Reads the feeds file again and makes the dashboard follow it, as a
 * restart with the new file would: a feed added is fetched at once; a
 * feed removed is no longer fetched nor listed in the feeds view, and its
 * stored items stay until they age out; a new title, tag or every:N
 * takes effect.  A file that cannot be read or lists no feed leaves the
 * feeds as they were.  Says on the status line what changed. */
static void
feeds_reread(struct dash *d)
{
	struct run *r = &d->r;
	struct feedlist list;
	struct reread_report rr;
	char err[400], msg[600];

	memset(&rr, 0, sizeof(rr));
	if (feedlist_load(r->feeds_file, &list, report_reread, &rr, err,
	        sizeof(err)) < 0) {
		feedlist_fini(&list);
		snprintf(msg, sizeof(msg),
		    "%s; still fetching the %zu feeds read before", err,
		    r->list.n);
		log_msg(LOG_WARN, "%s", msg);
		ui_message(d->ui, msg);
		return;
	}
	/* 1: listed before; 2: listed before and still */
	uint32_t nbefore = store_feed_count(r->store);
	unsigned char *was = xcalloc((size_t)nbefore + 1, 1);
	for (size_t i = 0; i < r->list.n; i++)
		was[r->feed_ids[i]] = 1;
	struct feedlist old = r->list;
	r->list = list;
	size_t *order = xcalloc(r->list.n, sizeof(*order));
	register_feeds(r, order);
	free(order);
	size_t added = 0, removed = 0;
	for (size_t i = 0; i < r->list.n; i++) {
		uint32_t id = r->feed_ids[i];
		if (id <= nbefore && was[id]) {
			was[id] = 2;
		} else {
			/* before any item of it reaches the live clusters */
			clusterer_feed(r, r->clusters, id);
			added++;
		}
	}
	/* the new ones due at once; every interval as the file says */
	schedule_feeds(d);
	for (uint32_t id = 1; id <= nbefore; id++) {
		if (was[id] != 1)
			continue;
		store_feed_unlist(r->store, id);
		sched_remove(d->sched, id);
		removed++;
	}
	free(was);
	feedlist_fini(&old);
	/* the stories, as built from the new list (outlets, watch bits) */
	rebuild_start(d);

	int len = snprintf(msg, sizeof(msg),
	    "feeds file read again: %zu feed%s, %zu added, %zu removed",
	    r->list.n, r->list.n == 1 ? "" : "s", added, removed);
	if (rr.n && len > 0 && (size_t)len < sizeof(msg))
		snprintf(msg + len, sizeof(msg) - (size_t)len,
		    "; %u problem%s: %s", rr.n, rr.n == 1 ? "" : "s", rr.first);
	log_msg(LOG_INFO, "%s", msg);
	ui_message(d->ui, msg);
}

/* Reads the feeds file again if it changed since it was read; looks every
 * FEEDS_CHECK_MS, or now when force is set (reload-all). */
static void
feeds_check(struct dash *d, int64_t now, int force)
{
	int64_t ms = util_now_ms();
	struct file_sig sig;

	if (!force && ms < d->feeds_next)
		return;
	d->feeds_next = ms + FEEDS_CHECK_MS;
	file_sig(d->r.feeds_file, &sig);
	if (same_sig(&sig, &d->r.feeds_sig))
		return;
	/* (a date ahead of the clock is not "recent": it would never age) */
	if (sig.exists && now - (int64_t)sig.mtime.tv_sec < FEEDS_SETTLE_S &&
	    now >= (int64_t)sig.mtime.tv_sec) {
		/* an editor may still be writing it: look again soon */
		d->feeds_next = ms + 1000;
		return;
	}
	d->r.feeds_sig = sig;
	feeds_reread(d);
}

/* Whether a key waits on the terminal: the loop's work stops for it,
 * so that a key is answered within one slice of work (a feed, or a few
 * dozen items of a rebuild), not a whole turn's budget. */
static int
key_waiting(const struct dash *d)
{
	struct pollfd p = {.fd = ui_input_fd(d->ui), .events = POLLIN};

	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/* Time to stop a slice of work: the budget is spent or a key waits. */
static int
yield_now(const struct dash *d, int64_t deadline_ms)
{
	return util_now_ms() >= deadline_ms || key_waiting(d);
}

/* Adds a slice until deadline_ms or a key; swaps when done.  Returns 1
 * while work remains. */
static int
rebuild_step(struct dash *d, int64_t deadline_ms)
{
	struct rebuild *rb = &d->rb;

	if (!rb->fresh)
		return 0;
	while (rb->counted < rb->n) {
		count_into(&d->r, rb->fresh, NULL, rb->ids[rb->counted++]);
		if ((rb->counted & 63) == 0 && yield_now(d, deadline_ms))
			return 1;
	}
	while (rb->pos < rb->n) {
		cluster_into(&d->r, rb->fresh, rb->ids[rb->pos++]);
		if ((rb->pos & 31) == 0 && yield_now(d, deadline_ms))
			return rb->pos < rb->n;
	}
	cluster_swap(d->r.clusters, rb->fresh);
	cluster_free(rb->fresh);
	free(rb->ids);
	memset(rb, 0, sizeof(*rb));
	return 0;
}

static void
start_due(struct dash *d, int64_t now)
{
	uint32_t ids[64];
	size_t n;

	while ((n = sched_due(d->sched, now, ids, ARRAY_LEN(ids))) > 0) {
		for (size_t i = 0; i < n; i++) {
			const struct feed_info *fi = store_feed(d->r.store,
			    ids[i]);
			const struct feed_src *fs = feed_src_of(&d->r, ids[i]);
			sched_started(d->sched, ids[i]);
			if (!fi || !fs)
				continue;
			struct fetch_req req = {
				.feed_id = ids[i],
				.url = fs->url,
				.etag = fi->etag,
				.last_modified = fi->last_modified,
			};
			if (fetch_start(d->r.fetcher, &req) < 0) {
				record_status(&d->r, ids[i],
				    "could not start the transfer", NULL, now);
				sched_done(d->sched, ids[i], SCHED_FAILED, now,
				    -1);
				continue;
			}
			if (d->round_done >= d->round_total)
				d->round_total = d->round_done = 0;
			d->round_total++;
		}
	}
}

/* A new item that matched a watch term waits for the next alert check. */
static void
note_watched(struct dash *d, uint32_t id)
{
	struct alerting *al = &d->al;

	if (!cluster_item_watch(d->r.clusters, id))
		return;
	if (al->nwatched == al->capwatched) {
		al->capwatched = al->capwatched ? al->capwatched * 2 : 16;
		al->watched = xreallocarray(al->watched, al->capwatched,
		    sizeof(*al->watched));
	}
	al->watched[al->nwatched++] = id;
}

static unsigned
fact_fired(uint32_t item, void *ctx)
{
	const struct dash *d = ctx;
	const struct item *it = store_item(d->r.store, item);

	return it ? it->alerted : 0;
}

static uint64_t
fact_watch(uint32_t item, void *ctx)
{
	const struct dash *d = ctx;

	return cluster_item_watch(d->r.clusters, item);
}

/* One story alerts: into the store's log (which marks its items), the
 * log file, and the alert command with the headline as one argument. */
static void
fire_alert(const struct cluster_view *v, const struct alert_call *call,
    void *ctx)
{
	struct dash *d = ctx;
	struct alerting *al = &d->al;
	const struct item *li = store_item(d->r.store, v->label_item);
	char lab[TEXT_LABEL_SIZE], err[512];
	char *head = xstrdup(
	    li ? text_item_label(li->title, li->summary, li->link, NULL, lab)
	       : "(untitled)");
	struct buf why;

	buf_init(&why, 0);
	alert_describe(call, &d->r.rule, &d->r.watch, &why);
	struct store_alert a = {
		.fired = al->now,
		.reasons = call->reasons,
		.outlets = (unsigned)v->sources,
		.headline = head,
		.detail = why.p,
		.item = v->label_item,
	};
	store_alert_add(d->r.store, &a, v->members, v->nmembers);
	log_msg(LOG_INFO, "alert: %s: %s", why.p, head);
	const char *cmd = d->r.set.alert_command;
	if (cmd && al->commands < ALERT_COMMANDS_MAX) {
		al->commands++;
		if (launch_run(cmd, head, err, sizeof(err)) < 0) {
			char msg[600];
			snprintf(msg, sizeof(msg), "alert-command: %s", err);
			ui_message(d->ui, msg);
			log_msg(LOG_WARN, "%s", msg);
		}
	}
	al->fired++;
	buf_fini(&why);
	free(head);
}

/* Judges the stories once the loop has caught up, when the clusters or
 * the minute changed since (time alone can make a story breaking, or
 * stop it being so) or new items matched a watch term. */
static void
check_alerts(struct dash *d, int64_t now)
{
	struct alerting *al = &d->al;
	struct clusterer *c = d->r.clusters;
	uint64_t gen = cluster_generation(c);

	if (gen == al->gen && now / 60 == al->minute && al->nwatched == 0)
		return;
	al->gen = gen;
	al->minute = now / 60;
	al->now = now;
	al->fired = al->commands = 0;
	size_t n = cluster_rank(c, now, NULL, 0);
	uint32_t *ids = xreallocarray(NULL, n ? n : 1, sizeof(*ids));
	n = cluster_rank(c, now, ids, n);
	struct alert_facts f = {al->first_new, fact_fired, fact_watch, d};
	(void)alert_scan(c, ids, n, al->watched, al->nwatched, now,
	    &d->r.rule, &f, fire_alert, d);
	al->nwatched = 0;
	free(ids);
	ui_alerted(d->ui, now, al->fired, d->r.set.alert_bell);
}

/* Handles one parsed transfer: merge, cluster, reschedule. */
static void
finish_one(struct dash *d, struct pool_done *done, int64_t now)
{
	const struct fetch_result *res = &done->res;
	const char *perr = done->err;
	const struct feed_src *fs = feed_src_of(&d->r, res->feed_id);

	if (fs == NULL) {
		/* the feeds file dropped it while it was in flight: nothing
		 * of the answer is kept, not its validators either, so that a
		 * feed listed again is fetched whole, not answered 304 */
		d->round_done++;
		return;
	}
	if (res->status == FETCH_OK) {
		struct parsed_feed pf = done->pf;
		if (done->ok) {
			uint32_t *ids = NULL;
			size_t nnew = 0;
			char err[512];
			if (store_merge(d->r.store, res->feed_id, &pf, now, &ids,
				&nnew, err, sizeof(err)) < 0)
				log_msg(LOG_ERROR, "%s: %s", fs->url, err);
			for (size_t i = 0; i < nnew; i++) {
				cluster_into(&d->r, d->r.clusters, ids[i]);
				rebuild_note(d, ids[i]);
				note_watched(d, ids[i]);
			}
			d->round_new += nnew;
			free(ids);
			if (pf.warning)
				log_msg(LOG_WARN, "%s: %s", fs->url,
				    pf.warning);
			char *sw = store_take_warning(d->r.store);
			if (sw) {
				ui_message(d->ui, sw);
				log_msg(LOG_ERROR, "%s", sw);
				log_defer("wiredesk: %s", sw);
				free(sw);
			}
		}
	}
	int failed = note_outcome(&d->r, res->feed_id, res,
	    perr[0] ? perr : NULL, done->ok ? done->pf.warning : NULL, now);
	if (failed)
		log_msg(LOG_WARN, "%s: %s", fs->url, perr[0] ? perr : res->err);
	sched_done(d->sched, res->feed_id, failed ? SCHED_FAILED : SCHED_OK,
	    now, res->retry_after);
	d->round_done++;
	d->last_refresh = now;
}

static void
act(struct dash *d, const struct ui_request *req, int64_t now)
{
	char err[256];

	switch (req->kind) {
	case UI_REQ_QUIT:
		quit_flag = 1;
		break;
	case UI_REQ_RELOAD_ALL:
		feeds_check(d, now, 1);
		sched_force(d->sched, 0, now);
		break;
	case UI_REQ_RELOAD:
		for (size_t i = 0; i < req->nfeeds; i++)
			sched_force(d->sched, req->feed_ids[i], now);
		break;
	case UI_REQ_OPEN:
		if (launch_url(d->r.set.browser, req->url, err, sizeof(err)) <
		    0)
			ui_message(d->ui, err);
		break;
	case UI_REQ_NONE:
		break;
	}
}

static void
update_status(struct dash *d)
{
	struct ui_status st;

	memset(&st, 0, sizeof(st));
	st.feeds = store_feed_count(d->r.store);
	for (uint32_t id = 1; id <= st.feeds; id++) {
		const struct feed_info *fi = store_feed(d->r.store, id);
		if (!fi || !feed_src_of(&d->r, id))
			continue;
		if (fi->status > 0)
			st.feeds_ok++;
		else if (fi->status < 0)
			st.feeds_failed++;
	}
	st.feeds = (unsigned)d->r.list.n;
	st.in_flight = fetch_active(d->r.fetcher);
	st.round_total = d->round_total;
	st.last_refresh = d->last_refresh;
	int64_t next = sched_next_deadline(d->sched);
	st.next_refresh = next == INT64_MAX ? 0 : next;
	ui_set_status(d->ui, &st);
}

static int
poll_timeout(struct dash *d, int pending, int64_t now)
{
	if (pending)
		return 0;
	int64_t next = sched_next_deadline(d->sched);
	int64_t minute = (now / 60 + 1) * 60; /* ages tick every minute */
	int64_t until = next < minute ? next : minute;
	int64_t ms = (until - now) * 1000;
	int64_t look = d->feeds_next - util_now_ms(); /* the feeds file */
	if (look < ms)
		ms = look;
	if (ms < 10)
		ms = 10;
	if (ms > 60000)
		ms = 60000;
	return (int)ms;
}

/* Headlines are UTF-8 whatever the locale says.  Under a locale that is
 * not (LANG unset, LC_ALL=C), ncursesw would print every accent and
 * quote as escapes, so the dashboard asks for C.UTF-8 instead and says
 * so.  Returns a message for the user, or NULL. */
static const char *
ensure_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return NULL;
	if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8"))
		return "the locale is not UTF-8; using C.UTF-8 for the screen";
	return "the locale is not UTF-8 and C.UTF-8 is missing: "
	       "non-ASCII text will not show right";
}

static int
run_dashboard(const struct app_opts *o)
{
	struct dash d;
	char err[512];
	int rc;

	memset(&d, 0, sizeof(d));
	if ((rc = load_config(&d.r, o, report_deferred, &d.bad_lines)) != 0) {
		run_fini(&d.r);
		return rc;
	}
	if (d.r.set.log_file)
		log_open(d.r.set.log_file);
	if (!fetch_async_dns())
		log_msg(LOG_WARN, "libcurl resolves names synchronously; "
				  "a slow DNS server will stall the screen");

	char *dbpath = o->db_path ? xstrdup(o->db_path) :
				    settings_data_path("wiredesk.db");
	char *warn = NULL;
	int64_t now = wall_now();
	int64_t keep = (int64_t)d.r.set.retention_days * 86400;
	d.r.store = store_open_since(dbpath, keep > 0 ? now - keep : INT64_MIN,
	    &warn, err, sizeof(err));
	free(dbpath);
	if (!d.r.store) {
		fprintf(stderr, "wiredesk: %s\n", err);
		run_fini(&d.r);
		log_flush_deferred();
		return 2;
	}
	/* Every item stored so far was loaded at start-up: none of them
	 * sets an alert off. */
	d.al.first_new = store_item_max(d.r.store) + 1;
	size_t *order = xcalloc(d.r.list.n ? d.r.list.n : 1, sizeof(*order));
	register_feeds(&d.r, order);
	free(order);
	d.r.fetcher = new_fetcher(&d.r.set);
	d.r.pool = pool_new(POOL_AUTO);
	d.r.clusters = new_clusterer(&d.r);
	d.sched = sched_new((uint64_t)now ^ (uint64_t)getpid());
	schedule_feeds(&d);

	/* Cached stories first: the board shows them before any fetch. */
	size_t pruned = store_prune(d.r.store, now,
	    (int64_t)d.r.set.retention_days * 86400,
	    (size_t)d.r.set.max_items_per_feed);
	d.last_prune = now;
	if (pruned)
		log_msg(LOG_INFO, "pruned %zu old items", pruned);
	/* The first frame shows the stories still open: the stored items of
	 * the last window (and a day), at most the newest STARTUP_ITEMS, are
	 * clustered before it; the whole store, which may hold weeks of a
	 * thousand feeds, is clustered after it, a slice per loop turn, and
	 * swapped in (rebuild). */
	size_t nall;
	uint32_t *all = all_items(d.r.store, &nall);
	size_t from = nall;
	if (nall > 0) {
		const struct item *last = store_item(d.r.store, all[nall - 1]);
		int64_t since = last->time - d.r.set.cluster_window - 86400;
		while (from > 0 && nall - from < STARTUP_ITEMS &&
		    store_item(d.r.store, all[from - 1])->time >= since)
			from--;
	}
	int64_t counting, adding;
	cluster_batch(&d.r, d.r.clusters, all + from, nall - from, &counting,
	    &adding);
	log_msg(LOG_INFO, "clustered %zu of %zu stored items in %lld ms",
	    nall - from, nall, (long long)(counting + adding));
	free(all);
	if (from > 0)
		rebuild_start(&d);

	if (setup_signals() < 0) {
		fprintf(stderr, "wiredesk: pipe: %s\n", strerror(errno));
		free(warn);
		sched_free(d.sched);
		run_fini(&d.r);
		return 2;
	}
	const char *locale_msg = ensure_utf8();
	if (locale_msg)
		log_msg(LOG_WARN, "%s", locale_msg);
	d.ui = ui_new(d.r.store, d.r.clusters, &d.r.set, err, sizeof(err));
	if (!d.ui) {
		teardown_signals();
		fprintf(stderr, "wiredesk: %s\n", err);
		free(warn);
		sched_free(d.sched);
		run_fini(&d.r);
		log_flush_deferred();
		return 2;
	}
	d.bad_lines += (unsigned)ui_config_problems(d.ui, report_deferred,
	    NULL);
	ui_set_watch(d.ui, &d.r.watch);
	if (warn) {
		ui_message(d.ui, warn);
		log_defer("wiredesk: %s", warn);
		free(warn);
	} else if (locale_msg) {
		ui_message(d.ui, locale_msg);
	} else if (d.bad_lines) {
		char msg[128];
		snprintf(msg, sizeof(msg),
		    "%u problem%s in the feeds or config file (shown on exit)",
		    d.bad_lines, d.bad_lines == 1 ? "" : "s");
		ui_message(d.ui, msg);
	}

	int pending = 0;
	while (!quit_flag) {
		now = wall_now();
		/* a key that came during the work is read and drawn first */
		if (!key_waiting(&d)) {
			update_status(&d);
			ui_draw(d.ui, now);
		}
		struct pollfd pfd[3] = {
			{.fd = ui_input_fd(d.ui), .events = POLLIN},
			{.fd = sigpipe[0], .events = POLLIN},
			{.fd = pool_fd(d.r.pool), .events = POLLIN},
		};
		unsigned npfd = pfd[2].fd >= 0 ? 3 : 2;
		int timeout = poll_timeout(&d, pending, now);
		if (fetch_poll(d.r.fetcher, pfd, npfd, timeout) < 0) {
			/* curl could not poll: still wait on the tty, the
			 * signals and the parse pool, never spin */
			log_msg(LOG_ERROR, "curl_multi_poll failed");
			poll(pfd, npfd, timeout < 1000 ? timeout : 1000);
		}
		now = wall_now();

		unsigned char sigs[64];
		ssize_t ns;
		while ((ns = read(sigpipe[0], sigs, sizeof(sigs))) > 0) {
			for (ssize_t i = 0; i < ns; i++) {
				if (sigs[i] == SIGWINCH)
					ui_resize(d.ui);
				else if (sigs[i] == SIGCHLD)
					launch_reap();
			}
		}
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* the terminal is gone: nothing can be shown or read */
			log_msg(LOG_WARN, "terminal closed, quitting");
			quit_flag = 1;
		}
		if (quit_flag)
			break;

		struct ui_request req;
		while (!quit_flag && ui_handle_input(d.ui, now, &req))
			act(&d, &req, now);
		if (pfd[0].revents & POLLIN) {
			/* the key's answer is drawn before any other work */
			pending = 1;
			continue;
		}

		/* Finished transfers, within the budget and until a key
		 * comes: a burst of feeds never keeps a key waiting for more
		 * than one feed's work. */
		int64_t t0 = util_now_ms();
		struct fetch_result res;
		pending = 0;
		while (fetch_next(d.r.fetcher, &res)) {
			const struct feed_src *fs = feed_src_of(&d.r,
			    res.feed_id);
			pool_submit(d.r.pool, &res, fs ? fs->url : NULL);
		}
		struct pool_done done;
		/* the feeds this turn finished go to disk together */
		store_group(d.r.store, 1);
		for (int n = 0;; n++) {
			if (n > 0 && yield_now(&d, t0 + BUDGET_MS)) {
				pending = 1;
				break;
			}
			if (!pool_next(d.r.pool, &done))
				break;
			finish_one(&d, &done, now);
			pool_done_fini(&done);
		}
		store_group(d.r.store, 0);
		/* A round has ended when nothing is in flight, queued or
		 * being parsed. */
		if (!pending && d.round_new && fetch_active(d.r.fetcher) == 0 &&
		    pool_pending(d.r.pool) == 0) {
			d.round_new = 0;
			rebuild_start(&d);
		}
		if (rebuild_step(&d, t0 + BUDGET_MS))
			pending = 1;
		feeds_check(&d, now, 0);
		start_due(&d, now);
		if (now - d.last_prune >= PRUNE_EVERY) {
			/* Pruned items leave the live clusters with the next
			 * rebuild. */
			if (store_prune(d.r.store, now,
				(int64_t)d.r.set.retention_days * 86400,
				(size_t)d.r.set.max_items_per_feed) > 0)
				rebuild_start(&d);
			d.last_prune = now;
		}
		if (!pending)
			check_alerts(&d, now);
	}

	ui_free(d.ui);
	teardown_signals();
	cluster_free(d.rb.fresh);
	free(d.rb.ids);
	free(d.al.watched);
	log_flush_deferred();
	sched_free(d.sched);
	run_fini(&d.r);
	log_close();
	return 0;
}

int
app_run(const struct app_opts *o)
{
	switch (o->mode) {
	case APP_PARSE:
		return run_parse(o);
	case APP_DUMP:
		return run_dump(o);
	case APP_EXPORT_OPML:
		return run_export(o);
	case APP_IMPORT_OPML:
		return run_import(o);
	case APP_DASHBOARD:
		break;
	}
	return run_dashboard(o);
}
