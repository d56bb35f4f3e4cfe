/* httpd: the loopback HTTP server of the test suite and the benchmarks.
 *
 * One process runs one poll() loop over non-blocking sockets, so a
 * thousand keep-alive connections cost nothing and nothing here needs a
 * lock.  Tests fork it (httpd_start): the listening socket is bound
 * before the fork, so the kernel queues connections from the first
 * moment and there is no start-up race.  It always ends by itself (a
 * lifetime, and in tests the death of its parent), so a crashed test
 * never leaves a server behind.
 *
 * Each request is answered in full when its head arrives: the response
 * goes into the connection's out buffer, and "slow" routes only change
 * when bytes may leave (a wake time for delays, one byte per wake for the
 * drip, never for the hang).  What the tests need to see crosses the
 * process boundary through two files: the request log (raw heads,
 * appended in one write each) and a counters file rewritten on change.
 */
#include "httpd.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <zlib.h>

#include "buf.h"
#include "util.h"

#define HEAD_MAX 16384
#define DEFAULT_BIG (9u * 1024 * 1024)
#define BOMB_SIZE (32u * 1024 * 1024)
#define DRIP_LEN 100
#define OK_ETAG "\"v1\""
#define OK_LAST_MODIFIED "Sat, 01 Nov 2014 10:00:00 GMT"

