/* fetch: every HTTP(S) and file:// transfer, on one thread.
 *
 * One curl multi handle drives all transfers; the event loop waits in
 * fetch_poll (curl_multi_poll plus the caller's tty and signal pipe), so
 * sockets, keys and signals wake the same poll and idle costs nothing.
 * Connection caps are curl's own (MAX_TOTAL/MAX_HOST_CONNECTIONS).
 *
 * Curl could queue any number of transfers itself, but each easy handle
 * costs ~16 KiB from curl_easy_init and curl's pending list grows with
 * them: 5,000 feeds handed over at once took 4x the time and 6x the
 * memory of a bounded window.  So transfers wait here, in one FIFO per
 * host, and curl holds no more than the connection caps can run at once
 * (its total timeout starts when it is handed a transfer, so one left
 * waiting in curl for a connection would time out without ever being
 * sent); hosts take turns for the places, so a slow or crowded host
 * never holds back the others.  Both kinds count as in flight.
 *
 * Hostile servers are bounded on every axis: body size (MAXFILESIZE for
 * an honest Content-Length, and the buf cap in the write callback for the
 * decoded bytes, which also stops gzip bombs), time (connect and total
 * timeouts, a low-speed floor against drip-feeding), redirects (5, and
 * never to file:), and a name lookup that times out is abandoned, not
 * waited for.  Headers are captured only when they are printable
 * ASCII, so a validator we send back can never smuggle in a header.
 *
 * Conditional GET sends the stored validators back verbatim as
 * If-None-Match and If-Modified-Since headers rather than through
 * CURLOPT_TIMECONDITION: servers compare the date as a string (RFC 9110
 * recommends echoing Last-Modified exactly), and curl's time condition
 * would also silently drop a 200 it judges too old.
 *
 * Each transfer is a struct xfer: in the run array from fetch_start
 * (first in its host's queue without an easy handle, then in curl), then
 * in a FIFO of finished ones until fetch_next turns it into a
 * fetch_result and frees it.  Every outcome that is not a success gets a
 * one-line reason meant for a person. */
#include "fetch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include <curl/curl.h>
#include <libdeflate.h>

#include "text.h"

#ifndef WIREDESK_VERSION
#define WIREDESK_VERSION "0"
#endif

#define HEADER_MAX 1024 /* longer header values are dropped */

struct host;

struct xfer {
	CURL *easy; /* NULL while queued in its host */
	uint32_t feed_id;
	char *url;
	struct host *host;
	struct xfer *next; /* in its host's queue */
	size_t slot;       /* index in f->run */
	struct buf body;
	int too_big;
	CURLcode code;
	struct curl_slist *headers;
	char *req_etag, *req_last_modified;
	/* from the last response head seen */
	char *etag, *last_modified, *content_type, *retry_after, *date;
	char *location, *content_encoding;
	char errbuf[CURL_ERROR_SIZE];
};

/* Transfers waiting for a place in curl, per host ("scheme://host:port"). */
struct host {
	char *key;
	unsigned in_curl;         /* its transfers curl holds */
	struct xfer *head, *tail; /* waiting, oldest first */
	int ready;                /* in the fetcher's ready list */
	struct host *next_ready;
};

struct fetcher {
	CURLM *multi;
	struct fetch_opts o;
	char *user_agent;
	unsigned window;      /* most transfers handed to curl at once */
	unsigned host_window; /* ... for one host */
	struct xfer **run;    /* every active transfer, queued or in curl */
	uint32_t *run_ids;    /* run[i]->feed_id, scanned for duplicates */
	size_t nrun, caprun;
	size_t ncurl;        /* of which curl holds this many */
	struct host **hosts; /* open addressing by key */
	size_t nhosts, caphosts;
	struct host *rhead, *rtail; /* hosts with work and room, in turn */
	struct xfer **done;         /* FIFO: done[head .. ndone) */
	size_t head, ndone, capdone;
	struct curl_waitfd *wait; /* scratch for fetch_poll */
	size_t capwait;
};

static void
xfer_free(struct xfer *x)
{
	if (x == NULL)
		return;
	if (x->easy != NULL)
		curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	buf_fini(&x->body);
	free(x->url);
	free(x->req_etag);
	free(x->req_last_modified);
	free(x->etag);
	free(x->last_modified);
	free(x->content_type);
	free(x->retry_after);
	free(x->date);
	free(x->location);
	free(x->content_encoding);
	free(x);
}

static int
printable(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return 0;
	return 1;
}

static void
set_field(char **field, const char *v, size_t n)
{
	free(*field);
	*field =
	    n > 0 && n <= HEADER_MAX && printable(v, n) ? xstrndup(v, n) : NULL;
}

