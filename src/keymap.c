/* keymap: which key does what in which view.
 *
 * One table holds the built-in bindings; a keymap is that table copied
 * per view so "bind" lines can change it.  The help screen prints from
 * the same entries keymap_lookup searches (keymap_each), so help can
 * never disagree with the keys (htop's Action.c binds through one table
 * for the same reason).  Names follow newsboat's where the two programs
 * overlap, so a reporter's habits and bind lines carry over.
 *
 * Invariant: within one view a key appears at most once, so a lookup has
 * one answer; keymap_bind keeps it by replacing the key's old entry. */
#include "keymap.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "settings.h"
#include "text.h"
#include "util.h"

#define V_BOARD (1u << KEYMAP_BOARD)
#define V_ITEMS (1u << KEYMAP_ITEMS)
#define V_READER (1u << KEYMAP_READER)
#define V_FEEDS (1u << KEYMAP_FEEDS)
#define V_HELP (1u << KEYMAP_HELP)
#define V_ALERTS (1u << KEYMAP_ALERTS)
#define V_ALL ((1u << KEYMAP_NVIEWS) - 1)

static const struct {
	const char *name, *desc;
} actions[ACT_COUNT] = {
    [ACT_NONE] = {"none", "nothing (unbinds a key)"},
    [ACT_UP] = {"up", "move up"},
    [ACT_DOWN] = {"down", "move down"},
    [ACT_LEFT] = {"left", "previous panel; back in lists"},
    [ACT_RIGHT] = {"right", "next panel; open in lists"},
    [ACT_PAGE_UP] = {"pageup", "page up"},
    [ACT_PAGE_DOWN] = {"pagedown", "page down"},
    [ACT_HOME] = {"home", "go to the first entry"},
    [ACT_END] = {"end", "go to the last entry"},
    [ACT_OPEN] = {"open", "open the cluster or the item"},
    [ACT_OPEN_BROWSER] = {"open-in-browser",
        "open the item's link in the browser"},
    [ACT_OPEN_LINK] = {"open-link", "open link N in the browser"},
    [ACT_RELOAD] = {"reload", "reload the item's or cluster's feeds"},
    [ACT_RELOAD_ALL] = {"reload-all", "reload all feeds"},
    [ACT_FILTER] = {"filter", "filter clusters and items by text"},
    [ACT_CLEAR_FILTER] = {"clear-filter", "clear the filter"},
    [ACT_NEXT_UNREAD] = {"next-unread", "go to the next unread story"},
    [ACT_NEXT_WATCHED] = {"next-watched",
        "go to the next story a watch term matches"},
    [ACT_ALERTS] = {"alerts", "show the day's alerts, newest first"},
    [ACT_MARK_READ] = {"mark-read",
        "mark the item or cluster read (again: unread)"},
    [ACT_MARK_ALL_READ] = {"mark-all-read", "mark everything listed read"},
    [ACT_FEEDS] = {"feeds", "show the feeds, their status and errors"},
    [ACT_HELP] = {"help", "show this list of keys"},
    [ACT_QUIT] = {"quit", "go back; quit from the board"},
    [ACT_HARD_QUIT] = {"hard-quit", "quit from any view"},
    [ACT_REDRAW] = {"redraw", "redraw the screen"},
};

static const char *const views[KEYMAP_NVIEWS] = {
    [KEYMAP_BOARD] = "board",
    [KEYMAP_ITEMS] = "items",
    [KEYMAP_READER] = "reader",
    [KEYMAP_FEEDS] = "feeds",
    [KEYMAP_HELP] = "help",
    [KEYMAP_ALERTS] = "alerts",
};

