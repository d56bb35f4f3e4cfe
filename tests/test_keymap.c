/* Unit tests for keymap: the built-in keys per view, key names, rebinding
 * from bind lines with FILE:LINE reports, and the help listing coming
 * from the same table as the lookups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keymap.h"
#include "settings.h"

static int
setup(void **state)
{
	*state = keymap_new();
	return 0;
}

static int
teardown(void **state)
{
	keymap_free(*state);
	return 0;
}

static void
test_defaults(void **state)
{
	const struct keymap *km = *state;

	for (int v = 0; v < KEYMAP_NVIEWS; v++) {
		enum keymap_view view = (enum keymap_view)v;
		assert_int_equal(keymap_lookup(km, view, 'j'), ACT_DOWN);
		assert_int_equal(keymap_lookup(km, view, 'k'), ACT_UP);
		assert_int_equal(
		    keymap_lookup(km, view, KEYMAP_KEY_DOWN), ACT_DOWN);
		assert_int_equal(
		    keymap_lookup(km, view, KEYMAP_KEY_NPAGE), ACT_PAGE_DOWN);
		assert_int_equal(keymap_lookup(km, view, 'g'), ACT_HOME);
		assert_int_equal(keymap_lookup(km, view, 'G'), ACT_END);
		assert_int_equal(keymap_lookup(km, view, 'q'), ACT_QUIT);
		assert_int_equal(keymap_lookup(km, view, 'R'), ACT_RELOAD_ALL);
		assert_int_equal(keymap_lookup(km, view, 'Z'), ACT_NONE);
	}
	/* newsboat's keys where they overlap */
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, 'r'), ACT_RELOAD);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, 'o'), ACT_OPEN_BROWSER);
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, 'n'), ACT_NEXT_UNREAD);
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, '?'), ACT_HELP);
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, '/'), ACT_FILTER);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, 'A'), ACT_MARK_ALL_READ);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, KEYMAP_KEY_ENTER), ACT_OPEN);
	/* the alerts */
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, 'w'), ACT_NEXT_WATCHED);
	assert_int_equal(keymap_lookup(km, KEYMAP_ITEMS, 'w'), ACT_NONE);
	for (int v = 0; v < KEYMAP_NVIEWS; v++)
		assert_int_equal(keymap_lookup(km, (enum keymap_view)v, '!'),
		    v == KEYMAP_HELP ? ACT_NONE : ACT_ALERTS);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_ALERTS, KEYMAP_KEY_ENTER), ACT_OPEN);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_ALERTS, KEYMAP_KEY_ESC), ACT_QUIT);
	assert_int_equal(keymap_lookup(km, KEYMAP_ALERTS, '?'), ACT_HELP);
	assert_string_equal(keymap_view_name(KEYMAP_ALERTS), "alerts");
	assert_string_equal(keymap_action_name(ACT_ALERTS), "alerts");
	assert_string_equal(
	    keymap_action_name(ACT_NEXT_WATCHED), "next-watched");
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, 'l'), ACT_RIGHT);
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, 'e'), ACT_FEEDS);
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, 'm'), ACT_MARK_READ);
	/* per view */
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_ITEMS, KEYMAP_KEY_ENTER), ACT_OPEN);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_READER, KEYMAP_KEY_ENTER), ACT_NONE);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, KEYMAP_KEY_ESC), ACT_CLEAR_FILTER);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_HELP, KEYMAP_KEY_ESC), ACT_QUIT);
	assert_int_equal(keymap_lookup(km, KEYMAP_READER, '3'), ACT_OPEN_LINK);
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, '3'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KEYMAP_READER, ' '), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, KEYMAP_FEEDS, 'r'), ACT_RELOAD);
	assert_int_equal(keymap_lookup(km, KEYMAP_HELP, '?'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KEYMAP_HELP, 'r'), ACT_NONE);
	/* out of range */
	assert_int_equal(keymap_lookup(km, KEYMAP_NVIEWS, 'j'), ACT_NONE);
}

