/* Unit tests for the UI's pure parts: screen geometry and the board grid
 * at several terminal sizes, ages and times, case-insensitive UTF-8
 * matching, fitting and wrapping wide characters into panel columns,
 * and finding links in summaries. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/ui_priv.h"
#include "text.h"

static void
test_geometry(void **state)
{
	(void)state;
	struct ui_geom g;

	ui_geom_compute(&g, 40, 120);
	assert_int_equal(g.header, 0);
	assert_int_equal(g.main_y, 1);
	assert_int_equal(g.main_h, 37);
	assert_int_equal(g.status, 38);
	assert_int_equal(g.message, 39);

	/* Small: no title line, but status and message stay. */
	ui_geom_compute(&g, 5, 20);
	assert_int_equal(g.header, -1);
	assert_int_equal(g.main_y, 0);
	assert_int_equal(g.main_h, 3);
	assert_int_equal(g.status, 3);
	assert_int_equal(g.message, 4);

	ui_geom_compute(&g, 2, 10);
	assert_int_equal(g.status, -1);
	assert_int_equal(g.message, 1);
	assert_int_equal(g.main_h, 1);

	ui_geom_compute(&g, 1, 1);
	assert_int_equal(g.message, -1);
	assert_int_equal(g.main_h, 1);

	ui_geom_compute(&g, 0, 0);
	assert_int_equal(g.main_h, 0);
	ui_geom_compute(&g, -3, -3);
	assert_int_equal(g.rows, 0);
	assert_int_equal(g.main_h, 0);
}

/* Every panel lies inside the view area and none overlap. */
static void
check_grid(int rows, int cols, size_t want_cols)
{
	struct ui_geom g;
	struct lv_grid grid;

	ui_geom_compute(&g, rows, cols);
	ui_board_grid(&g, &grid);
	assert_int_equal(grid.cols, want_cols);
	size_t x_end = 0;
	for (size_t c = 0; c < grid.cols; c++) {
		assert_int_equal(lv_grid_x(&grid, c), x_end);
		x_end += lv_grid_w(&grid, c);
		if (cols >= UI_PANEL_MIN_W)
			assert_true(lv_grid_w(&grid, c) >= UI_PANEL_MIN_W);
	}
	assert_int_equal(x_end, (size_t)cols);
	assert_true(grid.rows * grid.cell_h <= (size_t)g.main_h);
	if (g.main_h > 0)
		assert_true(grid.rows >= 1);
}

static void
test_board_grid(void **state)
{
	(void)state;
	struct ui_geom g;
	struct lv_grid grid;

	check_grid(40, 120, 2);
	check_grid(40, 60, 1);
	check_grid(40, 200, 4);
	check_grid(50, 80, 1);
	check_grid(24, 100, 2);
	check_grid(5, 20, 1);
	check_grid(3, 3, 1);

	ui_geom_compute(&g, 40, 120);
	ui_board_grid(&g, &grid);
	assert_int_equal(grid.cell_h, UI_PANEL_H);
	assert_int_equal(grid.rows, 37 / UI_PANEL_H);

	/* 20x5: one panel of the three rows there are. */
	ui_geom_compute(&g, 5, 20);
	ui_board_grid(&g, &grid);
	assert_int_equal(grid.rows, 1);
	assert_int_equal(grid.cell_h, 3);
	assert_int_equal(lv_grid_w(&grid, 0), 20);

	/* No room at all. */
	ui_geom_compute(&g, 0, 0);
	ui_board_grid(&g, &grid);
	assert_int_equal(grid.rows, 0);
}

