/* Tests of the dashboard's behaviour with a real store, a real clusterer
 * and a real terminal (a pseudo-terminal): keys go in through curses'
 * own input queue, requests come out of ui_handle_input, and the store
 * shows what was marked.  Each scenario runs in a child process that
 * owns the pty, so curses' global state never leaks between tests; the
 * parent drains the terminal output and checks how much was written
 * while the dashboard was idle, and whether the bell rang. */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "alert.h"
#include "cluster.h"
#include "keymap.h"
#include "parse.h"
#include "settings.h"
#include "store.h"
#include "ui.h"

/* 2014-11-25 12:00 UTC: "now" for every scenario. */
#define NOW 1416916800

/* The child's end of the event pipe and of the acknowledgement pipe. */
static int ev_fd = -1, ack_fd = -1;

struct env {
	struct store *s;
	struct clusterer *c;
	struct ui *ui;
	uint32_t feed[5];
};

static void
child_fail(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	msg[0] = 'F';
	va_start(ap, fmt);
	vsnprintf(msg + 1, sizeof(msg) - 1, fmt, ap);
	va_end(ap);
	(void)!write(ev_fd, msg, strlen(msg));
	_exit(1);
}

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			child_fail("%s:%d: %s", __FILE__, __LINE__, #cond);    \
	} while (0)

/* Tells the parent to start (or end) a window of terminal output. */
static void
event(char e)
{
	char a;

	(void)!write(ev_fd, &e, 1);
	CHECK(read(ack_fd, &a, 1) == 1);
}

static uint32_t
add_named(struct env *e, int feed, const char *title, const char *link,
    const char *summary, const char *content, const char *outlet,
    int64_t t)
{
	struct parsed_item it = {0};
	struct parsed_feed pf = {0};
	uint32_t *ids = NULL, id;
	size_t n = 0;
	char err[128];

	it.title = strdup(title);
	it.link = strdup(link);
	it.id = strdup(link);
	it.summary = summary ? strdup(summary) : NULL;
	it.content = content ? strdup(content) : NULL;
	it.outlet = outlet ? strdup(outlet) : NULL;
	it.published = t;
	it.updated = PARSE_NO_DATE;
	pf.items = &it;
	pf.nitems = 1;
	int rc = store_merge(
	    e->s, e->feed[feed], &pf, NOW, &ids, &n, err, sizeof(err));
	free(it.title);
	free(it.link);
	free(it.id);
	free(it.summary);
	free(it.content);
	free(it.outlet);
	CHECK(rc == 0);
	CHECK(n == 1);
	id = ids[0];
	free(ids);
	const struct item *si = store_item(e->s, id);
	cluster_add(
	    e->c, id, si->feed_id, NULL, si->title, si->summary, si->time);
	return id;
}

static uint32_t
add_full(struct env *e, int feed, const char *title, const char *link,
    const char *summary, const char *content, int64_t t)
{
	return add_named(e, feed, title, link, summary, content, NULL, t);
}

static uint32_t
add(struct env *e, int feed, const char *title, const char *link, int64_t t)
{
	return add_full(e, feed, title, link, title, NULL, t);
}

static void
env_init(struct env *e)
{
	char err[256];
	static const char *const names[] = {
	    "Harbor Ledger", "Pacific Wire", "The Reel Report", "ByteBeat"};
	static const char *const urls[] = {"https://harbor.test/rss",
	    "https://pacific.test/atom", "https://reel.test/rss",
	    "https://bytebeat.test/rdf"};

	memset(e, 0, sizeof(*e));
	e->s = store_open(NULL, NULL, err, sizeof(err));
	CHECK(e->s != NULL);
	e->c = cluster_new(NULL);
	for (int i = 0; i < 4; i++)
		e->feed[i] = store_feed_add(e->s, urls[i], names[i]);
}

static void
env_ui(struct env *e)
{
	char err[256];

	e->ui = ui_new(e->s, e->c, NULL, err, sizeof(err));
	if (!e->ui)
		child_fail("ui_new: %s", err);
	ui_draw(e->ui, NOW);
}

static void
env_fini(struct env *e)
{
	ui_free(e->ui);
	cluster_free(e->c);
	store_close(e->s);
}

/* Presses one key and returns what the dashboard asked for. */
static enum ui_req_kind
press(struct env *e, int key, struct ui_request *req)
{
	struct ui_request r;

	if (key >= KEY_MIN)
		CHECK(ungetch(key) == OK);
	else
		CHECK(unget_wch((wchar_t)key) == OK);
	if (!req)
		req = &r;
	int got = ui_handle_input(e->ui, NOW, req);
	ui_draw(e->ui, NOW);
	return got ? req->kind : UI_REQ_NONE;
}

static void
presses(struct env *e, const char *keys)
{
	for (const char *k = keys; *k; k++)
		CHECK(press(e, *k, NULL) == UI_REQ_NONE);
}

/* The link 'o' opens now. */
static char *
open_link(struct env *e)
{
	struct ui_request r;

	CHECK(press(e, 'o', &r) == UI_REQ_OPEN);
	CHECK(r.url != NULL);
	return strdup(r.url);
}

/* Moves right, at most tries panels, until 'o' opens url. */
static void
select_link(struct env *e, const char *url, int tries)
{
	char *first = open_link(e);

	for (int i = 0; i < tries && strcmp(first, url) != 0; i++) {
		free(first);
		CHECK(press(e, 'l', NULL) == UI_REQ_NONE);
		first = open_link(e);
	}
	CHECK(strcmp(first, url) == 0);
	free(first);
}

static size_t
rank_of(struct env *e, uint32_t cluster)
{
	uint32_t ids[64];
	size_t n = cluster_rank(e->c, NOW, ids, 64);

	for (size_t i = 0; i < n; i++)
		if (ids[i] == cluster)
			return i;
	return (size_t)-1;
}

