/* Unit tests for pool: every transfer handed over comes back once, parsed
 * (or passed through when it failed), whatever the number of workers; the
 * wakeup fd is readable exactly while parsed feeds wait; the charset
 * parameter is found in any case; a compressed body is inflated on the
 * worker before parsing, and one that does not inflate fails with the
 * transfer's reason; freeing a pool with work in progress
 * loses nothing it should not; a lead set is the parse's from then on.  Run
 * under ThreadSanitizer by make test. */
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "httpd.h"
#include "pool.h"
#include "util.h"

/* A finished transfer of feed id with a small RSS body of n items (n < 0:
 * a body that is no feed; status other than FETCH_OK: a failure). */
static void
transfer(struct fetch_result *r, uint32_t id, int n, enum fetch_status st)
{
	memset(r, 0, sizeof(*r));
	r->feed_id = id;
	r->status = st;
	buf_init(&r->body, 0);
	if (n < 0) {
		buf_puts(&r->body, "\x01\x02 not a feed at all");
		return;
	}
	buf_appendf(&r->body,
	    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
	    "<title>Feed %u</title>",
	    (unsigned)id);
	for (int i = 0; i < n; i++)
		buf_appendf(&r->body,
		    "<item><title>Item %d of %u</title><link>rel/%d</link>"
		    "</item>",
		    i, (unsigned)id, i);
	buf_puts(&r->body, "</channel></rss>");
	r->content_type = xstrdup("application/rss+xml; Charset=UTF-8");
}

static int
readable(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};

	return poll(&p, 1, 0) == 1;
}

static void
run_many(int workers)
{
	struct pool *p = pool_new(workers);
	const uint32_t n = 300;
	unsigned char *seen = calloc(n + 1, 1);

	if (workers >= 0)
		assert_int_equal(pool_workers(p), (unsigned)workers);
	assert_false(readable(pool_fd(p)));
	for (uint32_t id = 1; id <= n; id++) {
		struct fetch_result r;
		transfer(&r, id, (int)(id % 7), FETCH_OK);
		pool_submit(p, &r, "https://example.test/feed.xml");
		/* the caller's copy is left empty */
		assert_null(r.body.p);
		assert_null(r.content_type);
	}
	uint32_t got = 0;
	while (got < n) {
		struct pool_done d;
		if (!pool_next(p, &d)) {
			assert_true(pool_pending(p) > 0);
			assert_true(pool_wait(p, 5000));
			continue;
		}
		uint32_t id = d.res.feed_id;
		assert_true(id >= 1 && id <= n);
		assert_false(seen[id]);
		seen[id] = 1;
		assert_true(d.ok);
		assert_int_equal(d.pf.nitems, id % 7);
		if (d.pf.nitems > 0)
			/* relative links resolved against the feed's URL */
			assert_string_equal(d.pf.items[0].link,
			    "https://example.test/rel/0");
		pool_done_fini(&d);
		got++;
	}
	assert_int_equal(pool_pending(p), 0);
	assert_false(readable(pool_fd(p)));
	pool_free(p);
	free(seen);
}

static void
test_inline(void **state)
{
	(void)state;
	run_many(0);
}

static void
test_workers(void **state)
{
	(void)state;
	run_many(1);
	run_many(3);
	run_many(POOL_AUTO);
}

/* A failed transfer comes back unparsed, a body that is no feed with the
 * parser's reason; the fd stays readable while any result waits. */
static void
test_failures(void **state)
{
	(void)state;
	struct pool *p = pool_new(1);
	struct fetch_result r;

	transfer(&r, 1, 0, FETCH_HTTP_ERROR);
	pool_submit(p, &r, "https://a.test/");
	transfer(&r, 2, -1, FETCH_OK);
	pool_submit(p, &r, "https://b.test/");
	int seen = 0;
	while (seen < 2) {
		assert_true(pool_wait(p, 5000));
		assert_true(readable(pool_fd(p)));
		struct pool_done d;
		while (pool_next(p, &d)) {
			if (d.res.feed_id == 1) {
				assert_false(d.ok);
				assert_string_equal(d.err, "");
			} else {
				assert_int_equal(d.res.feed_id, 2);
				assert_false(d.ok);
				assert_true(d.err[0] != '\0');
			}
			pool_done_fini(&d);
			seen++;
		}
	}
	assert_false(readable(pool_fd(p)));
	pool_free(p);
}

/* Freeing with jobs queued and results not taken frees them all (the
 * leak checker of the sanitizer build would say otherwise). */
