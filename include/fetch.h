/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_FETCH_H
#define WIREDESK_FETCH_H

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "util.h"

struct fetch_opts {
	int max_connections;	  /* total, default 16 */
	int max_host_connections; /* per host, default 4 */
	int connect_timeout;	  /* seconds */
	int timeout;		  /* whole transfer, seconds */
	int low_speed_limit;	  /* bytes/s ... */
	int low_speed_time;	  /* ... for this many seconds aborts */
	size_t max_body;	  /* decoded bytes */
	const char *user_agent;	  /* copied */
};

struct fetch_req {
	uint32_t feed_id;
	const char *url;	   /* http(s)://, file:// */
	const char *etag;	   /* NULL: none */
	const char *last_modified; /* NULL: none (an HTTP date) */
};

enum fetch_status {
	FETCH_OK,	    /* 2xx with a body */
	FETCH_NOT_MODIFIED, /* 304: success, no new items */
	FETCH_HTTP_ERROR,   /* 4xx/5xx; http_code and retry_after set */
	FETCH_ERROR,	    /* DNS, connect, TLS, timeout, size cap, ... */
};

/* A finished transfer.  body is owned by the result (free with
 * fetch_result_fini); strings are NULL when absent.  err is a human
 * reason for anything but FETCH_OK/FETCH_NOT_MODIFIED. */
struct fetch_result {
	uint32_t feed_id;
	enum fetch_status status;
	long http_code;
	struct buf body;
	char *etag, *last_modified;
	char *content_type; /* for its charset */
	char *effective_url;
	int64_t retry_after; /* seconds to wait (429/503), -1 if none */
	char err[256];
};

struct fetcher;

struct fetcher *fetch_new(const struct fetch_opts *opts);
void fetch_free(struct fetcher *f);
/* Starts a transfer; the request's strings are copied.  A transfer for a
 * feed already in flight is refused (-1). */
ATTR_NODISCARD int fetch_start(struct fetcher *f, const struct fetch_req *req);
/* Drives transfers and waits up to timeout_ms for curl's sockets or for
 * one of the extra fds (their revents are filled).  Returns 0, or -1 when
 * interrupted. */
int fetch_poll(struct fetcher *f, struct pollfd *extra, unsigned nextra,
    int timeout_ms);
/* Moves the next finished transfer into *res; returns 1, or 0 when none
 * is ready. */
int fetch_next(struct fetcher *f, struct fetch_result *res);
void fetch_result_fini(struct fetch_result *res);
/* Transfers in flight. */
unsigned fetch_active(const struct fetcher *f);
/* Whether libcurl resolves names asynchronously (a blocking resolver
 * would stall the event loop). */
int fetch_async_dns(void);

#endif