/* The built-in bindings, in the order help lists keys. */
static const struct {
	unsigned views;
	uint32_t key;
	enum action act;
} defaults[] = {
    {V_ALL, 'k', ACT_UP}, {V_ALL, KEYMAP_KEY_UP, ACT_UP},
    {V_ALL, 'j', ACT_DOWN}, {V_ALL, KEYMAP_KEY_DOWN, ACT_DOWN},
    {V_ALL, 'h', ACT_LEFT}, {V_ALL, KEYMAP_KEY_LEFT, ACT_LEFT},
    {V_BOARD | V_ITEMS, 'l', ACT_RIGHT},
    {V_BOARD | V_ITEMS, KEYMAP_KEY_RIGHT, ACT_RIGHT},
    {V_ALL, KEYMAP_KEY_PPAGE, ACT_PAGE_UP},
    {V_ALL, KEYMAP_KEY_NPAGE, ACT_PAGE_DOWN},
    {V_READER | V_HELP, ' ', ACT_PAGE_DOWN}, {V_ALL, 'g', ACT_HOME},
    {V_ALL, KEYMAP_KEY_HOME, ACT_HOME}, {V_ALL, 'G', ACT_END},
    {V_ALL, KEYMAP_KEY_END, ACT_END},
    {V_BOARD | V_ITEMS | V_ALERTS, KEYMAP_KEY_ENTER, ACT_OPEN},
    {V_BOARD | V_ITEMS | V_READER, 'o', ACT_OPEN_BROWSER},
    {V_READER, '1', ACT_OPEN_LINK}, {V_READER, '2', ACT_OPEN_LINK},
    {V_READER, '3', ACT_OPEN_LINK}, {V_READER, '4', ACT_OPEN_LINK},
    {V_READER, '5', ACT_OPEN_LINK}, {V_READER, '6', ACT_OPEN_LINK},
    {V_READER, '7', ACT_OPEN_LINK}, {V_READER, '8', ACT_OPEN_LINK},
    {V_READER, '9', ACT_OPEN_LINK},
    {V_BOARD | V_ITEMS | V_READER | V_FEEDS, 'r', ACT_RELOAD},
    {V_ALL, 'R', ACT_RELOAD_ALL}, {V_BOARD | V_ITEMS, '/', ACT_FILTER},
    {V_BOARD | V_ITEMS, KEYMAP_KEY_ESC, ACT_CLEAR_FILTER},
    {V_BOARD | V_ITEMS | V_READER, 'n', ACT_NEXT_UNREAD},
    {V_BOARD, 'w', ACT_NEXT_WATCHED},
    {V_BOARD | V_ITEMS | V_READER | V_FEEDS | V_ALERTS, '!', ACT_ALERTS},
    {V_BOARD | V_ITEMS | V_READER, 'm', ACT_MARK_READ},
    {V_BOARD | V_ITEMS, 'A', ACT_MARK_ALL_READ},
    {V_BOARD | V_ITEMS | V_READER, 'e', ACT_FEEDS},
    {V_BOARD | V_ITEMS | V_READER | V_FEEDS | V_ALERTS, '?', ACT_HELP},
    {V_ALL, 'q', ACT_QUIT},
    {V_READER | V_FEEDS | V_HELP | V_ALERTS, KEYMAP_KEY_ESC, ACT_QUIT},
    {V_ALL, 'Q', ACT_HARD_QUIT}, {V_ALL, 0x0c, ACT_REDRAW}, /* ^L */
};

static const struct {
	const char *name;
	uint32_t key;
} keynames[] = {
    {"ENTER", KEYMAP_KEY_ENTER},
    {"ESC", KEYMAP_KEY_ESC},
    {"TAB", '\t'},
    {"SPACE", ' '},
    {"UP", KEYMAP_KEY_UP},
    {"DOWN", KEYMAP_KEY_DOWN},
    {"LEFT", KEYMAP_KEY_LEFT},
    {"RIGHT", KEYMAP_KEY_RIGHT},
    {"PPAGE", KEYMAP_KEY_PPAGE},
    {"NPAGE", KEYMAP_KEY_NPAGE},
    {"HOME", KEYMAP_KEY_HOME},
    {"END", KEYMAP_KEY_END},
    {"BACKSPACE", KEYMAP_KEY_BACKSPACE},
    {"DEL", KEYMAP_KEY_DC},
    {"INS", KEYMAP_KEY_IC},
    {"BTAB", KEYMAP_KEY_BTAB},
};

