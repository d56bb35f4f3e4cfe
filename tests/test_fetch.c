/* Tests for fetch against the loopback server of tests/support/httpd.c:
 * success and validators, conditional GET (asserted on the server side),
 * HTTP errors with Retry-After, redirects (and the refused one to file:),
 * gzip, timeouts, the low-speed floor, size caps and a gzip bomb, DNS and
 * connect failures, file:// URLs, 200 feeds at once under the connection
 * caps, and the extra fd that wakes fetch_poll.  Every wait is bounded. */
#define _GNU_SOURCE /* unshare(2), for the silent name server */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>

#include "fetch.h"
#include "httpd.h"
#include "util.h"

#define OK_LM "Sat, 01 Nov 2014 10:00:00 GMT"

struct fixture {
	struct httpd *srv;
	char *dir; /* temp dir for file:// tests */
};

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	const char *tmp = getenv("TMPDIR");

	signal(SIGPIPE, SIG_IGN);
	fx->srv = httpd_start(NULL);
	if (fx->srv == NULL)
		return -1;
	fx->dir = xasprintf("%s/test_fetch.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	httpd_stop(fx->srv);
	rmdir(fx->dir);
	free(fx->dir);
	free(fx);
	return 0;
}

/* Drives f until n results arrived (or the deadline), storing them by
 * feed id - 1 in res, decoded as the parse pool decodes them unless raw.
 * Returns how many arrived. */
static size_t
drive_as(struct fetcher *f, struct fetch_result *res, size_t n,
    int64_t limit_ms, int raw)
{
	int64_t end = util_now_ms() + limit_ms;
	size_t got = 0;
	struct fetch_result r;

	while (got < n && util_now_ms() < end) {
		assert_int_equal(fetch_poll(f, NULL, 0, 100), 0);
		while (fetch_next(f, &r)) {
			assert_true(r.feed_id >= 1 && r.feed_id <= n);
			if (!raw) {
				int ok = r.status == FETCH_OK;
				int rc = fetch_decode(&r);
				assert_int_equal(rc, ok && r.status != FETCH_OK
				                         ? -1 : 0);
				assert_int_equal(r.coding, FETCH_IDENTITY);
			}
			res[r.feed_id - 1] = r;
			got++;
		}
	}
	return got;
}

static size_t
drive(struct fetcher *f, struct fetch_result *res, size_t n, int64_t limit_ms)
{
	return drive_as(f, res, n, limit_ms, 0);
}

/* One transfer of url (a path on the server when it starts with '/');
 * returns the elapsed milliseconds. */
static int64_t
fetch_one(struct fixture *fx, const struct fetch_opts *o, const char *url,
    const char *etag, const char *lm, struct fetch_result *r)
{
	struct fetcher *f = fetch_new(o);
	char *full = url[0] == '/' ? httpd_url(fx->srv, url) : xstrdup(url);
	struct fetch_req req = {1, full, etag, lm};
	int64_t t0 = util_now_ms();

	assert_non_null(f);
	assert_int_equal(fetch_start(f, &req), 0);
	assert_int_equal(fetch_active(f), 1);
	assert_int_equal(drive(f, r, 1, 20000), 1);
	assert_int_equal(fetch_active(f), 0);
	assert_int_equal(fetch_pending(f), 0);
	free(full);
	fetch_free(f);
	return util_now_ms() - t0;
}

