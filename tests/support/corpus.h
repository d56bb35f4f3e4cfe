/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_CORPUS_H
#define WIREDESK_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The benchmark corpus of issue 10: feeds of real size whose headlines
 * come from the UCI News Aggregator sample (tests/data/bench/
 * uci-headlines.tsv), so that their items fall into a few dozen large
 * stories, each spread over many feeds and a day or two of dates.  Every
 * item is a pure function of its feed number and index, so a feed can be
 * written on its own (tests/tools/gencorpus) and a clusterer can be fed
 * the items of ten thousand feeds in date order without writing any of
 * them (tests/bench/bench_cluster). */

#define CORPUS_ITEMS 30         /* items a feed, as the issue measures */
#define CORPUS_START 1394409600 /* Mon, 10 Mar 2014 00:00 UTC */

struct corpus;

/* Reads the headline file (lines "story<TAB>publisher<TAB>title", '#'
 * lines are comments).  NULL with a reason in err.  Free with
 * corpus_free (NULL is fine). */
struct corpus *corpus_load(const char *path, char *err, size_t errlen);
void corpus_free(struct corpus *c);

/* Stories (numbered 1 to corpus_nstories) and headlines in the file. */
uint32_t corpus_nstories(const struct corpus *c);
size_t corpus_nheadlines(const struct corpus *c);

/* What ordering needs of an item, cheap to compute: its gold story, its
 * date and the key (guid or Atom id) that the feed gives it. */
struct corpus_meta {
	uint32_t story;
	int64_t date;
	char key[160];
};

/* Item j (0-based) of feed (1-based). */
void corpus_meta(
    const struct corpus *c, uint32_t feed, uint32_t j, struct corpus_meta *m);

/* An item's text.  title is plain UTF-8, as a parser hands it on; html
 * is the description's HTML (300 to 1,500 bytes of <p>, <a href>,
 * <strong> and entities), before any XML escaping.  Embed, pair
 * corpus_item_init/corpus_item_fini, and reuse across calls. */
struct corpus_item {
	struct corpus_meta m;
	struct buf title, html, link, author;
};

void corpus_item_init(struct corpus_item *it);
void corpus_item_fini(struct corpus_item *it);
void corpus_item(
    const struct corpus *c, uint32_t feed, uint32_t j, struct corpus_item *it);

/* 1 when the feed is Atom 1.0 (9 in every 100), 0 for RSS 2.0. */
int corpus_feed_is_atom(uint32_t feed);
/* 1 when the feed puts its descriptions in CDATA (3 in every 10), 0 when
 * it XML-escapes them. */
int corpus_feed_is_cdata(uint32_t feed);

/* The language the feed declares, as a parser reports it ("en-us" for
 * RSS, "en" for Atom). */
const char *corpus_feed_language(uint32_t feed);

/* Appends the whole document of a feed with nitems items, newest first,
 * to out. */
void corpus_feed(
    const struct corpus *c, uint32_t feed, uint32_t nitems, struct buf *out);

#endif
