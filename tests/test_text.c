/* Unit tests for text, buf and json: sanitising, widths, fitting,
 * wrapping and JSON escaping. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "json.h"
#include "text.h"

static char *
clean(const char *s, int flags)
{
	return text_clean(s, strlen(s), flags);
}

static void
test_sanitize_controls(void **state)
{
	(void)state;
	char *s = clean("a\x1b[31mred\x1b]0;title\x07 \x7f\xc2\x9b" "b", 0);
	assert_null(strchr(s, 0x1b));
	assert_null(strchr(s, 0x07));
	assert_null(strchr(s, 0x7f));
	assert_null(strstr(s, "\xc2\x9b"));
	assert_string_equal(s, "a[31mred]0;title b");
	free(s);
	/* bidi overrides and isolates vanish */
	s = clean("x\xe2\x80\xaey\xe2\x81\xa6z", 0);
	assert_string_equal(s, "xyz");
	free(s);
}

static void
test_sanitize_utf8(void **state)
{
	(void)state;
	char *s = clean("ok\xff\xfe caf\xc3\xa9 \xc0\xaf \xed\xa0\x80 \xe2\x82", 0);
	assert_string_equal(s, "ok\xef\xbf\xbd\xef\xbf\xbd caf\xc3\xa9 "
	    "\xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
	free(s);
}

static void
test_sanitize_space(void **state)
{
	(void)state;
	char *s = clean("  a \t\n b\xc2\xa0 c  ", 0);
	assert_string_equal(s, "a b c");
	free(s);
	s = clean(" one\n\n\n\ntwo \nthree ", TEXT_KEEP_NL);
	assert_string_equal(s, "one\n\ntwo\nthree");
	free(s);
}

/* Cases text_sanitize once left to a separate copying fast path: clean
 * text comes back unchanged, everything else as before. */
static void
test_sanitize_cases(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int flags;
		const char *want;
	} c[] = {
		{"already clean", 0, "already clean"},
		{"  trim  me  ", 0, "trim me"},
		{"a\nb", 0, "a b"},
		{"a\nb", TEXT_KEEP_NL, "a\nb"},
		{"a\n\nb", TEXT_KEEP_NL, "a\n\nb"},
		{"a\n\n\n\nb", TEXT_KEEP_NL, "a\n\nb"},
		{"a \n b", TEXT_KEEP_NL, "a\nb"},
		{"a\n b\n", TEXT_KEEP_NL, "a\nb"},
		{"\n\na b\n\n", TEXT_KEEP_NL, "a b"},
		{"x\xc2\xa0y", 0, "x y"},
		{"x\xc2\x9by\x1b", 0, "xy"},
		{"\xe2\x80\xae" "z", 0, "z"},
		{"bad\xff", 0, "bad\xef\xbf\xbd"},
		{"\xff" "bad", 0, "\xef\xbf\xbd" "bad"},
		{"ok \xef\xbf\xbd", 0, "ok \xef\xbf\xbd"},
		{"caf\xc3\xa9 cr\xc3\xa8me", 0, "caf\xc3\xa9 cr\xc3\xa8me"},
		{"a\xe2\x80\xa8" "b", 0, "a b"},
		{"a\xe2\x80\xa8" "b", TEXT_KEEP_NL, "a\nb"},
		{"a \xe2\x80\x83 b", 0, "a b"},
		{"a\tb", 0, "a b"},
		{"a  b", 0, "a b"},
		{"a\x7f" "b", 0, "ab"},
		{"a \x01 b", 0, "a b"},
		{"\xf0\x9f\x98\x80!", 0, "\xf0\x9f\x98\x80!"},
		{"\xe2\x82", 0, "\xef\xbf\xbd"},
		{"", 0, ""},
		{"   ", TEXT_KEEP_NL, ""},
	};
	for (size_t i = 0; i < ARRAY_LEN(c); i++) {
		struct buf b;
		buf_init(&b, 0);
		assert_int_equal(text_sanitize(c[i].in, strlen(c[i].in), &b,
		    c[i].flags), 0);
		assert_non_null(b.p);
		if (strcmp(b.p, c[i].want) != 0)
			fail_msg("case %zu: want \"%s\" got \"%s\"", i,
			    c[i].want, b.p);
		buf_fini(&b);
	}
	char *s = text_clean("a\0b", 3, 0);
	assert_string_equal(s, "ab");
	free(s);
}