static void
test_age(void **state)
{
	(void)state;
	char b[16];

	ui_fmt_age(-50, b, sizeof(b));
	assert_string_equal(b, "now");
	ui_fmt_age(59, b, sizeof(b));
	assert_string_equal(b, "now");
	ui_fmt_age(5 * 60 + 30, b, sizeof(b));
	assert_string_equal(b, "5m");
	ui_fmt_age(3 * 3600 + 59, b, sizeof(b));
	assert_string_equal(b, "3h");
	ui_fmt_age(2 * 86400 + 7, b, sizeof(b));
	assert_string_equal(b, "2d");
	ui_fmt_age(364 * 86400LL, b, sizeof(b));
	assert_string_equal(b, "364d");
	ui_fmt_age(4384 * 86400LL, b, sizeof(b));
	assert_string_equal(b, "12y");
	ui_fmt_age(INT64_MAX, b, sizeof(b));
	assert_string_equal(b, "old");
}

static void
test_time(void **state)
{
	(void)state;
	char b[64];
	/* 2014-11-24 13:03:00 UTC; the suite runs with TZ=UTC. */
	int64_t t = 1416834180;

	ui_fmt_time(t, UI_TIME_UTC, b, sizeof(b));
	assert_string_equal(b, "2014-11-24 13:03 UTC");
	setenv("TZ", "UTC", 1);
	ui_fmt_time(t, UI_TIME_HM, b, sizeof(b));
	assert_string_equal(b, "13:03");
	ui_fmt_time(t, UI_TIME_LOCAL, b, sizeof(b));
	assert_string_equal(b, "2014-11-24 13:03 UTC");
	ui_fmt_time(t, UI_TIME_SHORT, b, sizeof(b));
	assert_int_equal(strlen(b), 12);
	ui_fmt_time(t, UI_TIME_HM, b, 3);
	assert_string_equal(b, "");
}

