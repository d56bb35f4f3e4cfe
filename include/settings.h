/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_SETTINGS_H
#define WIREDESK_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* A "color ELEMENT FG BG [ATTR...]" line, kept as written; the UI maps
 * names to curses colours. */
struct setting_color {
	char *element, *fg, *bg;
	int bold, underline, reverse;
};

/* A "bind KEY ACTION [VIEW]" line, kept as written for keymap. */
struct setting_bind {
	char *key, *action, *view; /* view NULL: every view */
	unsigned line;
};

/* Plain values; every field has a default from settings_defaults. */
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
	struct setting_color *colors;
	size_t ncolors;
	struct setting_bind *binds;
	size_t nbinds;
};

void settings_defaults(struct settings *s);
/* Reads a config file over the current values.  Unknown keys and bad
 * values are reported as "FILE:LINE: reason" and skipped.  A missing file
 * is not an error (returns 0); an unreadable one returns -1 with err set. */
typedef void (*settings_report_fn)(const char *msg, void *ctx);
int settings_load(const char *path, struct settings *s,
    settings_report_fn report, void *ctx, char *err, size_t errlen);
int settings_parse_mem(const char *data, size_t len, const char *name,
    struct settings *s, settings_report_fn report, void *ctx);
void settings_fini(struct settings *s);

/* XDG paths (caller frees): $XDG_CONFIG_HOME/wiredesk/NAME, falling back
 * to ~/.config; and $XDG_DATA_HOME/wiredesk/NAME, falling back to
 * ~/.local/share.  NULL when neither the variable nor HOME is set. */
char *settings_config_path(const char *name);
char *settings_data_path(const char *name);

#endif