/* A capped buffer keeps whole characters only, and the separator that
 * fit before the character that did not. */
static void
test_sanitize_cap(void **state)
{
	(void)state;
	struct buf b;

	buf_init(&b, 5);
	assert_int_equal(text_sanitize("abc\xc3\xa9xyz", 8, &b, 0), -1);
	assert_string_equal(b.p, "abc\xc3\xa9");
	buf_fini(&b);
	buf_init(&b, 4);
	assert_int_equal(text_sanitize("abc\xc3\xa9xyz", 8, &b, 0), -1);
	assert_string_equal(b.p, "abc");
	buf_fini(&b);
	buf_init(&b, 5);
	assert_int_equal(text_sanitize("abcd efg", 8, &b, 0), -1);
	assert_string_equal(b.p, "abcd ");
	buf_fini(&b);
	buf_init(&b, 3);
	assert_int_equal(text_sanitize("\xf0\x9f\x98\x80", 4, &b, 0), -1);
	assert_string_equal(b.p, "");
	buf_fini(&b);
	buf_init(&b, 3);
	assert_int_equal(text_sanitize("abc", 3, &b, 0), 0);
	assert_string_equal(b.p, "abc");
	buf_fini(&b);
	/* A blank line fits whole or not at all. */
	buf_init(&b, 3);
	assert_int_equal(text_sanitize("ab\n\ncd", 6, &b, TEXT_KEEP_NL), -1);
	assert_string_equal(b.p, "ab");
	buf_fini(&b);
	buf_init(&b, 4);
	assert_int_equal(text_sanitize("ab\n\ncd", 6, &b, TEXT_KEEP_NL), -1);
	assert_string_equal(b.p, "ab\n\n");
	buf_fini(&b);
	/* What is already there counts against the cap. */
	buf_init(&b, 6);
	(void)buf_puts(&b, "xy");
	assert_int_equal(text_sanitize("one two", 7, &b, 0), -1);
	assert_string_equal(b.p, "xyone ");
	buf_fini(&b);
}

/* The per-character reading of text_sanitize's contract, kept simple on
 * purpose: the real one must agree with it on any input. */
static int
model_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
	    cp == '\v' || cp == 0xa0 || cp == 0x3000 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f ||
	    cp == 0x85;
}

static int
model_sanitize(const char *in, size_t len, struct buf *out, int flags)
{
	int pend_space = 0, pend_nl = 0, any = 0, rc = 0;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		char enc[4];
		i += text_utf8_next(in + i, len - i, &cp);
		if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
			if (flags & TEXT_KEEP_NL) {
				if (any && pend_nl < 2)
					pend_nl++;
				pend_space = 0;
			} else if (any) {
				pend_space = 1;
			}
			continue;
		}
		if (model_space(cp)) {
			if (any && !pend_nl)
				pend_space = 1;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			continue;
		if (pend_nl && buf_append(out, "\n\n", (size_t)pend_nl) < 0)
			return -1;
		if (!pend_nl && pend_space && buf_putc(out, ' ') < 0)
			return -1;
		pend_nl = pend_space = 0;
		if (buf_append(out, enc, text_utf8_put(cp, enc)) < 0) {
			rc = -1;
			break;
		}
		any = 1;
	}
	if (!out->p)
		(void)buf_append(out, "", 0);
	return rc;
}

