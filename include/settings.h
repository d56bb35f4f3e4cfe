/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_SETTINGS_H
#define WIREDESK_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Bounds of a refresh interval in seconds, for refresh-interval and for a
 * feed's own every:N tag. */
#define SETTINGS_INTERVAL_MIN 30
#define SETTINGS_INTERVAL_MAX (7 * 86400)
/* Longest line of the config file and the feeds file, in bytes. */
#define SETTINGS_LINE_MAX 8192

/* A "color ELEMENT FG BG [ATTR...]" line.  element, fg and bg are the
 * names as written (lower case, validated); fgi and bgi are the same
 * colours as numbers: -1 the terminal's default, 0-7 black, red, green,
 * yellow, blue, magenta, cyan, white (curses' COLOR_* order), 0-255 for
 * colorN.  A later line for the same element replaces an earlier one. */
struct setting_color {
	char *element, *fg, *bg;
	int fgi, bgi;
	int bold, underline, reverse;
};

/* A "bind KEY ACTION [VIEW]" line, kept as written: key names and actions
 * are validated by keymap, which reports "FILE:LINE: reason" itself from
 * file and line. */
struct setting_bind {
	char *key, *action, *view; /* view NULL: every view */
	char *file;		   /* the config file's name, for reports */
	unsigned line;
};

/* One term of a "watch TERM... [tag:TAG...]" line: a word, or a phrase
 * (a quoted word with spaces), as written.  tags are the line's tag:TAG
 * words without the "tag:": the term is watched only in items of feeds
 * with one of those tags; none: in every feed.  One entry per term, in
 * the order of the file; file and line are for reports of problems found
 * later (a term with no word to match, too many terms). */
struct setting_watch {
	char *term;
	char **tags;
	size_t ntags;
	char *file;
	unsigned line;
};

/* Plain values; every field has a default from settings_defaults.  The
 * strings and arrays are owned by the struct (settings_fini frees them). */
struct settings {
	int refresh_interval;	  /* seconds, default 300 */
	char *browser;		  /* NULL: $BROWSER, then xdg-open */
	int max_connections;	  /* default 16 */
	int max_host_connections; /* default 4 */
	int connect_timeout;	  /* seconds, default 15 */
	int timeout;		  /* whole transfer, seconds, default 60 */
	int low_speed_limit;	  /* bytes/s, default 16 */
	int low_speed_time;	  /* seconds, default 20 */
	size_t max_body;	  /* decoded bytes, default 8 MiB */
	char *user_agent;	  /* default "wiredesk/VERSION" */
	int64_t cluster_window;	  /* seconds, default 48 h */
	double cluster_threshold; /* 0 = the clusterer's tuned default */
	int retention_days;	  /* default 14 */
	int max_items_per_feed;	  /* default 1000 */
	char *log_file;		  /* NULL: no log */
	int64_t breaking_window;  /* seconds, default 1 h (alert.h) */
	int breaking_outlets;	  /* default 3 */
	int alert_bell;		  /* 1 (yes, the default) or 0 (no) */
	char *alert_command;	  /* NULL: none */
	struct setting_watch *watches;
	size_t nwatches;
	struct setting_color *colors;
	size_t ncolors;
	struct setting_bind *binds;
	size_t nbinds;
};

/* Initialises s with the defaults (whatever s held is overwritten, not
 * freed).  Pair with settings_fini. */
void settings_defaults(struct settings *s);

/* Called for each bad line with a message "FILE:LINE: reason". */
typedef void (*settings_report_fn)(const char *msg, void *ctx);

/* Reads a config file over the current values of s (initialised by
 * settings_defaults).  Unknown names and bad values are reported as
 * "FILE:LINE: reason" and skipped; the other lines apply.  A missing file
 * is not an error (returns 0, s unchanged); an unreadable one or a
 * directory returns -1 with err set.  report may be NULL. */
int settings_load(const char *path, struct settings *s,
    settings_report_fn report, void *ctx, char *err, size_t errlen);
/* The same over a buffer; name is used in reports.  Returns 0. */
int settings_parse_mem(const char *data, size_t len, const char *name,
    struct settings *s, settings_report_fn report, void *ctx);
void settings_fini(struct settings *s);

/* XDG paths (caller frees): $XDG_CONFIG_HOME/wiredesk/NAME, falling back
 * to ~/.config when the variable is unset, empty or relative; and
 * $XDG_DATA_HOME/wiredesk/NAME, falling back to ~/.local/share.  NULL when
 * neither the variable nor HOME is usable. */
char *settings_config_path(const char *name);
char *settings_data_path(const char *name);

/* A path as a person writes it in a config or feeds file, made usable:
 * "~/x" becomes $HOME/x, a relative path is taken relative to basedir (when
 * basedir is not NULL), and "." and ".." components and repeated slashes
 * are folded away lexically (symbolic links are not followed).  Returns a
 * new string (caller frees), or NULL when the path is empty or starts with
 * "~" and HOME is not set (or it is "~user", which is not supported). */
char *settings_expand_path(const char *path, const char *basedir);

/* "300", "90s", "10m", "2h", "1d" to seconds.  Returns 0, or -1 when s is
 * not such a number or overflows. */
int settings_parse_duration(const char *s, int64_t *secs);
/* "1048576", "512K", "8M", "1G" (powers of 1024) to bytes.  Returns 0 or
 * -1. */
int settings_parse_size(const char *s, uint64_t *bytes);

/* The line syntax shared by the config file and the feeds file, which is
 * newsboat's: words are separated by spaces or tabs; a word that starts
 * with a double quote runs to the next unescaped one and may hold spaces
 * and the escapes \" \\ \n \t \r (any other \c is c); a word that starts
 * with '#' starts a comment, so a '#' inside a word is kept.  A UTF-8 BOM
 * and CRLF line ends are accepted.
 *
 * Calls fn for each line that has at least one word, with the words
 * unquoted (borrowed for the call; fn may modify them) and the 1-based
 * line number.  A line that is longer than SETTINGS_LINE_MAX, not valid
 * UTF-8, holds a control character (after unescaping too) or an
 * unterminated quote is reported as "NAME:LINE: reason" through report
 * (when not NULL) and skipped. */
typedef void (*settings_words_fn)(unsigned line, char **words, size_t nwords,
    void *ctx);
void settings_each_line(const char *data, size_t len, const char *name,
    settings_words_fn fn, void *fnctx, settings_report_fn report,
    void *reportctx);

#endif
