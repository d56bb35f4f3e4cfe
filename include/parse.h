/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_PARSE_H
#define WIREDESK_PARSE_H

#include <stddef.h>
#include <stdint.h>

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

/* "rss2.0", "atom1.0", ... as DESIGN.md's --parse contract names them. */
const char *parse_format_name(enum feed_format f);

/* Dates are Unix seconds UTC; PARSE_NO_DATE when absent or unparseable. */
#define PARSE_NO_DATE INT64_MIN

/* One item.  Every string is sanitized UTF-8 (text_sanitize) or NULL.
 * summary is plain text; content is the HTML body where the feed has one.
 * link is absolute. */
struct parsed_item {
	char *title, *link, *id, *author, *summary, *content;
	int64_t published, updated;
};

struct parsed_feed {
	enum feed_format format;
	char *title, *link, *language; /* language: "en", "de", ... or NULL */
	struct parsed_item *items;
	size_t nitems;
	char *warning; /* set when items survived a fatal error, else NULL */
};

/* Parses a feed from memory.  url (may be NULL) resolves relative links;
 * http_charset (may be NULL) is used only when the document has neither a
 * BOM nor an encoding declaration.  Never touches the network or the file
 * system.  Returns 0 and fills *out (free with parsed_feed_fini), or -1
 * with a reason in err when nothing could be read as a feed (out is then
 * empty but safe to fini).  Items before a fatal error are kept and
 * reported in out->warning with a 0 return. */
ATTR_NODISCARD int parse_feed(const char *data, size_t len, const char *url,
    const char *http_charset, struct parsed_feed *out, char *err,
    size_t errlen);
void parsed_feed_fini(struct parsed_feed *f);

#endif