/* Three stories; the reader selects the second panel; then a fourth
 * story breaks and the others grow, so the ranking changes under the
 * selection.  The selection stays with its story. */
static void
scenario_selection_follows(void)
{
	struct env e;

	env_init(&e);
	add(&e, 0, "Storm floods coastal towns as river bursts its banks",
	    "https://harbor.test/storm", NOW - 7200);
	uint32_t ecb =
	    add(&e, 1, "Central bank holds interest rates as inflation slows",
	        "https://pacific.test/rates", NOW - 5000);
	add(&e, 2, "Film festival opens with documentary premiere",
	    "https://reel.test/festival", NOW - 9000);
	env_ui(&e);

	/* Select the panel of the rates story, wherever it is. */
	uint32_t want = cluster_of(e.c, ecb);
	select_link(&e, "https://pacific.test/rates", 3);
	size_t before = rank_of(&e, want);

	/* New, hotter stories push the rates story down. */
	add(&e, 0, "Hackers hit Sony Pictures computer network",
	    "https://harbor.test/sony", NOW - 60);
	add(&e, 1, "Sony Pictures computer network hit by hackers",
	    "https://pacific.test/sony", NOW - 50);
	add(&e, 2, "Sony Pictures hackers: computer network still down",
	    "https://reel.test/sony", NOW - 40);
	add(&e, 3, "Storm floods more coastal towns, river banks burst",
	    "https://bytebeat.test/storm", NOW - 30);
	add(&e, 1, "Coastal towns flooded by storm as river bursts banks",
	    "https://pacific.test/storm", NOW - 20);
	ui_draw(e.ui, NOW);
	CHECK(rank_of(&e, want) != before);

	char *after = open_link(&e);
	CHECK(strcmp(after, "https://pacific.test/rates") == 0);
	free(after);
	/* And moving still works from there. */
	CHECK(press(&e, KEY_HOME, NULL) == UI_REQ_NONE);
	after = open_link(&e);
	CHECK(strcmp(after, "https://pacific.test/rates") != 0);
	free(after);
	env_fini(&e);
}

/* Before the reader picks a story, the highlight stays on the hottest
 * one while feeds arrive (at start-up the first feed's story would
 * otherwise drag the board down as hotter stories rank above it). */
static void
scenario_selection_top(void)
{
	struct env e;

	env_init(&e);
	add(&e, 1, "Central bank holds interest rates as inflation slows",
	    "https://pacific.test/rates", NOW - 5000);
	env_ui(&e);
	add(&e, 0, "Hackers hit Sony Pictures computer network",
	    "https://harbor.test/sony", NOW - 60);
	add(&e, 1, "Sony Pictures computer network hit by hackers",
	    "https://pacific.test/sony", NOW - 50);
	add(&e, 2, "Sony Pictures hackers: computer network still down",
	    "https://reel.test/sony", NOW - 40);
	ui_draw(e.ui, NOW);
	uint32_t top;
	CHECK(cluster_rank(e.c, NOW, &top, 1) == 1);
	const struct cluster_view *cv = cluster_view(e.c, top);
	CHECK(cv != NULL && cv->sources == 3);
	char *link = open_link(&e);
	CHECK(strstr(link, "/sony") != NULL);
	free(link);

	/* Opening it was a choice: a hotter story now ranks above it and
	 * the highlight stays on Sony. */
	add(&e, 3, "Storm floods coastal towns as river bursts its banks",
	    "https://bytebeat.test/storm", NOW - 30);
	add(&e, 2, "Coastal towns flooded by storm as river bursts banks",
	    "https://reel.test/storm", NOW - 20);
	add(&e, 0, "Storm floods more coastal towns, river banks burst",
	    "https://harbor.test/storm", NOW - 10);
	add(&e, 1, "River bursts its banks, storm floods coastal towns",
	    "https://pacific.test/storm", NOW - 5);
	ui_draw(e.ui, NOW);
	CHECK(cluster_rank(e.c, NOW, &top, 1) == 1);
	cv = cluster_view(e.c, top);
	CHECK(cv != NULL && cv->sources == 4);
	link = open_link(&e);
	CHECK(strstr(link, "/sony") != NULL);
	free(link);
	env_fini(&e);
}

/* Requests: reload a cluster's feeds, reload all, open, quit; q goes
 * back before it quits. */
static void
scenario_requests(void)
{
	struct env e;
	struct ui_request r;

	env_init(&e);
	add(&e, 0, "Hackers hit Sony Pictures computer network",
	    "https://harbor.test/sony", NOW - 600);
	add(&e, 1, "Sony Pictures computer network hit by hackers",
	    "https://pacific.test/sony", NOW - 500);
	add(&e, 3, "Sony Pictures hackers: computer network still down",
	    "https://bytebeat.test/sony", NOW - 400);
	env_ui(&e);

	CHECK(press(&e, 'r', &r) == UI_REQ_RELOAD);
	CHECK(r.nfeeds == 3);
	int seen[4] = {0};
	for (size_t i = 0; i < r.nfeeds; i++)
		for (int f = 0; f < 4; f++)
			if (r.feed_ids[i] == e.feed[f])
				seen[f]++;
	CHECK(seen[0] == 1 && seen[1] == 1 && seen[2] == 0 && seen[3] == 1);
	CHECK(press(&e, 'R', &r) == UI_REQ_RELOAD_ALL);

	/* Enter: the items; Enter: the reader; r there reloads one feed. */
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(press(&e, 'r', &r) == UI_REQ_RELOAD);
	CHECK(r.nfeeds == 1);
	uint32_t reader_feed = r.feed_ids[0];
	char *link = open_link(&e);
	const struct feed_info *fi = store_feed(e.s, reader_feed);
	CHECK(fi != NULL);
	CHECK(strncmp(link, "https://", 8) == 0);
	free(link);
	/* q, q: back to the board; q: quit. */
	CHECK(press(&e, 'q', NULL) == UI_REQ_NONE);
	CHECK(press(&e, 'q', NULL) == UI_REQ_NONE);
	CHECK(press(&e, 'q', &r) == UI_REQ_QUIT);
	/* Q quits from anywhere. */
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(press(&e, 'Q', &r) == UI_REQ_QUIT);
	env_fini(&e);
}