static const char rss_body[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\"><channel><title>Loopback</title>"
    "<link>http://127.0.0.1/</link>"
    "<item><title>Sony Pictures targeted by hack</title>"
    "<link>http://127.0.0.1/a</link><guid>a</guid>"
    "<pubDate>Mon, 24 Nov 2014 20:00:00 GMT</pubDate></item>"
    "</channel></rss>\n";

enum conn_state { C_READ, C_WRITE, C_WAIT, C_HANG };

struct conn {
	int fd;
	enum conn_state state;
	char in[HEAD_MAX];
	size_t inlen;
	struct buf out;
	size_t off;      /* bytes of out already sent */
	size_t headlen;  /* response head length (the drip starts after) */
	int drip;        /* one body byte per second */
	int keep_alive;  /* read the next request after this one */
	int64_t wake_ms; /* C_WAIT: write again from then */
};

struct server {
	const struct httpd_opts *o;
	int logfd, statsfd;
	struct conn **c;
	size_t n, cap;
	struct httpd_stats st;
	struct buf bomb; /* built on first use */
};

/* ---- the response side ---- */

static const char *
reason(int code)
{
	switch (code) {
	case 200:
		return "OK";
	case 302:
		return "Found";
	case 304:
		return "Not Modified";
	case 400:
		return "Bad Request";
	case 404:
		return "Not Found";
	case 429:
		return "Too Many Requests";
	case 431:
		return "Request Header Fields Too Large";
	case 500:
		return "Internal Server Error";
	case 503:
		return "Service Unavailable";
	default:
		return "Unknown";
	}
}

static void
http_date(time_t t, char *out, size_t len)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, len, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

/* Queues a whole response.  body may be NULL (len 0).  Without
 * with_length there is no Content-Length, and the connection closes after
 * the body to end it. */
static void
respond(struct conn *c, int head_only, int code, const char *headers,
    const void *body, size_t len, int with_length)
{
	char date[64];

	http_date(time(NULL), date, sizeof(date));
	if (!with_length)
		c->keep_alive = 0;
	buf_reset(&c->out);
	(void)buf_appendf(&c->out,
	    "HTTP/1.1 %d %s\r\nDate: %s\r\n"
	    "Server: wiredesk-test\r\n",
	    code, reason(code), date);
	if (with_length)
		(void)buf_appendf(&c->out, "Content-Length: %zu\r\n", len);
	(void)buf_appendf(&c->out, "Connection: %s\r\n%s\r\n",
	    c->keep_alive ? "keep-alive" : "close", headers ? headers : "");
	c->headlen = c->out.len;
	if (!head_only && code != 304 && len > 0)
		(void)buf_append(&c->out, body, len);
	c->off = 0;
	c->state = C_WRITE;
}

static void
respond_status(struct conn *c, int head_only, int code)
{
	char body[128];
	int n = snprintf(body, sizeof(body),
	    "<html><body><h1>%d %s</h1></body></html>\n", code, reason(code));

	respond(c, head_only, code, "Content-Type: text/html\r\n", body,
	    (size_t)n, 1);
}

void
httpd_compress(
    struct buf *out, const void *p, size_t len, size_t repeat, int wbits)
{
	z_stream z;
	unsigned char chunk[16384];

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 9, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		die("httpd: deflateInit2 failed");
	for (size_t i = 0; i <= repeat; i++) {
		int flush = i == repeat ? Z_FINISH : Z_NO_FLUSH;
		z.next_in = (Bytef *)(uintptr_t)(i == repeat ? "" : p);
		z.avail_in = i == repeat ? 0 : (uInt)len;
		do {
			z.next_out = chunk;
			z.avail_out = sizeof(chunk);
			deflate(&z, flush);
			(void)buf_append(
			    out, chunk, sizeof(chunk) - z.avail_out);
		} while (z.avail_out == 0);
	}
	deflateEnd(&z);
}

static void
gzip_into(struct buf *out, const void *p, size_t len, size_t repeat)
{
	httpd_compress(out, p, len, repeat, 15 + 16);
}

/* The value of header name in a request head, copied into out. */
static int
head_header(const char *head, const char *name, char *out, size_t outlen)
{
	size_t nl = strlen(name);

	for (const char *p = strstr(head, "\r\n"); p != NULL;
	     p = strstr(p, "\r\n")) {
		p += 2;
		if (strncasecmp(p, name, nl) != 0 || p[nl] != ':')
			continue;
		const char *v = p + nl + 1, *e = strstr(v, "\r\n");
		while (*v == ' ' || *v == '\t')
			v++;
		size_t vl = e ? (size_t)(e - v) : strlen(v);
		while (vl > 0 && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
			vl--;
		if (vl >= outlen)
			vl = outlen - 1;
		memcpy(out, v, vl);
		out[vl] = '\0';
		return 1;
	}
	return 0;
}

static size_t
path_number(const char *s, size_t def)
{
	if (*s != '/' || s[1] < '0' || s[1] > '9')
		return def;
	char *end;
	unsigned long long v = strtoull(s + 1, &end, 10);
	return v > (1ULL << 31) ? def : (size_t)v;
}

static const char *
mime_type(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL)
		return "application/octet-stream";
	if (strcmp(dot, ".xml") == 0 || strcmp(dot, ".rss") == 0)
		return "application/rss+xml; charset=utf-8";
	if (strcmp(dot, ".atom") == 0)
		return "application/atom+xml; charset=utf-8";
	if (strcmp(dot, ".html") == 0)
		return "text/html; charset=utf-8";
	/* A legacy feed whose only charset is the HTTP header's, written
	 * with a capital C as some servers do. */
	if (strcmp(dot, ".cp1252") == 0)
		return "application/rss+xml; Charset=windows-1252";
	return "text/plain; charset=utf-8";
}

/* A file under the docroot; returns the extra delay in ms. */
static int64_t
serve_file(struct server *s, struct conn *c, const char *head, int head_only,
    const char *path)
{
	const struct httpd_opts *o = s->o;
	struct stat sb;
	char inm[256], ims[256], etag[64], lm[64], hdr[512], err[128];

	if (o->docroot == NULL || strstr(path, "..") != NULL) {
		respond_status(c, head_only, 404);
		return 0;
	}
	char *full = xasprintf("%s%s", o->docroot, path);
	if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		free(full);
		respond_status(c, head_only, 404);
		return 0;
	}
	snprintf(etag, sizeof(etag), "\"%llx-%llx\"",
	    (unsigned long long)sb.st_size, (unsigned long long)sb.st_mtime);
	http_date(sb.st_mtime, lm, sizeof(lm));
	snprintf(hdr, sizeof(hdr),
	    "Content-Type: %s\r\nETag: %s\r\nLast-Modified: %s\r\n",
	    mime_type(path), etag, lm);
	int64_t delay = 0;
	if (o->delay_seed != 0)
		delay = (int64_t)(util_hash(path, strlen(path), o->delay_seed) %
		                  301);
	if ((head_header(head, "If-None-Match", inm, sizeof(inm)) &&
	        strcmp(inm, etag) == 0) ||
	    (head_header(head, "If-Modified-Since", ims, sizeof(ims)) &&
	        strcmp(ims, lm) == 0)) {
		free(full);
		respond(c, 1, 304, hdr, NULL, 0, 1);
		return delay;
	}
	size_t len;
	char *data = util_read_file(full, 256u << 20, &len, err, sizeof(err));
	free(full);
	if (data == NULL) {
		respond_status(c, head_only, 500);
		return 0;
	}
	respond(c, head_only, 200, hdr, data, len, 1);
	free(data);
	return delay;
}

