/* ucieval: clustering quality on the UCI News Aggregator sample.
 *
 *   ucieval feeds CSV OUTDIR      one RSS file per HOSTNAME, plus
 *                                 OUTDIR/feeds.urls for wiredesk -f
 *   ucieval score CSV DUMP.json   B-cubed of a `wiredesk --dump` document
 *   ucieval direct [opts] CSV     cluster in-process, same order as --dump
 *   ucieval headlines CSV         story, publisher and title of every row
 *                                 as TSV (tests/data/bench/uci-headlines.tsv)
 *
 * The CSV has the columns ID, TITLE, URL, PUBLISHER, CATEGORY, STORY,
 * HOSTNAME, TIMESTAMP; STORY is the gold grouping.  The crawl timestamps
 * would give the stories away (a story's items were crawled together), so
 * the feeds carry dates spread evenly over the sample's period in a
 * fixed-seed shuffled order: over the whole period when it spans at most
 * two days, else within each UTC day, which keeps a multi-day sample's
 * days apart without leaking the order inside a day.  Links carry the row
 * ID (https://HOST/uci/ID), which is how `score` maps the dump back.
 *
 * `direct` feeds the same items straight to the clusterer in --dump's
 * canonical order (date, then feed URL, then key) and prints the same
 * figures; it is the fast loop for tuning.  Its options override the
 * clusterer's defaults (-t threshold, -m merge, -b name boost, -k top-k,
 * -w window hours), select half of the stories (-H 0 or -H 1, split by a
 * hash of the story id), or thin the stories out (-s SEED: each story
 * keeps a heavy-tailed random number of its items, so most become one- to
 * three-item stories, as on a real wire day), or shuffle the dates with
 * another seed (-r SEED, to see how much the order matters); -v prints
 * every cluster
 * with its stories.  Output: a line "items N stories S clusters C", a
 * line "bcubed P R F1", and a line "alone P R F1", the score of putting
 * every item alone, beside it. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bcubed.h"
#include "buf.h"
#include "jread.h"
#include "rng.h"
#include "cluster.h"
#include "text.h"
#include "util.h"

#define CSV_MAX (512u << 20)
#define TWO_DAYS (2 * 86400)
#define SHUFFLE_SEED 0x5eed2014u

struct row {
	uint32_t id;
	char *title, *publisher, *story, *host;
	int64_t crawled; /* seconds */
	int64_t date;    /* the date the feeds carry */
	uint32_t gold;   /* story number */
	uint32_t feed;   /* host number, 1-based, in URL order */
	char key[32];    /* the item's guid */
};

struct sample {
	struct row *r;
	size_t n;
	size_t nstories, nhosts;
	char **hosts; /* sorted by feed URL */
};