/* New items stay new until their cluster is opened; the reader marks an
 * item read; m marks a whole cluster read and then unread. */
static void
scenario_read_and_seen(void)
{
	struct env e;

	env_init(&e);
	uint32_t a = add(&e, 0, "Hackers hit Sony Pictures computer network",
	    "https://harbor.test/sony", NOW - 600);
	uint32_t b = add(&e, 1, "Sony Pictures computer network hit by hackers",
	    "https://pacific.test/sony", NOW - 500);
	env_ui(&e);
	CHECK(cluster_of(e.c, a) == cluster_of(e.c, b));
	CHECK(store_item(e.s, a)->fresh && store_item(e.s, b)->fresh);
	/* The board alone marks nothing. */
	presses(&e, "jkhl");
	CHECK(store_item(e.s, a)->fresh && store_item(e.s, b)->fresh);
	/* Opening the cluster does. */
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(!store_item(e.s, a)->fresh && !store_item(e.s, b)->fresh);
	CHECK(!store_item(e.s, a)->read && !store_item(e.s, b)->read);
	/* The reader marks read the newest (first) item. */
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(store_item(e.s, b)->read && !store_item(e.s, a)->read);
	presses(&e, "qq");
	/* m on the board: the whole cluster read, then unread. */
	presses(&e, "m");
	CHECK(store_item(e.s, a)->read && store_item(e.s, b)->read);
	presses(&e, "m");
	CHECK(!store_item(e.s, a)->read && !store_item(e.s, b)->read);
	env_fini(&e);
}

/* The filter keeps matching clusters (case-insensitive, UTF-8); Esc
 * clears it. */
static void
scenario_filter(void)
{
	struct env e;
	struct ui_request r;

	env_init(&e);
	add(&e, 0, "Storm floods coastal towns as river bursts its banks",
	    "https://harbor.test/storm", NOW - 60);
	add(&e, 1, "Élection municipale: l'ÉCOLE au cœur du débat",
	    "https://pacific.test/ecole", NOW - 7200);
	env_ui(&e);
	char *top = open_link(&e);
	CHECK(strcmp(top, "https://harbor.test/storm") == 0);
	free(top);
	/* "école" in lower case finds "ÉCOLE". */
	presses(&e, "/");
	const wchar_t typed[] = L"\u00e9cole";
	for (size_t i = 0; typed[i]; i++)
		CHECK(press(&e, (int)typed[i], NULL) == UI_REQ_NONE);
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	top = open_link(&e);
	CHECK(strcmp(top, "https://pacific.test/ecole") == 0);
	free(top);
	/* j cannot leave the only match. */
	presses(&e, "jl");
	top = open_link(&e);
	CHECK(strcmp(top, "https://pacific.test/ecole") == 0);
	free(top);
	CHECK(press(&e, 27, &r) == UI_REQ_NONE);
	presses(&e, "g");
	top = open_link(&e);
	CHECK(strcmp(top, "https://harbor.test/storm") == 0);
	free(top);
	env_fini(&e);
}

/* Idle, ui_draw writes nothing to the terminal; a change writes. */
static void
scenario_idle(void)
{
	struct env e;

	env_init(&e);
	add(&e, 0, "Storm floods coastal towns as river bursts its banks",
	    "https://harbor.test/storm", NOW - 60);
	uint32_t id = add(&e, 1, "Central bank holds rates as inflation slows",
	    "https://pacific.test/rates", NOW - 5000);
	env_ui(&e);
	ui_draw(e.ui, NOW);
	/* The board ranked at NOW; ranking again would move hotness. */
	uint32_t c = cluster_of(e.c, id);
	double hot = cluster_view(e.c, c)->hotness;
	event('Q');
	for (int i = 0; i < 200; i++)
		ui_draw(e.ui, NOW + 1); /* the same minute */
	struct ui_request r;
	CHECK(ui_handle_input(e.ui, NOW, &r) == 0);
	event('Z');
	CHECK(cluster_view(e.c, c)->hotness == hot);
	ui_message(e.ui, "storm update");
	ui_draw(e.ui, NOW + 2);
	event('N');
	/* A new minute ranks again and redraws the ages. */
	ui_draw(e.ui, NOW + 61);
	event('N');
	CHECK(cluster_view(e.c, c)->hotness != hot);
	/* A new item redraws. */
	add(&e, 1, "Coastal towns flooded by storm as river bursts banks",
	    "https://pacific.test/storm", NOW - 20);
	ui_draw(e.ui, NOW + 62);
	event('N');
	env_fini(&e);
}

/* Resizing keeps the selection; a tiny terminal draws without harm. */
static void
scenario_resize(void)
{
	struct env e;
	struct winsize ws = {0};

	env_init(&e);
	add(&e, 0, "Storm floods coastal towns as river bursts its banks",
	    "https://harbor.test/storm", NOW - 60);
	add(&e, 1, "Central bank holds interest rates as inflation slows",
	    "https://pacific.test/rates", NOW - 5000);
	add(&e, 2, "Film festival opens with documentary premiere",
	    "https://reel.test/festival", NOW - 9000);
	env_ui(&e);
	presses(&e, "l");
	char *sel = open_link(&e);
	static const unsigned short sizes[][2] = {
	    {40, 60},
	    {50, 200},
	    {5, 20},
	    {2, 3},
	    {1, 1},
	    {40, 120},
	};
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		ws.ws_row = sizes[i][0];
		ws.ws_col = sizes[i][1];
		CHECK(ioctl(STDOUT_FILENO, TIOCSWINSZ, &ws) == 0);
		ui_resize(e.ui);
		ui_draw(e.ui, NOW);
		CHECK(LINES == ws.ws_row && COLS == ws.ws_col);
		presses(&e, "?q");
	}
	char *again = open_link(&e);
	CHECK(strcmp(sel, again) == 0);
	free(sel);
	free(again);
	env_fini(&e);
}