static void
test_key_names(void **state)
{
	(void)state;
	static const uint32_t keys[] = {
	    'a',
	    'Z',
	    '/',
	    '?',
	    ' ',
	    '\t',
	    1,
	    0x0c,
	    26,
	    KEYMAP_KEY_ENTER,
	    KEYMAP_KEY_ESC,
	    KEYMAP_KEY_UP,
	    KEYMAP_KEY_DOWN,
	    KEYMAP_KEY_LEFT,
	    KEYMAP_KEY_RIGHT,
	    KEYMAP_KEY_PPAGE,
	    KEYMAP_KEY_NPAGE,
	    KEYMAP_KEY_HOME,
	    KEYMAP_KEY_END,
	    KEYMAP_KEY_BACKSPACE,
	    KEYMAP_KEY_DC,
	    KEYMAP_KEY_BTAB,
	    KEYMAP_KEY_F0 + 1,
	    KEYMAP_KEY_F0 + 12,
	    0xe9,
	    0x4e2d,
	};
	char name[16];

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		keymap_key_name(keys[i], name, sizeof(name));
		assert_int_equal(keymap_key_parse(name), keys[i]);
	}
	keymap_key_name(0x0c, name, sizeof(name));
	assert_string_equal(name, "^L");
	keymap_key_name(KEYMAP_KEY_PPAGE, name, sizeof(name));
	assert_string_equal(name, "PPAGE");
	keymap_key_name(0x4e2d, name, sizeof(name));
	assert_string_equal(name, "\xe4\xb8\xad");
	assert_int_equal(keymap_key_parse("enter"), KEYMAP_KEY_ENTER);
	assert_int_equal(keymap_key_parse("^r"), 0x12);
	assert_int_equal(keymap_key_parse("f5"), KEYMAP_KEY_F0 + 5);
	assert_int_equal(keymap_key_parse("\xc3\xa9"), 0xe9);
	/* not keys */
	assert_int_equal(keymap_key_parse(""), 0);
	assert_int_equal(keymap_key_parse("ab"), 0);
	assert_int_equal(keymap_key_parse("F13"), 0);
	assert_int_equal(keymap_key_parse("F0"), 0);
	assert_int_equal(keymap_key_parse("^1"), 0);
	assert_int_equal(keymap_key_parse("\xff"), 0);
	assert_int_equal(keymap_key_parse("\x1b"), 0);
	assert_int_equal(keymap_key_parse("RESIZE"), 0);
}

struct listing {
	char text[8192];
	size_t len;
	int seen[ACT_COUNT];
	int calls;
};

static void
collect(enum action act, const char *name, const char *keys, const char *desc,
    void *ctx)
{
	struct listing *l = ctx;

	assert_true(act > ACT_NONE && act < ACT_COUNT);
	assert_string_equal(name, keymap_action_name(act));
	assert_non_null(desc);
	assert_true(strlen(desc) > 0);
	assert_true(strlen(keys) > 0);
	assert_int_equal(l->seen[act], 0); /* each action once */
	l->seen[act] = 1;
	l->calls++;
	int n = snprintf(
	    l->text + l->len, sizeof(l->text) - l->len, "%s=%s\n", name, keys);
	assert_true(n > 0 && (size_t)n < sizeof(l->text) - l->len);
	l->len += (size_t)n;
}

/* Every key the help screen lists for a view does what help says, and
 * no key is listed twice in one view. */
static void
check_listing(const struct keymap *km, enum keymap_view view, struct listing *l)
{
	memset(l, 0, sizeof(*l));
	keymap_each(km, view, collect, l);
	assert_true(l->calls > 0);
	char *text = strdup(l->text), *save = NULL;
	char seen_keys[4096] = " ";
	for (char *line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '=');
		assert_non_null(eq);
		*eq = '\0';
		char *ksave = NULL;
		for (char *k = strtok_r(eq + 1, " ", &ksave); k;
		     k = strtok_r(NULL, " ", &ksave)) {
			uint32_t key = keymap_key_parse(k);
			assert_int_not_equal(key, 0);
			enum action a = keymap_lookup(km, view, key);
			assert_string_equal(keymap_action_name(a), line);
			char pat[40];
			snprintf(pat, sizeof(pat), " %s ", k);
			assert_null(strstr(seen_keys, pat));
			size_t sl = strlen(seen_keys);
			snprintf(
			    seen_keys + sl, sizeof(seen_keys) - sl, "%s ", k);
		}
	}
	free(text);
}

static void
test_help_from_table(void **state)
{
	const struct keymap *km = *state;
	struct listing l;
	int any[ACT_COUNT] = {0};

	for (int v = 0; v < KEYMAP_NVIEWS; v++) {
		check_listing(km, (enum keymap_view)v, &l);
		for (int a = 0; a < ACT_COUNT; a++)
			any[a] |= l.seen[a];
	}
	/* Help covers every action somewhere. */
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		assert_true(any[a]);
	check_listing(km, KEYMAP_BOARD, &l);
	assert_non_null(strstr(l.text, "down=j DOWN\n"));
	assert_non_null(strstr(l.text, "open=ENTER\n"));
	assert_non_null(strstr(l.text, "open-in-browser=o\n"));
	assert_non_null(strstr(l.text, "reload=r\n"));
	assert_non_null(strstr(l.text, "reload-all=R\n"));
	assert_non_null(strstr(l.text, "help=?\n"));
	assert_non_null(strstr(l.text, "redraw=^L\n"));
	assert_null(strstr(l.text, "open-link="));
	check_listing(km, KEYMAP_READER, &l);
	assert_non_null(strstr(l.text, "open-link=1 2 3 4 5 6 7 8 9\n"));
}

