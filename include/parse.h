/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_PARSE_H
#define WIREDESK_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "util.h"

enum feed_format {
	FEED_UNKNOWN,
	FEED_RSS090,
	FEED_RSS091,
	FEED_RSS092,
	FEED_RSS20,
	FEED_RSS10,
	FEED_ATOM03,
	FEED_ATOM10,
};

/* "rss2.0", "atom1.0", ... as DESIGN.md's --parse contract names them
 * ("unknown" for FEED_UNKNOWN).  A static string. */
const char *parse_format_name(enum feed_format f);

/* Dates are Unix seconds UTC; PARSE_NO_DATE when absent or unparseable. */
#define PARSE_NO_DATE INT64_MIN

/* Limits on what one document may make parse_feed build. */
#define PARSE_MAX_INPUT (128u << 20) /* larger documents are refused */
#define PARSE_MAX_ITEMS 100000	     /* items past this are dropped */
#define PARSE_MAX_FIELD (16u << 10)  /* title, link, id, author, dates */
#define PARSE_MAX_BODY (2u << 20)    /* summary and content sources */
#define PARSE_MAX_SUMMARY (32u << 10) /* plain-text summary */

/* One item.  Every string is sanitized UTF-8 (text_sanitize) or NULL,
 * never empty, and any of them may be NULL: an item without a title is
 * still an item.  title, link, id and author are single lines; summary
 * is plain text (paragraphs separated by a blank line), the content's
 * text when the item has no summary element; content is the HTML body
 * where the feed has one (content:encoded, atom content, xhtml:body).
 * link is absolute where a base exists, and falls back to an http(s)
 * permalink guid or atom id.  id is the guid, atom id or rdf:about as
 * given.  author is a name where the feed gives one.  published comes
 * from pubDate, published, issued or dcterms:issued; updated from
 * updated, modified, dc:date or dcterms:modified; PARSE_NO_DATE when
 * absent or unreadable. */
struct parsed_item {
	char *title, *link, *id, *author, *summary, *content;
	int64_t published, updated;
	char *outlet; /* the outlet an aggregator names for the item (an
	               * RSS <source>: "Reuters" in Google News), or NULL;
	               * not part of the --parse output */
};

struct parsed_feed {
	enum feed_format format;
	char *title, *link, *language; /* language: "en", "de-at", ... or NULL
					  (lowercased as given) */
	struct parsed_item *items;
	size_t nitems;
	char *warning; /* set when items survived a fatal error, else NULL */
};

/* Parses a feed from memory.  url (may be NULL) is the document's address
 * and resolves relative links after xml:base; without it the feed's own
 * channel or feed link serves as the base.  http_charset (may be NULL) is
 * used only when the document has neither a BOM nor an encoding
 * declaration.  Never touches the network or the file system, never
 * writes to stderr.  Returns 0 and fills *out (free with
 * parsed_feed_fini), or -1 with a reason in err when nothing could be
 * read as a feed ("empty document", "not a feed: root element <html>",
 * ...; out is then empty but safe to fini).  Items before a fatal error
 * are kept and the error is reported in out->warning with a 0 return. */
ATTR_NODISCARD int parse_feed(const char *data, size_t len, const char *url,
    const char *http_charset, struct parsed_feed *out, char *err,
    size_t errlen);
void parsed_feed_fini(struct parsed_feed *f);

/* parse_feed for a reader of the summaries' leads only (--dump without a
 * database): a summary may stop short a little past lead bytes, but
 * begins as parse_feed's does and is longer than lead exactly when that
 * is (an untitled item's, which its key reads, as if lead were at least
 * PARSE_KEY_TEXT); no content is kept.  lead 0 is parse_feed. */
ATTR_NODISCARD int parse_feed_lead(const char *data, size_t len,
    const char *url, const char *http_charset, size_t lead,
    struct parsed_feed *out, char *err, size_t errlen);

/* How much of an untitled item's summary its key takes. */
#define PARSE_KEY_TEXT 512

/* The identity of an item within its feed, the rule DESIGN.md gives the
 * store: the id (guid) if any, else the link, else the title followed by
 * 0x1f and the published date in decimal Unix seconds (the title alone
 * when there is no date); an untitled item uses the first
 * PARSE_KEY_TEXT bytes of its summary in the title's place.  NULL when
 * the item has no id, link, title or summary.  Caller frees. */
char *parse_item_key(const struct parsed_item *it);

/* Append one line (ending in '\n') of DESIGN.md's --parse JSON to out:
 * {"source", "format", "title", "link", "items": [{"title", "link", "id",
 * "author", "published", "updated", "summary", "content"}]} with dates as
 * "YYYY-MM-DDTHH:MM:SSZ" or null; or, for a file that could not be
 * parsed, {"source", "error"}. */
void parse_write_json(const char *source, const struct parsed_feed *f,
    struct buf *out);
void parse_write_json_error(const char *source, const char *msg,
    struct buf *out);

#endif