/* The reader numbers the item's link first, then its content's links;
 * the digits open them, exactly as the feed gave them. */
static void
scenario_reader_links(void)
{
	struct env e;
	struct ui_request r;

	env_init(&e);
	add_full(&e, 0, "Port commission approves pier lease",
	    "https://harbor.test/pier",
	    "The vote was 4-1. Minutes: https://harbor.test/minutes.pdf.",
	    "<p>The vote was 4-1, see <a href=\"/docs/lease?id=7&amp;v=2\">"
	    "the lease</a> and <a href=\"https://harbor.test/pier\">this "
	    "story</a>.</p><p><a href=\"javascript:alert(1)\">x</a></p>",
	    NOW - 60);
	env_ui(&e);
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(press(&e, '1', &r) == UI_REQ_OPEN);
	CHECK(strcmp(r.url, "https://harbor.test/pier") == 0);
	CHECK(press(&e, '2', &r) == UI_REQ_OPEN);
	CHECK(strcmp(r.url, "https://harbor.test/docs/lease?id=7&v=2") == 0);
	/* The summary's bare address comes after the content's links. */
	CHECK(press(&e, '3', &r) == UI_REQ_OPEN);
	CHECK(strcmp(r.url, "https://harbor.test/minutes.pdf") == 0);
	/* No fourth link: the javascript: one was dropped. */
	CHECK(press(&e, '4', &r) == UI_REQ_NONE);
	CHECK(press(&e, 'o', &r) == UI_REQ_OPEN);
	CHECK(strcmp(r.url, "https://harbor.test/pier") == 0);
	/* Opening read it; m makes it unread again. */
	const struct item *it = store_item(e.s, 1);
	CHECK(it && it->read);
	CHECK(press(&e, 'm', NULL) == UI_REQ_NONE);
	CHECK(!store_item(e.s, 1)->read);
	env_fini(&e);
}

/* Whether some screen row starts with prefix (curses' own copy of the
 * screen, as drawn by the last ui_draw). */
static int
screen_row_starts(const char *prefix)
{
	char row[512];

	for (int y = 0; y < LINES; y++) {
		if (mvinnstr(y, 0, row, (int)sizeof(row) - 1) == ERR)
			continue;
		if (strncmp(row, prefix, strlen(prefix)) == 0)
			return 1;
	}
	return 0;
}

/* A correction (same item, new title) keeps the read state, is marked
 * updated, and shows "~" in the item list. */
static void
scenario_updated(void)
{
	struct env e;
	struct parsed_item it = {0};
	struct parsed_feed pf = {0};
	uint32_t *ids = NULL;
	size_t n = 0;
	char err[128];

	env_init(&e);
	uint32_t a = add(&e, 0, "Hagel resigns as defense secretary",
	    "https://harbor.test/hagel", NOW - 600);
	env_ui(&e);
	presses(&e, "\r\r");
	CHECK(store_item(e.s, a)->read);
	presses(&e, "qq");
	CHECK(!screen_row_starts("~ "));
	it.title = (char *)(uintptr_t)"Hagel resigns as US defense secretary";
	it.link = (char *)(uintptr_t)"https://harbor.test/hagel";
	it.id = it.link;
	it.summary = it.title;
	it.published = NOW - 600;
	it.updated = PARSE_NO_DATE;
	pf.items = &it;
	pf.nitems = 1;
	CHECK(store_merge(e.s, e.feed[0], &pf, NOW, &ids, &n, err,
	    sizeof(err)) == 0);
	CHECK(n == 0);
	free(ids);
	const struct item *si = store_item(e.s, a);
	CHECK(si->updated && si->read);
	CHECK(strcmp(si->title, "Hagel resigns as US defense secretary") == 0);
	presses(&e, "\r");
	CHECK(screen_row_starts("~ "));
	env_fini(&e);
}

/* Re-clusters every item in the given order into a fresh clusterer and
 * swaps it in, as app does after a fetch round: cluster ids change. */
static void
swap_in(struct env *e, const uint32_t *ids, size_t n)
{
	struct clusterer *fresh = cluster_new(NULL);

	for (size_t i = 0; i < n; i++) {
		const struct item *si = store_item(e->s, ids[i]);
		CHECK(si != NULL);
		cluster_add(fresh, si->id, si->feed_id, NULL, si->title,
		    si->summary, si->time);
	}
	cluster_swap(e->c, fresh);
	cluster_free(fresh);
}

/* A rebuilt clusterer numbers its clusters afresh; the board's selection
 * and an open item list stay with their story. */
