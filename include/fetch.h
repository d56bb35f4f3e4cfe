/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_FETCH_H
#define WIREDESK_FETCH_H

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "util.h"

/* Defaults for fields left 0 (or NULL) in struct fetch_opts. */
#define FETCH_DEFAULT_MAX_CONNECTIONS 16
#define FETCH_DEFAULT_MAX_HOST_CONNECTIONS 4
#define FETCH_DEFAULT_CONNECT_TIMEOUT 15
#define FETCH_DEFAULT_TIMEOUT 60
#define FETCH_DEFAULT_LOW_SPEED_LIMIT 16
#define FETCH_DEFAULT_LOW_SPEED_TIME 20
#define FETCH_DEFAULT_MAX_BODY ((size_t)8 * 1024 * 1024)
#define FETCH_MAX_REDIRECTS 5

struct fetch_opts {
	int max_connections;      /* total, default 16 */
	int max_host_connections; /* per host, default 4 */
	int connect_timeout;      /* seconds */
	int timeout;              /* whole transfer, seconds */
	int low_speed_limit;      /* bytes/s ... */
	int low_speed_time;       /* ... for this many seconds aborts */
	size_t max_body;          /* decoded bytes */
	const char *user_agent;   /* copied; default "wiredesk/VERSION" */
};

struct fetch_req {
	uint32_t feed_id;
	const char *url;           /* http(s)://, file:// */
	const char *etag;          /* NULL: none */
	const char *last_modified; /* NULL: none (an HTTP date) */
};

enum fetch_status {
	FETCH_OK,           /* 2xx with a body */
	FETCH_NOT_MODIFIED, /* 304: success, no new items */
	FETCH_HTTP_ERROR,   /* 4xx/5xx; http_code and retry_after set */
	FETCH_ERROR,        /* DNS, connect, TLS, timeout, size cap, ... */
};

/* How a FETCH_OK body is still encoded: the response's Content-Encoding
 * (gzip or deflate, the ones asked for), left to fetch_decode so that the
 * inflating runs where the caller parses, off the loop's thread. */
enum fetch_coding {
	FETCH_IDENTITY,
	FETCH_GZIP,    /* gzip, x-gzip */
	FETCH_DEFLATE, /* zlib's format, or raw deflate as some servers send */
};

/* A finished transfer.  body is owned by the result (free with
 * fetch_result_fini); it is empty unless FETCH_OK, and then always
 * allocated and NUL-terminated, even when empty, and still in the
 * response's coding until fetch_decode.  Strings are NULL when
 * absent.  etag, last_modified and content_type come from the final
 * response and hold printable ASCII only (a header with other bytes is
 * dropped); on a 304 that omits a validator, the request's value is
 * carried over, so they can always be stored as they are.  effective_url
 * is the URL after redirects, as curl reports it (not sanitized).  err is
 * a short, sanitized human reason for anything but FETCH_OK and
 * FETCH_NOT_MODIFIED ("HTTP 404 Not Found", "timed out after 20 s",
 * "body larger than 8 MiB", "could not resolve host example.invalid",
 * "redirect to file: refused", "unsupported content encoding br", ...)
 * and empty otherwise.  A file:// URL that reads fine has http_code
 * 200. */
struct fetch_result {
	uint32_t feed_id;
	enum fetch_status status;
	long http_code;
	struct buf body;
	enum fetch_coding coding; /* of body, until fetch_decode */
	size_t max_body;          /* the decoded body's cap */
	char *etag, *last_modified;
	char *content_type; /* for its charset */
	char *effective_url;
	int64_t retry_after; /* seconds to wait (429/503), -1 if none */
	char err[256];
};

struct fetcher;

/* A fetcher with its own connection pool.  opts may be NULL, and any
 * field left 0 takes its FETCH_DEFAULT_*.  Returns NULL if curl cannot
 * start.  Caller frees with fetch_free, which aborts transfers still in
 * flight and drops results not taken. */
struct fetcher *fetch_new(const struct fetch_opts *opts);
void fetch_free(struct fetcher *f);
/* Starts a transfer; the request's strings are copied.  A transfer for a
 * feed already in flight (or without a URL) is refused (-1); every other
 * failure, a bad URL included, arrives as a result.  Start as many as are
 * due: beyond the connection caps they wait (hosts taking turns) and
 * count as in flight. */
ATTR_NODISCARD int fetch_start(struct fetcher *f, const struct fetch_req *req);
/* Drives transfers and waits up to timeout_ms for curl's sockets or for
 * one of the extra fds (their revents are filled as poll(2) would).  It
 * does not wait when a result is ready; a negative timeout waits without
 * a limit.  A signal only ends the wait early.  Returns 0, or -1 when
 * curl cannot poll. */
int fetch_poll(
    struct fetcher *f, struct pollfd *extra, unsigned nextra, int timeout_ms);
/* Moves the next finished transfer into *res (which the caller then
 * finishes with fetch_result_fini); returns 1, or 0 when none is ready.
 * Results come in completion order. */
int fetch_next(struct fetcher *f, struct fetch_result *res);
/* Undoes res's coding: a FETCH_OK body is inflated in place (at most
 * max_body bytes) and its coding becomes FETCH_IDENTITY.  A body that does
 * not inflate, or inflates past the cap (a gzip bomb), makes res a
 * FETCH_ERROR with an empty body and err "could not decode the compressed
 * body" or "body larger than 8 MiB"; returns 0, or -1 then.  A pure
 * function of res, safe on any thread: the parse pool calls it before
 * parsing, and a body is read only after it. */
int fetch_decode(struct fetch_result *res);
/* Frees what res owns and empties it; safe to call twice. */
void fetch_result_fini(struct fetch_result *res);
/* Transfers in flight (started, not yet finished), waiting ones included. */
unsigned fetch_active(const struct fetcher *f);
/* Finished transfers waiting for fetch_next. */
unsigned fetch_pending(const struct fetcher *f);
/* Whether libcurl resolves names asynchronously (a blocking resolver
 * would stall the event loop). */
int fetch_async_dns(void);

#endif