static const char ok_headers[] =
    "Content-Type: application/rss+xml; charset=utf-8\r\n"
    "ETag: " OK_ETAG "\r\nLast-Modified: " OK_LAST_MODIFIED "\r\n";

/* Builds the answer to one request for path (query stripped); returns
 * the delay in ms before it may leave. */
static int64_t
route(struct server *s, struct conn *c, const char *head, int head_only,
    const char *path)
{
	char v[256], hdr[256];

	if (strcmp(path, "/ok") == 0) {
		respond(c, head_only, 200, ok_headers, rss_body,
		    sizeof(rss_body) - 1, 1);
	} else if (strcmp(path, "/etag") == 0 ||
	           strcmp(path, "/etag-bare") == 0) {
		if ((head_header(head, "If-None-Match", v, sizeof(v)) &&
		        strcmp(v, OK_ETAG) == 0) ||
		    (head_header(head, "If-Modified-Since", v, sizeof(v)) &&
		        strcmp(v, OK_LAST_MODIFIED) == 0))
			respond(
			    c, 1, 304, path[5] ? NULL : ok_headers, NULL, 0, 1);
		else
			respond(c, head_only, 200, ok_headers, rss_body,
			    sizeof(rss_body) - 1, 1);
	} else if (strcmp(path, "/404") == 0) {
		respond_status(c, head_only, 404);
	} else if (strcmp(path, "/500") == 0) {
		respond_status(c, head_only, 500);
	} else if (strcmp(path, "/429") == 0) {
		respond(c, head_only, 429, "Retry-After: 120\r\n",
		    "slow down\n", 10, 1);
	} else if (strcmp(path, "/503") == 0) {
		char when[64];
		http_date(time(NULL) + 90, when, sizeof(when));
		snprintf(hdr, sizeof(hdr), "Retry-After: %s\r\n", when);
		respond(c, head_only, 503, hdr, "busy\n", 5, 1);
	} else if (strncmp(path, "/redirect/", 10) == 0) {
		size_t n = path_number(path + 9, 1);
		if (n <= 1)
			snprintf(hdr, sizeof(hdr), "Location: /ok\r\n");
		else
			snprintf(hdr, sizeof(hdr),
			    "Location: /redirect/%zu\r\n", n - 1);
		respond(c, head_only, 302, hdr, "moved\n", 6, 1);
	} else if (strcmp(path, "/redirect-file") == 0) {
		respond(c, head_only, 302, "Location: file:///etc/passwd\r\n",
		    "moved\n", 6, 1);
	} else if (strcmp(path, "/gzip") == 0) {
		struct buf z;
		buf_init(&z, 0);
		gzip_into(&z, rss_body, sizeof(rss_body) - 1, 1);
		snprintf(hdr, sizeof(hdr), "%sContent-Encoding: gzip\r\n",
		    ok_headers);
		respond(c, head_only, 200, hdr, z.p, z.len, 1);
		buf_fini(&z);
	} else if (strncmp(path, "/coded/", 7) == 0) {
		/* the /ok body in other codings, and broken ones */
		const char *how = path + 7, *coding = how;
		struct buf z;
		buf_init(&z, 0);
		if (strcmp(how, "deflate") == 0) {
			httpd_compress(
			    &z, rss_body, sizeof(rss_body) - 1, 1, 15);
		} else if (strcmp(how, "raw-deflate") == 0) {
			httpd_compress(
			    &z, rss_body, sizeof(rss_body) - 1, 1, -15);
			coding = "deflate";
		} else if (strcmp(how, "x-gzip") == 0) {
			gzip_into(&z, rss_body, sizeof(rss_body) - 1, 1);
		} else if (strcmp(how, "members") == 0) {
			/* two gzip members: the body cut in two */
			size_t half = (sizeof(rss_body) - 1) / 2;
			gzip_into(&z, rss_body, half, 1);
			gzip_into(&z, rss_body + half,
			    sizeof(rss_body) - 1 - half, 1);
			coding = "gzip";
		} else if (strcmp(how, "truncated") == 0) {
			gzip_into(&z, rss_body, sizeof(rss_body) - 1, 1);
			z.len /= 2;
			coding = "gzip";
		} else if (strcmp(how, "garbage") == 0) {
			(void)buf_puts(&z, "this is not gzip at all");
			coding = "gzip";
		} else if (strcmp(how, "br") == 0) {
			(void)buf_puts(&z, "\x1b\x03\x00\xf8");
		} else {
			coding = "identity";
			(void)buf_append(&z, rss_body, sizeof(rss_body) - 1);
		}
		snprintf(hdr, sizeof(hdr), "%sContent-Encoding: %s\r\n",
		    ok_headers, coding);
		respond(c, head_only, 200, hdr, z.p, z.len, 1);
		buf_fini(&z);
	} else if (strcmp(path, "/hang") == 0) {
		c->state = C_HANG;
	} else if (strcmp(path, "/drip") == 0) {
		char body[DRIP_LEN];
		memset(body, 'x', sizeof(body));
		respond(c, head_only, 200, "Content-Type: text/plain\r\n", body,
		    sizeof(body), 1);
		c->drip = 1;
	} else if (strncmp(path, "/big", 4) == 0 &&
	           (path[4] == '\0' || path[4] == '/')) {
		size_t n = path_number(path + 4, DEFAULT_BIG);
		char *body = xmalloc(n + 1);
		memset(body, 'x', n);
		respond(c, head_only, 200, "Content-Type: text/plain\r\n", body,
		    n, 1);
		free(body);
	} else if (strncmp(path, "/stream", 7) == 0 &&
	           (path[7] == '\0' || path[7] == '/')) {
		size_t n = path_number(path + 7, DEFAULT_BIG);
		char *body = xmalloc(n + 1);
		memset(body, 'x', n);
		respond(c, head_only, 200, "Content-Type: text/plain\r\n", body,
		    n, 0);
		free(body);
	} else if (strcmp(path, "/bomb") == 0) {
		if (s->bomb.len == 0) {
			static const char zeros[65536];
			gzip_into(&s->bomb, zeros, sizeof(zeros),
			    BOMB_SIZE / sizeof(zeros));
		}
		respond(c, head_only, 200,
		    "Content-Type: application/rss+xml\r\n"
		    "Content-Encoding: gzip\r\n",
		    s->bomb.p, s->bomb.len, 1);
	} else if (strncmp(path, "/delay/", 7) == 0) {
		char *rest;
		long long ms = strtoll(path + 7, &rest, 10);
		if (*rest != '/' || ms < 0 || ms > 600000) {
			respond_status(c, head_only, 404);
			return 0;
		}
		return ms + route(s, c, head, head_only, rest);
	} else {
		return serve_file(s, c, head, head_only, path);
	}
	return 0;
}