static void
test_ok(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;

	fetch_one(fx, NULL, "/ok?t=ok", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	assert_int_equal(r.http_code, 200);
	assert_int_equal(r.feed_id, 1);
	assert_non_null(strstr(r.body.p, "<rss version=\"2.0\">"));
	assert_int_equal(r.body.len, strlen(r.body.p));
	assert_string_equal(r.etag, "\"v1\"");
	assert_string_equal(r.last_modified, OK_LM);
	assert_string_equal(
	    r.content_type, "application/rss+xml; charset=utf-8");
	char *url = httpd_url(fx->srv, "/ok?t=ok");
	assert_string_equal(r.effective_url, url);
	free(url);
	assert_string_equal(r.err, "");
	assert_int_equal(r.retry_after, -1);
	fetch_result_fini(&r);
	fetch_result_fini(&r); /* twice is fine */

	/* what the server saw */
	char *ua = httpd_header(fx->srv, "/ok?t=ok", "User-Agent");
	char *ae = httpd_header(fx->srv, "/ok?t=ok", "Accept-Encoding");
	char *inm = httpd_header(fx->srv, "/ok?t=ok", "If-None-Match");
	assert_string_equal(ua, "wiredesk/" WIREDESK_VERSION);
	assert_non_null(ae);
	assert_non_null(strstr(ae, "gzip"));
	assert_null(inm);
	free(ua);
	free(ae);

	/* a custom user agent */
	struct fetch_opts o = {.user_agent = "probe/1.0"};
	fetch_one(fx, &o, "/ok?t=ua", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	ua = httpd_header(fx->srv, "/ok?t=ua", "User-Agent");
	assert_string_equal(ua, "probe/1.0");
	free(ua);
	fetch_result_fini(&r);
}

static void
test_not_modified(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;

	fetch_one(fx, NULL, "/etag?t=both", "\"v1\"", OK_LM, &r);
	assert_int_equal(r.status, FETCH_NOT_MODIFIED);
	assert_int_equal(r.http_code, 304);
	assert_int_equal(r.body.len, 0);
	assert_string_equal(r.etag, "\"v1\"");
	assert_string_equal(r.last_modified, OK_LM);
	assert_string_equal(r.err, "");
	fetch_result_fini(&r);
	char *inm = httpd_header(fx->srv, "/etag?t=both", "If-None-Match");
	char *ims = httpd_header(fx->srv, "/etag?t=both", "If-Modified-Since");
	assert_string_equal(inm, "\"v1\"");
	assert_string_equal(ims, OK_LM);
	free(inm);
	free(ims);

	/* Last-Modified alone is enough, and it goes back verbatim */
	fetch_one(fx, NULL, "/etag?t=lm", NULL, OK_LM, &r);
	assert_int_equal(r.status, FETCH_NOT_MODIFIED);
	fetch_result_fini(&r);
	ims = httpd_header(fx->srv, "/etag?t=lm", "If-Modified-Since");
	assert_string_equal(ims, OK_LM);
	free(ims);
	assert_null(httpd_header(fx->srv, "/etag?t=lm", "If-None-Match"));

	/* a stale validator gets the full body */
	fetch_one(fx, NULL, "/etag?t=stale", "\"v0\"", NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	assert_string_equal(r.etag, "\"v1\"");
	assert_true(r.body.len > 0);
	fetch_result_fini(&r);

	/* a 304 without validators keeps the ones we sent */
	fetch_one(fx, NULL, "/etag-bare?t=1", "\"v1\"", "junk date", &r);
	assert_int_equal(r.status, FETCH_NOT_MODIFIED);
	assert_string_equal(r.etag, "\"v1\"");
	assert_string_equal(r.last_modified, "junk date");
	fetch_result_fini(&r);

	/* a validator that would inject a header is not sent at all */
	fetch_one(fx, NULL, "/etag?t=evil", "\"v1\"\r\nX-Evil: 1", NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	fetch_result_fini(&r);
	assert_null(httpd_header(fx->srv, "/etag?t=evil", "X-Evil"));
	assert_null(httpd_header(fx->srv, "/etag?t=evil", "If-None-Match"));
}

static void
expect_http_error(struct fixture *fx, const char *path, long code,
    const char *err, int64_t ra_lo, int64_t ra_hi)
{
	struct fetch_result r;

	fetch_one(fx, NULL, path, NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_HTTP_ERROR);
	assert_int_equal(r.http_code, code);
	assert_string_equal(r.err, err);
	assert_int_equal(r.body.len, 0);
	assert_true(r.retry_after >= ra_lo);
	assert_true(r.retry_after <= ra_hi);
	fetch_result_fini(&r);
}

static void
test_http_errors(void **state)
{
	struct fixture *fx = *state;

	expect_http_error(fx, "/404", 404, "HTTP 404 Not Found", -1, -1);
	expect_http_error(
	    fx, "/500", 500, "HTTP 500 Internal Server Error", -1, -1);
	expect_http_error(
	    fx, "/429", 429, "HTTP 429 Too Many Requests", 120, 120);
	/* an HTTP date 90 s after the response's Date header */
	expect_http_error(
	    fx, "/503", 503, "HTTP 503 Service Unavailable", 88, 92);
}

static void
test_redirects(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;

	fetch_one(fx, NULL, "/redirect/5", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	assert_non_null(strstr(r.body.p, "<rss"));
	char *url = httpd_url(fx->srv, "/ok");
	assert_string_equal(r.effective_url, url);
	free(url);
	/* validators of the final response, not of the 302s */
	assert_string_equal(r.etag, "\"v1\"");
	fetch_result_fini(&r);

	size_t before = httpd_count(fx->srv, "/ok ");
	fetch_one(fx, NULL, "/redirect/6", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "too many redirects (more than 5)");
	assert_int_equal(r.body.len, 0);
	fetch_result_fini(&r);
	/* it stopped: the chain's last hop was never asked for */
	assert_int_equal(httpd_count(fx->srv, "/ok "), before);
	assert_true(before >= 1);
}

static void
test_redirect_to_file_refused(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;

	fetch_one(fx, NULL, "/redirect-file", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "redirect to file: refused");
	assert_int_equal(r.body.len, 0);
	assert_null(r.body.p == NULL ? NULL : strstr(r.body.p, "root:"));
	fetch_result_fini(&r);
}

static void
test_gzip(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r, plain;

	fetch_one(fx, NULL, "/gzip", NULL, NULL, &r);
	fetch_one(fx, NULL, "/ok?t=gzip", NULL, NULL, &plain);
	assert_int_equal(r.status, FETCH_OK);
	assert_int_equal(r.body.len, plain.body.len);
	assert_memory_equal(r.body.p, plain.body.p, r.body.len);
	fetch_result_fini(&r);
	fetch_result_fini(&plain);
	char *ae = httpd_header(fx->srv, "/gzip", "Accept-Encoding");
	assert_non_null(strstr(ae, "gzip"));
	free(ae);
}

static void
test_hang_times_out(void **state)
{
	struct fixture *fx = *state;
	struct fetch_opts o = {.timeout = 1, .connect_timeout = 1};
	struct fetch_result r;

	int64_t ms = fetch_one(fx, &o, "/hang", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "timed out after 1 s");
	assert_true(ms >= 900);
	assert_true(ms < 5000);
	fetch_result_fini(&r);
}

static void
test_drip_too_slow(void **state)
{
	struct fixture *fx = *state;
	struct fetch_opts o = {.low_speed_limit = 10, .low_speed_time = 1};
	struct fetch_result r;

	int64_t ms = fetch_one(fx, &o, "/drip", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "too slow: under 10 bytes/s for 1 s");
	assert_true(ms < 6000);
	assert_int_equal(r.body.len, 0);
	fetch_result_fini(&r);
}

static void
test_size_caps(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;

	/* Content-Length over the default 8 MiB */
	fetch_one(fx, NULL, "/big", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "body larger than 8 MiB");
	assert_int_equal(r.body.len, 0);
	fetch_result_fini(&r);

	/* no length: the write callback stops it */
	struct fetch_opts o = {.max_body = 1024 * 1024};
	fetch_one(fx, &o, "/stream/3000000", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "body larger than 1 MiB");
	fetch_result_fini(&r);

	/* an empty body is still a string */
	fetch_one(fx, NULL, "/big/0", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	assert_int_equal(r.body.len, 0);
	assert_non_null(r.body.p);
	assert_string_equal(r.body.p, "");
	fetch_result_fini(&r);

	/* exactly the cap is fine */
	o.max_body = 1000;
	fetch_one(fx, &o, "/stream/1000", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	assert_int_equal(r.body.len, 1000);
	fetch_result_fini(&r);
	fetch_one(fx, &o, "/big/1001", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "body larger than 1000 bytes");
	fetch_result_fini(&r);
}

/* Every coding asked for inflates to the plain body; the body stays
 * coded until fetch_decode, which runs on whichever thread parses. */
static void
test_codings(void **state)
{
	struct fixture *fx = *state;
	static const char *const how[] = {
	    "deflate", "raw-deflate", "x-gzip", "members", "identity"};
	struct fetch_result plain, r;

	fetch_one(fx, NULL, "/ok?t=codings", NULL, NULL, &plain);
	assert_int_equal(plain.status, FETCH_OK);
	for (size_t i = 0; i < ARRAY_LEN(how); i++) {
		char path[64];
		snprintf(path, sizeof(path), "/coded/%s", how[i]);
		fetch_one(fx, NULL, path, NULL, NULL, &r);
		assert_int_equal(r.status, FETCH_OK);
		assert_string_equal(r.err, "");
		assert_int_equal(r.body.len, plain.body.len);
		assert_memory_equal(r.body.p, plain.body.p, r.body.len);
		assert_int_equal(r.body.p[r.body.len], '\0');
		fetch_result_fini(&r);
	}

	/* as fetch_next leaves it: still gzip, then inflated once */
	struct fetcher *f = fetch_new(NULL);
	char *url = httpd_url(fx->srv, "/gzip");
	struct fetch_req req = {1, url, NULL, NULL};
	assert_int_equal(fetch_start(f, &req), 0);
	assert_int_equal(drive_as(f, &r, 1, 20000, 1), 1);
	assert_int_equal(r.status, FETCH_OK);
	assert_int_equal(r.coding, FETCH_GZIP);
	assert_true(r.body.len < plain.body.len);
	assert_int_equal((unsigned char)r.body.p[0], 0x1f);
	assert_int_equal(fetch_decode(&r), 0);
	assert_int_equal(r.coding, FETCH_IDENTITY);
	assert_int_equal(r.body.len, plain.body.len);
	assert_int_equal(fetch_decode(&r), 0); /* nothing left to undo */
	assert_memory_equal(r.body.p, plain.body.p, r.body.len);
	fetch_result_fini(&r);
	fetch_free(f);
	free(url);
	fetch_result_fini(&plain);
}

/* A body that does not inflate is a clear error, and so is a coding not
 * asked for, and the body is empty. */
static void
test_broken_coding(void **state)
{
	struct fixture *fx = *state;
	static const char *const broken[] = {"truncated", "garbage"};
	struct fetch_result r;

	for (size_t i = 0; i < ARRAY_LEN(broken); i++) {
		char path[64];
		snprintf(path, sizeof(path), "/coded/%s", broken[i]);
		fetch_one(fx, NULL, path, NULL, NULL, &r);
		assert_int_equal(r.status, FETCH_ERROR);
		assert_string_equal(
		    r.err, "could not decode the compressed body");
		assert_int_equal(r.body.len, 0);
		fetch_result_fini(&r);
	}
	fetch_one(fx, NULL, "/coded/br", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "unsupported content encoding br");
	assert_int_equal(r.body.len, 0);
	fetch_result_fini(&r);
	char *ae = httpd_header(fx->srv, "/coded/br", "Accept-Encoding");
	assert_non_null(ae);
	assert_null(strstr(ae, "br"));
	free(ae);

	/* the cap holds for a body of exactly max_body bytes and not one
	 * byte more */
	struct fetch_result plain;
	fetch_one(fx, NULL, "/ok?t=cap", NULL, NULL, &plain);
	struct fetch_opts o = {.max_body = plain.body.len};
	fetch_one(fx, &o, "/coded/deflate", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	assert_int_equal(r.body.len, plain.body.len);
	fetch_result_fini(&r);
	o.max_body = plain.body.len - 1;
	fetch_one(fx, &o, "/coded/deflate", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_true(strncmp(r.err, "body larger than ", 17) == 0);
	assert_int_equal(r.body.len, 0);
	fetch_result_fini(&r);
	fetch_result_fini(&plain);
}

static void
test_gzip_bomb(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;

	/* ~32 KiB on the wire, 32 MiB inflated */
	fetch_one(fx, NULL, "/bomb", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "body larger than 8 MiB");
	assert_int_equal(r.body.len, 0);
	fetch_result_fini(&r);
}

static void
test_dns_failure(void **state)
{
	struct fixture *fx = *state;
	struct fetch_opts o = {.connect_timeout = 5, .timeout = 10};
	struct fetch_result r;

	fetch_one(
	    fx, &o, "http://wiredesk-test.invalid/feed.xml", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(
	    r.err, "could not resolve host wiredesk-test.invalid");
	fetch_result_fini(&r);
}

/* Writes s to path; returns 0 or -1. */
static int
put_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	size_t n = strlen(s);
	int ok = fd >= 0 && write(fd, s, n) == (ssize_t)n;

	if (fd >= 0)
		close(fd);
	return ok ? 0 : -1;
}

/* In the calling (forked) process: private user, mount and network
 * namespaces whose only name server, on 127.0.0.1, never answers.
 * Returns 0, or -1 when the system does not allow it. */
static int
silent_dns(const char *dir)
{
	char map[64];

	uid_t uid = getuid();
	gid_t gid = getgid();
	if (unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET) != 0)
		return -1;
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)uid);
	(void)put_file("/proc/self/uid_map", map);
	(void)put_file("/proc/self/setgroups", "deny\n");
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)gid);
	(void)put_file("/proc/self/gid_map", map);
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return -1;
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) != 0)
		return -1;
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) != 0)
		return -1;
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(53);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) != 0)
		return -1; /* s stays open: queries arrive, none is answered */
	char *conf = xasprintf("%s/resolv.conf", dir);
	int rc = put_file(conf,
	    "nameserver 127.0.0.1\noptions timeout:6 attempts:1\n");
	if (rc == 0)
		rc = mount(conf, "/etc/resolv.conf", NULL, MS_BIND, NULL);
	unlink(conf);
	free(conf);
	return rc;
}