/* CSV (RFC 4180): returns the fields of the record at *p, advancing *p. */
static size_t
csv_record(char **p, const char *end, char **field, size_t max)
{
	size_t n = 0;
	char *s = *p;

	if (s >= end)
		return 0;
	for (;;) {
		char *out = s, *start = s;
		if (s < end && *s == '"') {
			s++;
			for (;;) {
				if (s >= end)
					break;
				if (*s == '"') {
					if (s + 1 < end && s[1] == '"') {
						*out++ = '"';
						s += 2;
						continue;
					}
					s++;
					break;
				}
				*out++ = *s++;
			}
			while (s < end && *s != ',' && *s != '\n')
				s++;
		} else {
			while (s < end && *s != ',' && *s != '\n')
				s++;
			out = s;
		}
		char sep = s < end ? *s : '\n';
		if (out > start && out[-1] == '\r' && sep == '\n')
			out--;
		*out = '\0';
		if (n < max)
			field[n++] = start;
		if (s < end)
			s++;
		if (sep == '\n')
			break;
	}
	*p = s;
	return n;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint32_t
index_of(char **sorted, size_t n, const char *s)
{
	char **hit = bsearch(&s, sorted, n, sizeof(*sorted), cmp_str);

	return (uint32_t)(hit - sorted);
}

/* The distinct values of field off over the rows, sorted. */
static char **
distinct(const struct sample *sm, size_t off, size_t *count)
{
	char **v = xreallocarray(NULL, sm->n ? sm->n : 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < sm->n; i++)
		v[i] = *(char **)((char *)&sm->r[i] + off);
	qsort(v, sm->n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < sm->n; i++)
		if (n == 0 || strcmp(v[n - 1], v[i]) != 0)
			v[n++] = v[i];
	*count = n;
	return v;
}

static int
cmp_host_url(const void *a, const void *b)
{
	/* feed URLs differ only in "HOST.xml" */
	char x[300], y[300];

	snprintf(x, sizeof(x), "%s.xml", *(char *const *)a);
	snprintf(y, sizeof(y), "%s.xml", *(char *const *)b);
	return strcmp(x, y);
}

static int
cmp_ll(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Dates the feeds carry (see the top of the file). */
static void
assign_dates(struct sample *sm, uint64_t seed)
{
	struct rng rg = {seed};
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	size_t *idx = xreallocarray(NULL, sm->n ? sm->n : 1, sizeof(*idx));

	for (size_t i = 0; i < sm->n; i++) {
		if (sm->r[i].crawled < lo)
			lo = sm->r[i].crawled;
		if (sm->r[i].crawled > hi)
			hi = sm->r[i].crawled;
	}
	int whole = hi - lo <= TWO_DAYS;
	int64_t *days = xreallocarray(NULL, sm->n ? sm->n : 1, sizeof(*days));
	size_t ndays = 0;
	for (size_t i = 0; i < sm->n; i++)
		days[ndays++] = whole ? 0 : sm->r[i].crawled / 86400;
	qsort(days, ndays, sizeof(*days), cmp_ll);
	for (size_t d = 0; d < ndays; d++) {
		if (d > 0 && days[d] == days[d - 1])
			continue;
		size_t m = 0;
		int64_t dlo = INT64_MAX, dhi = INT64_MIN;
		for (size_t i = 0; i < sm->n; i++) {
			if (!whole && sm->r[i].crawled / 86400 != days[d])
				continue;
			idx[m++] = i;
			if (sm->r[i].crawled < dlo)
				dlo = sm->r[i].crawled;
			if (sm->r[i].crawled > dhi)
				dhi = sm->r[i].crawled;
		}
		for (size_t i = m; i > 1; i--) {
			size_t j = (size_t)(rng_next(&rg) % i);
			size_t t = idx[i - 1];
			idx[i - 1] = idx[j];
			idx[j] = t;
		}
		for (size_t k = 0; k < m; k++) {
			int64_t step = m > 1 ? (int64_t)(m - 1) : 1;
			sm->r[idx[k]].date =
			    dlo + (dhi - dlo) * (int64_t)k / step;
		}
	}
	free(days);
	free(idx);
}

static int
load(const char *path, uint64_t seed, struct sample *sm, char **data)
{
	char err[256];
	size_t len;
	char *s = util_read_file(path, CSV_MAX, &len, err, sizeof(err));

	memset(sm, 0, sizeof(*sm));
	if (s == NULL) {
		fprintf(stderr, "ucieval: %s\n", err);
		return -1;
	}
	*data = s;
	char *p = s, *end = s + len, *f[16];
	size_t nf = csv_record(&p, end, f, 16);
	int col[6] = {-1, -1, -1, -1, -1, -1};
	static const char *const want[6] = {
	    "ID", "TITLE", "PUBLISHER", "STORY", "HOSTNAME", "TIMESTAMP"};
	for (size_t i = 0; i < nf; i++)
		for (int k = 0; k < 6; k++)
			if (strcmp(f[i], want[k]) == 0)
				col[k] = (int)i;
	for (int k = 0; k < 6; k++) {
		if (col[k] < 0) {
			fprintf(stderr, "ucieval: %s: no %s column\n", path,
			    want[k]);
			return -1;
		}
	}
	size_t cap = 0;
	while (p < end) {
		nf = csv_record(&p, end, f, 16);
		if (nf <= 1 && (nf == 0 || f[0][0] == '\0'))
			continue;
		int ok = 1;
		for (int k = 0; k < 6; k++)
			ok = ok && (size_t)col[k] < nf;
		if (!ok) {
			fprintf(stderr, "ucieval: %s: short record\n", path);
			return -1;
		}
		if (sm->n == cap) {
			cap = cap ? 2 * cap : 1024;
			sm->r = xreallocarray(sm->r, cap, sizeof(*sm->r));
		}
		struct row *r = &sm->r[sm->n++];
		memset(r, 0, sizeof(*r));
		r->id = (uint32_t)strtoul(f[col[0]], NULL, 10);
		r->title = f[col[1]];
		r->publisher = f[col[2]];
		r->story = f[col[3]];
		r->host = f[col[4]];
		r->crawled = strtoll(f[col[5]], NULL, 10) / 1000;
		snprintf(r->key, sizeof(r->key), "uci-%u", (unsigned)r->id);
	}
	char **stories =
	    distinct(sm, offsetof(struct row, story), &sm->nstories);
	sm->hosts = distinct(sm, offsetof(struct row, host), &sm->nhosts);
	for (size_t i = 0; i < sm->n; i++)
		sm->r[i].gold = index_of(stories, sm->nstories, sm->r[i].story);
	qsort(sm->hosts, sm->nhosts, sizeof(*sm->hosts), cmp_host_url);
	for (size_t i = 0; i < sm->n; i++) {
		for (size_t h = 0; h < sm->nhosts; h++) {
			if (strcmp(sm->hosts[h], sm->r[i].host) == 0) {
				sm->r[i].feed = (uint32_t)h + 1;
				break;
			}
		}
	}
	free(stories);
	assign_dates(sm, seed);
	return 0;
}

static void
unload(struct sample *sm, char *data)
{
	free(sm->r);
	free(sm->hosts);
	free(data);
}

/* feeds */

static void
xml_text(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				fputc(*s, f);
		}
	}
}