static void
test_free_busy(void **state)
{
	(void)state;
	struct pool *p = pool_new(2);

	for (uint32_t id = 1; id <= 200; id++) {
		struct fetch_result r;
		transfer(&r, id, 30, FETCH_OK);
		pool_submit(p, &r, "https://c.test/");
	}
	pool_free(p);
	pool_free(NULL);
}

/* Gzips r's body in place. */
static void
gzip_body(struct fetch_result *r)
{
	struct buf out;

	buf_init(&out, 0);
	httpd_compress(&out, r->body.p, r->body.len, 1, 15 + 16);
	buf_fini(&r->body);
	r->body = out;
	r->coding = FETCH_GZIP;
}

static void
test_coded(void **state)
{
	(void)state;
	struct pool *p = pool_new(1);
	struct fetch_result r;

	transfer(&r, 1, 5, FETCH_OK);
	gzip_body(&r);
	pool_submit(p, &r, "https://a.test/");
	transfer(&r, 2, 5, FETCH_OK);
	gzip_body(&r);
	r.body.len /= 2; /* cut short */
	pool_submit(p, &r, "https://b.test/");
	for (int seen = 0; seen < 2;) {
		struct pool_done d;
		if (!pool_next(p, &d)) {
			assert_true(pool_wait(p, 5000));
			continue;
		}
		if (d.res.feed_id == 1) {
			assert_true(d.ok);
			assert_int_equal(d.pf.nitems, 5);
			assert_string_equal(d.pf.items[4].title, "Item 4 of 1");
			assert_int_equal(d.res.coding, FETCH_IDENTITY);
		} else {
			assert_false(d.ok);
			assert_int_equal(d.res.status, FETCH_ERROR);
			assert_string_equal(d.res.err,
			    "could not decode the compressed body");
			assert_int_equal(d.res.body.len, 0);
		}
		pool_done_fini(&d);
		seen++;
	}
	pool_free(p);
}

static void
test_charset(void **state)
{
	(void)state;
	char cs[32];

	assert_string_equal(
	    pool_charset("text/xml; charset=ISO-8859-1", cs, sizeof(cs)),
	    "ISO-8859-1");
	assert_string_equal(pool_charset("text/xml;Charset=\"koi8-r\"", cs,
	                        sizeof(cs)),
	    "koi8-r");
	assert_string_equal(
	    pool_charset("text/xml; CHARSET=utf-8; q=1", cs, sizeof(cs)),
	    "utf-8");
	assert_null(pool_charset("text/xml", cs, sizeof(cs)));
	assert_null(pool_charset(NULL, cs, sizeof(cs)));
	assert_null(pool_charset("text/xml; charset=", cs, sizeof(cs)));
}

/* A transfer of one item whose summary is n paragraphs long. */
static void
long_transfer(struct fetch_result *r, uint32_t id, int n)
{
	memset(r, 0, sizeof(*r));
	r->feed_id = id;
	r->status = FETCH_OK;
	buf_init(&r->body, 0);
	buf_puts(&r->body, "<rss version=\"2.0\"><channel><title>L</title>"
	                   "<item><title>Long</title><description>");
	for (int i = 0; i < n; i++)
		buf_appendf(&r->body, "&lt;p&gt;Paragraph %d.&lt;/p&gt;", i);
	buf_puts(&r->body, "</description></item></channel></rss>");
}

/* Transfers handed over after pool_set_lead are parsed for their leads
 * (parse_feed_lead), those before it whole, on workers or not. */
static void
test_lead(void **state)
{
	(void)state;
	for (int workers = 0; workers <= 1; workers++) {
		struct pool *p = pool_new(workers);
		struct fetch_result r;
		long_transfer(&r, 1, 200);
		pool_submit(p, &r, "https://a.test/");
		pool_set_lead(p, 100);
		long_transfer(&r, 2, 200);
		pool_submit(p, &r, "https://a.test/");
		size_t len[3] = {0, 0, 0};
		for (int got = 0; got < 2;) {
			struct pool_done d;
			if (!pool_next(p, &d)) {
				assert_true(pool_wait(p, 5000));
				continue;
			}
			assert_true(d.ok);
			assert_int_equal(d.pf.nitems, 1);
			len[d.res.feed_id] = strlen(d.pf.items[0].summary);
			pool_done_fini(&d);
			got++;
		}
		assert_true(len[1] > 2000);
		assert_true(len[2] > 100 && len[2] < 300);
		pool_free(p);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_inline),
	    cmocka_unit_test(test_workers),
	    cmocka_unit_test(test_failures),
	    cmocka_unit_test(test_free_busy),
	    cmocka_unit_test(test_coded),
	    cmocka_unit_test(test_charset),
	    cmocka_unit_test(test_lead),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
