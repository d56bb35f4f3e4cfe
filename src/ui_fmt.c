/* ui_fmt: the UI's pure helpers: screen geometry, ages and times,
 * case-insensitive matching, column fitting and finding links.
 *
 * Nothing here touches the terminal, the store or the clock, so every
 * rule about what goes where on the screen is unit-tested
 * (tests/test_layout.c) at any size, including absurd ones. */
#include "ui_priv.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wctype.h>

#include "text.h"

void
ui_geom_compute(struct ui_geom *g, int rows, int cols)
{
	if (rows < 0)
		rows = 0;
	if (cols < 0)
		cols = 0;
	g->rows = rows;
	g->cols = cols;
	g->message = rows >= 2 ? rows - 1 : -1;
	g->status = rows >= 3 ? rows - 2 : -1;
	g->header = rows >= 10 ? 0 : -1;
	g->main_y = g->header >= 0 ? 1 : 0;
	int end = g->status >= 0    ? g->status
	          : g->message >= 0 ? g->message
	                            : rows;
	g->main_h = end > g->main_y ? end - g->main_y : 0;
}

void
ui_board_grid(const struct ui_geom *g, struct lv_grid *grid)
{
	lv_grid_layout(grid, (size_t)g->cols, (size_t)g->main_h, UI_PANEL_MIN_W,
	    UI_PANEL_H);
}

void
ui_fmt_age(int64_t age, char *out, size_t outlen)
{
	if (age < 60)
		snprintf(out, outlen, "now");
	else if (age < 3600)
		snprintf(out, outlen, "%dm", (int)(age / 60));
	else if (age < 86400)
		snprintf(out, outlen, "%dh", (int)(age / 3600));
	else if (age < 86400 * 365LL)
		snprintf(out, outlen, "%dd", (int)(age / 86400));
	else if (age < 86400 * 365LL * 999)
		snprintf(out, outlen, "%dy", (int)(age / (86400 * 365LL)));
	else
		snprintf(out, outlen, "old");
}

void
ui_fmt_time(int64_t t, enum ui_time f, char *out, size_t outlen)
{
	time_t tt = (time_t)t;
	struct tm tm;
	size_t n = 0;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if ((int64_t)tt != t)
		return;
	if (!(f == UI_TIME_UTC ? gmtime_r(&tt, &tm) : localtime_r(&tt, &tm)))
		return;
	switch (f) {
	case UI_TIME_HM:
		n = strftime(out, outlen, "%H:%M", &tm);
		break;
	case UI_TIME_SHORT:
		n = strftime(out, outlen, "%b %d %H:%M", &tm);
		break;
	case UI_TIME_LOCAL:
		n = strftime(out, outlen, "%Y-%m-%d %H:%M %Z", &tm);
		break;
	case UI_TIME_UTC:
		n = strftime(out, outlen, "%Y-%m-%d %H:%M UTC", &tm);
		break;
	}
	if (n == 0)
		out[0] = '\0';
}

void
ui_fold(const char *s, struct buf *out)
{
	size_t len = strlen(s), i = 0;
	char enc[4];

	while (i < len) {
		uint32_t cp;
		i += text_utf8_next(s + i, len - i, &cp);
		if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
		} else {
			wint_t lw = towlower((wint_t)cp);
			if (lw > 0 && lw < 0x110000 &&
			    !(lw >= 0xd800 && lw <= 0xdfff))
				cp = (uint32_t)lw;
		}
		(void)buf_append(out, enc, text_utf8_put(cp, enc));
	}
	if (!out->p)
		(void)buf_append(out, "", 0);
}

int
ui_match(const char *s, const char *needle_fold, struct buf *scratch)
{
	if (!needle_fold || !*needle_fold)
		return 1;
	if (!s || !*s)
		return 0;
	buf_reset(scratch);
	ui_fold(s, scratch);
	return strstr(scratch->p, needle_fold) != NULL;
}

void
ui_fmt_columns(struct buf *out, size_t width, const char *left, size_t leftw,
    const char *right)
{
	struct buf r;

	if (leftw >= width) {
		text_fit(left, width, out);
		return;
	}
	text_fit(left, leftw, out);
	(void)buf_putc(out, ' ');
	buf_init(&r, 0);
	text_fit(right, width - leftw - 1, &r);
	(void)buf_append(out, r.p, r.len);
	buf_fini(&r);
}

static int
url_end(unsigned char c)
{
	return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' ||
	       c == '`' || c == 0x7f;
}

/* Whether p[0..len) closes no more parentheses than it opens. */
static int
balanced(const char *p, size_t len)
{
	long depth = 0;

	for (size_t i = 0; i < len; i++)
		depth += p[i] == '(' ? 1 : p[i] == ')' ? -1 : 0;
	return depth >= 0;
}

void
ui_find_urls(const char *text, ui_url_fn fn, void *ctx)
{
	const char *p = text;
	struct buf u;

	if (!text)
		return;
	buf_init(&u, 0);
	while (*p) {
		if (!((strncasecmp(p, "http://", 7) == 0 && p[7]) ||
		        (strncasecmp(p, "https://", 8) == 0 && p[8]))) {
			p++;
			continue;
		}
		const char *e = p;
		while (*e && !url_end((unsigned char)*e))
			e++;
		size_t len = (size_t)(e - p);
		/* Trailing sentence punctuation is not part of a link; a
		 * closing parenthesis is, when the link opened it. */
		while (len > 0 && strchr(".,;:!?)", p[len - 1])) {
			if (p[len - 1] == ')' && balanced(p, len))
				break;
			len--;
		}
		buf_reset(&u);
		for (size_t i = 0; i < len; i++) {
			if (strncmp(p + i, "&amp;", 5) == 0 && i + 5 <= len) {
				(void)buf_putc(&u, '&');
				i += 4;
			} else {
				(void)buf_putc(&u, p[i]);
			}
		}
		if (u.len > 8)
			fn(u.p, u.len, ctx);
		p = e;
	}
	buf_fini(&u);
}

void
ui_buf_backspace(struct buf *b)
{
	while (b->len > 0) {
		unsigned char c = (unsigned char)b->p[--b->len];
		if ((c & 0xc0) != 0x80)
			break;
	}
	if (b->p)
		b->p[b->len] = '\0';
}
