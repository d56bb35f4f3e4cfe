/* Unit tests for text, buf and json: sanitising, widths, fitting,
 * wrapping and JSON escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>

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
	json_end(&j);
	json_kv_str(&j, "n", NULL);
	json_end(&j);
	assert_string_equal(b.p, "{\"a\": \"q\\\"\\\\\\n\\u0001\", "
	    "\"l\": [-3, null, {}], \"n\": null}");
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

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_utf8),
		cmocka_unit_test(test_sanitize_space),
		cmocka_unit_test(test_width_fit),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_buf_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
