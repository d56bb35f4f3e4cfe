/* bench_store: figures for the item store on a real SQLite file.
 *
 *   bench_store fill PATH N     merge N new items (200 feeds, 50 items a
 *                               merge, one transaction each) into PATH,
 *                               then merge the same bodies again (all
 *                               known: the common case of a refetch)
 *   bench_store load PATH       open PATH (load everything), report time
 *                               and peak RSS of this process
 *   bench_store mem N           the fill figures without a database
 *
 * Items look like news: a 70-byte title, a 60-byte link, a 300-byte
 * summary and a 900-byte HTML body.  Output is "name value unit" lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "parse.h"
#include "store.h"

#define FEEDS 200
#define PER_MERGE 50

static long
peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static char *
filler(size_t n, unsigned seed)
{
	static const char words[] = "market minister storm election court "
				    "police report company league talks ";
	char *p = malloc(n + 1);

	for (size_t i = 0; i < n; i++)
		p[i] = words[(i + seed * 7) % (sizeof(words) - 1)];
	p[n] = '\0';
	return p;
}

/* Builds the body of merge number m: PER_MERGE items with keys unique
 * across the run. */
static void
body(struct parsed_feed *pf, struct parsed_item *items, char (*keys)[80],
    char (*titles)[80], size_t m, char *summary, char *content)
{
	memset(pf, 0, sizeof(*pf));
	pf->items = items;
	pf->nitems = PER_MERGE;
	for (size_t i = 0; i < PER_MERGE; i++) {
		size_t n = m * PER_MERGE + i;
		snprintf(keys[i], sizeof(keys[i]),
		    "https://news%zu.example.com/2024/story-%zu.html",
		    m % FEEDS, n);
		snprintf(titles[i], sizeof(titles[i]),
		    "Minister says talks on budget resume after storm, "
		    "story %zu", n);
		memset(&items[i], 0, sizeof(items[i]));
		items[i].link = keys[i];
		items[i].title = titles[i];
		items[i].summary = summary;
		items[i].content = content;
		items[i].published = 1700000000 + (int64_t)n * 10;
		items[i].updated = PARSE_NO_DATE;
	}
}

static int
fill(const char *path, size_t n)
{
	char err[512], *warn = NULL;
	struct store *s = store_open(path, &warn, err, sizeof(err));

	if (!s) {
		fprintf(stderr, "bench_store: %s\n", err);
		return 1;
	}
	if (warn) {
		fprintf(stderr, "bench_store: %s\n", warn);
		free(warn);
	}
	uint32_t feeds[FEEDS];
	for (size_t i = 0; i < FEEDS; i++) {
		char url[64];
		snprintf(url, sizeof(url), "https://news%zu.example.com/rss",
		    i);
		feeds[i] = store_feed_add(s, url, NULL);
	}
	struct parsed_item items[PER_MERGE];
	char(*keys)[80] = malloc(PER_MERGE * sizeof(*keys));
	char(*titles)[80] = malloc(PER_MERGE * sizeof(*titles));
	char *summary = filler(300, 1), *content = filler(900, 2);
	struct parsed_feed pf;
	size_t merges = (n + PER_MERGE - 1) / PER_MERGE;
	size_t added = 0, again = 0;

	for (int pass = 0; pass < 2; pass++) {
		int64_t t0 = util_now_ms();
		size_t total = 0;
		for (size_t m = 0; m < merges; m++) {
			uint32_t *ids = NULL;
			size_t nn = 0;
			body(&pf, items, keys, titles, m, summary, content);
			if (store_merge(s, feeds[m % FEEDS], &pf, 1800000000,
				&ids, &nn, err, sizeof(err)) != 0) {
				fprintf(stderr, "bench_store: %s\n", err);
				return 1;
			}
			free(ids);
			total += nn;
		}
		int64_t ms = util_now_ms() - t0;
		if (ms < 1)
			ms = 1;
		if (pass == 0)
			added = total;
		else
			again = total;
		printf("%s_%s %.0f items/s (%zu items, %lld ms, %zu "
		       "transactions)\n",
		    path ? "merge_file" : "merge_mem",
		    pass ? "known" : "new",
		    (double)(merges * PER_MERGE) * 1000.0 / (double)ms,
		    merges * PER_MERGE, (long long)ms, merges);
	}
	char *w = store_take_warning(s);
	if (w) {
		fprintf(stderr, "bench_store: %s\n", w);
		free(w);
	}
	printf("items_stored %zu\n", store_item_count(s));
	printf("peak_rss %ld KiB\n", peak_rss_kb());
	int64_t t0 = util_now_ms();
	store_close(s);
	printf("close %lld ms\n", (long long)(util_now_ms() - t0));
	free(keys);
	free(titles);
	free(summary);
	free(content);
	return added == merges * PER_MERGE && again == 0 ? 0 : 1;
}

static int
load(const char *path)
{
	char err[512], *warn = NULL;
	long before = peak_rss_kb();
	int64_t t0 = util_now_ms();
	struct store *s = store_open(path, &warn, err, sizeof(err));
	int64_t ms = util_now_ms() - t0;

	if (warn) {
		fprintf(stderr, "bench_store: %s\n", warn);
		free(warn);
		store_close(s);
		return 1;
	}
	printf("load %lld ms (%zu items, %u feeds)\n", (long long)ms,
	    store_item_count(s), (unsigned)store_feed_count(s));
	printf("rss_before_open %ld KiB\n", before);
	printf("peak_rss_after_open %ld KiB\n", peak_rss_kb());
	store_close(s);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "fill") == 0)
		return fill(argv[2], strtoul(argv[3], NULL, 10));
	if (argc == 3 && strcmp(argv[1], "load") == 0)
		return load(argv[2]);
	if (argc == 3 && strcmp(argv[1], "mem") == 0)
		return fill(NULL, strtoul(argv[2], NULL, 10));
	fprintf(stderr, "usage: bench_store fill PATH N | load PATH | mem N\n");
	return 2;
}
