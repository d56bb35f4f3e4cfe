/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_HTTPD_H
#define WIREDESK_HTTPD_H

#include <stddef.h>
#include <stdint.h>

/* A tiny HTTP/1.1 server on 127.0.0.1 for tests and benchmarks: one
 * process, poll() over non-blocking sockets, keep-alive.  Routes (the
 * query string is ignored for routing, kept in the log):
 *
 *   /ok            200, an RSS body, ETag "v1" and a Last-Modified
 *   /etag          304 when If-None-Match is "v1" or If-Modified-Since is
 *                  that Last-Modified verbatim, else as /ok
 *   /etag-bare     the same, but its 304 carries no validators
 *   /404 /500      those codes, a short HTML body
 *   /429           429 with Retry-After: 120
 *   /503           503 with Date and Retry-After: an HTTP date 90 s later
 *   /redirect/N    302 to /redirect/N-1; /redirect/1 goes to /ok
 *   /redirect-file 302 to file:///etc/passwd
 *   /gzip          the /ok body, Content-Encoding: gzip
 *   /coded/HOW     the /ok body as deflate, raw-deflate (sent as deflate),
 *                  x-gzip, members (two gzip members), identity; or
 *                  broken: truncated and garbage (as gzip), br (junk)
 *   /hang          reads the request, never answers
 *   /drip          200, Content-Length 100, one body byte a second
 *   /big[/N]       N bytes (default 9 MiB) with a Content-Length
 *   /stream[/N]    N bytes (default 9 MiB), no length, closed at the end
 *   /bomb          gzip that inflates to 32 MiB of zeros (~32 KiB sent)
 *   /delay/MS/REST answers REST (any route or file) after MS milliseconds
 *   /anything-else a file under the docroot (ETag, Last-Modified, 304 on
 *                  a matching If-None-Match), else 404
 */
struct httpd_opts {
	const char *docroot;    /* NULL: routes only */
	uint64_t delay_seed;    /* non-zero: files answered after 0-300 ms,
	                         * fixed per path by the seed */
	int lifetime;           /* seconds until the server exits by itself;
	                         * <= 0: 120 */
	const char *log_path;   /* every request head appended; NULL: none */
	const char *stats_path; /* counters rewritten on change; NULL: none */
};

struct httpd_stats {
	unsigned long accepted; /* connections */
	unsigned long requests;
	unsigned long open; /* connections open now */
	unsigned long peak; /* most connections open at once */
};

struct httpd;

/* Forks a server for docroot (NULL: routes only) on a port the kernel
 * picks; it is accepting when this returns.  It logs requests and
 * counters into a private temp directory.  Returns NULL on failure.
 * Stop with httpd_stop (which also frees). */
struct httpd *httpd_start(const char *docroot);
/* The same with every option (log_path and stats_path are ignored: the
 * handle keeps its own). */
struct httpd *httpd_start_opts(const struct httpd_opts *o);
unsigned httpd_port(const struct httpd *h);
/* "http://127.0.0.1:PORT" + path; caller frees. */
char *httpd_url(const struct httpd *h, const char *path);
/* Kills and reaps the server, removes its files, frees h. */
void httpd_stop(struct httpd *h);
/* Every request head received so far, in arrival order, each ending in
 * an empty line; caller frees. */
char *httpd_log(const struct httpd *h);
/* The value of header name (case-insensitive) in the last request whose
 * target (path and query) is target, or NULL; caller frees. */
char *httpd_header(const struct httpd *h, const char *target, const char *name);
/* Requests whose target starts with prefix. */
size_t httpd_count(const struct httpd *h, const char *prefix);
/* The counters; returns 0, or -1 when they cannot be read. */
int httpd_stats(const struct httpd *h, struct httpd_stats *st);

/* Appends p (len bytes, repeat times) to out compressed with zlib's
 * window bits wbits: 15 + 16 for gzip, 15 for zlib's format, -15 for raw
 * deflate (the bodies of /gzip and /coded, for other tests too). */
struct buf;
void httpd_compress(
    struct buf *out, const void *p, size_t len, size_t repeat, int wbits);

/* The pieces, for a server in the current process (feedserver).
 * httpd_listen binds 127.0.0.1:port (0: the kernel picks) and returns the
 * listening socket, or -1 with err set; *bound gets the port. */
int httpd_listen(unsigned port, unsigned *bound, char *err, size_t errlen);
/* Serves fd until the lifetime ends (or, when watch_parent, the parent
 * process goes away).  Returns 0, or -1 with err set. */
int httpd_serve(int fd, const struct httpd_opts *o, int watch_parent, char *err,
    size_t errlen);

#endif