struct binding {
	uint32_t key;
	enum action act;
};

struct keymap {
	struct binding *b[KEYMAP_NVIEWS];
	size_t n[KEYMAP_NVIEWS], cap[KEYMAP_NVIEWS];
};

static void
put(struct keymap *km, enum keymap_view v, uint32_t key, enum action act)
{
	for (size_t i = 0; i < km->n[v]; i++) {
		if (km->b[v][i].key == key) {
			memmove(&km->b[v][i], &km->b[v][i + 1],
			    (km->n[v] - i - 1) * sizeof(km->b[v][0]));
			km->n[v]--;
			break;
		}
	}
	if (act == ACT_NONE)
		return;
	if (km->n[v] == km->cap[v]) {
		km->cap[v] = km->cap[v] ? km->cap[v] * 2 : 32;
		km->b[v] =
		    xreallocarray(km->b[v], km->cap[v], sizeof(km->b[v][0]));
	}
	km->b[v][km->n[v]].key = key;
	km->b[v][km->n[v]].act = act;
	km->n[v]++;
}

struct keymap *
keymap_new(void)
{
	struct keymap *km = xcalloc(1, sizeof(*km));

	for (size_t i = 0; i < ARRAY_LEN(defaults); i++) {
		for (int v = 0; v < KEYMAP_NVIEWS; v++) {
			if (!(defaults[i].views & (1u << v)))
				continue;
			/* The table must not bind a key twice in a view. */
			assert(keymap_lookup(km, (enum keymap_view)v,
			           defaults[i].key) == ACT_NONE);
			put(km, (enum keymap_view)v, defaults[i].key,
			    defaults[i].act);
		}
	}
	return km;
}

void
keymap_free(struct keymap *km)
{
	if (!km)
		return;
	for (int v = 0; v < KEYMAP_NVIEWS; v++)
		free(km->b[v]);
	free(km);
}

enum action
keymap_lookup(const struct keymap *km, enum keymap_view view, uint32_t key)
{
	if ((unsigned)view >= KEYMAP_NVIEWS)
		return ACT_NONE;
	for (size_t i = 0; i < km->n[view]; i++)
		if (km->b[view][i].key == key)
			return km->b[view][i].act;
	return ACT_NONE;
}

const char *
keymap_action_name(enum action act)
{
	return (unsigned)act < ACT_COUNT ? actions[act].name : NULL;
}

const char *
keymap_view_name(enum keymap_view view)
{
	return (unsigned)view < KEYMAP_NVIEWS ? views[view] : NULL;
}

void
keymap_key_name(uint32_t key, char *out, size_t outlen)
{
	for (size_t i = 0; i < ARRAY_LEN(keynames); i++) {
		if (keynames[i].key == key) {
			util_strlcpy(out, keynames[i].name, outlen);
			return;
		}
	}
	if (key > KEYMAP_KEY_F0 && key <= KEYMAP_KEY_LAST)
		snprintf(out, outlen, "F%u", (unsigned)(key - KEYMAP_KEY_F0));
	else if (key >= 1 && key <= 26)
		snprintf(out, outlen, "^%c", (char)('A' + key - 1));
	else if (key > ' ' && key < 0x7f)
		snprintf(out, outlen, "%c", (char)key);
	else if (key >= 0xa0 && key < KEYMAP_KEY_BASE &&
	         !(key >= 0xd800 && key <= 0xdfff) && outlen > 4) {
		size_t n = text_utf8_put(key, out);
		out[n] = '\0';
	} else {
		snprintf(out, outlen, "<%#x>", (unsigned)key);
	}
}