/* ---- bookkeeping ---- */

static void
stats_write(struct server *s)
{
	char line[160];

	if (s->statsfd < 0)
		return;
	int n = snprintf(line, sizeof(line), "%lu %lu %lu %lu\n",
	    s->st.accepted, s->st.requests, s->st.open, s->st.peak);
	/* rewritten in place without truncating: a reader parses four
	 * numbers and ignores what a longer earlier line left behind */
	if (pwrite(s->statsfd, line, (size_t)n, 0) < 0)
		return;
}

static void
conn_close(struct server *s, struct conn *c)
{
	close(c->fd);
	c->fd = -1;
	buf_fini(&c->out);
	s->st.open--;
	stats_write(s);
}

static void conn_write(struct server *s, struct conn *c);

/* A whole request head is in c->in: log it, answer it. */
static void
handle_request(struct server *s, struct conn *c, size_t headlen)
{
	char head[HEAD_MAX + 1], method[16], target[4096], version[16];

	memcpy(head, c->in, headlen);
	head[headlen] = '\0';
	memmove(c->in, c->in + headlen, c->inlen - headlen);
	c->inlen -= headlen;
	s->st.requests++;
	stats_write(s);
	if (s->logfd >= 0 && write(s->logfd, head, headlen) < 0)
		s->logfd = -1;

	c->drip = 0;
	c->keep_alive = 0;
	int64_t delay = 0;
	if (sscanf(head, "%15s %4095s %15s", method, target, version) != 3 ||
	    target[0] != '/') {
		respond_status(c, 0, 400);
	} else {
		char conn_hdr[64];
		c->keep_alive = strcmp(version, "HTTP/1.1") == 0 &&
		                !(head_header(head, "Connection", conn_hdr,
		                      sizeof(conn_hdr)) &&
		                    strcasecmp(conn_hdr, "close") == 0);
		target[strcspn(target, "?#")] = '\0';
		delay = route(s, c, head, strcmp(method, "HEAD") == 0, target);
	}
	if (c->state == C_WRITE && delay > 0) {
		c->state = C_WAIT;
		c->wake_ms = util_now_ms() + delay;
	} else if (c->state == C_WRITE) {
		conn_write(s, c); /* most answers leave without another poll */
	}
}