static void
test_sanitize_model(void **state)
{
	(void)state;
	static const char *const pieces[] = {"a", "Z", "0", "~", " ", "  ",
		"\n", "\n\n", "\t", "\r", "\x01", "\x1b", "\x7f", "\0",
		"\xc3\xa9", "\xc2\xa0", "\xc2\x85", "\xc2\x9b",
		"\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xae", "\xe2\x81\xa6",
		"\xe3\x80\x80", "\xe2\x80\x83", "\xef\xbf\xbd", "\xe6\x97\xa5",
		"\xf0\x9f\x98\x80", "\xff", "\xc3", "\xe2\x82", "\xc0\xaf",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "lorem ipsum",
		"dolor_sit-amet,", "a b c d e f g h", "<p>x=\"y\"</p>"};
	unsigned long seed = 42;
	char in[256];

	for (int n = 0; n < 40000; n++) {
		size_t len = 0;
		seed = seed * 6364136223846793005ul + 1442695040888963407ul;
		int parts = (int)((seed >> 33) % 12);
		for (int k = 0; k < parts; k++) {
			seed = seed * 6364136223846793005ul +
			    1442695040888963407ul;
			const char *p = pieces[(seed >> 33) %
			    ARRAY_LEN(pieces)];
			size_t pl = p[0] ? strlen(p) : 1;
			memcpy(in + len, p, pl);
			len += pl;
		}
		int flags = (seed >> 40) & 1 ? TEXT_KEEP_NL : 0;
		size_t max = (seed >> 41) & 1 ? (seed >> 42) % 24 : 0;
		struct buf got, want;
		buf_init(&got, max);
		buf_init(&want, max);
		int rg = text_sanitize(in, len, &got, flags);
		int rw = model_sanitize(in, len, &want, flags);
		if (rg != rw || got.len != want.len || !got.p != !want.p ||
		    (got.p && memcmp(got.p, want.p, got.len) != 0))
			fail_msg("case %d: flags %d max %zu: rc %d/%d, "
			    "\"%s\" / \"%s\"", n, flags, max, rg, rw,
			    got.p ? got.p : "(null)",
			    want.p ? want.p : "(null)");
		buf_fini(&got);
		buf_fini(&want);
	}
}

static void
test_width_fit(void **state)
{
	(void)state;
	struct buf b;

	buf_init(&b, 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	text_fit("hello world", 8, &b);
	assert_string_equal(b.p, "hello w\xe2\x80\xa6");
	text_fit("hi", 5, &b);
	assert_string_equal(b.p, "hi   ");
	/* a wide character never straddles the edge */
	text_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, &b);
	assert_int_equal(text_width(b.p), 4);
	assert_string_equal(b.p, "\xe6\x97\xa5\xe2\x80\xa6 ");
	buf_fini(&b);
}

struct lines {
	char text[512];
	int n;
};

static void
collect(const char *line, size_t len, void *ctx)
{
	struct lines *l = ctx;
	size_t used = strlen(l->text);

	memcpy(l->text + used, line, len);
	l->text[used + len] = '|';
	l->text[used + len + 1] = '\0';
	l->n++;
}

static void
test_wrap(void **state)
{
	(void)state;
	struct lines l = {"", 0};

	text_wrap("the quick brown fox jumps", 10, collect, &l);
	assert_string_equal(l.text, "the quick|brown fox|jumps|");
	memset(&l, 0, sizeof(l));
	text_wrap("abcdefghijkl", 5, collect, &l);
	assert_string_equal(l.text, "abcde|fghij|kl|");
	memset(&l, 0, sizeof(l));
	text_wrap("a\n\nb", 5, collect, &l);
	assert_string_equal(l.text, "a||b|");
}