static void
rfc822(int64_t t, char *out, size_t n)
{
	static const char *const wd[] = {
	    "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    wd[tm.tm_wday], tm.tm_mday, mo[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void
file_name(const char *host, char *out, size_t n)
{
	size_t o = 0;

	for (; *host != '\0' && o + 5 < n; host++) {
		char c = *host;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		         (c >= '0' && c <= '9') || c == '.' || c == '-';
		out[o++] = ok ? c : '_';
	}
	memcpy(out + o, ".xml", 5);
}

static int
cmp_row_newest(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a;
	const struct row *y = *(const struct row *const *)b;

	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static int
cmd_feeds(const char *csv, const char *dir)
{
	struct sample sm;
	char *data = NULL;

	if (load(csv, SHUFFLE_SEED, &sm, &data) != 0)
		return 2;
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "ucieval: %s: %s\n", dir, strerror(errno));
		return 2;
	}
	char abs[PATH_MAX];
	if (realpath(dir, abs) == NULL) {
		fprintf(stderr, "ucieval: %s: %s\n", dir, strerror(errno));
		return 2;
	}
	struct buf path;
	buf_init(&path, 0);
	buf_appendf(&path, "%s/feeds.urls", abs);
	FILE *urls = fopen(path.p, "w");
	if (urls == NULL) {
		fprintf(stderr, "ucieval: %s: %s\n", path.p, strerror(errno));
		return 2;
	}
	struct row **of = xreallocarray(NULL, sm.n ? sm.n : 1, sizeof(*of));
	int rc = 0;
	for (size_t h = 0; h < sm.nhosts; h++) {
		size_t m = 0;
		for (size_t i = 0; i < sm.n; i++)
			if (sm.r[i].feed == h + 1)
				of[m++] = &sm.r[i];
		qsort(of, m, sizeof(*of), cmp_row_newest);
		char name[300], date[64];
		file_name(sm.hosts[h], name, sizeof(name));
		buf_reset(&path);
		buf_appendf(&path, "%s/%s", abs, name);
		FILE *f = fopen(path.p, "w");
		if (f == NULL) {
			fprintf(stderr, "ucieval: %s: %s\n", path.p,
			    strerror(errno));
			rc = 2;
			break;
		}
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<rss version=\"2.0\">\n<channel>\n<title>",
		    f);
		xml_text(f, of[0]->publisher);
		fputs("</title>\n<link>https://", f);
		xml_text(f, sm.hosts[h]);
		fputs("/</link>\n<description>UCI News Aggregator sample"
		      "</description>\n<language>en</language>\n",
		    f);
		for (size_t k = 0; k < m; k++) {
			rfc822(of[k]->date, date, sizeof(date));
			fputs("<item>\n<title>", f);
			xml_text(f, of[k]->title);
			fputs("</title>\n<link>https://", f);
			xml_text(f, sm.hosts[h]);
			fprintf(f,
			    "/uci/%u</link>\n<guid isPermaLink=\"false\">"
			    "%s</guid>\n<pubDate>%s</pubDate>\n</item>\n",
			    (unsigned)of[k]->id, of[k]->key, date);
		}
		fputs("</channel>\n</rss>\n", f);
		if (fclose(f) != 0)
			rc = 2;
		fprintf(urls, "file://%s\n", path.p);
	}
	if (fclose(urls) != 0)
		rc = 2;
	free(of);
	buf_fini(&path);
	unload(&sm, data);
	return rc;
}