static void
scenario_swap(void)
{
	struct env e;

	env_init(&e);
	uint32_t storm =
	    add(&e, 0, "Storm floods coastal towns as river bursts its banks",
	        "https://harbor.test/storm", NOW - 60);
	uint32_t rates =
	    add(&e, 1, "Central bank holds interest rates as inflation slows",
	        "https://pacific.test/rates", NOW - 5000);
	env_ui(&e);
	select_link(&e, "https://pacific.test/rates", 2);

	uint32_t before = cluster_of(e.c, rates);
	uint32_t order1[] = {rates, storm};
	swap_in(&e, order1, 2);
	CHECK(cluster_of(e.c, rates) != before);
	ui_draw(e.ui, NOW);
	char *after = open_link(&e);
	CHECK(strcmp(after, "https://pacific.test/rates") == 0);
	free(after);

	/* The rates story's items, then the clusters renumbered again. */
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	before = cluster_of(e.c, rates);
	uint32_t order2[] = {storm, rates};
	swap_in(&e, order2, 2);
	CHECK(cluster_of(e.c, rates) != before);
	ui_draw(e.ui, NOW);
	after = open_link(&e);
	CHECK(strcmp(after, "https://pacific.test/rates") == 0);
	free(after);
	env_fini(&e);
}

/* m in the reader says what it did. */
static void
scenario_reader_mark(void)
{
	struct env e;

	env_init(&e);
	uint32_t a = add(&e, 0, "Hagel resigns as defense secretary",
	    "https://harbor.test/hagel", NOW - 600);
	env_ui(&e);
	presses(&e, "\r\r");
	CHECK(store_item(e.s, a)->read);
	presses(&e, "m");
	CHECK(!store_item(e.s, a)->read);
	CHECK(screen_row_starts("marked unread"));
	presses(&e, "m");
	CHECK(store_item(e.s, a)->read);
	CHECK(screen_row_starts("marked read"));
	env_fini(&e);
}

/* The feeds view counts the feeds it lists: those of this session, not
 * every feed the database remembers. */
static void
scenario_feeds_count(void)
{
	struct env e;
	char dir[] = "/tmp/wiredesk-ui-XXXXXX", path[64], err[256];

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/w.db", dir);
	struct store *old = store_open(path, NULL, err, sizeof(err));
	CHECK(old != NULL);
	(void)store_feed_add(old, "https://gone.test/rss", "Gone Gazette");
	(void)store_feed_add(old, "https://harbor.test/rss", "Harbor Ledger");
	store_close(old);

	memset(&e, 0, sizeof(e));
	e.s = store_open(path, NULL, err, sizeof(err));
	CHECK(e.s != NULL);
	e.c = cluster_new(NULL);
	e.feed[0] = store_feed_add(e.s, "https://harbor.test/rss", NULL);
	CHECK(store_feed_count(e.s) == 2);
	env_ui(&e);
	presses(&e, "e");
	CHECK(screen_row_starts(" 1 feed ") || screen_row_starts(" 1 feed,"));
	CHECK(!screen_row_starts(" 1 feeds"));
	env_fini(&e);
	unlink(path);
	rmdir(dir);
}

struct problems {
	char text[4][256];
	size_t n;
};

static void
keep_problem(const char *msg, void *ctx)
{
	struct problems *p = ctx;

	if (p->n < 4)
		snprintf(p->text[p->n++], sizeof(p->text[0]), "%s", msg);
}

/* The config file's bind lines change the keys; a bad one is kept for
 * app to report, with its file and line. */
static void
scenario_config(void)
{
	static const char conf[] = "bind x quit board\n"
	                           "bind J frobnicate\n"
	                           "bind o none board\n"
	                           "color selected black cyan bold\n";
	struct settings set;
	struct env e;
	struct problems p = {0};
	struct ui_request r;
	char err[256];

	settings_defaults(&set);
	CHECK(settings_parse_mem(
	          conf, sizeof(conf) - 1, "myconf", &set, NULL, NULL) == 0);
	env_init(&e);
	add(&e, 0, "Storm floods coastal towns as river bursts its banks",
	    "https://harbor.test/storm", NOW - 60);
	e.ui = ui_new(e.s, e.c, &set, err, sizeof(err));
	CHECK(e.ui != NULL);
	ui_draw(e.ui, NOW);
	CHECK(ui_config_problems(e.ui, keep_problem, &p) == 1);
	CHECK(p.n == 1);
	CHECK(strcmp(p.text[0],
	          "myconf:2: bind: unknown action 'frobnicate'") == 0);
	CHECK(press(&e, 'o', &r) == UI_REQ_NONE);
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	/* Bound on the board only: x does nothing in the items. */
	CHECK(press(&e, 'x', &r) == UI_REQ_NONE);
	CHECK(press(&e, 'o', &r) == UI_REQ_OPEN);
	CHECK(press(&e, 'q', &r) == UI_REQ_NONE);
	CHECK(press(&e, 'x', &r) == UI_REQ_QUIT);
	env_fini(&e);
	settings_fini(&set);
}

/* The screen row y as curses holds it. */
static const char *
screen_row(int y, char *row, size_t n)
{
	if (mvinnstr(y, 0, row, (int)n - 1) == ERR)
		row[0] = '\0';
	return row;
}

static int
screen_has(const char *text)
{
	char row[1024];

	for (int y = 0; y < LINES; y++)
		if (strstr(screen_row(y, row, sizeof(row)), text))
			return 1;
	return 0;
}

/* How often text is on the screen. */
static int
screen_count(const char *text)
{
	char row[1024];
	int n = 0;

	for (int y = 0; y < LINES; y++)
		for (const char *p = screen_row(y, row, sizeof(row));
		     (p = strstr(p, text)) != NULL; p += strlen(text))
			n++;
	return n;
}

/* One outlet's two feeds (its world and home sections, on one host)
 * carry the same article; another outlet's takes the story up.  The
 * panel counts two outlets, not three, and shows the article once; so
 * does the story's list, where reading one copy reads both. */