/* A name lookup that outlives the connect timeout fails at that timeout:
 * curl must not hold the event loop until the resolver gives up (6 s
 * here), and neither must freeing the fetcher. */
static void
test_slow_dns_does_not_block(void **state)
{
	struct fixture *fx = *state;

	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (silent_dns(fx->dir) != 0)
			_exit(77);
		struct fetch_opts o = {.connect_timeout = 1, .timeout = 20};
		struct fetcher *f = fetch_new(&o);
		struct fetch_req req = {1, "http://wiredesk-dns.test/feed",
		    NULL, NULL};
		struct fetch_result r;
		int got = 0, bad = 0;
		int64_t t0 = util_now_ms();
		if (f == NULL || fetch_start(f, &req) != 0)
			_exit(2);
		while (!got && util_now_ms() - t0 < 20000) {
			(void)fetch_poll(f, NULL, 0, 100);
			if ((got = fetch_next(f, &r)) != 0) {
				bad = r.status != FETCH_ERROR ||
				    strcmp(r.err,
					"name lookup timed out after 1 s") != 0;
				if (bad)
					fprintf(stderr, "got: %s\n", r.err);
				fetch_result_fini(&r);
			}
		}
		int64_t ms = util_now_ms() - t0;
		/* a second lookup in flight when the fetcher goes */
		if (fetch_start(f, &req) != 0)
			_exit(2);
		(void)fetch_poll(f, NULL, 0, 300);
		int64_t t1 = util_now_ms();
		fetch_free(f);
		int64_t free_ms = util_now_ms() - t1;
		int rc = !got || bad ? 3 : ms < 3000 && free_ms < 1000 ? 0 : 4;
		if (rc)
			fprintf(stderr,
			    "lookup failed after %lld ms, free took %lld ms\n",
			    (long long)ms, (long long)free_ms);
		_exit(rc);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		skip(); /* no user namespaces here */
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void
test_connection_refused(void **state)
{
	struct fixture *fx = *state;
	struct sockaddr_in a;
	socklen_t alen = sizeof(a);
	struct fetch_result r;

	/* a port that was free a moment ago and has no listener */
	int s = socket(AF_INET, SOCK_STREAM, 0);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&a, &alen), 0);
	close(s);
	char *url = xasprintf("http://127.0.0.1:%u/x", ntohs(a.sin_port));
	fetch_one(fx, NULL, url, NULL, NULL, &r);
	free(url);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(
	    r.err, "could not connect to 127.0.0.1: Connection refused");
	fetch_result_fini(&r);
}