static size_t
on_header(char *p, size_t size, size_t nitems, void *ctx)
{
	struct xfer *x = ctx;
	size_t n = size * nitems;

	if (n >= 5 && memcmp(p, "HTTP/", 5) == 0) {
		/* a new response (after a redirect or a 100): forget the
		 * previous one's headers */
		char **all[] = {&x->etag, &x->last_modified, &x->content_type,
		    &x->retry_after, &x->date, &x->location,
		    &x->content_encoding};
		for (size_t i = 0; i < ARRAY_LEN(all); i++) {
			free(*all[i]);
			*all[i] = NULL;
		}
		return n;
	}
	const char *colon = memchr(p, ':', n);
	if (colon == NULL)
		return n;
	size_t nl = (size_t)(colon - p);
	const char *v = colon + 1, *end = p + n;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' ||
	                      end[-1] == ' ' || end[-1] == '\t'))
		end--;
	static const struct {
		const char *name;
		size_t off;
	} keep[] = {
	    {"ETag", offsetof(struct xfer, etag)},
	    {"Last-Modified", offsetof(struct xfer, last_modified)},
	    {"Content-Type", offsetof(struct xfer, content_type)},
	    {"Retry-After", offsetof(struct xfer, retry_after)},
	    {"Date", offsetof(struct xfer, date)},
	    {"Location", offsetof(struct xfer, location)},
	    {"Content-Encoding", offsetof(struct xfer, content_encoding)},
	};
	for (size_t i = 0; i < ARRAY_LEN(keep); i++) {
		if (strlen(keep[i].name) == nl &&
		    strncasecmp(p, keep[i].name, nl) == 0) {
			set_field((char **)((char *)x + keep[i].off), v,
			    (size_t)(end - v));
			break;
		}
	}
	return n;
}

static size_t
on_body(char *p, size_t size, size_t nitems, void *ctx)
{
	struct xfer *x = ctx;
	size_t n = size * nitems;

	if (buf_append(&x->body, p, n) < 0) {
		x->too_big = 1;
		return 0; /* a short count makes curl abort the transfer */
	}
	return n;
}

static int
pick(int v, int def)
{
	return v > 0 ? v : def;
}

struct fetcher *
fetch_new(const struct fetch_opts *opts)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return NULL;
	struct fetcher *f = xcalloc(1, sizeof(*f));
	if (opts != NULL)
		f->o = *opts;
	f->o.max_connections =
	    pick(f->o.max_connections, FETCH_DEFAULT_MAX_CONNECTIONS);
	f->o.max_host_connections =
	    pick(f->o.max_host_connections, FETCH_DEFAULT_MAX_HOST_CONNECTIONS);
	f->o.connect_timeout =
	    pick(f->o.connect_timeout, FETCH_DEFAULT_CONNECT_TIMEOUT);
	f->o.timeout = pick(f->o.timeout, FETCH_DEFAULT_TIMEOUT);
	f->o.low_speed_limit =
	    pick(f->o.low_speed_limit, FETCH_DEFAULT_LOW_SPEED_LIMIT);
	f->o.low_speed_time =
	    pick(f->o.low_speed_time, FETCH_DEFAULT_LOW_SPEED_TIME);
	if (f->o.max_body == 0)
		f->o.max_body = FETCH_DEFAULT_MAX_BODY;
	f->user_agent =
	    xstrdup(f->o.user_agent != NULL ? f->o.user_agent
	                                    : "wiredesk/" WIREDESK_VERSION);
	f->o.user_agent = f->user_agent;
	/* One transfer per connection curl may open: a transfer in curl is
	 * one that runs, and its timeout is its own. */
	f->window = (unsigned)f->o.max_connections;
	f->host_window = (unsigned)f->o.max_host_connections;
	f->multi = curl_multi_init();
	if (f->multi == NULL ||
	    curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	        (long)f->o.max_connections) != CURLM_OK ||
	    curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	        (long)f->o.max_host_connections) != CURLM_OK) {
		fetch_free(f);
		return NULL;
	}
	return f;
}

void
fetch_free(struct fetcher *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->nrun; i++) {
		if (f->run[i]->easy != NULL)
			curl_multi_remove_handle(f->multi, f->run[i]->easy);
		xfer_free(f->run[i]);
	}
	for (size_t i = f->head; i < f->ndone; i++)
		xfer_free(f->done[i]);
	for (size_t i = 0; i < f->caphosts; i++) {
		if (f->hosts[i] != NULL) {
			free(f->hosts[i]->key);
			free(f->hosts[i]);
		}
	}
	free(f->hosts);
	if (f->multi != NULL)
		curl_multi_cleanup(f->multi);
	free(f->run);
	free(f->run_ids);
	free(f->done);
	free(f->wait);
	free(f->user_agent);
	free(f);
	curl_global_cleanup();
}