static void
scenario_outlet_sections(void)
{
	struct env e;

	env_init(&e);
	e.feed[4] = store_feed_add(
	    e.s, "https://harbor.test/world", "Harbor Ledger World");
	uint32_t o = store_feed(e.s, e.feed[4])->outlet_id;
	CHECK(o == e.feed[0]);
	/* as the dashboard does: every feed's outlet, before any item */
	cluster_set_outlet(e.c, e.feed[4], o);
	static const char *const hk =
	    "Hong Kong: China's parliament approves security law plan";
	static const char *const sum =
	    "Delegates back the national security legislation.";
	uint32_t a = add_full(
	    &e, 0, hk, "https://harbor.test/hk-law", sum, NULL, NOW - 600);
	uint32_t b = add_full(
	    &e, 4, hk, "https://harbor.test/hk-law", sum, NULL, NOW - 590);
	uint32_t c = add(&e, 1,
	    "China's parliament approves controversial Hong Kong security law",
	    "https://pacific.test/hk", NOW - 300);
	CHECK(cluster_of(e.c, a) == cluster_of(e.c, b));
	CHECK(cluster_of(e.c, a) == cluster_of(e.c, c));
	env_ui(&e);
	CHECK(screen_has("2 outlets"));
	CHECK(!screen_has("3 outlets"));
	/* the label's headline, and no other row of it */
	CHECK(screen_count("Hong Kong: China's parliament approves") == 1);
	CHECK(screen_has("China's parliament approves controversial"));
	/* the story's list shows the article once too, and marking it
	 * read marks both copies: no unread twin is left behind */
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(screen_has(" 2 items "));
	/* the title line's label and one row */
	CHECK(screen_count("Hong Kong: China's parliament approves") == 2);
	CHECK(screen_has("China's parliament approves controversial"));
	CHECK(press(&e, KEY_END, NULL) == UI_REQ_NONE);
	CHECK(press(&e, 'm', NULL) == UI_REQ_NONE);
	CHECK(store_item(e.s, a)->read && store_item(e.s, b)->read);
	CHECK(!store_item(e.s, c)->read);
	CHECK(press(&e, 'm', NULL) == UI_REQ_NONE);
	CHECK(!store_item(e.s, a)->read && !store_item(e.s, b)->read);
	/* opening it in the reader reads both */
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(store_item(e.s, a)->read && store_item(e.s, b)->read);
	env_fini(&e);
}

/* An aggregator carries an outlet's article under its own link (Google
 * News): the panel and the story's list show it once, without the
 * outlet's name the aggregator appends, and reading one copy reads both;
 * the outlet's same headline hours apart is an article of its own. */
static void
scenario_aggregator_copies(void)
{
	struct env e;

	env_init(&e);
	e.feed[4] = store_feed_add(
	    e.s, "https://news.google.test/rss", "Google News");
	static const char *const storm =
	    "Storm floods coastal towns as river bursts its banks";
	static const char *const sum =
	    "Residents of three towns were moved overnight.";
	uint32_t a = add_full(
	    &e, 0, storm, "https://harbor.test/storm", sum, NULL, NOW - 600);
	uint32_t b = add_named(&e, 4,
	    "Storm floods coastal towns as river bursts its banks - Harbor "
	    "Ledger",
	    "https://news.google.test/articles/x1", sum, NULL, "Harbor Ledger",
	    NOW - 590);
	uint32_t c = add(&e, 1,
	    "Coastal towns flooded by storm as river bursts its banks",
	    "https://pacific.test/storm", NOW - 300);
	uint32_t d = add_full(&e, 0, storm, "https://harbor.test/storm-early",
	    sum, NULL, NOW - 4 * 3600);
	CHECK(cluster_of(e.c, a) == cluster_of(e.c, b));
	CHECK(cluster_of(e.c, a) == cluster_of(e.c, c));
	CHECK(cluster_of(e.c, a) == cluster_of(e.c, d));
	env_ui(&e);
	CHECK(!screen_has("- Harbor Ledger"));
	CHECK(screen_has(" 4 new "));
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	/* c, one copy of a and b, and d */
	CHECK(screen_has(" 3 items "));
	CHECK(!screen_has("- Harbor Ledger"));
	/* the list saw every copy: back on the board, nothing is new */
	CHECK(store_item(e.s, a)->fresh == 0 && store_item(e.s, b)->fresh == 0);
	CHECK(press(&e, 'q', NULL) == UI_REQ_NONE);
	CHECK(!screen_has(" new "));
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(press(&e, KEY_HOME, NULL) == UI_REQ_NONE);
	CHECK(press(&e, 'j', NULL) == UI_REQ_NONE);
	CHECK(press(&e, 'm', NULL) == UI_REQ_NONE);
	CHECK(store_item(e.s, a)->read && store_item(e.s, b)->read);
	CHECK(!store_item(e.s, c)->read && !store_item(e.s, d)->read);
	env_fini(&e);
}

/* Breaking stories come first and say so; a watched story is marked
 * and w goes to it; an alert shows on the status line with the bell,
 * then in the alerts view, where Enter opens its story. */
