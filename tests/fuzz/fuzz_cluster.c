/* libFuzzer target: the tokenizer and the clusterer over arbitrary text.
 * The input is a list of items, one a line: its first byte picks the
 * feed's language (or a language tag of raw bytes), the second how the
 * item goes in (counted first, then settled and added as a batch as
 * --dump does, or added at once as live mode does, or a watch phrase) and
 * its date's step; the rest is the headline, a tab, the summary.  Every
 * item added must be in a cluster that its view lists. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "fuzz.h"
#include "util.h"

#define MAX_ITEMS 64

static const char *const langs[] = {NULL, "en", "de", "fr", "es", "ru", "ja",
    "zh", "ar", "tr", "el", "nl", "pt-BR", "en-GB", "", "xx"};

static void
check(int ok)
{
	if (!ok)
		abort();
}

static void
check_item(struct clusterer *c, uint32_t id)
{
	uint32_t cl = cluster_of(c, id);
	check(cl != 0);
	const struct cluster_view *v = cluster_view(c, cl);
	check(v != NULL && v->nmembers > 0);
	int found = 0;
	for (size_t k = 0; k < v->nmembers && !found; k++)
		found = v->members[k] == id;
	check(found);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct clusterer *c = cluster_new(NULL);
	struct cluster_entry batch[MAX_ITEMS];
	uint32_t ids[MAX_ITEMS], added[MAX_ITEMS];
	size_t nbatch = 0, nadded = 0;
	int64_t t = 1700000000;
	uint32_t next = 1;
	size_t at = 0;

	while (at < size && next <= MAX_ITEMS) {
		const uint8_t *nl = memchr(data + at, '\n', size - at);
		size_t end = nl ? (size_t)(nl - data) : size;
		char *line = xstrndup((const char *)data + at, end - at);
		size_t len = strlen(line); /* a NUL ends it early */
		at = end + 1;
		if (len < 2) {
			free(line);
			continue;
		}
		unsigned pick = (unsigned char)line[0],
		         how = (unsigned char)line[1];
		char tag[8] = "";
		const char *lang = langs[pick % ARRAY_LEN(langs)];
		if (pick >= 0xf0) { /* a tag of raw bytes */
			memcpy(tag, line + 2, len - 2 < 7 ? len - 2 : 7);
			lang = tag;
		}
		char *title = line + 2, *summary = strchr(title, '\t');
		if (summary != NULL)
			*summary++ = '\0';
		/* dates in order mostly, a jump back or far ahead sometimes */
		t += (int64_t)(how >> 2) * 600;
		if ((how >> 2) == 63)
			t -= 30 * 86400;
		uint32_t feed = 1 + (pick >> 4);
		switch (how & 3) {
		case 0: /* counted, added with the batch */
			cluster_count(c, next, feed, lang, title, summary);
			batch[nbatch] = (struct cluster_entry){
			    .item = next, .feed = feed, .time = t};
			ids[nbatch++] = next;
			added[nadded++] = next++;
			break;
		case 1: /* added at once */
			check(cluster_add(
			          c, next, feed, lang, title, summary, t) != 0);
			added[nadded++] = next++;
			break;
		case 2: /* a watch term, before the items it matches */
			(void)cluster_watch(c, title);
			break;
		default: /* the outlet of a feed */
			cluster_set_outlet(c, feed, 1 + (how >> 4));
			break;
		}
		free(line);
	}
	cluster_settle(c, ids, nbatch);
	cluster_add_counted(c, batch, nbatch);
	cluster_rebuild(c);
	for (size_t k = 0; k < nadded; k++)
		check_item(c, added[k]);
	uint32_t ranked[MAX_ITEMS];
	size_t n = cluster_rank(c, t, ranked, MAX_ITEMS);
	for (size_t k = 0; k < n; k++)
		check(cluster_view(c, ranked[k]) != NULL);
	cluster_free(c);
	return 0;
}