static void
test_json(void **state)
{
	(void)state;
	struct buf b;
	struct json j;

	buf_init(&b, 0);
	json_init(&j, &b);
	json_begin_obj(&j);
	json_kv_str(&j, "a", "q\"\\\n\x01");
	json_key(&j, "l");
	json_begin_arr(&j);
	json_int(&j, -3);
	json_null(&j);
	json_begin_obj(&j);
	json_end(&j);
	json_bool(&j, 7);
	json_end(&j);
	json_kv_str(&j, "n", NULL);
	json_kv_bool(&j, "b", 0);
	json_end(&j);
	assert_string_equal(b.p, "{\"a\": \"q\\\"\\\\\\n\\u0001\", "
	    "\"l\": [-3, null, {}, true], \"n\": null, \"b\": false}");
	/* line separators are escaped; other UTF-8 passes as it is */
	buf_reset(&b);
	json_init(&j, &b);
	json_str(&j, "a\xe2\x80\xa8" "b \xe2\x82\xac \xe2\x80\xa9");
	assert_string_equal(b.p, "\"a\\u2028b \xe2\x82\xac \\u2029\"");
	/* every byte, each after a plain one: the controls, '"', '\\' and
	 * DEL escaped, the rest as they are (0xe2 alone is no separator) */
	char all[2 * 255 + 1], want[8 * 255 + 3];
	size_t n = 0, m = 0;
	want[m++] = '"';
	for (int c = 1; c < 256; c++) {
		all[n++] = 'x';
		all[n++] = (char)c;
		want[m++] = 'x';
		if (c == '\n' || c == '\t' || c == '\r' || c == '"' ||
		    c == '\\')
			m +=
			    (size_t)snprintf(want + m, sizeof(want) - m, "\\%c",
			        c == '\n'   ? 'n'
			        : c == '\t' ? 't'
			        : c == '\r' ? 'r'
			                    : c);
		else if (c < 0x20 || c == 0x7f)
			m += (size_t)snprintf(
			    want + m, sizeof(want) - m, "\\u%04x", c);
		else
			want[m++] = (char)c;
	}
	all[n] = '\0';
	want[m++] = '"';
	want[m] = '\0';
	buf_reset(&b);
	json_init(&j, &b);
	json_str(&j, all);
	assert_string_equal(b.p, want);
	buf_fini(&b);
}

static void
test_buf_cap(void **state)
{
	(void)state;
	struct buf b;

	buf_init(&b, 4);
	assert_int_equal(buf_puts(&b, "abc"), 0);
	assert_int_equal(buf_puts(&b, "de"), -1);
	assert_string_equal(b.p, "abc");
	char *p = buf_take(&b);
	assert_string_equal(p, "abc");
	free(p);
	assert_null(b.p);
}

/* An aggregator's headline that ends by naming its outlet, shown beside
 * it, is shown without that ending; any other is shown as it is. */