static void
test_bad_urls(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;

	fetch_one(fx, NULL, "ftp://127.0.0.1/feed", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "unsupported protocol ftp");
	fetch_result_fini(&r);
	fetch_one(fx, NULL, "http://[::1/feed", NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "malformed URL");
	fetch_result_fini(&r);
}

static void
test_file_urls(void **state)
{
	struct fixture *fx = *state;
	struct fetch_result r;
	char *path = xasprintf("%s/feed one.xml", fx->dir);
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs("<rss version=\"2.0\"><channel/></rss>\n", fp);
	assert_int_equal(fclose(fp), 0);
	char *url = xasprintf("file://%s/feed%%20one.xml", fx->dir);
	fetch_one(fx, NULL, url, "\"x\"", NULL, &r);
	assert_int_equal(r.status, FETCH_OK);
	assert_int_equal(r.http_code, 200);
	assert_string_equal(
	    r.body.p, "<rss version=\"2.0\"><channel/></rss>\n");
	assert_string_equal(r.err, "");
	fetch_result_fini(&r);
	free(url);

	url = xasprintf("file://%s/missing.xml", fx->dir);
	fetch_one(fx, NULL, url, NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	char *want = xasprintf(
	    "cannot read %s/missing.xml: %s", fx->dir, strerror(ENOENT));
	assert_string_equal(r.err, want);
	free(want);
	fetch_result_fini(&r);
	free(url);

	/* a directory is not a feed */
	url = xasprintf("file://%s", fx->dir);
	fetch_one(fx, NULL, url, NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	want = xasprintf("cannot read %s: is a directory", fx->dir);
	assert_string_equal(r.err, want);
	free(want);
	fetch_result_fini(&r);
	free(url);

	/* the file is over the cap */
	struct fetch_opts o = {.max_body = 10};
	url = xasprintf("file://%s/feed%%20one.xml", fx->dir);
	fetch_one(fx, &o, url, NULL, NULL, &r);
	assert_int_equal(r.status, FETCH_ERROR);
	assert_string_equal(r.err, "body larger than 10 bytes");
	fetch_result_fini(&r);
	free(url);
	unlink(path);
	free(path);
}

/* n feeds at once on a fresh server; returns its peak connections. */
static unsigned long
many(const struct fetch_opts *o, unsigned n)
{
	struct httpd *srv = httpd_start(NULL);
	struct fetcher *f = fetch_new(o);
	struct fetch_result *res = xcalloc(n, sizeof(*res));
	struct httpd_stats st;

	assert_non_null(srv);
	assert_non_null(f);
	for (unsigned i = 0; i < n; i++) {
		char path[64];
		snprintf(
		    path, sizeof(path), "/delay/%u/ok?n=%u", i % 3 * 10, i);
		char *url = httpd_url(srv, path);
		struct fetch_req req = {i + 1, url, NULL, NULL};
		assert_int_equal(fetch_start(f, &req), 0);
		free(url);
	}
	/* all count as in flight, even those curl queues */
	assert_int_equal(fetch_active(f), n);
	/* the same feed twice is refused */
	struct fetch_req dup = {1, "http://127.0.0.1/", NULL, NULL};
	assert_int_equal(fetch_start(f, &dup), -1);
	assert_int_equal(drive(f, res, n, 30000), n);
	assert_int_equal(fetch_active(f), 0);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(res[i].feed_id, i + 1);
		assert_int_equal(res[i].status, FETCH_OK);
		assert_non_null(strstr(res[i].body.p, "<rss"));
		fetch_result_fini(&res[i]);
	}
	free(res);
	fetch_free(f);
	assert_int_equal(httpd_stats(srv, &st), 0);
	assert_int_equal(st.requests, n);
	httpd_stop(srv);
	return st.peak;
}

static void
test_many_feeds_under_caps(void **state)
{
	(void)state;
	/* one host: the per-host cap (4) is the binding one */
	unsigned long peak = many(NULL, 200);
	assert_true(peak <= 4);
	assert_true(peak >= 2); /* and transfers did overlap */
	/* a total cap below the host cap */
	struct fetch_opts o = {.max_connections = 2, .max_host_connections = 8};
	peak = many(&o, 60);
	assert_true(peak <= 2);
}

/* Slow transfers on one host never hold back another host's: hosts take
 * turns for the places in curl. */
static void
test_hosts_take_turns(void **state)
{
	struct fixture *fx = *state;
	struct fetch_opts o = {.max_connections = 2, .max_host_connections = 1};
	struct fetcher *f = fetch_new(&o);
	struct fetch_result r;
	unsigned port = httpd_port(fx->srv);

	assert_non_null(f);
	for (uint32_t i = 1; i <= 20; i++) {
		char *url = xasprintf(
		    "http://127.0.0.1:%u/delay/8000/ok?slow=%u", port, i);
		struct fetch_req req = {i, url, NULL, NULL};
		assert_int_equal(fetch_start(f, &req), 0);
		free(url);
	}
	for (uint32_t i = 21; i <= 25; i++) {
		char *url =
		    xasprintf("http://localhost:%u/ok?fast=%u", port, i);
		struct fetch_req req = {i, url, NULL, NULL};
		assert_int_equal(fetch_start(f, &req), 0);
		free(url);
	}
	assert_int_equal(fetch_active(f), 25);
	int64_t t0 = util_now_ms();
	unsigned fast = 0;
	while (fast < 5 && util_now_ms() - t0 < 7000) {
		assert_int_equal(fetch_poll(f, NULL, 0, 100), 0);
		while (fetch_next(f, &r)) {
			assert_true(
			    r.feed_id > 20); /* the slow ones take 8 s */
			assert_int_equal(r.status, FETCH_OK);
			fast++;
			fetch_result_fini(&r);
		}
	}
	assert_int_equal(fast, 5);
	assert_int_equal(fetch_active(f), 20);
	fetch_free(f); /* aborts the slow ones, queued or not */
}

/* The total timeout is the time a transfer may take once it runs, not
 * the time it waited for a connection: three 1.2 s answers through one
 * connection under a 2 s timeout all arrive. */
static void
test_timeout_not_spent_waiting(void **state)
{
	struct fixture *fx = *state;
	struct fetch_opts o = {.max_connections = 1, .timeout = 2};
	struct fetcher *f = fetch_new(&o);
	struct fetch_result res[3];

	assert_non_null(f);
	for (uint32_t i = 1; i <= 3; i++) {
		char path[64];
		snprintf(path, sizeof(path), "/delay/1200/ok?wait=%u", i);
		char *url = httpd_url(fx->srv, path);
		struct fetch_req req = {i, url, NULL, NULL};
		assert_int_equal(fetch_start(f, &req), 0);
		free(url);
	}
	assert_int_equal(drive(f, res, 3, 15000), 3);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(res[i].err, "");
		assert_int_equal(res[i].status, FETCH_OK);
		fetch_result_fini(&res[i]);
	}
	assert_int_equal(httpd_count(fx->srv, "/delay/1200/ok?wait="), 3);
	fetch_free(f);
}