uint32_t
keymap_key_parse(const char *name)
{
	size_t len = strlen(name);

	if (len == 0)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(keynames); i++)
		if (strcasecmp(name, keynames[i].name) == 0)
			return keynames[i].key;
	if (len == 2 && name[0] == '^') {
		char c = name[1];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c >= 'A' && c <= 'Z')
			return (uint32_t)(c - 'A' + 1);
		return 0;
	}
	if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3 &&
	    strspn(name + 1, "0123456789") == len - 1) {
		unsigned n = 0;
		for (size_t i = 1; i < len; i++)
			n = n * 10 + (unsigned)(name[i] - '0');
		return n >= 1 && n <= 12 ? KEYMAP_KEY_F0 + n : 0;
	}
	uint32_t cp;
	size_t n = text_utf8_next(name, len, &cp);
	if (n != len || cp == 0xfffd || cp <= ' ' || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0))
		return 0;
	return cp;
}

static int
action_parse(const char *name, enum action *act)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		if (strcmp(name, actions[a].name) == 0) {
			*act = (enum action)a;
			return 0;
		}
	}
	return -1;
}

/* The views that have a built-in binding of act. */
static unsigned
action_views(enum action act)
{
	unsigned m = 0;

	for (size_t i = 0; i < ARRAY_LEN(defaults); i++)
		if (defaults[i].act == act)
			m |= defaults[i].views;
	return m;
}

int
keymap_bind(struct keymap *km, const char *key_name, const char *action,
    const char *view, char *err, size_t errlen)
{
	enum action act;
	unsigned mask;

	uint32_t key = keymap_key_parse(key_name);
	if (key == 0) {
		snprintf(err, errlen, "unknown key '%s'", key_name);
		return -1;
	}
	if (action_parse(action, &act) < 0) {
		snprintf(err, errlen, "unknown action '%s'", action);
		return -1;
	}
	if (!view || strcmp(view, "all") == 0) {
		mask = act == ACT_NONE ? V_ALL : action_views(act);
	} else {
		mask = 0;
		for (int v = 0; v < KEYMAP_NVIEWS; v++)
			if (strcmp(view, views[v]) == 0)
				mask = 1u << v;
		if (!mask) {
			snprintf(err, errlen, "unknown view '%s'", view);
			return -1;
		}
	}
	for (int v = 0; v < KEYMAP_NVIEWS; v++)
		if (mask & (1u << v))
			put(km, (enum keymap_view)v, key, act);
	return 0;
}

size_t
keymap_apply_binds(struct keymap *km, const struct setting_bind *b, size_t n,
    keymap_report_fn report, void *ctx)
{
	size_t bad = 0;
	char err[128], msg[512];

	for (size_t i = 0; i < n; i++) {
		if (keymap_bind(km, b[i].key ? b[i].key : "",
		        b[i].action ? b[i].action : "", b[i].view, err,
		        sizeof(err)) == 0)
			continue;
		bad++;
		if (report) {
			snprintf(msg, sizeof(msg), "%s:%u: bind: %s",
			    b[i].file ? b[i].file : "config", b[i].line, err);
			report(msg, ctx);
		}
	}
	return bad;
}

void
keymap_each(const struct keymap *km, enum keymap_view view, keymap_each_fn fn,
    void *ctx)
{
	char keys[256], name[16];

	if ((unsigned)view >= KEYMAP_NVIEWS)
		return;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		size_t len = 0;
		keys[0] = '\0';
		for (size_t i = 0; i < km->n[view]; i++) {
			if (km->b[view][i].act != (enum action)a)
				continue;
			keymap_key_name(km->b[view][i].key, name, sizeof(name));
			size_t nl = strlen(name);
			if (len + nl + 2 > sizeof(keys))
				break;
			if (len)
				keys[len++] = ' ';
			memcpy(keys + len, name, nl + 1);
			len += nl;
		}
		if (len)
			fn((enum action)a, actions[a].name, keys,
			    actions[a].desc, ctx);
	}
}