static void
scenario_alerts(void)
{
	struct env e;
	char row[1024], err[256];

	env_init(&e);
	/* the terms are registered before any item */
	struct setting_watch lines[] = {
	    {(char *)(uintptr_t)"festival", NULL, 0, NULL, 1}};
	struct alert_watch w;
	alert_watch_init(&w, lines, 1, NULL, NULL);
	alert_watch_register(&w, e.c);
	/* four outlets, three hours ago: hotter, but not breaking */
	add(&e, 0, "Storm floods coastal towns as river bursts its banks",
	    "https://harbor.test/storm", NOW - 3 * 3600);
	add(&e, 1, "Coastal towns flooded by storm as river bursts banks",
	    "https://pacific.test/storm", NOW - 3 * 3600 + 60);
	add(&e, 2, "Storm floods more coastal towns, river banks burst",
	    "https://reel.test/storm", NOW - 3 * 3600 + 120);
	add(&e, 3, "River bursts its banks as storm floods coastal towns",
	    "https://bytebeat.test/storm", NOW - 3 * 3600 + 180);
	/* three outlets within the half hour: breaking */
	uint32_t s1 = add(&e, 0, "Hackers hit Sony Pictures computer network",
	    "https://harbor.test/sony", NOW - 1800);
	add(&e, 1, "Sony Pictures computer network hit by hackers",
	    "https://pacific.test/sony", NOW - 1200);
	add(&e, 3, "Sony Pictures hackers: computer network still down",
	    "https://bytebeat.test/sony", NOW - 600);
	uint32_t fest = add(&e, 2,
	    "Film festival opens with documentary premiere",
	    "https://reel.test/festival", NOW - 7200);
	uint32_t sony = cluster_of(e.c, s1);
	CHECK(cluster_view(e.c, sony)->sources == 3);
	uint32_t ids[8];
	CHECK(cluster_rank(e.c, NOW, ids, 8) == 3);
	CHECK(ids[0] != sony); /* the storm is hotter */
	CHECK(cluster_view(e.c, cluster_of(e.c, fest))->watch == 1);

	e.ui = ui_new(e.s, e.c, NULL, err, sizeof(err));
	CHECK(e.ui != NULL);
	ui_set_watch(e.ui, &w);
	ui_draw(e.ui, NOW);
	/* breaking first: the first panel is Sony's, BREAKING in its
	 * border; the festival is marked with its term */
	char *link = open_link(&e);
	CHECK(strcmp(link, "https://harbor.test/sony") == 0 ||
	      strcmp(link, "https://pacific.test/sony") == 0 ||
	      strcmp(link, "https://bytebeat.test/sony") == 0);
	free(link);
	CHECK(strstr(screen_row(1, row, sizeof(row)), "BREAKING") != NULL);
	CHECK(screen_has("\xe2\x98\x85 festival"));
	/* w: to the watched story, and again: it is the only one */
	CHECK(press(&e, 'w', NULL) == UI_REQ_NONE);
	link = open_link(&e);
	CHECK(strcmp(link, "https://reel.test/festival") == 0);
	free(link);
	CHECK(press(&e, 'w', NULL) == UI_REQ_NONE);
	link = open_link(&e);
	CHECK(strcmp(link, "https://reel.test/festival") == 0);
	free(link);

	/* an alert: the status line shows it, the bell rings */
	const struct cluster_view *v = cluster_view(e.c, sony);
	struct store_alert a = {.fired = NOW, .reasons = ALERT_BREAKING,
	    .outlets = 3,
	    .headline = (char *)(uintptr_t)"Sony Pictures computer network "
	                                   "hit by hackers",
	    .detail = (char *)(uintptr_t)"breaking: 3 outlets within 60 min",
	    .item = v->label_item};
	store_alert_add(e.s, &a, v->members, v->nmembers);
	event('Q');
	ui_alerted(e.ui, NOW, 1, 1);
	ui_draw(e.ui, NOW);
	event('B');
	screen_row(LINES - 2, row, sizeof(row));
	CHECK(strstr(row, "BREAKING") != NULL);
	CHECK(strstr(row, "Sony Pictures computer network hit by hackers"));
	CHECK(strncmp(row, " ! 12:00 BREAKING", 17) == 0);
	CHECK(strstr(row, "no feeds") != NULL); /* the status goes on */
	/* a minute later it is gone */
	ui_draw(e.ui, NOW + 61);
	screen_row(LINES - 2, row, sizeof(row));
	CHECK(strstr(row, "BREAKING") == NULL);
	CHECK(strstr(row, "1 alert") != NULL);

	/* the alerts view: the entry; Enter opens the story */
	CHECK(press(&e, '!', NULL) == UI_REQ_NONE);
	CHECK(screen_row_starts(" 1 alert in the last 24 hours"));
	CHECK(screen_has("BREAKING"));
	CHECK(screen_has("3 outlets"));
	CHECK(screen_has("breaking: 3 outlets within 60 min"));
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(screen_row_starts(" 3 items"));
	CHECK(press(&e, 'q', NULL) == UI_REQ_NONE);
	CHECK(screen_row_starts(" 1 alert in the last 24 hours"));
	/* a story no longer kept says so */
	a.fired = NOW + 5;
	a.item = 0;
	a.headline = (char *)(uintptr_t)"Gone story";
	store_alert_add(e.s, &a, NULL, 0);
	ui_alerted(e.ui, NOW + 5, 1, 0);
	ui_draw(e.ui, NOW + 5);
	CHECK(screen_row_starts(" 2 alerts in the last 24 hours"));
	CHECK(press(&e, 'g', NULL) == UI_REQ_NONE);
	CHECK(screen_has("Gone story"));
	CHECK(press(&e, '\r', NULL) == UI_REQ_NONE);
	CHECK(screen_has("that story is no longer kept"));
	/* ! again goes back */
	CHECK(press(&e, '!', NULL) == UI_REQ_NONE);
	CHECK(screen_row_starts(" wiredesk"));
	/* the help lists the new keys */
	CHECK(press(&e, '?', NULL) == UI_REQ_NONE);
	CHECK(screen_has("next-watched"));
	CHECK(screen_has("show the day's alerts, newest first"));
	env_fini(&e);
	alert_watch_fini(&w);
}

/* Runs fn in a child on a fresh pty of rows x cols and answers its
 * events: 'Q' starts counting output, 'Z' expects none since, 'N'
 * expects some, 'B' expects a bell among it.  Returns the child's
 * verdict. */