static void
test_item_label_outlet(void **state)
{
	(void)state;
	char buf[TEXT_LABEL_SIZE];
	static const struct {
		const char *title, *outlet, *want;
	} cases[] = {
	    {"Storm floods coastal towns - Reuters", "Reuters",
	        "Storm floods coastal towns"},
	    {"Storm floods coastal towns - REUTERS ", "Reuters",
	        "Storm floods coastal towns"},
	    {"Storm floods coastal towns | The Verge", "The Verge",
	        "Storm floods coastal towns"},
	    {"Storm floods coastal towns \xe2\x80\x94 BBC News", "BBC News",
	        "Storm floods coastal towns"},
	    {"Storm floods coastal towns  -  AP", "AP",
	        "Storm floods coastal towns"},
	    /* not an ending that names it */
	    {"Storm floods coastal towns - Reuters", "AP",
	        "Storm floods coastal towns - Reuters"},
	    {"Storm floods coastal towns, Reuters", "Reuters",
	        "Storm floods coastal towns, Reuters"},
	    {"Storm floods coastal Reuters", "Reuters",
	        "Storm floods coastal Reuters"},
	    {"Ex-Reuters", "Reuters", "Ex-Reuters"},
	    {" - Reuters", "Reuters", " - Reuters"},
	    {"Reuters", "Reuters", "Reuters"},
	    {"Storm floods coastal towns - Reuters", "",
	        "Storm floods coastal towns - Reuters"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(text_item_label(cases[i].title, NULL, NULL,
		                        cases[i].outlet, buf),
		    cases[i].want);
	const char *t = "Storm floods coastal towns - Reuters";
	assert_ptr_equal(text_item_label(t, NULL, NULL, NULL, buf), t);
	/* a title too long for the buffer is shown whole */
	char big[2 * TEXT_LABEL_SIZE];
	memset(big, 'a', sizeof(big));
	memcpy(big + sizeof(big) - 11, " - Reuters", 11);
	assert_ptr_equal(text_item_label(big, NULL, NULL, "Reuters", buf), big);
}

/* Issue 9, class 3: an untitled item is shown by its summary's first
 * words, else its link. */
static void
test_item_label(void **state)
{
	(void)state;
	char buf[TEXT_LABEL_SIZE];
	const char *t = "Title";
	char longsum[400];

	assert_ptr_equal(text_item_label(t, "s", "l", NULL, buf), t);
	assert_string_equal(
	    text_item_label(NULL, NULL, "http://l/", NULL, buf), "http://l/");
	assert_string_equal(
	    text_item_label("", "", NULL, NULL, buf), "(untitled)");
	assert_string_equal(
	    text_item_label(NULL, "Short\n\nsummary.", "l", NULL, buf),
	    "Short summary.");
	for (size_t i = 0; i + 1 < sizeof(longsum); i++)
		longsum[i] = "word\xc3\xa9 "[i % 7];
	longsum[sizeof(longsum) - 1] = '\0';
	const char *l = text_item_label(NULL, longsum, NULL, NULL, buf);
	assert_ptr_equal(l, buf);
	assert_true(strlen(l) < TEXT_LABEL_WORDS);
	assert_non_null(strstr(l, "\xe2\x80\xa6"));
	assert_true(strncmp(l, "word", 4) == 0);
	/* Still valid UTF-8, cut between words. */
	struct buf b;
	buf_init(&b, 0);
	(void)text_sanitize(l, strlen(l), &b, 0);
	assert_string_equal(b.p, l);
	buf_fini(&b);
	assert_true(strstr(l, " \xe2\x80\xa6") == NULL);
}

/* Issue 9, class 2: double-encoded UTF-8 and C1 characters. */
static void
test_mojibake(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want; /* want NULL: left alone */
	} cases[] = {
		{"F\xc3\x83\xc2\xbcnf Tote", "F\xc3\xbcnf Tote"},
		{"\xc3\x82\xc2\xab En \xc3\x83\xc2\xa9"
		    "crivant \xc3\x82\xc2\xbb",
		    "\xc2\xab En \xc3\xa9" "crivant \xc2\xbb"},
		{"10 \xc3\xa2\xc2\x82\xc2\xac", "10 \xe2\x82\xac"},
		{"don\xc2\x92t", "don\xe2\x80\x99t"},
		{"a\xc2\x81" "b", NULL}, /* undefined in windows-1252 */
		{"plain ascii", NULL},
		{"caf\xc3\xa9", NULL}, /* correct: E9 alone is no UTF-8 */
		{"\xc3\x83\xc2\xa9 and \xc3\xbc", NULL}, /* mixed */
		{"\xc3\x83\xc2\xa9 \xe2\x80\x99", NULL}, /* past Latin-1 */
		{"\xe6\x97\xa5\xe6\x9c\xac", NULL},
		{"\xc2\xa0\xc2\xa0", NULL}, /* A0 A0 is no UTF-8 */
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct buf b;
		buf_init(&b, 0);
		int r = text_repair_mojibake(cases[i].in, strlen(cases[i].in),
		    &b);
		if (!cases[i].want) {
			if (r != 0)
				fail_msg("\"%s\" repaired as \"%s\"",
				    cases[i].in, b.p);
		} else if (r != 1 || strcmp(b.p, cases[i].want) != 0) {
			fail_msg("\"%s\": got \"%s\"", cases[i].in,
			    r ? b.p : "(unchanged)");
		}
		buf_fini(&b);
	}
	assert_int_equal(text_cp1252(0x92), 0x2019);
	assert_int_equal(text_cp1252(0x80), 0x20ac);
	assert_int_equal(text_cp1252(0x81), 0);
	assert_int_equal(text_cp1252('a'), 0);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sanitize_controls),
	    cmocka_unit_test(test_sanitize_utf8),
	    cmocka_unit_test(test_sanitize_space),
	    cmocka_unit_test(test_sanitize_cases),
	    cmocka_unit_test(test_sanitize_cap),
	    cmocka_unit_test(test_sanitize_model),
	    cmocka_unit_test(test_width_fit),
	    cmocka_unit_test(test_wrap),
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_buf_cap),
	    cmocka_unit_test(test_item_label),
	    cmocka_unit_test(test_item_label_outlet),
	    cmocka_unit_test(test_mojibake),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
