/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_FEEDLIST_H
#define WIREDESK_FEEDLIST_H

#include <stddef.h>

#include "buf.h"
#include "util.h"

/* One feed of the feeds file.  url is as written for http(s) and file://,
 * and an absolute file:// URL for a plain path (resolved against the feeds
 * file's directory).  title is from a "~Title" tag or NULL.  line is the
 * 1-based line in the file (0 for OPML imports). */
struct feed_src {
	char *url;
	char *title;
	char **tags;
	size_t ntags;
	unsigned line;
	int interval; /* refresh seconds from a tag, 0 = the global one */
};

struct feedlist {
	struct feed_src *feeds;
	size_t n;
};

/* Called for each bad or merged line with a message "FILE:LINE: reason". */
typedef void (*feedlist_report_fn)(const char *msg, void *ctx);

/* Parses the feeds file at path.  Bad lines are reported and skipped; a
 * URL listed twice is reported once and its tags merged into the first.
 * Returns 0, or -1 with err set when the file cannot be read or holds no
 * feed at all.  Free with feedlist_fini. */
ATTR_NODISCARD int feedlist_load(const char *path, struct feedlist *list,
    feedlist_report_fn report, void *ctx, char *err, size_t errlen);
/* The same over a buffer; name is used in reports, basedir resolves plain
 * paths (NULL: the current directory). */
ATTR_NODISCARD int feedlist_parse_mem(const char *data, size_t len,
    const char *name, const char *basedir, struct feedlist *list,
    feedlist_report_fn report, void *ctx);
void feedlist_fini(struct feedlist *list);

/* Reads an OPML file's http(s) feeds (folders become tags) and appends the
 * new ones to the feeds file at feeds_path in its own syntax.  Returns the
 * number added, or -1 with err set. */
int feedlist_import_opml(const char *opml_path, const char *feeds_path,
    feedlist_report_fn report, void *ctx, char *err, size_t errlen);
/* Appends list as an OPML 2.0 document (tags become folders) to out. */
void feedlist_write_opml(const struct feedlist *list, struct buf *out);

#endif