static void
run(void (*fn)(void), unsigned short rows, unsigned short cols)
{
	int ev[2], ack[2];
	struct winsize ws = {0};
	char buf[8192], verdict[600] = "";
	size_t vlen = 0, counted = 0;
	int counting = 0, bell = 0;

	ws.ws_row = rows;
	ws.ws_col = cols;
	assert_int_equal(pipe(ev), 0);
	assert_int_equal(pipe(ack), 0);
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(m >= 0);
	assert_int_equal(grantpt(m), 0);
	assert_int_equal(unlockpt(m), 0);
	char *sname = ptsname(m);
	assert_non_null(sname);
	char slave[128];
	snprintf(slave, sizeof(slave), "%s", sname);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(m);
		close(ev[0]);
		close(ack[1]);
		ev_fd = ev[1];
		ack_fd = ack[0];
		setsid();
		int s = open(slave, O_RDWR);
		if (s < 0)
			child_fail("open %s: %s", slave, strerror(errno));
		ioctl(s, TIOCSWINSZ, &ws);
		dup2(s, STDIN_FILENO);
		dup2(s, STDOUT_FILENO);
		close(s);
		setenv("TERM", "xterm-256color", 1);
		unsetenv("NO_COLOR");
		fn();
		(void)!write(ev_fd, "ok", 2);
		exit(0);
	}
	close(ev[1]);
	close(ack[0]);
	for (;;) {
		struct pollfd p[2] = {{m, POLLIN, 0}, {ev[0], POLLIN, 0}};
		int n = poll(p, 2, 20000);
		assert_true(n > 0); /* a stuck child fails, bounded */
		if (p[0].revents & POLLIN) {
			ssize_t k = read(m, buf, sizeof(buf));
			if (k > 0 && counting) {
				counted += (size_t)k;
				bell |= memchr(buf, '\a', (size_t)k) != NULL;
			}
			continue; /* drain the terminal first */
		}
		if (p[0].revents & (POLLHUP | POLLERR)) {
			/* the child closed the pty; read what is left */
		}
		if (!(p[1].revents & (POLLIN | POLLHUP)))
			continue;
		char c;
		ssize_t k = read(ev[0], &c, 1);
		if (k <= 0)
			break;
		if (c == 'Q' || c == 'Z' || c == 'N' || c == 'B') {
			/* Let output in flight arrive before judging it. */
			struct pollfd q = {m, POLLIN, 0};
			while (poll(&q, 1, 150) > 0 && (q.revents & POLLIN)) {
				ssize_t r = read(m, buf, sizeof(buf));
				if (r <= 0)
					break;
				if (counting) {
					counted += (size_t)r;
					bell |= memchr(buf, '\a', (size_t)r) !=
					    NULL;
				}
			}
			if (c == 'Z' && counted != 0)
				fail_msg(
				    "idle ui_draw wrote %zu bytes", counted);
			if (c == 'N' && counted == 0)
				fail_msg("a change was not drawn");
			if (c == 'B' && !bell)
				fail_msg("the bell did not ring");
			counting = 1;
			counted = 0;
			bell = 0;
			assert_int_equal(write(ack[1], "A", 1), 1);
			continue;
		}
		if (vlen + 1 < sizeof(verdict))
			verdict[vlen++] = c;
	}
	verdict[vlen] = '\0';
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	close(m);
	close(ev[0]);
	close(ack[1]);
	if (strcmp(verdict, "ok") != 0)
		fail_msg("%s", verdict[0] == 'F'
		                   ? verdict + 1
		                   : "the child died without a verdict");
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_selection_follows(void **state)
{
	(void)state;
	run(scenario_selection_follows, 40, 120);
}

static void
test_selection_top(void **state)
{
	(void)state;
	run(scenario_selection_top, 40, 120);
}

static void
test_requests(void **state)
{
	(void)state;
	run(scenario_requests, 40, 120);
}

static void
test_read_and_seen(void **state)
{
	(void)state;
	run(scenario_read_and_seen, 40, 120);
}

static void
test_filter(void **state)
{
	(void)state;
	run(scenario_filter, 40, 120);
}

static void
test_idle(void **state)
{
	(void)state;
	run(scenario_idle, 40, 120);
}

static void
test_reader_links(void **state)
{
	(void)state;
	run(scenario_reader_links, 30, 100);
}

static void
test_updated(void **state)
{
	(void)state;
	run(scenario_updated, 30, 100);
}

static void
test_config(void **state)
{
	(void)state;
	run(scenario_config, 30, 100);
}

static void
test_resize(void **state)
{
	(void)state;
	run(scenario_resize, 40, 120);
}

static void
test_swap(void **state)
{
	(void)state;
	run(scenario_swap, 40, 120);
}

static void
test_reader_mark(void **state)
{
	(void)state;
	run(scenario_reader_mark, 30, 100);
}

static void
test_feeds_count(void **state)
{
	(void)state;
	run(scenario_feeds_count, 30, 100);
}

static void
test_aggregator_copies(void **state)
{
	(void)state;
	run(scenario_aggregator_copies, 30, 120);
}

static void
test_outlet_sections(void **state)
{
	(void)state;
	run(scenario_outlet_sections, 30, 120);
}

static void
test_alerts(void **state)
{
	(void)state;
	run(scenario_alerts, 30, 120);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_selection_follows),
	    cmocka_unit_test(test_selection_top),
	    cmocka_unit_test(test_requests),
	    cmocka_unit_test(test_read_and_seen),
	    cmocka_unit_test(test_filter),
	    cmocka_unit_test(test_idle),
	    cmocka_unit_test(test_resize),
	    cmocka_unit_test(test_reader_links),
	    cmocka_unit_test(test_updated),
	    cmocka_unit_test(test_config),
	    cmocka_unit_test(test_swap),
	    cmocka_unit_test(test_reader_mark),
	    cmocka_unit_test(test_feeds_count),
	    cmocka_unit_test(test_alerts),
	    cmocka_unit_test(test_outlet_sections),
	    cmocka_unit_test(test_aggregator_copies),
	};

	setenv("TZ", "UTC", 1);
	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