static void
test_extra_fd_wakes_poll(void **state)
{
	struct fixture *fx = *state;
	struct fetcher *f = fetch_new(NULL);
	int p[2];

	assert_non_null(f);
	assert_int_equal(pipe(p), 0);
	struct pollfd pf = {p[0], POLLIN, 0};

	/* idle curl: the wait runs its whole timeout */
	int64_t t0 = util_now_ms();
	assert_int_equal(fetch_poll(f, &pf, 1, 200), 0);
	assert_true(util_now_ms() - t0 >= 150);
	assert_int_equal(pf.revents, 0);

	/* with a transfer that never answers in flight, a byte written
	 * 300 ms later by another process ends a 10 s wait */
	char *url = httpd_url(fx->srv, "/hang");
	struct fetch_req req = {7, url, NULL, NULL};
	assert_int_equal(fetch_start(f, &req), 0);
	free(url);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct timespec ts = {0, 300 * 1000 * 1000};
		nanosleep(&ts, NULL);
		_exit(write(p[1], "x", 1) == 1 ? 0 : 1);
	}
	t0 = util_now_ms();
	while (!(pf.revents & POLLIN) && util_now_ms() - t0 < 10000)
		assert_int_equal(fetch_poll(f, &pf, 1, 10000), 0);
	int64_t ms = util_now_ms() - t0;
	assert_true(pf.revents & POLLIN);
	assert_true(ms >= 250);
	assert_true(ms < 3000);
	assert_int_equal(fetch_active(f), 1);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);

	/* the writer gone, poll reports the hang-up as poll(2) would */
	close(p[1]);
	char c;
	assert_int_equal(read(p[0], &c, 1), 1);
	assert_int_equal(fetch_poll(f, &pf, 1, 5000), 0);
	assert_true(pf.revents & POLLHUP);
	close(p[0]);
	/* freeing with a transfer in flight aborts it cleanly */
	fetch_free(f);
}

