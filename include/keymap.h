/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_KEYMAP_H
#define WIREDESK_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

struct setting_bind;

/* Keys are Unicode code points for characters (control keys are their C0
 * codes: Ctrl-L is 0x0c, Enter 0x0d, Esc 0x1b) and the values below for
 * the keys that have no character.  The terminal layer maps curses' key
 * codes onto these, so this module and its tests need no terminal. */
enum keymap_key {
	KEYMAP_KEY_ENTER = 0x0d,
	KEYMAP_KEY_ESC = 0x1b,
	KEYMAP_KEY_BASE = 0x110000,
	KEYMAP_KEY_UP,
	KEYMAP_KEY_DOWN,
	KEYMAP_KEY_LEFT,
	KEYMAP_KEY_RIGHT,
	KEYMAP_KEY_PPAGE,
	KEYMAP_KEY_NPAGE,
	KEYMAP_KEY_HOME,
	KEYMAP_KEY_END,
	KEYMAP_KEY_BACKSPACE,
	KEYMAP_KEY_DC, /* Delete */
	KEYMAP_KEY_IC, /* Insert */
	KEYMAP_KEY_BTAB,
	KEYMAP_KEY_RESIZE, /* the terminal changed size; never bound */
	KEYMAP_KEY_F0,     /* F1 is KEYMAP_KEY_F0 + 1, up to F12 */
	KEYMAP_KEY_LAST = KEYMAP_KEY_F0 + 12,
};

/* The views keys are looked up in. */
enum keymap_view {
	KEYMAP_BOARD,  /* the cluster panels */
	KEYMAP_ITEMS,  /* one cluster's items */
	KEYMAP_READER, /* one item */
	KEYMAP_FEEDS,  /* the feeds and their errors */
	KEYMAP_HELP,   /* the key list */
	KEYMAP_ALERTS, /* the day's alerts */
	KEYMAP_NVIEWS,
};

/* What a key does.  The UI decides what each means in each view. */
enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_OPEN,         /* Enter: a cluster's items, an item's reader */
	ACT_OPEN_BROWSER, /* the selected item's link in the browser */
	ACT_OPEN_LINK,    /* reader: link N of the list (the key's digit) */
	ACT_RELOAD,       /* the selected item's or cluster's feeds */
	ACT_RELOAD_ALL,
	ACT_FILTER, /* prompt for a filter text */
	ACT_CLEAR_FILTER,
	ACT_NEXT_UNREAD,
	ACT_NEXT_WATCHED, /* the next story a watch term matches */
	ACT_ALERTS,       /* the alerts view */
	ACT_MARK_READ,     /* the item, or the whole cluster on the board */
	ACT_MARK_ALL_READ, /* every cluster on the board / the cluster */
	ACT_FEEDS,
	ACT_HELP,
	ACT_QUIT, /* back one view; quits from the board */
	ACT_HARD_QUIT,
	ACT_REDRAW,
	ACT_COUNT,
};

/* A set of key bindings: the built-in table, changed by keymap_bind. */
struct keymap;

/* A keymap holding the built-in bindings (newsboat's keys where the two
 * overlap).  Caller frees with keymap_free. */
struct keymap *keymap_new(void);
void keymap_free(struct keymap *km);

/* The action key has in view, or ACT_NONE. */
enum action keymap_lookup(
    const struct keymap *km, enum keymap_view view, uint32_t key);

/* Binds the key named key_name (see keymap_key_parse) to the action named
 * action ("none" unbinds the key) in the view named view, or in every
 * view the action belongs to when view is NULL.  The key's previous
 * binding in those views is replaced; other keys of the action stay.
 * Returns 0, or -1 with a reason in err. */
int keymap_bind(struct keymap *km, const char *key_name, const char *action,
    const char *view, char *err, size_t errlen);

/* Applies a config file's "bind" lines in order.  Each bad line is
 * reported as "FILE:LINE: bind: reason" (FILE from the line, "config"
 * when it has none) and skipped.  Returns the number of lines that
 * failed. */
typedef void (*keymap_report_fn)(const char *msg, void *ctx);
size_t keymap_apply_binds(struct keymap *km, const struct setting_bind *b,
    size_t n, keymap_report_fn report, void *ctx);

/* Calls fn once for each action that has keys in view, in the table's
 * order, with the action's name, its keys' names joined by spaces
 * ("j DOWN") and a one-line description.  This is what the help screen
 * prints, so it always shows what keymap_lookup does. */
typedef void (*keymap_each_fn)(enum action act, const char *name,
    const char *keys, const char *desc, void *ctx);
void keymap_each(const struct keymap *km, enum keymap_view view,
    keymap_each_fn fn, void *ctx);

/* Names: an action's ("open-in-browser"), a view's ("board"), a key's
 * ("j", "ENTER", "^R", "PPAGE", "F5", "SPACE").  Static strings; NULL
 * for an unknown value. */
const char *keymap_action_name(enum action act);
const char *keymap_view_name(enum keymap_view view);
/* Writes a key's name into out (at least 16 bytes). */
void keymap_key_name(uint32_t key, char *out, size_t outlen);
/* Parses a key name as keymap_key_name writes it (case-insensitive for
 * the named keys; a single UTF-8 character stands for itself).  Returns
 * the key, or 0 for a name that is not a key. */
uint32_t keymap_key_parse(const char *name);

#endif