static void
conn_read(struct server *s, struct conn *c)
{
	for (;;) {
		char discard[4096];
		char *p = c->state == C_HANG ? discard : c->in + c->inlen;
		size_t room = c->state == C_HANG ? sizeof(discard)
		                                 : sizeof(c->in) - c->inlen;
		if (room == 0)
			break;
		ssize_t r = recv(c->fd, p, room, 0);
		if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
			conn_close(s, c);
			return;
		}
		if (r < 0)
			break;
		if (c->state == C_HANG)
			continue;
		c->inlen += (size_t)r;
		if (c->inlen == sizeof(c->in))
			break;
	}
	if (c->state != C_READ)
		return;
	for (size_t i = 3; i < c->inlen; i++) {
		if (memcmp(c->in + i - 3, "\r\n\r\n", 4) == 0) {
			handle_request(s, c, i + 1);
			return;
		}
	}
	if (c->inlen == sizeof(c->in)) {
		c->inlen = 0;
		c->keep_alive = 0;
		respond_status(c, 0, 431);
	}
}

static void
conn_write(struct server *s, struct conn *c)
{
	while (c->off < c->out.len) {
		size_t n = c->out.len - c->off;
		if (c->drip)
			n = c->off < c->headlen ? c->headlen - c->off : 1;
		ssize_t w = send(c->fd, c->out.p + c->off, n, MSG_NOSIGNAL);
		if (w < 0) {
			if (errno == EAGAIN || errno == EINTR)
				return;
			conn_close(s, c);
			return;
		}
		c->off += (size_t)w;
		if (c->drip && c->off > c->headlen && c->off < c->out.len) {
			c->state = C_WAIT;
			c->wake_ms = util_now_ms() + 1000;
			return;
		}
	}
	if (!c->keep_alive) {
		conn_close(s, c);
		return;
	}
	buf_reset(&c->out);
	c->off = 0;
	c->state = C_READ;
	if (c->inlen > 0)
		conn_read(s, c);
}

static void
accept_all(struct server *s, int lfd)
{
	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			return;
		int one = 1;
		(void)setsockopt(
		    fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
			close(fd);
			continue;
		}
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			s->c = xreallocarray(s->c, s->cap, sizeof(*s->c));
		}
		struct conn *c = xcalloc(1, sizeof(*c));
		c->fd = fd;
		c->state = C_READ;
		buf_init(&c->out, 0);
		s->c[s->n++] = c;
		s->st.accepted++;
		if (++s->st.open > s->st.peak)
			s->st.peak = s->st.open;
		stats_write(s);
	}
}

static void
raise_fd_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
	}
}