static void
test_match(void **state)
{
	(void)state;
	struct buf f, scratch;

	buf_init(&f, 0);
	buf_init(&scratch, 0);
	ui_fold("SONY PlayStation", &f);
	assert_string_equal(f.p, "sony playstation");
	buf_reset(&f);
	ui_fold(
	    "\xc3\x89"
	    "COLE \xc3\x9c"
	    "BER \xce\xa3\xce\x9f\xce\xa6"
	    "\xce\x99\xce\x91 \xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90",
	    &f);
	assert_string_equal(f.p,
	    "\xc3\xa9"
	    "cole \xc3\xbc"
	    "ber "
	    "\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1 "
	    "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
	buf_reset(&f);
	ui_fold("", &f);
	assert_string_equal(f.p, "");

	assert_true(ui_match(
	    "Sony Pictures Targeted by Widespread Hack", "sony", &scratch));
	assert_true(ui_match("DerpTrolling claims PLAYSTATION network",
	    "playstation net", &scratch));
	assert_true(ui_match("Élections: l'ÉCOLE publique", "école", &scratch));
	assert_true(ui_match("Новости: МОСКВА", "москва", &scratch));
	assert_true(ui_match("ソニー・ピクチャーズ", "ピクチャ", &scratch));
	assert_false(ui_match("ECB holds rates", "sony", &scratch));
	assert_false(ui_match(NULL, "x", &scratch));
	assert_true(ui_match("anything", "", &scratch));
	assert_true(ui_match("anything", NULL, &scratch));
	buf_fini(&f);
	buf_fini(&scratch);
}

struct lines {
	char text[16][128];
	int n;
};

static void
keep_line(const char *line, size_t len, void *ctx)
{
	struct lines *l = ctx;

	assert_true(l->n < 16);
	assert_true(len < sizeof(l->text[0]));
	memcpy(l->text[l->n], line, len);
	l->text[l->n][len] = '\0';
	l->n++;
}

static void
test_fit_wide(void **state)
{
	(void)state;
	struct buf out;
	/* Panel rows: "outlet headline" in exactly the inner width. */
	static const size_t widths[] = {1, 2, 3, 9, 10, 11, 20, 46, 56, 120};

	buf_init(&out, 0);
	for (size_t i = 0; i < ARRAY_LEN(widths); i++) {
		size_t w = widths[i];
		ui_fmt_columns(&out, w, "日本経済新聞", w / 4 < 16 ? w / 4 : 16,
		    "ソニー・ピクチャーズにサイバー攻撃 Sony Pictures hack");
		assert_int_equal(text_width(out.p), w);
		ui_fmt_columns(&out, w, "Reuters", 7,
		    "Sony Pictures Targeted by Widespread Hack");
		assert_int_equal(text_width(out.p), w);
		text_fit(
		    "Élections: l'ÉCOLE publique au cœur du débat", w, &out);
		assert_int_equal(text_width(out.p), w);
	}
	/* A wide character never straddles the edge: where half of one
	 * would fit, a space pads the column instead. */
	ui_fmt_columns(&out, 20, "日本経済新聞", 7, "中文标题很长很长");
	assert_string_equal(out.p, "日本経… 中文标题很… ");
	assert_int_equal(text_width(out.p), 20);
	ui_fmt_columns(&out, 12, "Reuters", 7, "Hack");
	assert_string_equal(out.p, "Reuters Hack");
	ui_fmt_columns(&out, 5, "Reuters", 7, "Hack");
	assert_string_equal(out.p, "Reut\xe2\x80\xa6");

	/* Wrapping a reader's summary in wide characters. */
	struct lines l = {0};
	text_wrap("日本語の要約です。これは幅の広い文字のテストです。", 10,
	    keep_line, &l);
	assert_true(l.n >= 5);
	for (int i = 0; i < l.n; i++)
		assert_true(text_width(l.text[i]) <= 10);
	memset(&l, 0, sizeof(l));
	text_wrap("Sony Pictures Entertainment's computer network was hacked",
	    20, keep_line, &l);
	assert_string_equal(l.text[0], "Sony Pictures");
	assert_string_equal(l.text[1], "Entertainment's");
	for (int i = 0; i < l.n; i++)
		assert_true(text_width(l.text[i]) <= 20);
	buf_fini(&out);
}

struct urls {
	char u[8][256];
	int n;
};

static void
keep_url(const char *url, size_t len, void *ctx)
{
	struct urls *u = ctx;

	assert_true(u->n < 8);
	assert_int_equal(strlen(url), len);
	snprintf(u->u[u->n++], sizeof(u->u[0]), "%s", url);
}

static void
test_find_urls(void **state)
{
	(void)state;
	struct urls u = {0};

	ui_find_urls("See https://pastebin.test/abc, and (http://x.test/a_(b))."
	             " <a href=\"https://news.test/?a=1&amp;b=2\">x</a> "
	             "javascript:alert(1) file:///etc/passwd HTTP://UP.TEST/Z. "
	             "http:// nothing",
	    keep_url, &u);
	assert_int_equal(u.n, 4);
	assert_string_equal(u.u[0], "https://pastebin.test/abc");
	assert_string_equal(u.u[1], "http://x.test/a_(b)");
	assert_string_equal(u.u[2], "https://news.test/?a=1&b=2");
	assert_string_equal(u.u[3], "HTTP://UP.TEST/Z");
	memset(&u, 0, sizeof(u));
	ui_find_urls(NULL, keep_url, &u);
	ui_find_urls("", keep_url, &u);
	ui_find_urls("https://", keep_url, &u);
	assert_int_equal(u.n, 0);
}

static void
test_backspace(void **state)
{
	(void)state;
	struct buf b;

	buf_init(&b, 0);
	(void)buf_puts(&b, "so\xc3\xa9\xe4\xb8\xad");
	ui_buf_backspace(&b);
	assert_string_equal(b.p, "so\xc3\xa9");
	ui_buf_backspace(&b);
	assert_string_equal(b.p, "so");
	ui_buf_backspace(&b);
	ui_buf_backspace(&b);
	ui_buf_backspace(&b);
	assert_int_equal(b.len, 0);
	buf_fini(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_geometry),
	    cmocka_unit_test(test_board_grid),
	    cmocka_unit_test(test_age),
	    cmocka_unit_test(test_time),
	    cmocka_unit_test(test_match),
	    cmocka_unit_test(test_fit_wide),
	    cmocka_unit_test(test_find_urls),
	    cmocka_unit_test(test_backspace),
	};

	setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