/* headlines */

/* A field for a TSV line: tabs and line breaks become spaces. */
static void
tsv_field(const char *s)
{
	for (; *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* The compact headline file of the benchmark corpus (tests/support/
 * corpus.c): the CSV's rows in its order, stories numbered from 1 in
 * sorted STORY order. */
static int
cmd_headlines(const char *csv)
{
	struct sample sm;
	char *data = NULL;

	if (load(csv, SHUFFLE_SEED, &sm, &data) != 0)
		return 2;
	printf("# Headlines of the UCI News Aggregator dataset (F. Gasparetti,"
	       " UCI Machine\n"
	       "# Learning Repository, \"News Aggregator\"): the %zu rows of "
	       "uci-news-dev.csv,\n"
	       "# %zu stories.  Made by `ucieval headlines uci-news-dev.csv`"
	       " (tests/tools).\n"
	       "# Columns: story (the STORY column numbered from 1 in sorted "
	       "order),\n"
	       "# publisher, title.  The benchmark corpus draws its headlines "
	       "from here.\n",
	    sm.n, sm.nstories);
	for (size_t i = 0; i < sm.n; i++) {
		printf("%u\t", (unsigned)sm.r[i].gold + 1);
		tsv_field(sm.r[i].publisher);
		putchar('\t');
		tsv_field(sm.r[i].title);
		putchar('\n');
	}
	unload(&sm, data);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}

/* score and direct */

static void
report(const struct sample *sm, const uint32_t *sys, size_t nclusters)
{
	uint32_t *gold = xreallocarray(NULL, sm->n ? sm->n : 1, sizeof(*gold));

	for (size_t i = 0; i < sm->n; i++)
		gold[i] = sm->r[i].gold;
	uint32_t *alone =
	    xreallocarray(NULL, sm->n ? sm->n : 1, sizeof(*alone));
	for (size_t i = 0; i < sm->n; i++)
		alone[i] = (uint32_t)i;
	struct bcubed b = bcubed_score(gold, sys, sm->n);
	struct bcubed a = bcubed_score(gold, alone, sm->n);
	printf("items %zu stories %zu clusters %zu\n", sm->n, sm->nstories,
	    nclusters);
	printf("bcubed %.4f %.4f %.4f\n", b.precision, b.recall, b.f1);
	/* the baseline: every item alone */
	printf("alone %.4f %.4f %.4f\n", a.precision, a.recall, a.f1);
	free(alone);
	free(gold);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

static int
cmp_row_id(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
cmd_score(const char *csv, const char *dump)
{
	struct sample sm;
	char *data = NULL, err[256];
	size_t len;

	if (load(csv, SHUFFLE_SEED, &sm, &data) != 0)
		return 2;
	char *doc = util_read_file(dump, CSV_MAX, &len, err, sizeof(err));
	if (doc == NULL) {
		fprintf(stderr, "ucieval: %s\n", err);
		return 2;
	}
	struct jv root;
	const struct jv *cls;
	if (jread_parse(doc, len, &root) != 0 ||
	    (cls = jv_get(&root, "clusters")) == NULL || cls->type != J_ARR) {
		fprintf(stderr, "ucieval: %s: not a --dump document\n", dump);
		return 2;
	}
	qsort(sm.r, sm.n, sizeof(*sm.r), cmp_row_id);
	uint32_t *sys = xcalloc(sm.n ? sm.n : 1, sizeof(*sys));
	size_t unknown = 0, twice = 0;
	for (size_t c = 0; c < cls->n; c++) {
		const struct jv *items = jv_get(&cls->kid[c], "items");
		for (size_t i = 0; items != NULL && i < items->n; i++) {
			const struct jv *l = jv_get(&items->kid[i], "link");
			const char *u = NULL;
			struct row key = {0}, *r = NULL;
			if (l != NULL && l->type == J_STR)
				u = strstr(l->s, "/uci/");
			if (u != NULL) {
				key.id = (uint32_t)strtoul(u + 5, NULL, 10);
				r = bsearch(&key, sm.r, sm.n, sizeof(*sm.r),
				    cmp_row_id);
			}
			if (r == NULL)
				unknown++;
			else if (sys[r - sm.r] != 0)
				twice++;
			else
				sys[r - sm.r] = (uint32_t)c + 1;
		}
	}
	size_t missing = 0;
	for (size_t i = 0; i < sm.n; i++) {
		if (sys[i] == 0) {
			/* not in the dump: a story of its own */
			sys[i] = (uint32_t)(cls->n + 1 + i);
			missing++;
		}
	}
	if (unknown || twice || missing)
		printf("dump: %zu unknown links, %zu repeated, %zu rows "
		       "missing\n",
		    unknown, twice, missing);
	report(&sm, sys, cls->n);
	free(sys);
	jv_free(&root);
	free(doc);
	unload(&sm, data);
	return 0;
}

static int
cmp_canonical(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a;
	const struct row *y = *(const struct row *const *)b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->feed != y->feed)
		return x->feed < y->feed ? -1 : 1;
	return strcmp(x->key, y->key);
}

static uint32_t
story_hash(const char *s)
{
	return (uint32_t)util_hash(s, strlen(s), 44);
}

/* Keeps a heavy-tailed share of each story: most keep 1-3 items. */
static void
thin_out(struct sample *sm, uint64_t seed)
{
	struct rng rg = {seed};
	size_t o = 0;
	uint32_t *keep =
	    xcalloc(sm->nstories ? sm->nstories : 1, sizeof(*keep));
	uint32_t *seen =
	    xcalloc(sm->nstories ? sm->nstories : 1, sizeof(*seen));

	for (size_t s = 0; s < sm->nstories; s++) {
		double u = rng_unit(&rg);
		keep[s] = 1 + (uint32_t)(u * u * u * u * 60);
	}
	for (size_t i = 0; i < sm->n; i++) {
		uint32_t g = sm->r[i].gold;
		if (seen[g]++ < keep[g])
			sm->r[o++] = sm->r[i];
	}
	sm->n = o;
	free(keep);
	free(seen);
}

static int
cmd_direct(int argc, char **argv)
{
	struct cluster_opts o = {0};
	int half = -1, verbose = 0, opt;
	uint64_t thin = 0, order_seed = SHUFFLE_SEED;

	while ((opt = getopt(argc, argv, "t:m:b:k:w:H:s:r:v")) != -1) {
		switch (opt) {
		case 't':
			o.threshold = strtod(optarg, NULL);
			break;
		case 'm':
			o.merge = strtod(optarg, NULL);
			break;
		case 'b':
			o.name_boost = strtod(optarg, NULL);
			break;
		case 'k':
			o.topk = (unsigned)strtoul(optarg, NULL, 10);
			break;
		case 'w':
			o.window = (int64_t)(strtod(optarg, NULL) * 3600);
			break;
		case 'H':
			half = (int)strtol(optarg, NULL, 10);
			break;
		case 's':
			thin = strtoull(optarg, NULL, 10);
			break;
		case 'r':
			order_seed = strtoull(optarg, NULL, 10);
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr,
		    "usage: ucieval direct [-t T] [-m M] [-b B] "
		    "[-k K] [-w HOURS] [-H 0|1] [-s SEED] [-r SEED] "
		    "[-v] "
		    "CSV\n");
		return 2;
	}
	struct sample sm;
	char *data = NULL;
	if (load(argv[optind], order_seed, &sm, &data) != 0)
		return 2;
	if (half >= 0) {
		size_t n = 0;
		for (size_t i = 0; i < sm.n; i++)
			if ((int)(story_hash(sm.r[i].story) & 1) == half)
				sm.r[n++] = sm.r[i];
		sm.n = n;
	}
	if (thin != 0)
		thin_out(&sm, thin);
	/* stories left */
	uint32_t *g = xreallocarray(NULL, sm.n ? sm.n : 1, sizeof(*g));
	for (size_t i = 0; i < sm.n; i++)
		g[i] = sm.r[i].gold;
	qsort(g, sm.n, sizeof(*g), cmp_u32);
	size_t ns = 0;
	for (size_t i = 0; i < sm.n; i++)
		ns += i == 0 || g[i] != g[i - 1];
	sm.nstories = ns;
	free(g);

	struct row **order =
	    xreallocarray(NULL, sm.n ? sm.n : 1, sizeof(*order));
	for (size_t i = 0; i < sm.n; i++)
		order[i] = &sm.r[i];
	qsort(order, sm.n, sizeof(*order), cmp_canonical);
	struct clusterer *c = cluster_new(&o);
	int64_t t0 = util_now_ms();
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < sm.n; i++) {
			const struct row *r = order[i];
			char *title = text_clean(r->title, strlen(r->title), 0);
			if (pass == 0)
				cluster_count(c, r->id, r->feed, "en", title, NULL);
			else
				cluster_add(c, r->id, r->feed, "en", title, NULL,
				    r->date);
			free(title);
		}
	}
	int64_t t1 = util_now_ms();
	uint32_t *sys = xreallocarray(NULL, sm.n ? sm.n : 1, sizeof(*sys));
	for (size_t i = 0; i < sm.n; i++)
		sys[i] = cluster_of(c, sm.r[i].id);
	size_t ncl = cluster_rank(c, 0, NULL, 0);
	report(&sm, sys, ncl);
	fprintf(stderr, "clustered %zu items in %lld ms\n", sm.n,
	    (long long)(t1 - t0));
	if (verbose) {
		uint32_t *ids =
		    xreallocarray(NULL, ncl ? ncl : 1, sizeof(*ids));
		int64_t last = sm.n ? order[sm.n - 1]->date : 0;
		ncl = cluster_rank(c, last, ids, ncl);
		qsort(sm.r, sm.n, sizeof(*sm.r), cmp_row_id);
		for (size_t k = 0; k < ncl; k++) {
			const struct cluster_view *v = cluster_view(c, ids[k]);
			struct row key = {.id = v->label_item};
			const struct row *lab = bsearch(
			    &key, sm.r, sm.n, sizeof(*sm.r), cmp_row_id);
			printf("cluster %u: %zu items, %zu sources: %s [",
			    (unsigned)v->id, v->nmembers, v->sources,
			    lab ? lab->title : "?");
			for (size_t t = 0; t < v->nterms; t++)
				printf("%s%s", t ? " " : "", v->terms[t]);
			printf("]\n");
			for (size_t m = 0; m < v->nmembers; m++) {
				key.id = v->members[m];
				const struct row *r = bsearch(&key, sm.r, sm.n,
				    sizeof(*sm.r), cmp_row_id);
				printf("    %3u %s\n",
				    r ? (unsigned)r->gold : 0,
				    r ? r->title : "?");
			}
		}
		free(ids);
	}
	free(sys);
	free(order);
	cluster_free(c);
	unload(&sm, data);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "feeds") == 0)
		return cmd_feeds(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "score") == 0)
		return cmd_score(argv[2], argv[3]);
	if (argc >= 3 && strcmp(argv[1], "direct") == 0)
		return cmd_direct(argc - 1, argv + 1);
	if (argc == 3 && strcmp(argv[1], "headlines") == 0)
		return cmd_headlines(argv[2]);
	fprintf(stderr, "usage: ucieval feeds CSV OUTDIR\n"
	                "       ucieval score CSV DUMP.json\n"
	                "       ucieval direct [options] CSV\n"
	                "       ucieval headlines CSV\n");
	return 2;
}