int
httpd_serve(int lfd, const struct httpd_opts *o, int watch_parent, char *err,
    size_t errlen)
{
	struct server s;
	struct pollfd *pfd = NULL;
	size_t npfd = 0;
	pid_t parent = getppid();
	int64_t end = util_now_ms() +
	              (int64_t)(o->lifetime > 0 ? o->lifetime : 120) * 1000;

	memset(&s, 0, sizeof(s));
	s.o = o;
	s.logfd = s.statsfd = -1;
	buf_init(&s.bomb, 0);
	if (o->log_path != NULL)
		s.logfd = open(o->log_path,
		    O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (o->stats_path != NULL)
		s.statsfd =
		    open(o->stats_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if ((o->log_path && s.logfd < 0) || (o->stats_path && s.statsfd < 0)) {
		snprintf(
		    err, errlen, "cannot open the log: %s", strerror(errno));
		return -1;
	}
	stats_write(&s);
	raise_fd_limit();
	if (fcntl(lfd, F_SETFL, fcntl(lfd, F_GETFL) | O_NONBLOCK) < 0) {
		snprintf(err, errlen, "fcntl: %s", strerror(errno));
		return -1;
	}
	for (;;) {
		int64_t now = util_now_ms();
		if (now >= end || (watch_parent && getppid() != parent))
			break;
		if (npfd < s.n + 1) {
			npfd = s.n + 64;
			pfd = xreallocarray(pfd, npfd, sizeof(*pfd));
		}
		int64_t wait = end - now;
		if (watch_parent && wait > 1000)
			wait = 1000;
		pfd[0].fd = lfd;
		pfd[0].events = POLLIN;
		for (size_t i = 0; i < s.n; i++) {
			struct conn *c = s.c[i];
			pfd[i + 1].fd = c->fd;
			pfd[i + 1].events = c->state == C_WRITE  ? POLLOUT
			                    : c->state == C_WAIT ? 0
			                                         : POLLIN;
			if (c->state == C_WAIT) {
				int64_t d = c->wake_ms - now;
				wait = d < wait ? (d < 0 ? 0 : d) : wait;
			}
		}
		int r = poll(pfd, s.n + 1, (int)wait);
		if (r < 0 && errno != EINTR) {
			snprintf(err, errlen, "poll: %s", strerror(errno));
			break;
		}
		now = util_now_ms();
		/* Existing connections first, so a client that closes one
		 * connection and opens another is never counted twice. */
		size_t n = s.n;
		for (size_t i = 0; i < n; i++) {
			struct conn *c = s.c[i];
			short re = r > 0 ? pfd[i + 1].revents : 0;
			if (c->state == C_WAIT && now >= c->wake_ms) {
				c->state = C_WRITE;
				conn_write(&s, c);
			} else if (re & (POLLIN | POLLHUP | POLLERR)) {
				conn_read(&s, c);
			} else if (re & POLLOUT) {
				conn_write(&s, c);
			}
		}
		size_t keep = 0;
		for (size_t i = 0; i < s.n; i++) {
			if (s.c[i]->fd >= 0)
				s.c[keep++] = s.c[i];
			else
				free(s.c[i]);
		}
		s.n = keep;
		if (r > 0 && (pfd[0].revents & POLLIN))
			accept_all(&s, lfd);
	}
	for (size_t i = 0; i < s.n; i++) {
		conn_close(&s, s.c[i]);
		free(s.c[i]);
	}
	free(s.c);
	free(pfd);
	buf_fini(&s.bomb);
	if (s.logfd >= 0)
		close(s.logfd);
	if (s.statsfd >= 0)
		close(s.statsfd);
	return 0;
}

int
httpd_listen(unsigned port, unsigned *bound, char *err, size_t errlen)
{
	struct sockaddr_in a;
	socklen_t alen = sizeof(a);
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0) {
		snprintf(err, errlen, "socket: %s", strerror(errno));
		return -1;
	}
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(fd, 4096) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &alen) != 0) {
		snprintf(
		    err, errlen, "127.0.0.1:%u: %s", port, strerror(errno));
		close(fd);
		return -1;
	}
	*bound = ntohs(a.sin_port);
	return fd;
}

/* ---- the forked server of the tests ---- */

struct httpd {
	pid_t pid;
	unsigned port;
	char *dir, *log, *stats;
};

struct httpd *
httpd_start(const char *docroot)
{
	struct httpd_opts o;

	memset(&o, 0, sizeof(o));
	o.docroot = docroot;
	return httpd_start_opts(&o);
}

