/* realeval: clustering quality on a labelled news day.
 *
 *   realeval [-v] LABELS.tsv DUMP.json
 *
 * LABELS.tsv has a line "link<TAB>story" for every item of the day (a
 * first line "link<TAB>story" is a header); DUMP.json is what `wiredesk
 * --dump` printed for that day's feeds.  Prints the B-cubed precision,
 * recall and F1 of the dump's clusters against the stories, and beside
 * them the same for putting every item alone (the baseline a clusterer
 * must beat on a day where most items are stories of their own).  Items
 * the dump has but the labels do not, and labelled links the dump lacks,
 * are counted and left out of the scores.  With -v, every cluster that
 * mixes stories and every story split over clusters is listed, titles
 * and outlets included.
 *
 * Output: "items N stories S clusters C", "bcubed P R F1", "alone P R
 * F1", and a "dump:" line when links were unknown or missing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bcubed.h"
#include "jread.h"
#include "util.h"

#define FILE_MAX (256u << 20)

struct label {
	const char *link, *story;
	uint32_t gold;    /* story number */
	uint32_t cluster; /* 1-based, 0 if the dump lacks it */
	const char *title, *feed;
};

static int
cmp_link(const void *a, const void *b)
{
	const struct label *x = a, *y = b;

	return strcmp(x->link, y->link);
}

static int
cmp_story(const void *a, const void *b)
{
	const struct label *x = *(const struct label *const *)a;
	const struct label *y = *(const struct label *const *)b;

	return strcmp(x->story, y->story);
}

/* Reads the labels (the text is modified in place and must outlive
 * them); returns how many, or -1. */
static long
read_labels(char *data, size_t len, struct label **out)
{
	size_t n = 0, cap = 0;
	struct label *l = NULL;

	for (char *p = data; p < data + len;) {
		char *end = memchr(p, '\n', (size_t)(data + len - p));
		if (end == NULL)
			end = data + len;
		*end = '\0';
		if (end > p && end[-1] == '\r')
			end[-1] = '\0';
		char *tab = strchr(p, '\t');
		if (tab != NULL && strcmp(p, "link\tstory") != 0) {
			*tab = '\0';
			if (n == cap) {
				cap = cap ? 2 * cap : 512;
				l = xreallocarray(l, cap, sizeof(*l));
			}
			l[n++] = (struct label){p, tab + 1, 0, 0, NULL, NULL};
		}
		p = end + 1;
	}
	qsort(l, n, sizeof(*l), cmp_link);
	for (size_t i = 1; i < n; i++)
		if (strcmp(l[i].link, l[i - 1].link) == 0) {
			fprintf(stderr, "realeval: %s labelled twice\n",
			    l[i].link);
			free(l);
			return -1;
		}
	/* stories numbered in name order */
	struct label **by = xreallocarray(NULL, n ? n : 1, sizeof(*by));
	for (size_t i = 0; i < n; i++)
		by[i] = &l[i];
	qsort(by, n, sizeof(*by), cmp_story);
	uint32_t g = 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && strcmp(by[i]->story, by[i - 1]->story) != 0)
			g++;
		by[i]->gold = g;
	}
	free(by);
	*out = l;
	return (long)n;
}

static const char *
str_of(const struct jv *o, const char *key)
{
	const struct jv *v = o != NULL ? jv_get(o, key) : NULL;

	return v != NULL && v->type == J_STR ? v->s : NULL;
}

/* The last part of a feed's URL: enough to tell outlets apart. */
static const char *
outlet(const char *feed)
{
	const char *s = feed != NULL ? strrchr(feed, '/') : NULL;

	return s != NULL && s[1] != '\0' ? s + 1 : feed != NULL ? feed : "?";
}

static void
report(const char *name, const uint32_t *gold, const uint32_t *sys, size_t n)
{
	struct bcubed b = bcubed_score(gold, sys, n);

	printf("%s %.4f %.4f %.4f\n", name, b.precision, b.recall, b.f1);
}