static void
test_bind(void **state)
{
	struct keymap *km = *state;
	char err[128];
	struct listing l;

	/* A new key for an action, in one view: the old key stays. */
	assert_int_equal(
	    keymap_bind(km, "x", "open-in-browser", "board", err, sizeof(err)),
	    0);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, 'x'), ACT_OPEN_BROWSER);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, 'o'), ACT_OPEN_BROWSER);
	assert_int_equal(keymap_lookup(km, KEYMAP_ITEMS, 'x'), ACT_NONE);
	/* Without a view: every view the action has. */
	assert_int_equal(
	    keymap_bind(km, "^R", "reload-all", NULL, err, sizeof(err)), 0);
	for (int v = 0; v < KEYMAP_NVIEWS; v++)
		assert_int_equal(keymap_lookup(km, (enum keymap_view)v, 0x12),
		    ACT_RELOAD_ALL);
	assert_int_equal(
	    keymap_bind(km, "F5", "reload", NULL, err, sizeof(err)), 0);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_FEEDS, KEYMAP_KEY_F0 + 5), ACT_RELOAD);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_HELP, KEYMAP_KEY_F0 + 5), ACT_NONE);
	/* Rebinding a bound key replaces it: no conflict remains. */
	assert_int_equal(
	    keymap_bind(km, "j", "up", "all", err, sizeof(err)), 0);
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, 'j'), ACT_UP);
	check_listing(km, KEYMAP_BOARD, &l);
	assert_non_null(strstr(l.text, "down=DOWN\n"));
	assert_non_null(strstr(l.text, "up=k UP j\n"));
	assert_non_null(strstr(l.text, "open-in-browser=o x\n"));
	/* Unbinding. */
	assert_int_equal(
	    keymap_bind(km, "o", "none", NULL, err, sizeof(err)), 0);
	assert_int_equal(keymap_lookup(km, KEYMAP_READER, 'o'), ACT_NONE);
	check_listing(km, KEYMAP_BOARD, &l);
	assert_non_null(strstr(l.text, "open-in-browser=x\n"));
	/* Errors. */
	assert_int_equal(
	    keymap_bind(km, "xx", "open", NULL, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown key 'xx'"));
	assert_int_equal(
	    keymap_bind(km, "x", "frobnicate", NULL, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown action 'frobnicate'"));
	assert_int_equal(
	    keymap_bind(km, "x", "open", "kitchen", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown view 'kitchen'"));
	/* A failed bind changed nothing. */
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_BOARD, 'x'), ACT_OPEN_BROWSER);
}

struct reports {
	char msg[4][256];
	int n;
};

static void
report(const char *msg, void *ctx)
{
	struct reports *r = ctx;

	assert_true(r->n < 4);
	snprintf(r->msg[r->n++], sizeof(r->msg[0]), "%s", msg);
}

static void
test_apply_binds(void **state)
{
	struct keymap *km = *state;
	char k1[] = "SPACE", a1[] = "pagedown", v1[] = "board";
	char k2[] = "J", a2[] = "jump-around";
	char k3[] = "w", a3[] = "open-in-browser";
	char k4[] = "longname", a4[] = "open", v4[] = "items";
	char file[] = "/home/r/config";
	const struct setting_bind b[] = {
	    {k1, a1, v1, file, 3},
	    {k2, a2, NULL, file, 7},
	    {k3, a3, NULL, file, 9},
	    {k4, a4, v4, NULL, 12},
	};
	struct reports r;

	memset(&r, 0, sizeof(r));
	assert_int_equal(keymap_apply_binds(km, b, 4, report, &r), 2);
	assert_int_equal(r.n, 2);
	assert_string_equal(
	    r.msg[0], "/home/r/config:7: bind: unknown action 'jump-around'");
	assert_string_equal(
	    r.msg[1], "config:12: bind: unknown key 'longname'");
	assert_int_equal(keymap_lookup(km, KEYMAP_BOARD, ' '), ACT_PAGE_DOWN);
	assert_int_equal(
	    keymap_lookup(km, KEYMAP_READER, 'w'), ACT_OPEN_BROWSER);
	assert_int_equal(keymap_lookup(km, KEYMAP_FEEDS, 'w'), ACT_NONE);
	/* No report function: still counted. */
	assert_int_equal(keymap_apply_binds(km, b, 4, NULL, NULL), 2);
}

/* wiredesk(1) names every action, as "(name)" in its KEYS section. */
static void
test_man_page_lists_actions(void **state)
{
	(void)state;
	FILE *f = fopen("docs/wiredesk.1", "r");
	char *man = calloc(1, 1 << 16), pat[64];

	if (!f)
		f = fopen("../docs/wiredesk.1", "r");
	assert_non_null(f);
	size_t n = fread(man, 1, (1 << 16) - 1, f);
	fclose(f);
	assert_true(n > 1000);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		snprintf(pat, sizeof(pat), "(%s)", keymap_action_name(a));
		if (!strstr(man, pat))
			fail_msg("wiredesk(1) does not list action %s", pat);
	}
	for (int v = 0; v < KEYMAP_NVIEWS; v++)
		assert_non_null(strstr(man, keymap_view_name(v)));
	free(man);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
	    cmocka_unit_test(test_key_names),
	    cmocka_unit_test_setup_teardown(
	        test_help_from_table, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bind, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_apply_binds, setup, teardown),
	    cmocka_unit_test(test_man_page_lists_actions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