static void
test_async_dns(void **state)
{
	(void)state;
	/* Debian's libcurl resolves asynchronously; the event loop relies
	 * on it. */
	assert_int_equal(fetch_async_dns(), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ok),
	    cmocka_unit_test(test_not_modified),
	    cmocka_unit_test(test_http_errors),
	    cmocka_unit_test(test_redirects),
	    cmocka_unit_test(test_redirect_to_file_refused),
	    cmocka_unit_test(test_gzip),
	    cmocka_unit_test(test_hang_times_out),
	    cmocka_unit_test(test_drip_too_slow),
	    cmocka_unit_test(test_size_caps),
	    cmocka_unit_test(test_codings),
	    cmocka_unit_test(test_broken_coding),
	    cmocka_unit_test(test_gzip_bomb),
	    cmocka_unit_test(test_dns_failure),
	    cmocka_unit_test(test_slow_dns_does_not_block),
	    cmocka_unit_test(test_connection_refused),
	    cmocka_unit_test(test_bad_urls),
	    cmocka_unit_test(test_file_urls),
	    cmocka_unit_test(test_many_feeds_under_caps),
	    cmocka_unit_test(test_hosts_take_turns),
	    cmocka_unit_test(test_timeout_not_spent_waiting),
	    cmocka_unit_test(test_extra_fd_wakes_poll),
	    cmocka_unit_test(test_async_dns),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