/* -v: what went wrong, cluster by cluster and story by story. */
static void
explain(const struct label *l, size_t n, size_t nclusters)
{
	for (size_t c = 1; c <= nclusters; c++) {
		size_t k = 0;
		uint32_t first = UINT32_MAX;
		int mixed = 0;
		for (size_t i = 0; i < n; i++) {
			if (l[i].cluster != c)
				continue;
			if (first == UINT32_MAX)
				first = l[i].gold;
			mixed |= l[i].gold != first;
			k++;
		}
		if (!mixed)
			continue;
		printf("mixed cluster %zu (%zu items):\n", c, k);
		for (size_t i = 0; i < n; i++)
			if (l[i].cluster == c)
				printf("  %-28.28s %-16.16s %s\n", l[i].story,
				    outlet(l[i].feed),
				    l[i].title ? l[i].title : "?");
	}
	for (size_t i = 0; i < n; i++) {
		int first = 1, split = 0;
		for (size_t j = 0; j < n; j++) {
			if (l[j].gold != l[i].gold)
				continue;
			if (j < i)
				first = 0;
			split |= l[j].cluster != l[i].cluster;
		}
		if (!first || !split)
			continue;
		printf("split story %s:\n", l[i].story);
		for (size_t j = 0; j < n; j++)
			if (l[j].gold == l[i].gold)
				printf("  cluster %-5u %-16.16s %s\n",
				    (unsigned)l[j].cluster, outlet(l[j].feed),
				    l[j].title ? l[j].title : "?");
	}
}

int
main(int argc, char **argv)
{
	int verbose = 0, opt;

	while ((opt = getopt(argc, argv, "v")) != -1) {
		if (opt != 'v') {
			fprintf(stderr, "usage: realeval [-v] LABELS.tsv "
			                "DUMP.json\n");
			return 2;
		}
		verbose = 1;
	}
	if (optind + 2 != argc) {
		fprintf(stderr, "usage: realeval [-v] LABELS.tsv DUMP.json\n");
		return 2;
	}
	char err[256];
	size_t llen, dlen;
	char *ldata = util_read_file(argv[optind], FILE_MAX, &llen, err,
	    sizeof(err));
	char *doc = ldata ? util_read_file(argv[optind + 1], FILE_MAX, &dlen,
	                        err, sizeof(err))
	                  : NULL;
	if (doc == NULL) {
		fprintf(stderr, "realeval: %s\n", err);
		free(ldata);
		return 2;
	}
	struct label *l = NULL;
	long nl = read_labels(ldata, llen, &l);
	struct jv root;
	const struct jv *cls = NULL;
	if (nl < 0 || jread_parse(doc, dlen, &root) != 0 ||
	    (cls = jv_get(&root, "clusters")) == NULL || cls->type != J_ARR) {
		if (nl >= 0)
			fprintf(stderr, "realeval: %s: not a --dump document\n",
			    argv[optind + 1]);
		free(l);
		free(ldata);
		free(doc);
		return 2;
	}
	size_t n = (size_t)nl, unknown = 0, twice = 0;
	for (size_t c = 0; c < cls->n; c++) {
		const struct jv *items = jv_get(&cls->kid[c], "items");
		for (size_t i = 0; items != NULL && i < items->n; i++) {
			const struct jv *it = &items->kid[i];
			struct label key = {.link = str_of(it, "link")};
			struct label *hit = key.link == NULL
			                        ? NULL
			                        : bsearch(&key, l, n, sizeof(*l),
			                              cmp_link);
			if (hit == NULL) {
				unknown++;
			} else if (hit->cluster != 0) {
				twice++;
			} else {
				hit->cluster = (uint32_t)c + 1;
				hit->title = str_of(it, "title");
				hit->feed = str_of(it, "feed");
			}
		}
	}
	/* score the labelled items the dump has */
	uint32_t *gold = xreallocarray(NULL, n ? n : 1, sizeof(*gold));
	uint32_t *sys = xreallocarray(NULL, n ? n : 1, sizeof(*sys));
	uint32_t *alone = xreallocarray(NULL, n ? n : 1, sizeof(*alone));
	size_t m = 0, missing = 0, nstories = 0;
	for (size_t i = 0; i < n; i++) {
		if (l[i].cluster == 0) {
			missing++;
			continue;
		}
		gold[m] = l[i].gold;
		sys[m] = l[i].cluster;
		alone[m] = (uint32_t)m;
		m++;
		if (l[i].gold + 1 > nstories)
			nstories = l[i].gold + 1;
	}
	printf("items %zu stories %zu clusters %zu\n", m, nstories, cls->n);
	report("bcubed", gold, sys, m);
	report("alone", gold, alone, m);
	if (unknown || twice || missing)
		printf("dump: %zu unlabelled links, %zu repeated, %zu labelled "
		       "links missing\n",
		    unknown, twice, missing);
	if (verbose)
		explain(l, n, cls->n);
	free(gold);
	free(sys);
	free(alone);
	jv_free(&root);
	free(l);
	free(ldata);
	free(doc);
	return 0;
}
