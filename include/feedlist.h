/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_FEEDLIST_H
#define WIREDESK_FEEDLIST_H

#include <stddef.h>

#include "buf.h"
#include "util.h"

/* Largest feeds file or OPML file read, in bytes. */
#define FEEDLIST_FILE_MAX (16 * 1024 * 1024)

/* One feed of the feeds file.  url is as written for http(s) and file://
 * (a quoted one unquoted), and an absolute file:// URL for a plain path
 * (resolved against the feeds file's directory, or $HOME for "~/", and
 * percent-encoded).  title is from a "~Title" tag or NULL.  tags are the
 * other tags in order, without duplicates; the strings are valid UTF-8
 * without control characters.  line is the 1-based line in the file (0
 * for OPML imports).  interval is from an "every:N" tag (N in seconds or
 * with an s, m, h or d suffix, SETTINGS_INTERVAL_MIN to _MAX seconds), 0
 * when there is none.  Everything is owned by the feedlist. */
struct feed_src {
	char *url;
	char *title;
	char **tags;
	size_t ntags;
	unsigned line;
	int interval; /* refresh seconds from a tag, 0 = the global one */
};

/* The feeds in file order; freed by feedlist_fini. */
struct feedlist {
	struct feed_src *feeds;
	size_t n;
};

/* Called for each bad or merged line with a message "FILE:LINE: reason";
 * msg is borrowed for the call. */
typedef void (*feedlist_report_fn)(const char *msg, void *ctx);

/* Parses the feeds file at path (syntax: docs/config.md).  Bad lines are
 * reported and skipped; a URL listed twice is reported once ("duplicate of
 * line N, merged") and its tags merged into the first.  Returns 0, or -1
 * with err set when the file cannot be read (missing, unreadable, a
 * directory, larger than FEEDLIST_FILE_MAX) or holds no feed at all; list
 * is then empty.  report may be NULL.  Free list with feedlist_fini in
 * either case. */
ATTR_NODISCARD int feedlist_load(const char *path, struct feedlist *list,
    feedlist_report_fn report, void *ctx, char *err, size_t errlen);
/* The same over a buffer; name is used in reports, basedir (absolute)
 * resolves relative plain paths (NULL: the current directory).  Returns
 * 0, or -1 when no line holds a feed (list is then empty). */
ATTR_NODISCARD int feedlist_parse_mem(const char *data, size_t len,
    const char *name, const char *basedir, struct feedlist *list,
    feedlist_report_fn report, void *ctx);
void feedlist_fini(struct feedlist *list);

/* Reads an OPML 1.0 or 2.0 file and appends its feeds that are not yet in
 * the feeds file at feeds_path to that file, in its syntax: one line per
 * feed, the outline's title (else its text) as "~Title", the folders
 * around it as one tag "Folder/Subfolder" (as newsboat imports OPML).  A
 * feed in several folders gets each as a tag.  Only http(s) xmlUrl
 * outlines are taken; others are reported ("OPML:LINE: reason") and
 * skipped.  The feeds file and its directory are created when missing;
 * an existing file is only appended to.  Returns the number of feeds
 * added (0 when all were there already; the file is then not touched),
 * or -1 with err set when the OPML cannot be read or holds no usable feed,
 * or the feeds file cannot be read or written. */
int feedlist_import_opml(const char *opml_path, const char *feeds_path,
    feedlist_report_fn report, void *ctx, char *err, size_t errlen);
/* Appends list as an OPML 2.0 document to out.  Each tag is a folder (a
 * tag "A/B" a folder B inside A); a feed with several tags appears in each
 * of their folders, a feed without tags at the top, so importing the
 * result restores every feed with its title and tags (not its every:N
 * interval, which OPML has no place for). */
void feedlist_write_opml(const struct feedlist *list, struct buf *out);

#endif