struct httpd *
httpd_start_opts(const struct httpd_opts *opts)
{
	char err[256];
	const char *tmp = getenv("TMPDIR");
	struct httpd *h = xcalloc(1, sizeof(*h));

	h->dir = xasprintf("%s/httpd.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(h->dir) == NULL) {
		free(h->dir);
		free(h);
		return NULL;
	}
	h->log = xasprintf("%s/requests", h->dir);
	h->stats = xasprintf("%s/stats", h->dir);
	int fd = httpd_listen(0, &h->port, err, sizeof(err));
	if (fd < 0) {
		h->pid = -1;
		httpd_stop(h);
		return NULL;
	}
	/* create both files now, so a read right after start finds them */
	int lf = open(h->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int sf = open(h->stats, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (lf < 0 || sf < 0 || write(sf, "0 0 0 0\n", 8) != 8) {
		if (lf >= 0)
			close(lf);
		if (sf >= 0)
			close(sf);
		close(fd);
		h->pid = -1;
		httpd_stop(h);
		return NULL;
	}
	close(lf);
	close(sf);
	fflush(NULL);
	h->pid = fork();
	if (h->pid == 0) {
		struct httpd_opts o = *opts;
		o.log_path = h->log;
		o.stats_path = h->stats;
		/* _exit: the child must not run the parent's atexit work */
		_exit(httpd_serve(fd, &o, 1, err, sizeof(err)) == 0 ? 0 : 1);
	}
	close(fd);
	if (h->pid < 0) {
		httpd_stop(h);
		return NULL;
	}
	/* No wait needed: the socket listens already, the kernel queues
	 * connections until the child accepts them. */
	return h;
}

unsigned
httpd_port(const struct httpd *h)
{
	return h->port;
}

char *
httpd_url(const struct httpd *h, const char *path)
{
	return xasprintf("http://127.0.0.1:%u%s", h->port, path);
}

void
httpd_stop(struct httpd *h)
{
	if (h == NULL)
		return;
	if (h->pid > 0) {
		kill(h->pid, SIGKILL);
		while (waitpid(h->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	unlink(h->log);
	unlink(h->stats);
	rmdir(h->dir);
	free(h->log);
	free(h->stats);
	free(h->dir);
	free(h);
}

char *
httpd_log(const struct httpd *h)
{
	char err[128];
	size_t len;
	char *s = util_read_file(h->log, 256u << 20, &len, err, sizeof(err));

	return s ? s : xstrdup("");
}

char *
httpd_header(const struct httpd *h, const char *target, const char *name)
{
	char *log = httpd_log(h), *found = NULL;
	size_t tl = strlen(target);

	for (char *req = log; *req != '\0';) {
		char *end = strstr(req, "\r\n\r\n");
		if (end == NULL)
			break;
		end[2] = '\0'; /* keep the last header's CRLF */
		const char *sp = strchr(req, ' ');
		if (sp != NULL && strncmp(sp + 1, target, tl) == 0 &&
		    sp[1 + tl] == ' ') {
			char v[4096];
			if (head_header(req, name, v, sizeof(v))) {
				free(found);
				found = xstrdup(v);
			} else {
				free(found);
				found = NULL;
			}
		}
		req = end + 4;
	}
	free(log);
	return found;
}

size_t
httpd_count(const struct httpd *h, const char *prefix)
{
	char *log = httpd_log(h);
	size_t n = 0, pl = strlen(prefix);

	for (char *req = log; *req != '\0';) {
		char *end = strstr(req, "\r\n\r\n");
		if (end == NULL)
			break;
		const char *sp = strchr(req, ' ');
		if (sp != NULL && sp < end && strncmp(sp + 1, prefix, pl) == 0)
			n++;
		req = end + 4;
	}
	free(log);
	return n;
}

int
httpd_stats(const struct httpd *h, struct httpd_stats *st)
{
	char err[128];
	size_t len;
	char *s = util_read_file(h->stats, 4096, &len, err, sizeof(err));

	if (s == NULL)
		return -1;
	int n = sscanf(s, "%lu %lu %lu %lu", &st->accepted, &st->requests,
	    &st->open, &st->peak);
	free(s);
	return n == 4 ? 0 : -1;
}