/* Adds "Name: value" when value is a printable, non-empty validator. */
static int
add_validator(struct xfer *x, const char *name, const char *value, char **keep)
{
	if (value == NULL || *value == '\0' || strlen(value) > HEADER_MAX ||
	    !printable(value, strlen(value)))
		return 0;
	char *line = xasprintf("%s: %s", name, value);
	struct curl_slist *l = curl_slist_append(x->headers, line);
	free(line);
	if (l == NULL)
		return -1;
	x->headers = l;
	*keep = xstrdup(value);
	return 0;
}

static int
setup(const struct fetcher *f, struct xfer *x)
{
	CURL *e = x->easy;
	const struct fetch_opts *o = &f->o;
	curl_off_t max = (curl_off_t)o->max_body;

	/* These must take: without them a redirect could reach file:. */
	if (curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file") ||
	    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") ||
	    curl_easy_setopt(e, CURLOPT_URL, x->url) ||
	    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, max) ||
	    curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS))
		return -1;
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	/* the codings fetch_decode undoes, on the parse pool's thread */
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, (long)o->connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, (long)o->timeout);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, (long)o->low_speed_limit);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, (long)o->low_speed_time);
	curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	/* A lookup that times out (or a transfer freed while resolving)
	 * leaves its resolver thread to finish alone instead of waiting for
	 * it: a slow name server would otherwise stall the event loop. */
	curl_easy_setopt(e, CURLOPT_QUICK_EXIT, 1L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
	if (x->headers != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	return 0;
}

/* Pieces of a URL (the path decoded, the port defaulted by scheme) into
 * out[i] (caller frees each; NULL when absent or when the URL does not
 * parse). */
static void
url_parts(const char *url, size_t n, const CURLUPart *parts, char **out)
{
	CURLU *u = curl_url();
	int ok = u != NULL && url != NULL &&
	         curl_url_set(u, CURLUPART_URL, url,
	             CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK;

	for (size_t i = 0; i < n; i++) {
		char *v = NULL;
		unsigned flags = parts[i] == CURLUPART_PATH ? CURLU_URLDECODE
		                 : parts[i] == CURLUPART_PORT
		                     ? CURLU_DEFAULT_PORT
		                     : 0;
		out[i] = NULL;
		if (ok && curl_url_get(u, parts[i], &v, flags) == CURLUE_OK &&
		    v != NULL)
			out[i] = xstrdup(v);
		curl_free(v);
	}
	curl_url_cleanup(u);
}

/* "scheme://host:port" of a URL, lowercase (curl's own per-host caps
 * count by host and port); caller frees. */
static char *
host_key(const char *url)
{
	static const CURLUPart parts[] = {
	    CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT};
	char *v[ARRAY_LEN(parts)];

	url_parts(url, ARRAY_LEN(parts), parts, v);
	char *key = xasprintf(
	    "%s://%s:%s", v[0] ? v[0] : "", v[1] ? v[1] : "", v[2] ? v[2] : "");
	for (char *p = key; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	for (size_t i = 0; i < ARRAY_LEN(parts); i++)
		free(v[i]);
	return key;
}

static size_t
host_slot(const struct fetcher *f, const char *key)
{
	size_t i = (size_t)util_hash(key, strlen(key), 0) & (f->caphosts - 1);

	while (f->hosts[i] != NULL && strcmp(f->hosts[i]->key, key) != 0)
		i = (i + 1) & (f->caphosts - 1);
	return i;
}

/* The host record for key, made on first use (hosts live as long as the
 * fetcher: there are never more than feeds). */
static struct host *
host_get(struct fetcher *f, const char *key)
{
	if ((f->nhosts + 1) * 2 > f->caphosts) {
		struct host **old = f->hosts;
		size_t oldcap = f->caphosts;
		f->caphosts = oldcap ? oldcap * 2 : 16;
		f->hosts = xcalloc(f->caphosts, sizeof(*f->hosts));
		for (size_t i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				f->hosts[host_slot(f, old[i]->key)] = old[i];
		free(old);
	}
	size_t i = host_slot(f, key);
	if (f->hosts[i] == NULL) {
		f->hosts[i] = xcalloc(1, sizeof(**f->hosts));
		f->hosts[i]->key = xstrdup(key);
		f->nhosts++;
	}
	return f->hosts[i];
}

/* Puts h in the ready list if it has work waiting and room in curl. */
static void
host_wake(struct fetcher *f, struct host *h)
{
	if (h->ready || h->head == NULL || h->in_curl >= f->host_window)
		return;
	h->ready = 1;
	h->next_ready = NULL;
	if (f->rtail != NULL)
		f->rtail->next_ready = h;
	else
		f->rhead = h;
	f->rtail = h;
}

static void
run_remove(struct fetcher *f, struct xfer *x)
{
	size_t last = --f->nrun;

	f->run[x->slot] = f->run[last];
	f->run_ids[x->slot] = f->run_ids[last];
	f->run[x->slot]->slot = x->slot;
}

static void
done_push(struct fetcher *f, struct xfer *x)
{
	if (f->head > 0 && f->head == f->ndone)
		f->head = f->ndone = 0;
	if (f->ndone == f->capdone) {
		if (f->head > 0) {
			memmove(f->done, f->done + f->head,
			    (f->ndone - f->head) * sizeof(*f->done));
			f->ndone -= f->head;
			f->head = 0;
		} else {
			f->capdone = f->capdone ? f->capdone * 2 : 32;
			f->done = xreallocarray(
			    f->done, f->capdone, sizeof(*f->done));
		}
	}
	f->done[f->ndone++] = x;
}

/* Hands waiting transfers to curl while the window has room, taking the
 * hosts in turn, so one slow or crowded host never holds back the rest.
 * A transfer curl will not take finishes at once as an error. */
static void
admit(struct fetcher *f)
{
	while (f->ncurl < f->window && f->rhead != NULL) {
		struct host *h = f->rhead;
		f->rhead = h->next_ready;
		if (f->rhead == NULL)
			f->rtail = NULL;
		h->ready = 0;
		struct xfer *x = h->head;
		h->head = x->next;
		if (h->head == NULL)
			h->tail = NULL;
		x->next = NULL;
		x->easy = curl_easy_init();
		if (x->easy != NULL && setup(f, x) == 0 &&
		    curl_multi_add_handle(f->multi, x->easy) == CURLM_OK) {
			h->in_curl++;
			f->ncurl++;
		} else {
			if (x->easy != NULL)
				curl_easy_cleanup(x->easy);
			x->easy = NULL;
			x->code = CURLE_FAILED_INIT;
			run_remove(f, x);
			done_push(f, x);
		}
		host_wake(f, h);
	}
}

int
fetch_start(struct fetcher *f, const struct fetch_req *req)
{
	if (req->url == NULL)
		return -1;
	for (size_t i = 0; i < f->nrun; i++)
		if (f->run_ids[i] == req->feed_id)
			return -1;
	struct xfer *x = xcalloc(1, sizeof(*x));
	x->feed_id = req->feed_id;
	x->url = xstrdup(req->url);
	buf_init(&x->body, f->o.max_body);
	if (add_validator(x, "If-None-Match", req->etag, &x->req_etag) < 0 ||
	    add_validator(x, "If-Modified-Since", req->last_modified,
	        &x->req_last_modified) < 0) {
		xfer_free(x);
		return -1;
	}
	char *key = host_key(req->url);
	struct host *h = host_get(f, key);
	free(key);
	x->host = h;
	if (h->tail != NULL)
		h->tail->next = x;
	else
		h->head = x;
	h->tail = x;
	if (f->nrun == f->caprun) {
		f->caprun = f->caprun ? f->caprun * 2 : 32;
		f->run = xreallocarray(f->run, f->caprun, sizeof(*f->run));
		f->run_ids =
		    xreallocarray(f->run_ids, f->caprun, sizeof(*f->run_ids));
	}
	x->slot = f->nrun;
	f->run[f->nrun] = x;
	f->run_ids[f->nrun++] = x->feed_id;
	host_wake(f, h);
	admit(f);
	return 0;
}

/* Moves every transfer curl has finished from run to the done FIFO, then
 * lets waiting ones take their places. */
static void
collect(struct fetcher *f)
{
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(f->multi, &left)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		CURL *e = m->easy_handle;
		CURLcode code = m->data.result;
		char *priv = NULL;
		curl_easy_getinfo(e, CURLINFO_PRIVATE, &priv);
		struct xfer *x = (struct xfer *)(void *)priv;
		x->code = code;
		curl_multi_remove_handle(f->multi, e);
		x->host->in_curl--;
		f->ncurl--;
		run_remove(f, x);
		done_push(f, x);
		host_wake(f, x->host);
	}
	admit(f);
}

int
fetch_poll(
    struct fetcher *f, struct pollfd *extra, unsigned nextra, int timeout_ms)
{
	int running;

	for (unsigned i = 0; i < nextra; i++)
		extra[i].revents = 0;
	if (curl_multi_perform(f->multi, &running) != CURLM_OK)
		return -1;
	collect(f);
	if (nextra > f->capwait) {
		f->wait = xreallocarray(f->wait, nextra, sizeof(*f->wait));
		f->capwait = nextra;
	}
	for (unsigned i = 0; i < nextra; i++) {
		short ev = 0;
		if (extra[i].events & POLLIN)
			ev |= CURL_WAIT_POLLIN;
		if (extra[i].events & POLLPRI)
			ev |= CURL_WAIT_POLLPRI;
		if (extra[i].events & POLLOUT)
			ev |= CURL_WAIT_POLLOUT;
		f->wait[i].fd = extra[i].fd;
		f->wait[i].events = ev;
		f->wait[i].revents = 0;
	}
	int wait = timeout_ms < 0 ? INT_MAX : timeout_ms;
	if (f->head < f->ndone)
		wait = 0;
	if (curl_multi_poll(f->multi, f->wait, nextra, wait, NULL) != CURLM_OK)
		return -1;
	/* curl reports only IN, OUT and PRI; ask the kernel for the whole
	 * story (HUP, ERR, NVAL) now that something is ready */
	if (nextra > 0 && poll(extra, nextra, 0) < 0 && errno != EINTR)
		return -1;
	if (curl_multi_perform(f->multi, &running) != CURLM_OK)
		return -1;
	collect(f);
	return 0;
}

/* r's reason for a body past max: "body larger than 8 MiB" (or "512
 * KiB", "1000 bytes"), whether the transfer or the inflating found it. */
static void
too_large(struct fetch_result *r, size_t max)
{
	const size_t mib = 1024 * 1024;

	if (max >= mib && max % mib == 0)
		snprintf(r->err, sizeof(r->err), "body larger than %zu MiB",
		    max / mib);
	else if (max >= 1024 && max % 1024 == 0)
		snprintf(r->err, sizeof(r->err), "body larger than %zu KiB",
		    max / 1024);
	else
		snprintf(
		    r->err, sizeof(r->err), "body larger than %zu bytes", max);
}

static const char *
http_reason(long code)
{
	static const struct {
		long code;
		const char *text;
	} reasons[] = {
	    {300, "Multiple Choices"},
	    {301, "Moved Permanently"},
	    {302, "Found"},
	    {303, "See Other"},
	    {305, "Use Proxy"},
	    {307, "Temporary Redirect"},
	    {308, "Permanent Redirect"},
	    {400, "Bad Request"},
	    {401, "Unauthorized"},
	    {402, "Payment Required"},
	    {403, "Forbidden"},
	    {404, "Not Found"},
	    {405, "Method Not Allowed"},
	    {406, "Not Acceptable"},
	    {407, "Proxy Authentication Required"},
	    {408, "Request Timeout"},
	    {409, "Conflict"},
	    {410, "Gone"},
	    {411, "Length Required"},
	    {412, "Precondition Failed"},
	    {413, "Content Too Large"},
	    {414, "URI Too Long"},
	    {415, "Unsupported Media Type"},
	    {418, "I'm a teapot"},
	    {421, "Misdirected Request"},
	    {422, "Unprocessable Content"},
	    {425, "Too Early"},
	    {426, "Upgrade Required"},
	    {428, "Precondition Required"},
	    {429, "Too Many Requests"},
	    {431, "Request Header Fields Too Large"},
	    {451, "Unavailable For Legal Reasons"},
	    {500, "Internal Server Error"},
	    {501, "Not Implemented"},
	    {502, "Bad Gateway"},
	    {503, "Service Unavailable"},
	    {504, "Gateway Timeout"},
	    {505, "HTTP Version Not Supported"},
	    {507, "Insufficient Storage"},
	    {508, "Loop Detected"},
	    {511, "Network Authentication Required"},
	};

	for (size_t i = 0; i < ARRAY_LEN(reasons); i++)
		if (reasons[i].code == code)
			return reasons[i].text;
	return NULL;
}

/* One piece of a URL as it is; caller frees.  NULL when absent. */
static char *
url_part_raw(const char *url, CURLUPart part)
{
	char *out;

	url_parts(url, 1, &part, &out);
	return out;
}

/* The same, sanitized for a reason text ("?" when absent). */
static char *
url_part(const char *url, CURLUPart part)
{
	char *raw = url_part_raw(url, part);

	if (raw == NULL)
		return xstrdup("?");
	char *out = text_clean(raw, strlen(raw), 0);
	free(raw);
	return out;
}

/* The scheme of a Location value ("file" for "file:///x"), or NULL. */
static char *
scheme_of(const char *loc)
{
	size_t n = 0;

	if (loc == NULL)
		return NULL;
	while (n < 16 && loc[n] != '\0' &&
	       (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	               "0123456789+-.",
	            loc[n]) != NULL))
		n++;
	return n > 0 && loc[n] == ':' ? xstrndup(loc, n) : NULL;
}

/* Seconds to wait from a Retry-After value: delta-seconds, or an HTTP
 * date measured against the response's own Date (so a skewed local clock
 * does not matter), else against now.  -1 when it does not parse. */
static int64_t
retry_seconds(const char *v, const char *date)
{
	if (v == NULL)
		return -1;
	if (*v >= '0' && *v <= '9') {
		char *end;
		unsigned long long s = strtoull(v, &end, 10);
		if (*end != '\0')
			return -1;
		return s > (1ULL << 31) ? (int64_t)1 << 31 : (int64_t)s;
	}
	time_t when = curl_getdate(v, NULL);
	if (when == -1)
		return -1;
	time_t base = date != NULL ? curl_getdate(date, NULL) : (time_t)-1;
	if (base == -1)
		base = time(NULL);
	return when > base ? (int64_t)(when - base) : 0;
}

/* Why the file of a file: URL cannot be read: fills r->err and returns
 * -1, or returns 0 when it is a readable regular file after all. */
static int
file_error(struct fetch_result *r)
{
	struct stat sb;
	char *raw = url_part_raw(r->effective_url, CURLUPART_PATH);
	int bad = raw == NULL || stat(raw, &sb) != 0;
	int err = raw == NULL ? ENOENT : errno;
	int dir = !bad && S_ISDIR(sb.st_mode);

	free(raw);
	if (!bad && !dir && r->status == FETCH_OK)
		return 0;
	char *s = url_part(r->effective_url, CURLUPART_PATH);
	snprintf(r->err, sizeof(r->err), "cannot read %s: %s", s,
	    bad   ? strerror(err)
	    : dir ? "is a directory"
	          : "not readable");
	free(s);
	return -1;
}

static void
describe_curl_error(
    const struct fetcher *f, struct xfer *x, struct fetch_result *r)
{
	const char *eb = x->errbuf;
	char *host = NULL, *s = NULL;
	long oserr = 0;
	CURLcode c = x->code;

	switch (c) {
	case CURLE_WRITE_ERROR:
		if (!x->too_big)
			goto other;
		/* FALLTHROUGH */
	case CURLE_FILESIZE_EXCEEDED:
		too_large(r, f->o.max_body);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		if (strncmp(eb, "Operation too slow", 18) == 0)
			snprintf(r->err, sizeof(r->err),
			    "too slow: under %d bytes/s for %d s",
			    f->o.low_speed_limit, f->o.low_speed_time);
		else if (strncmp(eb, "Resolving timed out", 19) == 0)
			snprintf(r->err, sizeof(r->err),
			    "name lookup timed out after %d s",
			    f->o.connect_timeout);
		else if (strncmp(eb, "Connection timed out", 20) == 0 ||
		         strncmp(eb, "Connection time-out", 19) == 0)
			snprintf(r->err, sizeof(r->err),
			    "connect timed out after %d s",
			    f->o.connect_timeout);
		else
			snprintf(r->err, sizeof(r->err), "timed out after %d s",
			    f->o.timeout);
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		host = url_part(r->effective_url, CURLUPART_HOST);
		snprintf(
		    r->err, sizeof(r->err), "could not resolve host %s", host);
		break;
	case CURLE_COULDNT_RESOLVE_PROXY:
		snprintf(r->err, sizeof(r->err), "could not resolve the proxy");
		break;
	case CURLE_COULDNT_CONNECT:
		host = url_part(r->effective_url, CURLUPART_HOST);
		curl_easy_getinfo(x->easy, CURLINFO_OS_ERRNO, &oserr);
		snprintf(r->err, sizeof(r->err), "could not connect to %s: %s",
		    host, oserr ? strerror((int)oserr) : "failed");
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		snprintf(r->err, sizeof(r->err),
		    "too many redirects (more than %d)", FETCH_MAX_REDIRECTS);
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		s = scheme_of(x->location);
		if (s != NULL && r->http_code >= 300 && r->http_code < 400) {
			snprintf(r->err, sizeof(r->err),
			    "redirect to %s: refused", s);
			break;
		}
		free(s);
		s = url_part(r->effective_url, CURLUPART_SCHEME);
		snprintf(r->err, sizeof(r->err), "unsupported protocol %s", s);
		break;
	case CURLE_URL_MALFORMAT:
		snprintf(r->err, sizeof(r->err), "malformed URL");
		break;
	case CURLE_FILE_COULDNT_READ_FILE:
		file_error(r);
		break;
	case CURLE_GOT_NOTHING:
		snprintf(r->err, sizeof(r->err), "empty reply from server");
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
		s = text_clean(eb, strlen(eb), 0);
		snprintf(r->err, sizeof(r->err), "TLS error: %s",
		    *s ? s : curl_easy_strerror(c));
		break;
	default:
	other:
		s = text_clean(eb, strlen(eb), 0);
		snprintf(r->err, sizeof(r->err), "%s%s%s",
		    curl_easy_strerror(c), *s ? ": " : "", s);
		break;
	}
	free(host);
	free(s);
}

static void
take(char **dst, char **src)
{
	*dst = *src;
	*src = NULL;
}

/* The coding of a Content-Encoding value (NULL: none); -1 for one not
 * asked for, or more than one ("gzip, br"). */
static int
coding_of(const char *v, enum fetch_coding *out)
{
	static const struct {
		const char *name;
		enum fetch_coding coding;
	} names[] = {
	    {"identity", FETCH_IDENTITY},
	    {"gzip", FETCH_GZIP},
	    {"x-gzip", FETCH_GZIP},
	    {"deflate", FETCH_DEFLATE},
	};
	int n = 0;

	*out = FETCH_IDENTITY;
	while (v != NULL && *v != '\0') {
		size_t len = strcspn(v, ", \t");
		if (len > 0) {
			size_t i = 0;
			while (i < ARRAY_LEN(names) &&
			       !(strlen(names[i].name) == len &&
			           strncasecmp(v, names[i].name, len) == 0))
				i++;
			if (i == ARRAY_LEN(names))
				return -1;
			if (names[i].coding != FETCH_IDENTITY) {
				if (n++ > 0)
					return -1;
				*out = names[i].coding;
			}
		}
		v += len;
		v += strspn(v, ", \t");
	}
	return 0;
}

/* Turns a finished transfer into a result; x keeps nothing r owns. */
static void
finish(const struct fetcher *f, struct xfer *x, struct fetch_result *r)
{
	char *url = NULL, *scheme = NULL;
	long code = 0;

	memset(r, 0, sizeof(*r));
	r->feed_id = x->feed_id;
	r->retry_after = -1;
	buf_init(&r->body, 0);
	if (x->easy == NULL) {
		r->status = FETCH_ERROR;
		r->effective_url = xstrdup(x->url);
		snprintf(
		    r->err, sizeof(r->err), "could not start the transfer");
		return;
	}
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &url);
	curl_easy_getinfo(x->easy, CURLINFO_SCHEME, &scheme);
	r->http_code = code;
	r->effective_url = url != NULL ? xstrdup(url) : NULL;
	take(&r->etag, &x->etag);
	take(&r->last_modified, &x->last_modified);
	take(&r->content_type, &x->content_type);

	if (x->code != CURLE_OK) {
		r->status = FETCH_ERROR;
		describe_curl_error(f, x, r);
		return;
	}
	if (scheme != NULL && strcasecmp(scheme, "file") == 0 && code == 0) {
		r->http_code = code = 200;
		/* curl reads a directory as an empty file */
		r->status = FETCH_OK;
		if (x->body.len == 0 && file_error(r) < 0) {
			r->status = FETCH_ERROR;
			return;
		}
	}
	if (code >= 200 && code < 300) {
		if (coding_of(x->content_encoding, &r->coding) < 0) {
			r->status = FETCH_ERROR;
			snprintf(r->err, sizeof(r->err),
			    "unsupported content encoding %.64s",
			    x->content_encoding);
			return;
		}
		r->status = FETCH_OK;
		r->max_body = f->o.max_body;
		r->body = x->body;
		buf_init(&x->body, 0);
		r->body.max = 0;
		(void)buf_append(&r->body, "", 0); /* p is never NULL */
		return;
	}
	if (code == 304) {
		r->status = FETCH_NOT_MODIFIED;
		if (r->etag == NULL)
			take(&r->etag, &x->req_etag);
		if (r->last_modified == NULL)
			take(&r->last_modified, &x->req_last_modified);
		return;
	}
	r->status = FETCH_HTTP_ERROR;
	r->retry_after = retry_seconds(x->retry_after, x->date);
	const char *why = http_reason(code);
	snprintf(r->err, sizeof(r->err), "HTTP %ld%s%s", code, why ? " " : "",
	    why ? why : "");
}

int
fetch_next(struct fetcher *f, struct fetch_result *res)
{
	if (f->head == f->ndone)
		return 0;
	struct xfer *x = f->done[f->head++];
	finish(f, x, res);
	xfer_free(x);
	return 1;
}

/* The ways a coded body may be laid out. */
enum wrap { WRAP_GZIP, WRAP_ZLIB, WRAP_RAW };

/* Inflates n bytes at in, laid out as wrap, into out (empty), max bytes
 * at most: 0, or -1 when the data is broken or ends early, -2 when it
 * inflates past max.  Gzip members that follow the first (a gzip file may
 * be several) are inflated too; what trails a member and is not one is
 * ignored.  libdeflate inflates a whole buffer at once, two to three
 * times as fast as zlib's stream: when the room guessed is short, it
 * starts again in twice the room, which bounds the work by twice the
 * cap whatever the data (a gzip bomb). */
static int
inflate_body(struct buf *out, const unsigned char *in, size_t n, enum wrap wrap,
    size_t max)
{
	/* one byte past max tells a body over it from one of max bytes;
	 * feeds inflate to 3 or 4 times their gzip, and a gzip member
	 * ends with its size (modulo 4 GiB) */
	size_t limit = max + 1, cap = n < limit / 4 ? 4 * n + 4096 : limit;
	if (wrap == WRAP_GZIP && n >= 18) {
		size_t isize = (size_t)in[n - 4] | (size_t)in[n - 3] << 8 |
		               (size_t)in[n - 2] << 16 |
		               (size_t)in[n - 1] << 24;
		if (isize > cap && isize < limit)
			cap = isize;
	}
	if (cap > limit)
		cap = limit;
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	if (d == NULL)
		die("out of memory");
	enum libdeflate_result r;
	for (;;) {
		out->p = xrealloc(out->p, cap + 1);
		out->cap = cap + 1;
		out->len = 0;
		size_t at = 0;
		do {
			size_t used = 0, got = 0;
			unsigned char *to = (unsigned char *)out->p + out->len;
			size_t room = cap - out->len;
			if (wrap == WRAP_GZIP)
				r = libdeflate_gzip_decompress_ex(
				    d, in + at, n - at, to, room, &used, &got);
			else if (wrap == WRAP_ZLIB)
				r = libdeflate_zlib_decompress_ex(
				    d, in + at, n - at, to, room, &used, &got);
			else
				r = libdeflate_deflate_decompress_ex(
				    d, in + at, n - at, to, room, &used, &got);
			if (r != LIBDEFLATE_SUCCESS)
				break;
			at += used;
			out->len += got;
		} while (wrap == WRAP_GZIP && n - at >= 2 && in[at] == 0x1f &&
		         in[at + 1] == 0x8b);
		if (r != LIBDEFLATE_INSUFFICIENT_SPACE || cap == limit)
			break;
		cap = cap < limit / 2 ? 2 * cap : limit;
	}
	libdeflate_free_decompressor(d);
	out->p[out->len] = '\0';
	if (r == LIBDEFLATE_INSUFFICIENT_SPACE ||
	    (r == LIBDEFLATE_SUCCESS && out->len > max))
		return -2;
	return r == LIBDEFLATE_SUCCESS ? 0 : -1;
}

int
fetch_decode(struct fetch_result *res)
{
	if (res->status != FETCH_OK || res->coding == FETCH_IDENTITY)
		return 0;
	size_t max = res->max_body ? res->max_body : FETCH_DEFAULT_MAX_BODY;
	const unsigned char *in = (const unsigned char *)res->body.p;
	size_t n = res->body.len;
	struct buf out;
	int rc;

	buf_init(&out, 0);
	if (res->coding == FETCH_GZIP) {
		rc = inflate_body(&out, in, n, WRAP_GZIP, max);
	} else {
		/* "deflate" means zlib's format, but some servers send
		 * the raw stream: its first byte cannot start zlib's */
		int zlib = n >= 2 && (in[0] & 0x0f) == 8 &&
		           ((in[0] << 8) | in[1]) % 31 == 0;
		rc =
		    inflate_body(&out, in, n, zlib ? WRAP_ZLIB : WRAP_RAW, max);
	}
	buf_fini(&res->body);
	res->coding = FETCH_IDENTITY;
	if (rc == 0) {
		res->body = out;
		return 0;
	}
	buf_fini(&out);
	buf_init(&res->body, 0);
	(void)buf_append(&res->body, "", 0);
	res->status = FETCH_ERROR;
	if (rc == -2)
		too_large(res, max);
	else
		snprintf(res->err, sizeof(res->err),
		    "could not decode the compressed body");
	return -1;
}

void
fetch_result_fini(struct fetch_result *res)
{
	buf_fini(&res->body);
	free(res->etag);
	free(res->last_modified);
	free(res->content_type);
	free(res->effective_url);
	res->etag = res->last_modified = NULL;
	res->content_type = res->effective_url = NULL;
}

unsigned
fetch_active(const struct fetcher *f)
{
	return (unsigned)f->nrun;
}

unsigned
fetch_pending(const struct fetcher *f)
{
	return (unsigned)(f->ndone - f->head);
}

int
fetch_async_dns(void)
{
	const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);

	return v != NULL && (v->features & CURL_VERSION_ASYNCHDNS) != 0;
}
